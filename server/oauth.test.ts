/** Token endpoint behaviour beyond the examples: rotation, races, modes, client_id typing, scopes. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from './index';
import { OAUTH_CLIENTS } from './seed';
import {
  MARIA,
  passwordGrant,
  refreshGrant,
  startScenario,
  type Scenario,
} from './test-support/scenario';

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

async function start(options: ServerOptions = {}): Promise<Scenario> {
  scenario = await startScenario(options);
  return scenario;
}

function me(url: string, accessToken: string): Promise<Response> {
  return fetch(`${url}/api/v1/customers/me`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
  });
}

function token(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

const claims = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;

const password = { client_id: '2', client_secret: OAUTH_CLIENTS.password.secret };

describe('refresh-token rotation', () => {
  it('revokes the old access AND refresh token; the new pair works', async () => {
    const { server } = await start();
    const first = await passwordGrant(server.url, MARIA.email, MARIA.password);
    expect((await me(server.url, first.access_token)).status).toBe(200);

    const rotated = await refreshGrant(server.url, first.refresh_token);
    expect(rotated.status).toBe(200);
    const second = (await rotated.json()) as { access_token: string; refresh_token: string };
    expect(second.refresh_token).not.toBe(first.refresh_token);

    const old = await me(server.url, first.access_token);
    expect(old.status).toBe(401);
    expect(await old.json()).toEqual({ error: 'Unauthenticated.' });
    const reused = await refreshGrant(server.url, first.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({
      error: 'invalid_request',
      hint: 'Token has been revoked',
    });

    expect((await me(server.url, second.access_token)).status).toBe(200);
    expect((await refreshGrant(server.url, second.refresh_token)).status).toBe(200);
  });

  it('lets exactly one of two concurrent refreshes with the same token win', async () => {
    const { server } = await start();
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    const results = await Promise.all([
      refreshGrant(server.url, tokens.refresh_token),
      refreshGrant(server.url, tokens.refresh_token),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
  });

  it("answers rejected refreshes with 400 invalid_grant in 'newer' mode", async () => {
    const { server } = await start({ refreshErrorMode: 'newer' });
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    await refreshGrant(server.url, tokens.refresh_token);
    const revoked = await refreshGrant(server.url, tokens.refresh_token);
    expect(revoked.status).toBe(400);
    expect(await revoked.json()).toEqual({
      error: 'invalid_grant',
      message: 'The refresh token is invalid.',
      hint: 'Token has been revoked',
    });
    const garbage = await refreshGrant(server.url, 'abc123');
    expect(await garbage.json()).toMatchObject({
      error: 'invalid_grant',
      hint: 'Cannot decrypt the refresh token',
    });
    const missing = await token(server.url, { grant_type: 'refresh_token', ...password });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
  });

  it('records the JSON type of client_id: number 2 then string "2" is "not linked"', async () => {
    const { server } = await start();
    const grant = await token(server.url, {
      grant_type: 'password',
      client_id: 2,
      client_secret: OAUTH_CLIENTS.password.secret,
      username: MARIA.email,
      password: MARIA.password,
    });
    const { refresh_token, access_token } = (await grant.json()) as {
      refresh_token: string;
      access_token: string;
    };
    expect(claims(access_token).aud).toBe('2');
    const asString = await refreshGrant(server.url, refresh_token);
    expect(await asString.json()).toMatchObject({ hint: 'Token is not linked to client' });
    const asNumber = await token(server.url, {
      grant_type: 'refresh_token',
      client_id: 2,
      client_secret: OAUTH_CLIENTS.password.secret,
      refresh_token,
    });
    expect(asNumber.status).toBe(200);
  });

  it('rejects a token whose "+" was sent unencoded, and an empty base64 value as not linked', async () => {
    const { server } = await start();
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    const raw = `grant_type=refresh_token&client_id=2&client_secret=${password.client_secret}&refresh_token=${tokens.refresh_token}`;
    expect(tokens.refresh_token).toMatch(/\+/);
    const broken = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: raw,
    });
    expect(await broken.json()).toMatchObject({ hint: 'Cannot decrypt the refresh token' });
    const empty = await refreshGrant(server.url, '!!!!');
    expect(await empty.json()).toMatchObject({ hint: 'Token is not linked to client' });
  });

  it('refuses a scope outside the original token', async () => {
    const { server } = await start();
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    const widened = await token(server.url, {
      grant_type: 'refresh_token',
      ...password,
      refresh_token: tokens.refresh_token,
      scope: '*',
    });
    expect(widened.status).toBe(400);
    expect(await widened.json()).toMatchObject({
      error: 'invalid_scope',
      hint: 'Check the `*` scope',
    });
  });
});

describe('grants and clients', () => {
  it('keeps scope * for password grants and drops it for client_credentials', async () => {
    const { server } = await start();
    const pw = await token(server.url, {
      grant_type: 'password',
      ...password,
      username: MARIA.email,
      password: MARIA.password,
      scope: '*',
    });
    expect(claims(((await pw.json()) as { access_token: string }).access_token).scopes).toEqual([
      '*',
    ]);
    const cc = await token(server.url, {
      grant_type: 'client_credentials',
      client_id: '1',
      client_secret: OAUTH_CLIENTS.personal.secret,
      scope: '*',
    });
    const body = (await cc.json()) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['token_type', 'expires_in', 'access_token']);
    expect(claims(body.access_token ?? '')).toMatchObject({ sub: '', scopes: [], aud: '1' });
    // A client-only token authenticates nowhere.
    expect((await me(server.url, body.access_token ?? '')).status).toBe(401);
  });

  it('accepts HTTP Basic client authentication and answers Bearer realm when a bearer header was sent', async () => {
    const { server } = await start();
    const basic = Buffer.from(`2:${OAUTH_CLIENTS.password.secret}`).toString('base64');
    const ok = await token(
      server.url,
      { grant_type: 'password', username: MARIA.email, password: MARIA.password },
      { Authorization: `Basic ${basic}` },
    );
    expect(ok.status).toBe(200);
    const bad = await token(
      server.url,
      { grant_type: 'password', client_id: '2', client_secret: 'x' },
      { Authorization: 'Bearer abc' },
    );
    expect(bad.status).toBe(401);
    expect(bad.headers.get('www-authenticate')).toBe('Bearer realm="OAuth"');
  });

  it('checks the client before the scope and the scope before the user (§2.6 order)', async () => {
    const { server } = await start();
    const wrongClient = await token(server.url, {
      grant_type: 'password',
      client_id: '2',
      client_secret: 'nope',
      scope: 'x',
    });
    expect(wrongClient.status).toBe(401);
    const badScope = await token(server.url, {
      grant_type: 'password',
      ...password,
      scope: 'orders',
    });
    expect(await badScope.json()).toMatchObject({ error: 'invalid_scope' });
    const queryOnly = await fetch(`${server.url}/oauth/token?grant_type=password&client_id=2`, {
      method: 'POST',
    });
    expect(await queryOnly.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('treats passwords as untrimmed and usernames as trimmed / case-insensitive', async () => {
    const { server } = await start();
    const spaced = await token(server.url, {
      grant_type: 'password',
      ...password,
      username: MARIA.email,
      password: ` ${MARIA.password}`,
    });
    expect(spaced.status).toBe(401);
    const upper = await token(server.url, {
      grant_type: 'password',
      ...password,
      username: `  ${MARIA.email.toUpperCase()} `,
      password: MARIA.password,
    });
    expect(upper.status).toBe(200);
  });

  it('crashes with a bare-text 500 on an array client_id, like the real server', async () => {
    const { server } = await start();
    const crash = await token(server.url, {
      grant_type: 'password',
      client_id: { a: 1 },
      client_secret: 'x',
    });
    expect(crash.status).toBe(500);
    expect(crash.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(await crash.text()).toBe('Array to string conversion');
  });

  it('expires access tokens by their exp claim', async () => {
    const { server } = await start({ accessTokenTtlSeconds: -5 });
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    expect((await me(server.url, tokens.access_token)).status).toBe(401);
  });

  it('revokeTokensOf kills every token of a user', async () => {
    const { server } = await start();
    const tokens = await passwordGrant(server.url, MARIA.email, MARIA.password);
    expect(await server.revokeTokensOf('MARIA.SANTOS@example.com')).toBe(2);
    expect((await me(server.url, tokens.access_token)).status).toBe(401);
    expect(await (await refreshGrant(server.url, tokens.refresh_token)).json()).toMatchObject({
      hint: 'Token has been revoked',
    });
    expect(await server.revokeTokensOf('nobody@example.com')).toBe(0);
  });
});
