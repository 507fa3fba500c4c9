import type { Profile } from '@shared/views';

/** "First Middle Last", skipping empty parts. */
export function fullNameOf(profile: Profile): string {
  return [profile.firstName, profile.middleName, profile.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

// Intl objects load locale data when built: made on first use, never while the app starts up
// (built at module load they cost the sign-in screen tens of milliseconds before it can appear).
let graphemes: Intl.Segmenter | undefined;
let dateFormat: Intl.DateTimeFormat | undefined;

/** The first visible character of `text` (after trimming), or '' when there is none. */
function firstCharacter(text: string): string {
  // Grapheme clusters, not UTF-16 units: an emoji or an accented letter is one visible character.
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(text.trim())) return segment;
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

/** A `YYYY-MM-DD` birthdate as a readable date in the user's locale. */
export function formatBirthdate(birthdate: string): string {
  const date = new Date(`${birthdate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return birthdate;
  dateFormat ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeZone: 'UTC' });
  return dateFormat.format(date);
}
