import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionView } from '../../shared/views';
import { DEFAULT_CLIENT_CREDENTIALS_CLIENT, DEFAULT_PASSWORD_CLIENT } from './config';
import { createHttpClient } from './http';
import { silentLogger } from './log';
import { createOAuthClient } from './oauth-client';
import { MAX_TIMER_MS, type SetTimer } from './expiry-timer';
import { createSession } from './session';
import { reply } from './testing/fault-servers';
import { startScriptedApi, userBody, type ScriptedApi } from './testing/scripted-api';
import { createMemoryVault, type TokenVault } from './token-vault';

let api: ScriptedApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

const ME = '/api/v1/customers/me';
const USER = { id: 12, email: 'maria.santos@example.com', displayName: 'Maria Santos' };

async function setup(
  options: { vault?: TokenVault; setTimer?: SetTimer; expiresIn?: number; signIn?: boolean } = {},
) {
  api = await startScriptedApi();
  if (options.expiresIn !== undefined) api.expiresIn = options.expiresIn;
  const clock = { now: 1_000_000 };
  const events: SessionView[] = [];
  const vault = options.vault ?? createMemoryVault();
  const http = createHttpClient({ baseUrl: api.url, fetch: globalThis.fetch, timeoutMs: 2000 });
  const oauth = createOAuthClient({
    http,
    passwordClient: DEFAULT_PASSWORD_CLIENT,
    clientCredentialsClient: DEFAULT_CLIENT_CREDENTIALS_CLIENT,
    now: () => clock.now,
    skewMs: 60_000,
  });
  const session = createSession({
    http,
    oauth,
    vault,
    origin: api.url,
    server: { url: api.url, isLocal: true },
    now: () => clock.now,
    skewMs: 60_000,
    logger: silentLogger,
    onChange: (view) => events.push(view),
    setTimer: options.setTimer,
  });
  const grant = async () => {
    const tokens = await oauth.passwordGrant('maria.santos@example.com', 'pw');
    if (!tokens.ok) throw new Error('password grant failed');
    return tokens.value;
  };
  if (options.signIn !== false) await session.begin(await grant(), USER, true);
  const me = () =>
    session.authorized((token) => ({ method: 'GET', path: ME.slice(1), bearer: token }));
  return { session, clock, events, vault, me, oauth, grant };
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

/** A vault whose calls can be held at a gate (a slow keychain) or made to fail once. */
function controllableVault(inner: TokenVault = createMemoryVault()) {
  const gates: Partial<Record<keyof TokenVault, Promise<void>>> = {};
  const failures = new Set<keyof TokenVault>();
  const hold = (op: keyof TokenVault) => {
    let release = () => undefined as void;
    gates[op] = new Promise<void>((resolve) => (release = resolve));
    return () => {
      delete gates[op];
      release();
    };
  };
  const vault: TokenVault = {
    async load(origin) {
      await gates.load;
      if (failures.delete('load')) return { status: 'unavailable', reason: 'locked' };
      return inner.load(origin);
    },
    async save(origin, stored) {
      await gates.save;
      if (failures.delete('save')) return { status: 'unavailable', reason: 'locked' };
      return inner.save(origin, stored);
    },
    async clear(origin) {
      await gates.clear;
      if (failures.delete('clear')) return { status: 'unavailable', reason: 'locked' };
      return inner.clear(origin);
    },
  };
  return { vault, inner, hold, failNext: (op: keyof TokenVault) => failures.add(op) };
}

const STORED = {
  accessToken: 'stored-access',
  refreshToken: 'stored-refresh',
  accessTokenExpiresAt: 1_000_000 + 3_600_000,
  userId: 99,
  email: 'old@example.com',
  displayName: 'Old Account',
};

describe('session review fixes', () => {
  it('#6: a sign-in while the vault read is pending is not overwritten by the stored session', async () => {
    const control = controllableVault();
    const { session, grant } = await setup({ vault: control.vault, signIn: false });
    await control.inner.save(api!.url, STORED);
    const release = control.hold('load');
    const loading = session.loadStored();
    const signedIn = session.begin(await grant(), USER, false);
    release();
    expect(await loading).toBe(false);
    await signedIn;
    expect(session.view()).toMatchObject({ state: 'signed_in', user: USER, remembered: false });
  });

  it('#6: a sign-out while the vault read is pending stays signed out', async () => {
    const control = controllableVault();
    const { session } = await setup({ vault: control.vault, signIn: false });
    await control.inner.save(api!.url, STORED);
    const release = control.hold('load');
    const loading = session.loadStored();
    const ended = session.end('user_signed_out');
    release();
    expect(await loading).toBe(false);
    await ended;
    expect(session.view()).toMatchObject({ state: 'signed_out', reason: 'user_signed_out' });
  });

  it('#8: a 401 {"message":"Unauthenticated."} (newer Laravel) refreshes and retries', async () => {
    const { me } = await setup();
    api!.current.access = 'revoked-elsewhere';
    api!.meOverride = (req, res) =>
      req.headers.authorization === `Bearer ${api!.current.access}`
        ? reply(res, 200, userBody())
        : reply(res, 401, { message: 'Unauthenticated.' });
    const result = await me();
    expect(result.ok && result.value.status).toBe(200);
    expect(api!.count('/oauth/token')).toBe(2);
  });

  it('#11: a 30 s token is refreshed at half its life, not on every call', async () => {
    const delays: number[] = [];
    const setTimer: SetTimer = (_callback, delay) => {
      delays.push(delay);
      return () => undefined;
    };
    const { me, clock } = await setup({ expiresIn: 30, setTimer });
    expect(delays).toEqual([15_000]);
    expect((await me()).ok).toBe(true);
    expect((await me()).ok).toBe(true);
    expect(api!.count('/oauth/token')).toBe(1);
    clock.now += 15_000;
    expect((await me()).ok).toBe(true);
    expect(api!.count('/oauth/token')).toBe(2);
    expect(delays.at(-1)).toBe(15_000);
  });

  it('#12: a later successful save sets the keychain back to available and says so', async () => {
    const control = controllableVault();
    control.failNext('save');
    const { session, grant, events } = await setup({ vault: control.vault });
    expect(session.view()).toMatchObject({ keychain: 'unavailable', rememberFailed: true });
    await session.begin(await grant(), USER, true);
    expect(session.view()).toMatchObject({
      keychain: 'available',
      remembered: true,
      rememberFailed: false,
    });
    expect(events.at(-1)).toEqual(session.view());
  });

  it('#12: a later successful clear sets the keychain back to available', async () => {
    const control = controllableVault();
    control.failNext('load');
    const { session } = await setup({ vault: control.vault, signIn: false });
    expect(await session.loadStored()).toBe(false);
    expect(session.view().keychain).toBe('unavailable');
    await session.end('user_signed_out');
    expect(session.view().keychain).toBe('available');
  });
});
