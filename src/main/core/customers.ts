import { ok, type Result } from '../../shared/result';
import type { PhotoUpload, ProfileUpdateRequest, RegisterRequest } from '../../shared/schemas';
import { userEnvelopeSchema, type ApiUser } from './api-schemas';
import { errorFromResponse, parseBody, type HttpRequest, type HttpResponse } from './http';

/** Customer endpoints (API §5): request builders and response readers, no session logic. */

/** The fields of a profile update as the server names them (API §5.3). */
type UpdateFields = Partial<
  Record<'first_name' | 'middle_name' | 'last_name' | 'gender' | 'birthdate' | 'password', string>
>;

/** Reads a `{"data": <User>}` body, accepting only the expected success status. */
export function readUser(response: HttpResponse, expectedStatus: 200 | 201): Result<ApiUser> {
  if (response.status !== expectedStatus) return { ok: false, error: errorFromResponse(response) };
  const body = parseBody(response, userEnvelopeSchema);
  return body.ok ? ok(body.value.data) : body;
}

/** `POST /api/v1/customers` (no auth needed; the client_credentials token is sent as the seed does). */
export function registerRequest(request: RegisterRequest, clientToken: string): HttpRequest {
  // The photo is ignored at registration (API §5.1): it is uploaded by an update afterwards.
  return {
    method: 'POST',
    path: 'api/v1/customers',
    bearer: clientToken,
    json: {
      email: request.email,
      password: request.password,
      first_name: request.firstName,
      last_name: request.lastName,
    },
  };
}

/** `GET /api/v1/customers/me` */
export function showMeRequest(accessToken: string): HttpRequest {
  return { method: 'GET', path: 'api/v1/customers/me', bearer: accessToken };
}

/** Drops absent and empty values: an empty optional field would fail on the server (API §1.3). */
export function updateFields(request: ProfileUpdateRequest): UpdateFields {
  const candidates: UpdateFields = {
    first_name: request.firstName,
    middle_name: request.middleName,
    last_name: request.lastName,
    gender: request.gender,
    birthdate: request.birthdate,
    password: request.newPassword,
  };
  const fields: UpdateFields = {};
  for (const [key, value] of Object.entries(candidates) as [keyof UpdateFields, string?][]) {
    if (value === undefined) continue;
    // Passwords are never trimmed by the server; other fields are (API §1.3).
    if ((key === 'password' ? value : value.trim()) === '') continue;
    fields[key] = value;
  }
  return fields;
}

/**
 * `PUT /api/v1/customers/{id}`: JSON without a photo; with one, multipart POST + `_method=PUT`
 * (PHP does not parse a multipart PUT, API §5.3). fetch writes the multipart boundary header.
 */
export function updateRequest(
  accessToken: string,
  userId: number,
  fields: UpdateFields,
  photo?: PhotoUpload,
): HttpRequest {
  const path = `api/v1/customers/${userId}`;
  if (!photo) return { method: 'PUT', path, bearer: accessToken, json: fields };
  const form = new FormData();
  form.append('_method', 'PUT');
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const bytes = new Uint8Array(photo.bytes); // a plain copy: Blob needs an ArrayBuffer-backed view
  form.append('image', new Blob([bytes], { type: photo.type }), photo.name);
  return { method: 'POST', path, bearer: accessToken, body: form };
}
