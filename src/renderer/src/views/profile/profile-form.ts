import {
  birthdateField,
  profileUpdateSchema,
  registerSchema,
  type PhotoUpload,
  type ProfileUpdateRequest,
} from '@shared/schemas';
import type { Profile } from '@shared/views';
// zod/mini: composes with the shared schemas without pulling zod's method-chaining classic API
// into the bundle on the renderer's account.
import * as z from 'zod/mini';

/**
 * The edit form's rules, built from the shared fields: first and last name stay required (the
 * server cannot clear them anyway), an empty birthdate means "leave as it is".
 */
export const profileFormSchema = z.object({
  firstName: registerSchema.shape.firstName,
  middleName: profileUpdateSchema.shape.middleName,
  lastName: registerSchema.shape.lastName,
  gender: profileUpdateSchema.shape.gender,
  birthdate: z.string().check(
    z.superRefine((value, ctx) => {
      if (value === '') return;
      for (const issue of birthdateField.safeParse(value).error?.issues ?? []) {
        ctx.issues.push({ code: 'custom', message: issue.message, input: value });
      }
    }),
  ),
});

/** The edit form's values. */
export type ProfileFormValues = z.infer<typeof profileFormSchema>;

/** Field names the server's `validation` errors may name on this form. */
export const PROFILE_FORM_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'gender',
  'birthdate',
] as const satisfies readonly (keyof ProfileFormValues)[];

/** The form's starting values from the current profile. */
export function formValuesOf(profile: Profile): ProfileFormValues {
  return {
    firstName: profile.firstName,
    middleName: profile.middleName,
    lastName: profile.lastName,
    gender: profile.gender,
    birthdate: profile.birthdate ?? '',
  };
}

/**
 * The `profile:update` request: only fields that changed and are not empty, because the server
 * treats an empty value as "keep the old one" and an absent one the same way (API §5.3).
 */
export function updateRequestOf(
  values: ProfileFormValues,
  profile: Profile,
  photo: PhotoUpload | null,
): ProfileUpdateRequest {
  const request: ProfileUpdateRequest = {};
  const before = formValuesOf(profile);
  const changed = <K extends keyof ProfileFormValues>(key: K) => {
    const value = values[key];
    return value !== undefined && value !== '' && value !== before[key] ? value : undefined;
  };
  for (const key of ['firstName', 'middleName', 'lastName', 'birthdate'] as const) {
    const value = changed(key);
    if (value !== undefined) request[key] = value;
  }
  const gender = changed('gender');
  if (gender !== undefined) request.gender = gender;
  if (photo) request.photo = photo;
  return request;
}
