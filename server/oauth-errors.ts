/** league/oauth2-server 5.1 error responses for `/oauth/token` (API §2.6). */
import { jsonResult, type HttpResult } from './responses';

const M_REQ =
  'The request is missing a required parameter, includes an invalid parameter value, includes a parameter more than once, or is otherwise malformed.';
const M_GRANT = 'The authorization grant type is not supported by the authorization server.';
const M_CLIENT = 'Client authentication failed';
const M_CRED = 'The user credentials were incorrect.';
const M_SCOPE = 'The requested scope is invalid, unknown, or malformed';
const M_REFRESH = 'The refresh token is invalid.';

/** Thrown by grant logic; converted to the OAuth error body by the token route. */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly hint?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  /** The error as an HTTP response (keys in order error, message, hint). */
  toResult(): HttpResult {
    const body: Record<string, string> = { error: this.error, message: this.message };
    if (this.hint !== undefined) body.hint = this.hint;
    return jsonResult(this.status, body, this.headers);
  }
}

/** 400 unsupported_grant_type. */
export const unsupportedGrant = (): OAuthError =>
  new OAuthError(400, 'unsupported_grant_type', M_GRANT, 'Check the `grant_type` parameter');

/** 400 invalid_request for a missing parameter (or with an explicit hint). */
export const invalidRequest = (parameter: string, hint?: string): OAuthError =>
  new OAuthError(400, 'invalid_request', M_REQ, hint ?? `Check the \`${parameter}\` parameter`);

/** 401 invalid_client; the auth scheme follows the request's Authorization header. */
export const invalidClient = (authorization: string | undefined): OAuthError =>
  new OAuthError(401, 'invalid_client', M_CLIENT, undefined, {
    'www-authenticate': `${authorization?.startsWith('Bearer') ? 'Bearer' : 'Basic'} realm="OAuth"`,
  });

/** 400 invalid_scope. */
export const invalidScope = (scope: string): OAuthError =>
  new OAuthError(400, 'invalid_scope', M_SCOPE, `Check the \`${scope}\` scope`);

/** 401 invalid_credentials (Passport 2's non-standard code). */
export const invalidCredentials = (): OAuthError =>
  new OAuthError(401, 'invalid_credentials', M_CRED);

/** Rejected refresh token: 400 invalid_request (Passport 2) or 400 invalid_grant (newer servers). */
export const invalidRefreshToken = (hint: string, mode: 'passport2' | 'newer'): OAuthError =>
  new OAuthError(400, mode === 'newer' ? 'invalid_grant' : 'invalid_request', M_REFRESH, hint);
