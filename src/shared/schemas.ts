import * as z from 'zod/mini';

/**
 * Request schemas: the single source of rules for the renderer's forms, main's IPC payload check
 * and the tests. Rules mirror the server's (API §5, §12) so most mistakes are caught before a
 * request is sent; the server still has the last word.
 *
 * Written with `zod/mini`: the renderer ships these, and classic zod would add ~60 KB of minified
 * JavaScript to a bundle whose budget is 1.25x a React hello world.
 */

/** Longest string any text field accepts over IPC; the server's columns are varchar(255). */
export const MAX_NAME_LENGTH = 255;
/** RFC 5321 limits, which PHP's FILTER_VALIDATE_EMAIL also enforces. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_EMAIL_LOCAL_LENGTH = 64;
/** The server has no password maximum; this only bounds IPC payloads. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 3;
/** Largest photo the app uploads: PHP's default upload_max_filesize on the real server (2 MB). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp'] as const;

// ASCII only, like PHP's FILTER_VALIDATE_EMAIL; zod's email regex does the shape check.
const ASCII = /^[\x21-\x7e]+$/;

/** An email as the server accepts it: trimmed, ASCII, valid shape, length limits. */
const emailShape = z.email();

export const emailField = z.string().check(
  z.trim(),
  z.minLength(1, 'The email field is required.'),
  z.maxLength(MAX_EMAIL_LENGTH, 'The email must be a valid email address.'),
  z.refine(
    (value) =>
      ASCII.test(value) &&
      emailShape.safeParse(value).success &&
      value.indexOf('@') <= MAX_EMAIL_LOCAL_LENGTH,
    'The email must be a valid email address.',
  ),
);

/** A new password: at least 3 characters (code points), not only whitespace, never trimmed. */
export const newPasswordField = z.string().check(
  z.maxLength(
    MAX_PASSWORD_LENGTH,
    `The password may not be longer than ${MAX_PASSWORD_LENGTH} characters.`,
  ),
  z.refine((value) => value.trim().length > 0, 'The password field is required.'),
  z.refine(
    (value) => [...value].length >= MIN_PASSWORD_LENGTH,
    `The password must be at least ${MIN_PASSWORD_LENGTH} characters.`,
  ),
);

function requiredName(label: string) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, `The ${label} field is required.`),
      z.maxLength(
        MAX_NAME_LENGTH,
        `The ${label} may not be longer than ${MAX_NAME_LENGTH} characters.`,
      ),
    );
}

/** A name that may be left empty (empty means "keep what the server has"). */
function optionalName(label: string) {
  return z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(
          MAX_NAME_LENGTH,
          `The ${label} may not be longer than ${MAX_NAME_LENGTH} characters.`,
        ),
      ),
  );
}

/** An image file read by the renderer, sent to main as bytes. */
export const photoUploadSchema = z.strictObject({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_NAME_LENGTH)),
  type: z.enum(PHOTO_TYPES, { message: 'The photo must be a JPEG, PNG, GIF or WebP image.' }),
  bytes: z.instanceof(Uint8Array).check(
    z.refine((bytes) => bytes.byteLength > 0, 'The photo file is empty.'),
    z.refine(
      (bytes) => bytes.byteLength <= MAX_PHOTO_BYTES,
      `The photo may not be larger than ${MAX_PHOTO_BYTES / 1024 / 1024} MB.`,
    ),
  ),
});
export type PhotoUpload = z.infer<typeof photoUploadSchema>;

/** `session:signIn` */
export const signInSchema = z.strictObject({
  email: emailField,
  // Any existing password may be entered: only presence is checked here.
  password: z
    .string()
    .check(
      z.minLength(1, 'The password field is required.'),
      z.maxLength(MAX_PASSWORD_LENGTH, 'The password is too long.'),
    ),
  rememberMe: z.boolean(),
});
export type SignInRequest = z.infer<typeof signInSchema>;

/** `account:register` */
export const registerSchema = z.strictObject({
  email: emailField,
  password: newPasswordField,
  firstName: requiredName('first name'),
  lastName: requiredName('last name'),
  photo: z.optional(photoUploadSchema),
  /** "Keep me signed in" on the registration form; absent means no. */
  rememberMe: z.optional(z.boolean()),
});
export type RegisterRequest = z.infer<typeof registerSchema>;

/** A calendar date `YYYY-MM-DD` that exists and is not in the future. */
export const birthdateField = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'The birthdate is not a valid date.'),
  z.refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, 'The birthdate is not a valid date.'),
  z.refine(
    (value) => value >= '1900-01-01' && value <= new Date().toISOString().slice(0, 10),
    'The birthdate must be between 1900 and today.',
  ),
);

/** `profile:update`: every field optional; an absent field keeps the server's value (API §5.3). */
export const profileUpdateSchema = z.strictObject({
  firstName: optionalName('first name'),
  middleName: optionalName('middle name'),
  lastName: optionalName('last name'),
  gender: z.optional(z.enum(['male', 'female'], { message: 'The selected gender is invalid.' })),
  birthdate: z.optional(birthdateField),
  newPassword: z.optional(newPasswordField),
  photo: z.optional(photoUploadSchema),
});
export type ProfileUpdateRequest = z.infer<typeof profileUpdateSchema>;

/** Channels without arguments accept nothing but `undefined`. */
export const noArgsSchema = z.undefined();

/** The renderer's password-change form: the new password typed twice. */
export const passwordChangeFormSchema = z
  .strictObject({ newPassword: newPasswordField, confirmPassword: z.string() })
  .check(
    z.refine((form) => form.newPassword === form.confirmPassword, {
      path: ['confirmPassword'],
      message: 'The two passwords do not match.',
    }),
  );
export type PasswordChangeForm = z.infer<typeof passwordChangeFormSchema>;

/** Flattens zod issues into per-field messages (the `fields` of a `validation` error). */
export function fieldErrorsFrom(error: z.core.$ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_';
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
