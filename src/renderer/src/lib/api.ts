import type { CliqnshipApi } from '@shared/contract';
import { fail, type Result } from '@shared/result';
import type { ProfileUpdateRequest, RegisterRequest, SignInRequest } from '@shared/schemas';
import type { Profile, SessionView } from '@shared/views';

/**
 * The only module that reads `window.cliqnship`. Everything else imports these functions, so tests
 * mock this one file and the rest of the renderer never knows which transport it runs on.
 */

function bridge(): CliqnshipApi {
  return window.cliqnship;
}

// Channels resolve to Results by contract; a rejected promise means the bridge itself broke
// (e.g. a missing preload), which the UI still shows as an error value rather than crashing.
async function guard<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call();
  } catch {
    return fail('internal', 'The app could not complete the request.');
  }
}

/** `session:get`: the current session view. */
export function getSession(): Promise<Result<SessionView>> {
  return guard(() => bridge().session.get());
}

/** `session:signIn` */
export function signIn(request: SignInRequest): Promise<Result<SessionView>> {
  return guard(() => bridge().session.signIn(request));
}

/** `session:signOut` */
export function signOut(): Promise<Result<SessionView>> {
  return guard(() => bridge().session.signOut());
}

/** Subscribes to `session:changed`; returns the unsubscribe function. */
export function onSessionChanged(listener: (view: SessionView) => void): () => void {
  return bridge().session.onChanged(listener);
}

/** `account:register` */
export function register(request: RegisterRequest): Promise<Result<SessionView>> {
  return guard(() => bridge().account.register(request));
}

/** `profile:get` */
export function getProfile(): Promise<Result<Profile>> {
  return guard(() => bridge().profile.get());
}

/** `profile:update` */
export function updateProfile(request: ProfileUpdateRequest): Promise<Result<Profile>> {
  return guard(() => bridge().profile.update(request));
}
