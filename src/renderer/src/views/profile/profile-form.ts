import {
  birthdateField,
  profileUpdateSchema,
  registerSchema,
  type PhotoUpload,
  type ProfileUpdateRequest,
} from '@shared/schemas';
import type { Profile } from '@shared/views';
import { z } from 'zod';

/**
 * The edit form's rules, built from the shared fields: first and last name stay required (the
 * server cannot clear them anyway), an empty birthdate means "leave as it is".
 */
export const profileFormSchema = z.object({
  firstName: registerSchema.shape.firstName,
  middleName: profileUpdateSchema.shape.middleName.unwrap(),
  lastName: registerSchema.shape.lastName,
  gender: profileUpdateSchema.shape.gender.unwrap(),
  birthdate: z.string().superRefine((value, ctx) => {
    if (value === '') return;
    const parsed = birthdateField.safeParse(value);
    for (const issue of parsed.error?.issues ?? [])
      ctx.addIssue({ code: 'custom', message: issue.message });
  }),
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
  for (const key of PROFILE_FORM_FIELDS) {
    const value = values[key];
    if (value === '' || value === before[key]) continue;
    if (key === 'gender') request.gender = values.gender;
    else request[key] = value;
  }
  if (photo) request.photo = photo;
  return request;
}
