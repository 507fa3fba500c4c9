import { fail, ok, type Result } from '../../shared/result';
import { oauthErrorSchema, tokenResponseSchema } from './api-schemas';
import type { OAuthClientConfig } from './config';
import { errorFromResponse, parseBody, type HttpClient, type HttpResponse } from './http';

/** A user's token pair with its absolute expiry. Secret. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms. */
  accessTokenExpiresAt: number;
}

/** The `/oauth/token` grants the app uses (API §2). */
export interface OAuthClient {
  /** Password grant with client 2; a wrong email/password is `invalid_credentials`. */
  passwordGrant(email: string, password: string): Promise<Result<TokenSet>>;
  /** Refresh grant; a rejected refresh token is `session_expired` (the caller ends the session). */
  refreshGrant(refreshToken: string): Promise<Result<TokenSet>>;
  /** A client_credentials token, cached in memory until shortly before it expires. */
  clientCredentialsToken(): Promise<Result<string>>;
}

/** Dependencies of {@link createOAuthClient}. */
export interface OAuthClientOptions {
  http: HttpClient;
  passwordClient: OAuthClientConfig;
  clientCredentialsClient: OAuthClientConfig;
  now: () => number;
  /** Treat tokens as expired this long before their expiry (at most half their life). */
  skewMs: number;
}

const CLIENT_REFUSED =
  'The server refused this app’s OAuth client. Check the client id and secret in the settings.';

function oauthError(response: HttpResponse): string | undefined {
  const parsed = oauthErrorSchema.safeParse(response.json);
  return parsed.success ? parsed.data.error : undefined;
}

/** Creates the token-endpoint client. */
export function createOAuthClient(options: OAuthClientOptions): OAuthClient {
  const { http, now } = options;
  let cached: { token: string; renewAt: number } | null = null;
  let pendingClientToken: Promise<Result<string>> | null = null;

  // URLSearchParams percent-encodes every value ('+' in refresh tokens becomes %2B, API §2.4);
  // fetch sets the urlencoded Content-Type itself. client_id stays a string (API §2.3).
  async function token(params: Record<string, string>) {
    const started = now();
    const sent = await http.send({
      method: 'POST',
      path: 'oauth/token',
      body: new URLSearchParams(params),
    });
    return { sent, started };
  }

  function toTokenSet(response: HttpResponse, started: number): Result<TokenSet> {
    const body = parseBody(response, tokenResponseSchema);
    if (!body.ok) return body;
    if (!body.value.refresh_token) return fail('server', 'The server sent no refresh token.');
    return ok({
      accessToken: body.value.access_token,
      refreshToken: body.value.refresh_token,
      accessTokenExpiresAt: started + body.value.expires_in * 1000,
    });
  }

  return {
    async passwordGrant(email, password) {
      const { sent, started } = await token({
        grant_type: 'password',
        client_id: options.passwordClient.id,
        client_secret: options.passwordClient.secret,
        username: email,
        password,
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      if (response.status === 200) return toTokenSet(response, started);
      const code = oauthError(response);
      if (code === 'invalid_credentials') {
        return fail('invalid_credentials', 'The email or password is incorrect.');
      }
      if (code === 'invalid_client') return fail('server', CLIENT_REFUSED);
      return { ok: false, error: errorFromResponse(response) };
    },

    async refreshGrant(refreshToken) {
      const { sent, started } = await token({
        grant_type: 'refresh_token',
        client_id: options.passwordClient.id,
        client_secret: options.passwordClient.secret,
        refresh_token: refreshToken,
      });
      if (!sent.ok) return sent;
      const response = sent.value;
      if (response.status === 200) return toTokenSet(response, started);
      const code = oauthError(response);
      // Passport 2 rejects with 400 invalid_request; newer servers with 400/401 invalid_grant.
      if (
        (response.status === 400 && (code === 'invalid_request' || code === 'invalid_grant')) ||
        (response.status === 401 && code === 'invalid_grant')
      ) {
        return fail('session_expired', 'Your session has expired. Please sign in again.');
      }
      if (code === 'invalid_client') return fail('server', CLIENT_REFUSED);
      return { ok: false, error: errorFromResponse(response) };
    },

    clientCredentialsToken() {
      if (cached && now() < cached.renewAt) {
        return Promise.resolve(ok(cached.token));
      }
      pendingClientToken ??= (async (): Promise<Result<string>> => {
        const { sent, started } = await token({
          grant_type: 'client_credentials',
          client_id: options.clientCredentialsClient.id,
          client_secret: options.clientCredentialsClient.secret,
        });
        if (!sent.ok) return sent;
        if (sent.value.status !== 200) {
          if (oauthError(sent.value) === 'invalid_client') return fail('server', CLIENT_REFUSED);
          return { ok: false, error: errorFromResponse(sent.value) };
        }
        const body = parseBody(sent.value, tokenResponseSchema);
        if (!body.ok) return body;
        // A short-lived token (expires_in <= the skew) is still reused for half its life.
        const lifeMs = body.value.expires_in * 1000;
        cached = {
          token: body.value.access_token,
          renewAt: started + lifeMs - Math.min(options.skewMs, lifeMs / 2),
        };
        return ok(cached.token);
      })().finally(() => {
        pendingClientToken = null;
      });
      return pendingClientToken;
    },
  };
}
