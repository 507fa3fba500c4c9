import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_TIMER_MS, type SetTimer } from './expiry-timer';
import { reply } from './testing/fault-servers';
import { userBody, type ScriptedApi } from './testing/scripted-api';
import { ME, USER, startSession, type SessionSetupOptions } from './testing/session-setup';
import { createMemoryVault, type TokenVault } from './token-vault';

let api: ScriptedApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

/** Starts a scripted API and a session on it (see testing/session-setup.ts). */
async function setup(options: SessionSetupOptions = {}) {
  const ctx = await startSession(options);
  api = ctx.api;
  return ctx;
}

describe('session', () => {
  it('refreshes once, before the call, when the token is inside the skew margin', async () => {
    const { clock, me, vault } = await setup();
    clock.now += 3_600_000 - 30_000;
    const result = await me();
    expect(result.ok && result.value.status).toBe(200);
    expect(api!.current.issued).toBe(2);
    const stored = await vault.load(api!.url);
    expect(stored.status === 'found' && stored.session.accessToken).toBe('access-2');
  });

  it('on a 401 for the current token: refreshes once and retries once', async () => {
    const { me } = await setup();
    api!.current.access = 'revoked-elsewhere'; // server no longer accepts ours, refresh still fine
    const result = await me();
    expect(result.ok && result.value.status).toBe(200);
    expect(api!.count('/oauth/token')).toBe(2); // password + one refresh
    expect(api!.count(ME)).toBe(2);
  });

  it('a 401 for a token replaced meanwhile is retried with the current one, no 2nd refresh', async () => {
    const { me } = await setup();
    api!.current.access = 'revoked-elsewhere';
    let held: ServerResponse | null = null;
    api!.meOverride = (req, res) => {
      if (req.headers.authorization !== `Bearer ${api!.current.access}`) {
        if (!held) {
          held = res; // answered only after the other call has refreshed
          return;
        }
        return reply(res, 401, { error: 'Unauthenticated.' });
      }
      reply(res, 200, userBody());
      if (held) reply(held, 401, { error: 'Unauthenticated.' });
      held = null;
    };
    const [a, b] = await Promise.all([me(), me()]);
    expect(a.ok && a.value.status).toBe(200);
    expect(b.ok && b.value.status).toBe(200);
    expect(api!.count('/oauth/token')).toBe(2); // the password grant + exactly one refresh
    expect(api!.count(ME)).toBe(4);
  });

  it('a 401 that is not the server JSON (proxy) does not end the session', async () => {
    const { me, session, events } = await setup();
    api!.meOverride = (_req, res) => reply(res, 401, '<html>Proxy login</html>');
    const result = await me();
    expect(result).toMatchObject({ ok: false, error: { code: 'server' } });
    expect(session.view().state).toBe('signed_in');
    expect(api!.count('/oauth/token')).toBe(1);
    expect(events.at(-1)?.state).toBe('signed_in');
  });

  it('a 401 unauthorized (another user) is an internal error, no refresh, no sign-out', async () => {
    const { me, session } = await setup();
    api!.meOverride = (_req, res) => reply(res, 401, { errors: ['unauthorized'], status: 401 });
    const result = await me();
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(!result.ok && result.error.correlationId).toMatch(/^[0-9a-f]{12}$/);
    expect(session.view().state).toBe('signed_in');
    expect(api!.count('/oauth/token')).toBe(1);
  });

  it('a rejected refresh ends the session once: vault cleared, one event, no loop', async () => {
    const { me, session, events, vault, clock } = await setup();
    api!.current.refresh = 'something-else';
    clock.now += 3_600_000;
    const before = events.length;
    const results = await Promise.all([me(), me(), me()]);
    for (const result of results) {
      expect(result).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    }
    expect(api!.count('/oauth/token')).toBe(2);
    expect(api!.count(ME)).toBe(0);
    expect(await vault.load(api!.url)).toEqual({ status: 'empty' });
    expect(events.slice(before)).toEqual([session.view()]);
    expect(session.view()).toMatchObject({ state: 'signed_out', reason: 'session_expired' });
  });

  it('a refresh that fails on the network keeps the session', async () => {
    const { me, session, clock } = await setup();
    api!.refreshOverride = (_req, res) => res.socket?.destroy();
    clock.now += 3_600_000;
    expect(await me()).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(session.view().state).toBe('signed_in');
  });

  it('never arms a timer longer than setTimeout allows', async () => {
    const delays: number[] = [];
    const fired: (() => void)[] = [];
    const setTimer: SetTimer = (callback, delay) => {
      delays.push(delay);
      fired.push(callback);
      return () => undefined;
    };
    const { session, clock, oauth } = await setup({ setTimer });
    expect(delays).toEqual([3_600_000 - 60_000]);
    // A year-long token: capped timer, re-armed when it fires early.
    const year = await oauth.passwordGrant('maria.santos@example.com', 'pw');
    if (!year.ok) throw new Error('grant failed');
    await session.begin(
      { ...year.value, accessTokenExpiresAt: clock.now + 365 * 86_400_000 },
      USER,
      false,
    );
    expect(delays.at(-1)).toBe(MAX_TIMER_MS);
    fired.at(-1)!();
    expect(delays.at(-1)).toBe(MAX_TIMER_MS);
    expect(delays.every((delay) => delay <= MAX_TIMER_MS)).toBe(true);
  });

  it('a sign-out during a slow keychain save leaves nothing remembered', async () => {
    const inner = createMemoryVault();
    let release = () => undefined as void;
    let saveStarted = () => undefined as void;
    const started = new Promise<void>((resolve) => (saveStarted = resolve));
    let slow = false;
    const vault: TokenVault = {
      ...inner,
      async save(origin, stored) {
        if (slow) {
          saveStarted();
          await new Promise<void>((resolve) => (release = resolve));
        }
        return inner.save(origin, stored);
      },
    };
    const { session, clock, me } = await setup({ vault });
    slow = true;
    clock.now += 3_600_000; // the next call refreshes, then saves the new pair
    const call = me();
    await started;
    const signedOut = session.end('user_signed_out');
    release();
    await Promise.all([call, signedOut]);
    expect(await vault.load(api!.url)).toEqual({ status: 'empty' });
  });

  it('remembers whether the keychain kept the session', async () => {
    const broken: TokenVault = {
      load: async () => ({ status: 'unavailable', reason: 'no keychain' }),
      save: async () => ({ status: 'unavailable', reason: 'no keychain' }),
      clear: async () => ({ status: 'unavailable', reason: 'no keychain' }),
    };
    const { session } = await setup({ vault: broken });
    expect(session.view()).toMatchObject({
      state: 'signed_in',
      keychain: 'unavailable',
      remembered: false,
      rememberFailed: true,
    });
  });
});
