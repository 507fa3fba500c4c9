import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_CREDENTIALS_CLIENT, DEFAULT_PASSWORD_CLIENT } from './config';
import { createHttpClient } from './http';
import { createOAuthClient } from './oauth-client';
import {
  reply,
  startFaultServer,
  type FaultServer,
  type SeenRequest,
} from './testing/fault-servers';

let peer: FaultServer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

const REFRESH = 'ab+cd/ef==+gh'; // refresh tokens carry + / = (API §2.4)
const tokenBody = (refresh = true) => ({
  token_type: 'Bearer',
  expires_in: 3600,
  access_token: 'access-1',
  ...(refresh ? { refresh_token: REFRESH } : {}),
});

async function oauthAgainst(
  answer: (req: SeenRequest) => [number, unknown],
  clock = { now: 1_000_000 },
) {
  peer = await startFaultServer((req, res) => {
    const [status, body] = answer(req);
    reply(res, status, body);
  });
  const http = createHttpClient({ baseUrl: peer.url, fetch: globalThis.fetch, timeoutMs: 2000 });
  return createOAuthClient({
    http,
    passwordClient: DEFAULT_PASSWORD_CLIENT,
    clientCredentialsClient: DEFAULT_CLIENT_CREDENTIALS_CLIENT,
    now: () => clock.now,
    skewMs: 60_000,
  });
}

describe('oauth client', () => {
  it('sends the password grant urlencoded with username and client_id "2"', async () => {
    const oauth = await oauthAgainst(() => [200, tokenBody()]);
    const result = await oauth.passwordGrant('a+b@example.com', 'p&ss=word');
    expect(result).toEqual({
      ok: true,
      value: {
        accessToken: 'access-1',
        refreshToken: REFRESH,
        accessTokenExpiresAt: 1_000_000 + 3_600_000,
      },
    });
    const seen = peer!.seen[0]!;
    expect(seen.path).toBe('/oauth/token');
    expect(seen.headers.accept).toBe('application/json');
    expect(seen.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    const params = new URLSearchParams(seen.body);
    expect(Object.fromEntries(params)).toEqual({
      grant_type: 'password',
      client_id: '2',
      client_secret: DEFAULT_PASSWORD_CLIENT.secret,
      username: 'a+b@example.com',
      password: 'p&ss=word',
    });
  });

  it('percent-encodes the refresh token so + survives', async () => {
    const oauth = await oauthAgainst(() => [200, tokenBody()]);
    await oauth.refreshGrant(REFRESH);
    const body = peer!.seen[0]!.body;
    expect(body).toContain('refresh_token=ab%2Bcd%2Fef%3D%3D%2Bgh');
    expect(new URLSearchParams(body).get('refresh_token')).toBe(REFRESH);
  });

  it('maps 401 invalid_credentials to invalid_credentials', async () => {
    const oauth = await oauthAgainst(() => [
      401,
      { error: 'invalid_credentials', message: 'The user credentials were incorrect.' },
    ]);
    expect(await oauth.passwordGrant('x@example.com', 'nope')).toMatchObject({
      ok: false,
      error: { code: 'invalid_credentials' },
    });
  });

  it('maps a refused client to server, not to a credentials error', async () => {
    const oauth = await oauthAgainst(() => [
      401,
      { error: 'invalid_client', message: 'Client authentication failed' },
    ]);
    expect(await oauth.passwordGrant('x@example.com', 'p')).toMatchObject({
      ok: false,
      error: { code: 'server' },
    });
  });

  it.each([
    [
      400,
      {
        error: 'invalid_request',
        message: 'The refresh token is invalid.',
        hint: 'Token has been revoked',
      },
    ],
    [400, { error: 'invalid_grant', message: 'The refresh token is invalid.' }],
    [401, { error: 'invalid_grant', message: 'The refresh token is invalid.' }],
  ])('treats a rejected refresh (%i %o) as session_expired', async (status, body) => {
    const oauth = await oauthAgainst(() => [status, body]);
    expect(await oauth.refreshGrant(REFRESH)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });

  it('treats a crashed token endpoint as server, not as a rejected refresh', async () => {
    const oauth = await oauthAgainst(() => [500, 'SQLSTATE[HY000] gone away']);
    expect(await oauth.refreshGrant(REFRESH)).toMatchObject({
      ok: false,
      error: { code: 'server' },
    });
  });

  it('rejects a token body of the wrong shape as server', async () => {
    const oauth = await oauthAgainst(() => [200, { token_type: 'Bearer', access_token: 5 }]);
    expect(await oauth.passwordGrant('x@example.com', 'p')).toMatchObject({
      ok: false,
      error: { code: 'server' },
    });
  });

  it('caches the client_credentials token until shortly before expiry', async () => {
    const clock = { now: 1_000_000 };
    const oauth = await oauthAgainst(() => [200, tokenBody(false)], clock);
    const [a, b] = await Promise.all([
      oauth.clientCredentialsToken(),
      oauth.clientCredentialsToken(),
    ]);
    expect(a).toEqual({ ok: true, value: 'access-1' });
    expect(b).toEqual(a);
    await oauth.clientCredentialsToken();
    expect(peer!.seen).toHaveLength(1);
    const params = new URLSearchParams(peer!.seen[0]!.body);
    expect(params.get('grant_type')).toBe('client_credentials');
    expect(params.get('client_id')).toBe('1');
    clock.now += 3_600_000 - 59_000; // inside the skew margin
    await oauth.clientCredentialsToken();
    expect(peer!.seen).toHaveLength(2);
  });

  it('caches a 30 s client_credentials token for half its life (review #11)', async () => {
    const clock = { now: 1_000_000 };
    const oauth = await oauthAgainst(() => [200, { ...tokenBody(false), expires_in: 30 }], clock);
    await oauth.clientCredentialsToken();
    clock.now += 14_000;
    await oauth.clientCredentialsToken();
    expect(peer!.seen).toHaveLength(1);
    clock.now += 1_000;
    await oauth.clientCredentialsToken();
    expect(peer!.seen).toHaveLength(2);
  });
});
