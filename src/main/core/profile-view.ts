import type { Profile, SessionUser } from '../../shared/views';
import type { ApiUser } from './api-schemas';

/** Maps the API's User (§10.1) to the renderer's Profile (image data and birthdate added later). */
export function toProfile(user: ApiUser, birthdate: string | null): Omit<Profile, 'imageDataUrl'> {
  return {
    id: user.id,
    accountId: user.account_id,
    email: user.email,
    userGroup: user.user_group,
    firstName: user.profile.first_name,
    middleName: user.profile.middle_name ?? '',
    lastName: user.profile.last_name ?? '',
    gender: user.profile.gender,
    birthdate,
    imageUrl: user.image,
  };
}

/** The session's idea of the user, from the API's User. */
export function toSessionUser(user: ApiUser): SessionUser {
  const name = [user.profile.first_name, user.profile.last_name ?? '']
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return { id: user.id, email: user.email, displayName: name || user.email };
}

/** Preference key for the birthdate last saved from this app (the server never returns it). */
export function birthdateKey(origin: string, userId: number): string {
  return `birthdate:${origin}:${userId}`;
}
