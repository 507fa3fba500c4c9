import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { DEFAULT_CLIENT_CREDENTIALS_CLIENT, DEFAULT_PASSWORD_CLIENT } from './config';
import { readUser } from './customers';
import {
  classifyUnauthorized,
  errorFromResponse,
  type HttpClient,
  type HttpResponse,
} from './http';
import { createOAuthClient } from './oauth-client';
import { toProfile, toSessionUser } from './profile-view';

/** Response parsing driven by the API example files (fixtures/api-examples, copied from the spec). */

const DIR = join(import.meta.dirname, '../../../fixtures/api-examples');

function example(name: string): HttpResponse {
  const file = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as {
    response: { status: number; headers?: Record<string, string>; body: unknown };
  };
  const { body } = file.response;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    status: file.response.status,
    headers: new Headers(file.response.headers ?? {}),
    text,
    json: typeof body === 'string' ? undefined : body,
  };
}

function oauthAnswering(name: string) {
  const http: HttpClient = { send: async () => ok(example(name)) };
  return createOAuthClient({
    http,
    passwordClient: DEFAULT_PASSWORD_CLIENT,
    clientCredentialsClient: DEFAULT_CLIENT_CREDENTIALS_CLIENT,
    now: () => 0,
    skewMs: 60_000,
  });
}

describe('token endpoint examples', () => {
  it.each(['token_password_success', 'token_password_success_json', 'token_refresh_success'])(
    '%s parses into a token set with an absolute expiry',
    async (name) => {
      const result = await oauthAnswering(name).passwordGrant('a@example.com', 'p');
      expect(result.ok && result.value.accessTokenExpiresAt).toBe(31_536_000_000);
      expect(result.ok && result.value.refreshToken.length).toBeGreaterThan(0);
    },
  );

  it('client_credentials success has no refresh token and is still usable', async () => {
    const result = await oauthAnswering(
      'token_client_credentials_success',
    ).clientCredentialsToken();
    expect(result.ok && result.value.startsWith('eyJ')).toBe(true);
  });

  it.each(['token_error_wrong_password', 'token_error_unknown_user'])(
    '%s -> invalid_credentials',
    async (name) => {
      const result = await oauthAnswering(name).passwordGrant('a@example.com', 'p');
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    },
  );

  it.each([
    'token_error_refresh_revoked',
    'token_error_refresh_expired',
    'token_error_refresh_garbage',
    'token_error_refresh_other_client',
    'token_error_missing_refresh_token',
  ])('%s -> session_expired on refresh', async (name) => {
    const result = await oauthAnswering(name).refreshGrant('x');
    expect(result).toMatchObject({ ok: false, error: { code: 'session_expired' } });
  });

  it.each(['token_error_wrong_client_secret', 'token_error_unknown_client'])(
    '%s -> server (configuration), never a sign-out',
    async (name) => {
      expect(await oauthAnswering(name).refreshGrant('x')).toMatchObject({
        ok: false,
        error: { code: 'server' },
      });
    },
  );
});

describe('customer examples', () => {
  it.each(['customer_show_me', 'customer_show_self'])('%s maps to a Profile', (name) => {
    const user = readUser(example(name), 200);
    if (!user.ok) throw new Error('did not parse');
    expect(toProfile(user.value, null)).toEqual({
      id: 12,
      accountId: '59d1a2b3c4d5e',
      email: 'maria.santos@example.com',
      userGroup: 'Customer',
      firstName: 'Maria',
      middleName: '',
      lastName: 'Santos',
      gender: 'female',
      birthdate: null,
      imageUrl: null,
    });
    expect(toSessionUser(user.value).displayName).toBe('Maria Santos');
  });

  it('update examples answer 201 and carry the new state', () => {
    const user = readUser(example('customer_update_image_multipart'), 201);
    expect(user.ok && user.value.image).toMatch(/^https:\/\/files\.cliqnship\.com\/prod\/users\//);
    expect(readUser(example('customer_update_profile'), 201).ok).toBe(true);
    expect(readUser(example('customer_register_success'), 201).ok).toBe(true);
    // A 200 where 201 is the contract is not accepted silently.
    expect(readUser(example('customer_update_profile'), 200).ok).toBe(false);
  });

  it.each([
    ['customer_register_422_duplicate_email', { email: ['The email has already been taken.'] }],
    [
      'customer_register_422_missing_names',
      {
        firstName: ['The first name field is required.'],
        lastName: ['The last name field is required.'],
      },
    ],
    ['customer_register_422_short_password', { password: expect.any(Array) }],
  ])('%s -> validation with request field names', (name, fields) => {
    expect(errorFromResponse(example(name))).toEqual({
      code: 'validation',
      message: expect.any(String),
      fields,
    });
  });

  it('429 example -> rate_limited with its Retry-After', () => {
    expect(errorFromResponse(example('rate_limited_429'))).toMatchObject({
      code: 'rate_limited',
      retryAfter: 42,
    });
  });

  it('405 HTML page -> server', () => {
    expect(errorFromResponse(example('method_not_allowed_405')).code).toBe('server');
  });

  it('tells the middleware 401 from the ownership 401', () => {
    expect(classifyUnauthorized(example('unauthenticated_json'))).toBe('unauthenticated');
    expect(classifyUnauthorized(example('customer_show_other_401'))).toBe('not_owner');
    expect(classifyUnauthorized(example('customer_update_other_401'))).toBe('not_owner');
  });
});
