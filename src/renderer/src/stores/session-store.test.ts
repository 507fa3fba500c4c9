import { fail, ok, type Result } from '@shared/result';
import type { Profile, SessionView } from '@shared/views';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../lib/api';
import { deferred, profileOf, setUpApi, signedIn, signedOut } from '../test/fixtures';
import { useProfileStore } from './profile-store';
import { startSessionSync, useSessionStore } from './session-store';

vi.mock('../lib/api');

describe('session store', () => {
  let push: (view: SessionView) => void;
  beforeEach(() => {
    push = setUpApi(signedOut());
  });

  it('loads the view and follows session:changed until unsubscribed', async () => {
    const stop = startSessionSync();
    await vi.waitFor(() => expect(useSessionStore.getState().view).toEqual(signedOut()));
    push(signedIn());
    expect(useSessionStore.getState().view).toEqual(signedIn());
    stop();
    push(signedOut({ reason: 'session_expired' }));
    expect(useSessionStore.getState().view).toEqual(signedIn());
  });

  it('shares one subscription and one session:get between callers; the last release stops it', async () => {
    vi.mocked(api.getSession).mockClear();
    const first = startSessionSync();
    const second = startSessionSync();
    await vi.waitFor(() => expect(useSessionStore.getState().view).toEqual(signedOut()));
    expect(api.getSession).toHaveBeenCalledOnce();
    first();
    first(); // releasing twice counts once
    push(signedIn());
    expect(useSessionStore.getState().view).toEqual(signedIn());
    second();
    push(signedOut({ reason: 'session_expired' }));
    expect(useSessionStore.getState().view).toEqual(signedIn());
  });

  it('ignores a session:get answer that is older than an event', async () => {
    const pending = deferred<Result<SessionView>>();
    vi.mocked(api.getSession).mockReturnValue(pending.promise);
    const stop = startSessionSync();
    push(signedIn());
    pending.resolve(ok(signedOut()));
    await pending.promise;
    await Promise.resolve();
    expect(useSessionStore.getState().view).toEqual(signedIn());
    stop();
  });

  it('keeps the view when a sign-in fails, and takes the new one when it succeeds', async () => {
    useSessionStore.setState({ view: signedOut() });
    vi.mocked(api.signIn).mockResolvedValueOnce(fail('invalid_credentials', 'x'));
    const request = { email: 'a@b.co', password: 'pw', rememberMe: false };
    expect((await useSessionStore.getState().signIn(request)).ok).toBe(false);
    expect(useSessionStore.getState().view).toEqual(signedOut());
    vi.mocked(api.signIn).mockResolvedValueOnce(ok(signedIn()));
    await useSessionStore.getState().signIn(request);
    expect(useSessionStore.getState().view).toEqual(signedIn());
  });

  it('records a failed session:get for the retry screen', async () => {
    vi.mocked(api.getSession).mockResolvedValueOnce(fail('network', 'x'));
    await useSessionStore.getState().load();
    expect(useSessionStore.getState().loadError?.code).toBe('network');
    expect(useSessionStore.getState().view).toBeNull();
  });

  it('holds no password or token anywhere in its state', async () => {
    vi.mocked(api.signIn).mockResolvedValueOnce(ok(signedIn()));
    await useSessionStore
      .getState()
      .signIn({ email: 'ada@example.com', password: 'hunter2', rememberMe: true });
    expect(JSON.stringify(useSessionStore.getState())).not.toMatch(/hunter2|token/i);
  });
});

describe('profile store', () => {
  beforeEach(() => {
    setUpApi(signedIn());
  });

  it('drops a profile:get answer that arrives after clear()', async () => {
    const pending = deferred<Result<Profile>>();
    vi.mocked(api.getProfile).mockReturnValueOnce(pending.promise);
    const loading = useProfileStore.getState().load();
    expect(useProfileStore.getState().loading).toBe(true);
    useProfileStore.getState().clear();
    pending.resolve(ok(profileOf()));
    await loading;
    expect(useProfileStore.getState().profile).toBeNull();
  });

  it('keeps the fresh profile from a successful update only', async () => {
    await useProfileStore.getState().load();
    vi.mocked(api.updateProfile).mockResolvedValueOnce(fail('server', 'x'));
    await useProfileStore.getState().update({ firstName: 'Augusta' });
    expect(useProfileStore.getState().profile?.firstName).toBe('Ada');
    await useProfileStore.getState().update({ firstName: 'Augusta' });
    expect(useProfileStore.getState().profile?.firstName).toBe('Augusta');
  });
});
