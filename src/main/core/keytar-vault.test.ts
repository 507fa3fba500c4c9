import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeytarVault, describeKeychainError } from './keytar-vault';
import {
  MAX_SECRET_BYTES,
  chunkAccount,
  encodeSession,
  legacyChunkAccount,
  utf8Bytes,
} from './keytar-vault-format';
import {
  createHangingKeytar,
  createKeytarTwin,
  createThrowingKeytar,
  realSizeSession,
} from './testing/keytar-twin';

const ORIGIN = 'https://api.example.com';
const SERVICE = 'Cliqnship Test';

afterEach(() => {
  vi.useRealTimers();
});

describe('createKeytarVault with a keytar twin', () => {
  it.each([
    ['4096-bit RSA sized tokens', realSizeSession()],
    ['a 3000-char access token', realSizeSession(3000)],
    ['a 9000-char access token and multi-byte names', realSizeSession(9000, 'Zoë 𝒟ana 日本語 😀')],
  ])('round-trips %s with every written value within 2560 bytes', async (_label, session) => {
    const twin = createKeytarTwin();
    const vault = createKeytarVault({ keytar: twin, service: SERVICE });
    expect(await vault.save(ORIGIN, session)).toEqual({ status: 'ok' });
    expect(await vault.load(ORIGIN)).toEqual({ status: 'found', session });
    expect(twin.written.length).toBeGreaterThanOrEqual(2);
    for (const { value } of twin.written)
      expect(utf8Bytes(value)).toBeLessThanOrEqual(MAX_SECRET_BYTES);
  });

  it('keeps origins apart and clears only the one asked for', async () => {
    const twin = createKeytarTwin();
    const vault = createKeytarVault({ keytar: twin, service: SERVICE });
    const other = 'http://127.0.0.1:8000';
    await vault.save(ORIGIN, realSizeSession());
    await vault.save(other, realSizeSession(1070, 'Other'));
    expect(await vault.clear(ORIGIN)).toEqual({ status: 'ok' });
    expect(await vault.load(ORIGIN)).toEqual({ status: 'empty' });
    expect(await vault.load(other)).toMatchObject({
      status: 'found',
      session: { displayName: 'Other' },
    });
  });

  it('removes the chunks a smaller session no longer needs', async () => {
    const twin = createKeytarTwin();
    const vault = createKeytarVault({ keytar: twin, service: SERVICE });
    await vault.save(ORIGIN, realSizeSession(6000));
    const bigCount = twin.entries.size;
    await vault.save(ORIGIN, realSizeSession(100));
    expect(bigCount).toBeGreaterThan(3);
    expect(twin.entries.size).toBe(2);
    await vault.clear(ORIGIN);
    expect(twin.entries.size).toBe(0);
  });

  it('deletes a foreign or old-layout manifest with any chunks and reports corrupt', async () => {
    const twin = createKeytarTwin();
    await twin.setPassword(SERVICE, ORIGIN, '{"token":"something else"}');
    await twin.setPassword(SERVICE, legacyChunkAccount(ORIGIN, 0), 'stray');
    await twin.setPassword(SERVICE, chunkAccount(ORIGIN, 'b', 7), 'stray');
    const vault = createKeytarVault({ keytar: twin, service: SERVICE });
    expect(await vault.load(ORIGIN)).toEqual({ status: 'corrupt' });
    expect(twin.entries.size).toBe(0);
    expect(await vault.load(ORIGIN)).toEqual({ status: 'empty' });
  });

  it.each([
    [
      'a missing chunk',
      (twin: ReturnType<typeof createKeytarTwin>) =>
        twin.deletePassword(SERVICE, chunkAccount(ORIGIN, 'a', 1)),
    ],
    [
      'a chunk from another save',
      async (twin: ReturnType<typeof createKeytarTwin>) => {
        const stale = encodeSession(realSizeSession(3000), 'a', 'aaaaaaaaaaaaaaaa');
        await twin.setPassword(SERVICE, chunkAccount(ORIGIN, 'a', 0), stale?.chunks[0] ?? '');
      },
    ],
    [
      'tampered chunk data',
      async (twin: ReturnType<typeof createKeytarTwin>) => {
        const account = chunkAccount(ORIGIN, 'a', 1);
        const value = (await twin.getPassword(SERVICE, account)) ?? '';
        await twin.setPassword(SERVICE, account, `${value.slice(0, -1)}X`);
      },
    ],
  ])('treats %s as corrupt, deletes the set and never throws', async (_label, damage) => {
    const twin = createKeytarTwin();
    const vault = createKeytarVault({ keytar: twin, service: SERVICE });
    await vault.save(ORIGIN, realSizeSession(3000));
    await damage(twin);
    expect(await vault.load(ORIGIN)).toEqual({ status: 'corrupt' });
    expect(twin.entries.size).toBe(0);
  });

  it('answers unavailable exactly at the timeout when keytar hangs', async () => {
    vi.useFakeTimers();
    const vault = createKeytarVault({ keytar: createHangingKeytar(), timeoutMs: 3000 });
    let settled: unknown;
    void vault.save(ORIGIN, realSizeSession()).then((result) => (settled = result));
    await vi.advanceTimersByTimeAsync(2999);
    expect(settled).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual({ status: 'unavailable', reason: expect.stringMatching(/3000 ms/) });
    // The next operation waits behind the hung call (order is kept) but its caller gets its own
    // bound.
    const next = vault.load(ORIGIN);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await next).toMatchObject({ status: 'unavailable' });
  });

  it('reports a locked keyring as unavailable with the cause', async () => {
    const vault = createKeytarVault({
      keytar: createThrowingKeytar('Cannot create an item in a locked collection'),
    });
    expect(await vault.save(ORIGIN, realSizeSession())).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/locked/),
    });
    expect(await vault.clear(ORIGIN)).toMatchObject({ status: 'unavailable' });
    expect(await vault.load(ORIGIN)).toMatchObject({ status: 'unavailable' });
  });

  it('reports a keytar module that cannot load as unavailable', async () => {
    const vault = createKeytarVault({
      keytar: () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file')),
    });
    expect(await vault.load(ORIGIN)).toEqual({
      status: 'unavailable',
      reason: expect.stringMatching(/could not be loaded: libsecret/),
    });
  });
});

describe('describeKeychainError', () => {
  it.each([
    ['Cannot create an item in a locked collection', /locked/],
    [
      'Object does not exist at path “/org/freedesktop/secrets/collection/login”',
      /no default keyring/,
    ],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', /Secret Service/],
    ['Could not connect: No such file or directory', /Secret Service/],
    ['Something odd', /The keychain failed: Something odd/],
  ])('explains %j', (message, expected) => {
    expect(describeKeychainError(new Error(message))).toMatch(expected);
  });
});
