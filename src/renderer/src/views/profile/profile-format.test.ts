import { describe, expect, it } from 'vitest';
import { profileOf } from '../../test/fixtures';
import { initialsOf } from './profile-format';

const initials = (firstName: string, lastName: string, email = 'ada@example.com') =>
  initialsOf(profileOf({ firstName, lastName, email }));

describe('initialsOf', () => {
  it('takes the first letter of the first and last names, upper-cased', () => {
    expect(initials(' ada', 'lovelace')).toBe('AL');
  });

  it('keeps an emoji whole instead of half a surrogate pair', () => {
    expect(initials('😀nne', 'Smith')).toBe('😀S');
    // A skin-tone modifier and a ZWJ family are one visible character each.
    expect(initials('👍🏽', '👨‍👩‍👧x')).toBe('👍🏽👨‍👩‍👧');
  });

  it('keeps a combining accent with its letter', () => {
    expect(initials('e\u0301lodie', 'o\u0308zil')).toBe('E\u0301O\u0308');
  });

  it('takes the first letter of right-to-left names', () => {
    expect(initials('عمر', 'خيام')).toBe('عخ');
  });

  it('falls back to the email, whole, when both names are empty', () => {
    expect(initials(' ', '', '😀@example.com')).toBe('😀');
  });
});
