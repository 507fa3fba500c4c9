import { z } from 'zod';

/** zod schemas for the server's response bodies (API §1.5, §2.4, §2.6, §10.1). */

/** `/oauth/token` success (API §2.4); `refresh_token` is absent for client_credentials. */
export const tokenResponseSchema = z.object({
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1).optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** `/oauth/token` error (API §2.6). */
export const oauthErrorSchema = z.object({
  error: z.string(),
  message: z.string().optional(),
  hint: z.string().optional(),
});

/**
 * The auth middleware's 401 (API §3): singular `error`, no `status`; newer Laravel versions answer
 * `{"message":"Unauthenticated."}` instead.
 */
export const unauthenticatedSchema = z.union([
  z.strictObject({ error: z.literal('Unauthenticated.') }),
  z.strictObject({ message: z.literal('Unauthenticated.') }),
]);

/** A controller error (API §1.5): `{"errors": ["..."], "status": n}`. */
export const appErrorSchema = z.object({ errors: z.array(z.string()), status: z.number().int() });

/** A FormRequest validation failure (API §1.5, §12). */
export const validationErrorSchema = z.object({
  errors: z.record(z.string(), z.array(z.string())),
  status: z.literal(422),
});

/** The User representation (API §10.1); unknown extra keys are tolerated. */
export const apiUserSchema = z.object({
  id: z.number().int().positive(),
  account_id: z.string(),
  email: z.string(),
  user_group: z.string(),
  image: z.string().nullable(),
  primary_address: z.unknown().optional(),
  profile: z.object({
    first_name: z.string(),
    last_name: z.string().nullable(),
    middle_name: z.string().nullable(),
    // Stored as an enum; the server's own default is male (API §5.1).
    gender: z.enum(['male', 'female']).catch('male'),
  }),
  links: z.unknown().optional(),
});
export type ApiUser = z.infer<typeof apiUserSchema>;

/** `{"data": <User>, "status": n}` */
export const userEnvelopeSchema = z.object({ data: apiUserSchema, status: z.number().int() });
