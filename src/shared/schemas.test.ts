import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  fieldErrorsFrom,
  passwordChangeFormSchema,
  profileUpdateSchema,
  registerSchema,
  signInSchema,
} from './schemas';

const valid = {
  email: 'maria@example.com',
  password: 's3cret',
  firstName: 'Maria',
  lastName: 'Santos',
};

describe('registerSchema', () => {
  it('accepts a valid registration and trims names and email, not the password', () => {
    const parsed = registerSchema.parse({
      ...valid,
      email: ' maria@example.com ',
      password: ' pw ',
    });
    expect(parsed.email).toBe('maria@example.com');
    expect(parsed.password).toBe(' pw ');
  });

  it.each([
    ['email', '', 'The email field is required.'],
    ['email', 'not-an-email', 'The email must be a valid email address.'],
    ['email', 'mariá@example.com', 'The email must be a valid email address.'],
    ['email', `${'a'.repeat(65)}@example.com`, 'The email must be a valid email address.'],
    ['password', 'ab', 'The password must be at least 3 characters.'],
    ['password', '   ', 'The password field is required.'],
    ['firstName', '  ', 'The first name field is required.'],
    ['lastName', 'x'.repeat(256), 'The last name may not be longer than 255 characters.'],
  ])('rejects %s = %j with the server-style message', (field, value, message) => {
    const result = registerSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsFrom(result.error)[field]).toContain(message);
  });

  it('counts password length in characters, not UTF-16 units', () => {
    expect(registerSchema.safeParse({ ...valid, password: '😀😀' }).success).toBe(false);
    expect(registerSchema.safeParse({ ...valid, password: '😀😀😀' }).success).toBe(true);
  });

  it('rejects extra keys, including prototype-pollution keys', () => {
    expect(registerSchema.safeParse({ ...valid, admin: true }).success).toBe(false);
    expect(
      registerSchema.safeParse(JSON.parse(`{"__proto__":{"x":1},"email":"a@b.co"}`)).success,
    ).toBe(false);
  });

  it('checks the photo type and size', () => {
    const photo = { name: 'a.png', type: 'image/png', bytes: new Uint8Array([1]) };
    expect(registerSchema.safeParse({ ...valid, photo }).success).toBe(true);
    expect(
      registerSchema.safeParse({ ...valid, photo: { ...photo, type: 'text/html' } }).success,
    ).toBe(false);
    const huge = { ...photo, bytes: new Uint8Array(MAX_PHOTO_BYTES + 1) };
    expect(registerSchema.safeParse({ ...valid, photo: huge }).success).toBe(false);
  });
});

describe('signInSchema', () => {
  it('requires a boolean rememberMe', () => {
    expect(
      signInSchema.safeParse({ email: 'a@b.co', password: 'x', rememberMe: 'yes' }).success,
    ).toBe(false);
  });
});

describe('profileUpdateSchema', () => {
  it.each(['2023-02-29', '1899-12-31', '3000-01-01', '01/02/2000'])(
    'rejects birthdate %s',
    (birthdate) => {
      expect(profileUpdateSchema.safeParse({ birthdate }).success).toBe(false);
    },
  );

  it('accepts an empty update and a leap day', () => {
    expect(profileUpdateSchema.safeParse({}).success).toBe(true);
    expect(
      profileUpdateSchema.safeParse({ birthdate: '2000-02-29', gender: 'female' }).success,
    ).toBe(true);
  });
});

describe('passwordChangeFormSchema', () => {
  it('puts a mismatch on the confirmation field', () => {
    const result = passwordChangeFormSchema.safeParse({
      newPassword: 'abcd',
      confirmPassword: 'abce',
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsFrom(result.error).confirmPassword).toBeDefined();
  });
});
