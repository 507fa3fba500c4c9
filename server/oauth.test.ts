/** Token endpoint behaviour beyond the examples: rotation, races, modes, client_id typing, scopes. */
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
