import { fail, ok, type Result } from '../../shared/result';
import type { ProfileUpdateRequest } from '../../shared/schemas';
import type { Profile } from '../../shared/views';
import type { ApiUser } from './api-schemas';
import { readUser, showMeRequest, updateFields, updateRequest } from './customers';
import type { ImageFetcher } from './image-fetcher';
import type { PreferenceStore } from './preferences';
import { birthdateKey, toProfile, toSessionUser } from './profile-view';
import type { Session } from './session';

/** A profile got while establishing the session answers `profile:get` for this long. */
export const PROFILE_FRESH_MS = 60_000;

/** `profile:get` / `profile:update` plus the short-lived cache of the signed-in user's profile. */
export interface ProfileService {
  /** Keeps a User the caller just got (sign-in, registration) as the fresh profile. */
  keep(user: ApiUser): void;
  forget(): void;
  /** `GET customers/me` through the session; keeps the result and updates the session's user. */
  refreshMe(): Promise<Result<ApiUser>>;
  get(): Promise<Result<Profile>>;
  update(request: ProfileUpdateRequest): Promise<Result<Profile>>;
}

/** Dependencies of {@link createProfileService}. */
export interface ProfileServiceOptions {
  session: Session;
  preferences: PreferenceStore;
  images: ImageFetcher;
  /** The API origin (part of the birthdate preference key). */
  origin: string;
  now: () => number;
}

const NOT_SIGNED_IN = 'You are not signed in.';

/** Creates the profile service. */
export function createProfileService(options: ProfileServiceOptions): ProfileService {
  const { session, preferences, images, origin, now } = options;
  let cached: { user: ApiUser; at: number } | null = null;

  function keep(user: ApiUser) {
    cached = { user, at: now() };
  }

  async function remember(user: ApiUser) {
    keep(user);
    await session.updateUser(toSessionUser(user));
  }

  async function profileOf(user: ApiUser): Promise<Profile> {
    const birthdate = await preferences.get(birthdateKey(origin, user.id));
    const imageDataUrl = user.image ? await images.dataUrl(user.image) : null;
    return { ...toProfile(user, birthdate), imageDataUrl };
  }

  async function refreshMe(): Promise<Result<ApiUser>> {
    const sent = await session.authorized(showMeRequest);
    if (!sent.ok) return sent;
    const user = readUser(sent.value, 200);
    if (user.ok) await remember(user.value);
    return user;
  }

  return {
    keep,
    forget() {
      cached = null;
    },
    refreshMe,
    async get() {
      const current = session.user();
      if (!current) return fail('session_expired', NOT_SIGNED_IN);
      if (cached && cached.user.id === current.id && now() - cached.at < PROFILE_FRESH_MS) {
        return ok(await profileOf(cached.user));
      }
      const me = await refreshMe();
      return me.ok ? ok(await profileOf(me.value)) : me;
    },
    async update(request) {
      const current = session.user();
      if (!current) return fail('session_expired', NOT_SIGNED_IN);
      const fields = updateFields(request);
      const sent = await session.authorized((token) =>
        updateRequest(token, current.id, fields, request.photo),
      );
      if (!sent.ok) return sent;
      const user = readUser(sent.value, 201); // update answers 201 with the fresh state (API §5.3)
      if (!user.ok) return user;
      if (fields.birthdate) {
        await preferences.set(birthdateKey(origin, user.value.id), fields.birthdate);
      }
      await remember(user.value);
      return ok(await profileOf(user.value));
    },
  };
}
