import { afterEach, describe, expect, it } from 'vitest';
import type { SetTimer } from './expiry-timer';
import { reply } from './testing/fault-servers';
import { userBody, type ScriptedApi } from './testing/scripted-api';
import { USER, startSession, type SessionSetupOptions } from './testing/session-setup';
import { createMemoryVault, type TokenVault } from './token-vault';

/** Session fixes from the review: vault races (#6), 401 shapes (#8), short tokens (#11), #12. */

let api: ScriptedApi | null = null;
afterEach(async () => {
  await api?.close();
  api = null;
});

async function setup(options: SessionSetupOptions = {}) {
  const ctx = await startSession(options);
  api = ctx.api;
  return ctx;
}

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
