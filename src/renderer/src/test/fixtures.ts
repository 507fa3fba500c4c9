import { ok } from '@shared/result';
import type { Profile, SessionView } from '@shared/views';
import { vi } from 'vitest';
import * as api from '../lib/api';
import { useProfileStore } from '../stores/profile-store';
import { useSessionStore } from '../stores/session-store';

/** Test data and helpers shared by the renderer tests (the api module itself is vi.mock'ed). */

const server = { url: 'http://127.0.0.1:8000', isLocal: true };

/** A signed-out view. */
export function signedOut(
  overrides: Partial<Extract<SessionView, { state: 'signed_out' }>> = {},
): SessionView {
  return {
    state: 'signed_out',
    server,
    keychain: 'available',
    reason: 'not_signed_in',
    ...overrides,
  };
}

/** A signed-in view. */
export function signedIn(
  overrides: Partial<Extract<SessionView, { state: 'signed_in' }>> = {},
): SessionView {
  return {
    state: 'signed_in',
    server,
    keychain: 'available',
    user: { id: 7, email: 'ada@example.com', displayName: 'Ada Lovelace' },
    remembered: true,
    rememberFailed: false,
    ...overrides,
  };
}

/** A profile. */
export function profileOf(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 7,
    accountId: '65f1c2a9b3d4e',
    email: 'ada@example.com',
    userGroup: 'Customer',
    firstName: 'Ada',
    middleName: '',
    lastName: 'Lovelace',
    gender: 'female',
    birthdate: null,
    imageUrl: null,
    imageDataUrl: null,
    ...overrides,
  };
}

/** A promise the test settles later, to observe busy states. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

/**
 * Resets the stores and points every api function at a typed default; returns a function that
 * pushes a `session:changed` event to whoever subscribed.
 */
export function setUpApi(view: SessionView, profile: Profile = profileOf()) {
  useSessionStore.setState({ view: null, loadError: null });
  useProfileStore.setState({ profile: null, loading: false, error: null });
  const listeners = new Set<(view: SessionView) => void>();
  vi.mocked(api.getSession).mockResolvedValue(ok(view));
  vi.mocked(api.getProfile).mockResolvedValue(ok(profile));
  vi.mocked(api.updateProfile).mockImplementation(async (request) => {
    const { photo: _photo, newPassword: _password, ...fields } = request;
    return ok({ ...profile, ...fields });
  });
  vi.mocked(api.signOut).mockResolvedValue(ok(signedOut({ reason: 'user_signed_out' })));
  vi.mocked(api.onSessionChanged).mockImplementation((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  });
  return (next: SessionView) => {
    for (const listener of listeners) listener(next);
  };
}
