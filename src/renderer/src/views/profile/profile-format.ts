import type { Profile } from '@shared/views';

/** "First Middle Last", skipping empty parts. */
export function fullNameOf(profile: Profile): string {
  return [profile.firstName, profile.middleName, profile.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

// Grapheme clusters, not UTF-16 units: an emoji or an accented letter is one visible character.
const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The first visible character of `text` (after trimming), or '' when there is none. */
function firstCharacter(text: string): string {
  for (const { segment } of GRAPHEMES.segment(text.trim())) return segment;
  return '';
}

/** Up to two initials for the photo placeholder. */
export function initialsOf(profile: Profile): string {
  const letters = [profile.firstName, profile.lastName].map(firstCharacter).join('').toUpperCase();
  return letters || firstCharacter(profile.email).toUpperCase();
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
