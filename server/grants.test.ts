/** Token endpoint grants and client rules beyond the examples: scopes, Basic auth, check order, crashes. */
import { describe, expect, it } from 'vitest';
import { OAUTH_CLIENTS } from './seed';
import {
  MARIA,
  passwordGrant,
  refreshGrant,
  scenarioPerTest,
  showMe as me,
  tokenRequest as token,
  jwtClaims as claims,
  PASSWORD_CLIENT as password,
} from './test-support/scenario';

const start = scenarioPerTest();

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
    const malformed = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{"grant_type": "password",',
    });
    expect(await malformed.json()).toMatchObject({ error: 'unsupported_grant_type' });
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
