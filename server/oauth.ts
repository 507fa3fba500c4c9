/** `POST /oauth/token`: the grants of Passport 2.0.6 / league 5.1.3 in the real server's check order. */
import bcrypt from 'bcryptjs';
import { timingSafeEqual } from 'node:crypto';
import type { ServerContext } from './context';
import type { Input } from './input';
import {
  invalidClient,
  invalidCredentials,
  invalidRefreshToken,
  invalidRequest,
  invalidScope,
  OAuthError,
  unsupportedGrant,
} from './oauth-errors';
import { phpString } from './php';
import { ServerCrash } from './request';
import { jsonResult, type HttpResult } from './responses';
import {
  findActiveClient,
  isRefreshTokenRevoked,
  issueTokens,
  revokePair,
  type ClientRow,
  type IssuedTokens,
} from './token-store';
import { findLoginUser } from './users';
import { decryptRefreshToken } from './tokens';

type Grant =
  'password' | 'client_credentials' | 'refresh_token' | 'personal_access' | 'authorization_code';
const GRANTS: readonly Grant[] = [
  'authorization_code',
  'refresh_token',
  'password',
  'personal_access',
  'client_credentials',
];

/** Answers a token request; `body` is the normalised body, `authorization` the raw header. */
export async function handleTokenRequest(
  ctx: ServerContext,
  body: Input,
  authorization: string | undefined,
): Promise<HttpResult> {
  try {
    const grant = GRANTS.find((g) => body.grant_type === g);
    if (grant === undefined) throw unsupportedGrant();
    const issued = await runGrant(ctx, grant, body, authorization);
    const payload: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      access_token: issued.accessToken,
    };
    if (issued.refreshToken !== undefined) payload.refresh_token = issued.refreshToken;
    ctx.log('oauth', 'token issued', { grant });
    return jsonResult(200, payload, {
      'content-type': 'application/json; charset=UTF-8',
      'cache-control': 'no-store',
      pragma: 'no-cache',
    });
  } catch (error) {
    if (error instanceof OAuthError) return error.toResult();
    throw error;
  }
}

async function runGrant(
  ctx: ServerContext,
  grant: Grant,
  body: Input,
  authorization: string | undefined,
): Promise<IssuedTokens> {
  const { clientId, client } = validateClient(ctx, grant, body, authorization);
  const base = { clientId, clientRowId: client.id };
  switch (grant) {
    case 'password': {
      const scopes = validateScopes(body.scope);
      const userId = await validateUser(ctx, body);
      return issueTokens(ctx, { ...base, userId, scopes }, true);
    }
    case 'client_credentials': {
      const scopes = validateScopes(body.scope).filter((s) => s.trim() !== '*');
      return issueTokens(ctx, { ...base, userId: null, scopes }, false);
    }
    case 'personal_access': {
      const scopes = validateScopes(body.scope);
      const userId =
        body.user_id === null || body.user_id === undefined ? null : Number(body.user_id);
      return issueTokens(
        ctx,
        { ...base, userId: Number.isInteger(userId) ? userId : null, scopes },
        false,
      );
    }
    case 'refresh_token':
      return refreshGrant(ctx, body, base);
    case 'authorization_code':
      // No web session exists here, so no code was ever issued: nothing decrypts.
      if (body.code === null || body.code === undefined) throw invalidRequest('code');
      throw invalidRequest('code', 'Cannot decrypt the authorization code');
  }
}

function basicAuth(authorization: string | undefined): [string | null, string | null] {
  if (authorization === undefined || !authorization.startsWith('Basic ')) return [null, null];
  const decoded = Buffer.from(authorization.slice(6), 'base64').toString('latin1');
  const colon = decoded.indexOf(':');
  if (colon === -1) return [null, null];
  return [decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function handlesGrant(client: ClientRow, grant: Grant): boolean {
  if (grant === 'authorization_code')
    return !client.personal_access_client && !client.password_client;
  if (grant === 'personal_access') return client.personal_access_client === 1;
  if (grant === 'password') return client.password_client === 1;
  return true;
}

function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function validateClient(
  ctx: ServerContext,
  grant: Grant,
  body: Input,
  authorization: string | undefined,
) {
  const [basicUser, basicPassword] = basicAuth(authorization);
  const clientId = body.client_id ?? basicUser;
  if (clientId === null || clientId === undefined) throw invalidRequest('client_id');
  if (typeof clientId !== 'string' && typeof clientId !== 'number') {
    throw new ServerCrash('Array to string conversion');
  }
  const secret = phpString(body.client_secret ?? basicPassword) ?? '';
  const redirectUri = phpString(body.redirect_uri);
  const client = findActiveClient(ctx, clientId);
  if (client === null || !handlesGrant(client, grant) || !secretsEqual(client.secret, secret)) {
    throw invalidClient(authorization);
  }
  if (redirectUri !== null && redirectUri !== client.redirect) throw invalidClient(authorization);
  return { clientId, client };
}

/** Passport defines no scopes: only `*` exists. Empty pieces (and "0", PHP's empty()) are dropped. */
function validateScopes(raw: unknown): string[] {
  const text = phpString(raw) ?? '';
  const scopes = text
    .trim()
    .split(' ')
    .filter((s) => s !== '' && s !== '0');
  for (const scope of scopes) if (scope !== '*') throw invalidScope(scope);
  return scopes;
}

async function validateUser(ctx: ServerContext, body: Input): Promise<number> {
  const username = phpString(body.username);
  if (username === null) throw invalidRequest('username');
  const password = phpString(body.password);
  if (password === null) throw invalidRequest('password');
  const user = findLoginUser(ctx, username);
  if (user === null || !(await bcrypt.compare(password, user.password))) {
    ctx.log('oauth', 'credentials rejected');
    throw invalidCredentials();
  }
  return user.id;
}

async function refreshGrant(
  ctx: ServerContext,
  body: Input,
  base: { clientId: string | number; clientRowId: number },
): Promise<IssuedTokens> {
  const mode = ctx.refreshErrorMode;
  const token = body.refresh_token;
  if (typeof token !== 'string') throw invalidRequest('refresh_token');
  const decrypted = decryptRefreshToken(ctx.keys, token);
  if (decrypted.kind === 'undecryptable')
    throw invalidRefreshToken('Cannot decrypt the refresh token', mode);
  const data = decrypted.payload;
  if (data === null || data.client_id !== base.clientId) {
    throw invalidRefreshToken('Token is not linked to client', mode);
  }
  if (typeof data.expire_time !== 'number' || data.expire_time < Math.floor(ctx.now() / 1000)) {
    throw invalidRefreshToken('Token has expired', mode);
  }
  if (isRefreshTokenRevoked(ctx, data.refresh_token_id))
    throw invalidRefreshToken('Token has been revoked', mode);
  const original = Array.isArray(data.scopes) ? data.scopes.map(String) : [];
  const requested =
    body.scope === null || body.scope === undefined ? original.join(' ') : body.scope;
  const scopes = validateScopes(requested);
  for (const scope of scopes) if (!original.includes(scope)) throw invalidScope(scope);
  revokePair(ctx, data.access_token_id, data.refresh_token_id);
  const userId = typeof data.user_id === 'number' ? data.user_id : null;
  return issueTokens(ctx, { ...base, userId, scopes }, true);
}
