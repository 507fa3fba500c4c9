import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, type ServerOptions } from '../../../server/index';
import { countRequests, serverHarnessPerTest } from './testing/core-harness';

/** The core against the real local server: sign-in, restore, refresh, sign-out, races. */

const startServer = serverHarnessPerTest();

const TOKEN = '/oauth/token';
const ME = '/api/v1/customers/me';
const SIGN_IN = { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password, rememberMe: true };

async function setup(options: ServerOptions = {}) {
  const { server, harness } = await startServer(options);
  return { server, harness, core: harness.start() };
}

async function signedIn(options: ServerOptions = {}) {
  const ctx = await setup(options);
  const result = await ctx.core.handlers['session:signIn'](SIGN_IN);
  expect(result.ok).toBe(true);
  ctx.server.resetRequestLog();
  return ctx;
}

describe('session against the real server', () => {
  it('signs in with exactly 2 requests and remembers the session', async () => {
    const { server, core, harness } = await setup();
    const result = await core.handlers['session:signIn'](SIGN_IN);
    expect(result).toEqual({
      ok: true,
      value: {
        state: 'signed_in',
        server: { url: server.url, isLocal: true },
        keychain: 'available',
        user: { id: expect.any(Number), email: DEMO_CUSTOMER.email, displayName: 'Dana Demo' },
        remembered: true,
        rememberFailed: false,
      },
    });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST ${TOKEN} 200`,
      `GET ${ME} 200`,
    ]);
    expect(harness.events.at(-1)).toEqual(result.ok && result.value);
    expect((await harness.vault.load(new URL(server.url).origin)).status).toBe('found');
  });

  it('answers a wrong password with invalid_credentials and stays signed out', async () => {
    const { core } = await setup();
    const result = await core.handlers['session:signIn']({ ...SIGN_IN, password: 'wrong-pass' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    expect(await core.handlers['session:get'](undefined)).toMatchObject({
      ok: true,
      value: { state: 'signed_out', reason: 'not_signed_in' },
    });
  });

  it('restores on restart with exactly 1 request', async () => {
    const { server, harness } = await signedIn();
    const view = await harness.start().restore();
    expect(view).toMatchObject({
      state: 'signed_in',
      remembered: true,
      user: { displayName: 'Dana Demo' },
    });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${ME}`]);
    expect(harness.events.at(-1)).toEqual(view);
  });

  it('restore with nothing stored is signed out, not_signed_in, without requests', async () => {
    const { server, core } = await setup();
    expect(await core.restore()).toMatchObject({ state: 'signed_out', reason: 'not_signed_in' });
    expect(server.requests).toHaveLength(0);
  });

  it('does not remember when rememberMe is false (restart is signed out)', async () => {
    const { core, harness } = await setup();
    await core.handlers['session:signIn']({ ...SIGN_IN, rememberMe: false });
    expect(await harness.start().restore()).toMatchObject({ state: 'signed_out' });
  });

  it('refreshes on expiry (injected clock) and the new pair is stored', async () => {
    const { server, core, harness } = await signedIn({ accessTokenTtlSeconds: 3600 });
    const origin = new URL(server.url).origin;
    const before = await harness.vault.load(origin);
    harness.clock.now += 3600_000;
    const profile = await core.handlers['profile:get'](undefined);
    expect(profile.ok).toBe(true);
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `POST ${TOKEN} 200`,
      `GET ${ME} 200`,
    ]);
    const after = await harness.vault.load(origin);
    expect(before.status === 'found' && after.status === 'found').toBe(true);
    if (before.status === 'found' && after.status === 'found') {
      expect(after.session.refreshToken).not.toBe(before.session.refreshToken);
      expect(after.session.accessTokenExpiresAt).toBeGreaterThan(harness.clock.now);
    }
  });

  it('refreshes on a 401 for a dead access token and retries once', async () => {
    const { server, harness } = await signedIn();
    const origin = new URL(server.url).origin;
    const stored = await harness.vault.load(origin);
    if (stored.status !== 'found') throw new Error('not stored');
    // A token the server no longer accepts but whose expiry the client believes.
    await harness.vault.save(origin, {
      ...stored.session,
      accessToken: `${stored.session.accessToken}x`,
    });
    const view = await harness.start().restore();
    expect(view.state).toBe('signed_in');
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET ${ME} 401`,
      `POST ${TOKEN} 200`,
      `GET ${ME} 200`,
    ]);
  });

  it('RACE: 50 concurrent profile calls with an expired token share exactly one refresh', async () => {
    const { server, core, harness } = await signedIn();
    harness.clock.now += 366 * 86_400_000;
    const results = await Promise.all(
      Array.from({ length: 50 }, () => core.handlers['profile:get'](undefined)),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    expect(countRequests(server, 'POST', TOKEN)).toBe(1);
    expect(countRequests(server, 'GET', ME)).toBe(50);
    expect(server.requests.every((r) => r.status < 300)).toBe(true);
  });

  it.each(['passport2', 'newer'] as const)(
    'a rejected refresh (%s mode) ends the session cleanly, once',
    async (refreshErrorMode) => {
      const { server, core, harness } = await signedIn({ refreshErrorMode });
      await server.revokeTokensOf(DEMO_CUSTOMER.email);
      const eventsBefore = harness.events.length;
      harness.clock.now += 366 * 86_400_000;
      const results = await Promise.all([
        core.handlers['profile:get'](undefined),
        core.handlers['profile:get'](undefined),
      ]);
      for (const result of results) {
        expect(result).toMatchObject({ ok: false, error: { code: 'session_expired' } });
      }
      expect(countRequests(server, 'POST', TOKEN)).toBe(1);
      expect(server.requests.find((r) => r.path === TOKEN)?.status).toBe(400);
      expect(harness.events.slice(eventsBefore)).toEqual([
        expect.objectContaining({ state: 'signed_out', reason: 'session_expired' }),
      ]);
      expect((await harness.vault.load(new URL(server.url).origin)).status).toBe('empty');
      // No loop: a later call does not try again.
      expect((await core.handlers['profile:get'](undefined)).ok).toBe(false);
      expect(countRequests(server, 'POST', TOKEN)).toBe(1);
    },
  );

  it('revoked access token on the server: refresh also refused -> signed out, no loop', async () => {
    const { server, core, harness } = await signedIn();
    await server.revokeTokensOf(DEMO_CUSTOMER.email);
    const result = await core.handlers['profile:get'](undefined);
    expect(result).toMatchObject({ ok: true }); // fresh cache from sign-in, no request yet
    harness.clock.now += 61_000; // cache stale, token still "valid" for the client
    expect(await core.handlers['profile:get'](undefined)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
    expect(server.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      `GET ${ME} 401`,
      `POST ${TOKEN} 400`,
    ]);
  });

  it('signs out locally: vault cleared, event, no server call', async () => {
    const { server, core, harness } = await signedIn();
    const result = await core.handlers['session:signOut'](undefined);
    expect(result).toMatchObject({
      ok: true,
      value: { state: 'signed_out', reason: 'user_signed_out' },
    });
    expect(harness.events.at(-1)).toMatchObject({ state: 'signed_out', reason: 'user_signed_out' });
    expect(server.requests).toHaveLength(0);
    expect((await harness.vault.load(new URL(server.url).origin)).status).toBe('empty');
    expect(await core.handlers['profile:get'](undefined)).toMatchObject({
      ok: false,
      error: { code: 'session_expired' },
    });
  });
});
