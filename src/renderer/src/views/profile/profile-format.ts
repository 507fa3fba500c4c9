import type { Profile } from '@shared/views';

/** "First Middle Last", skipping empty parts. */
export function fullNameOf(profile: Profile): string {
  return [profile.firstName, profile.middleName, profile.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

/** Up to two initials for the photo placeholder. */
export function initialsOf(profile: Profile): string {
  const letters = [profile.firstName, profile.lastName]
    .map((part) => part.trim().charAt(0))
    .join('')
    .toUpperCase();
  return letters || profile.email.charAt(0).toUpperCase();
}

/** "Male" / "Female". */
export function genderLabel(gender: Profile['gender']): string {
  return gender === 'male' ? 'Male' : 'Female';
}

const DATE_FORMAT = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/** A `YYYY-MM-DD` birthdate as a readable date in the user's locale. */
export function formatBirthdate(birthdate: string): string {
  const date = new Date(`${birthdate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? birthdate : DATE_FORMAT.format(date);
}
