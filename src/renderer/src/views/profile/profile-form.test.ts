import { describe, expect, it } from 'vitest';
import { profileOf } from '../../test/fixtures';
import { formValuesOf, profileFormSchema, updateRequestOf } from './profile-form';

describe('profile form', () => {
  const profile = profileOf({ middleName: 'King', birthdate: '1990-03-12' });

  it('sends nothing for an unchanged form', () => {
    expect(updateRequestOf(formValuesOf(profile), profile, null)).toEqual({});
  });

  it('sends only changed, non-empty fields (the server keeps what is absent)', () => {
    const values = {
      ...formValuesOf(profile),
      firstName: 'Augusta',
      middleName: '',
      birthdate: '',
    };
    expect(updateRequestOf(values, profile, null)).toEqual({ firstName: 'Augusta' });
  });

  it('accepts an empty birthdate but not a future or impossible one', () => {
    const check = (birthdate: string) =>
      profileFormSchema.safeParse({ ...formValuesOf(profile), birthdate }).error?.issues[0]
        ?.message;
    expect(check('')).toBeUndefined();
    expect(check('1990-02-30')).toBe('The birthdate is not a valid date.');
    expect(check('2999-01-01')).toBe('The birthdate must be between 1900 and today.');
  });

  it('keeps first and last name required', () => {
    const result = profileFormSchema.safeParse({ ...formValuesOf(profile), lastName: '  ' });
    expect(result.error?.issues[0]?.message).toBe('The last name field is required.');
  });
});
