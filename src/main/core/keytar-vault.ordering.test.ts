import { afterEach, describe, expect, it, vi } from 'vitest';
import { createKeytarVault } from './keytar-vault';
import { manifestAccount } from './keytar-vault-format';
import { createKeytarTwin, realSizeSession, withFaults } from './testing/keytar-twin';

// Review #1 (a timed-out keychain write landing late) and #3 (non-atomic chunked save), on a twin.
const ORIGIN = 'https://api.example.com';
const SERVICE = 'Cliqnship Test';

afterEach(() => {
  vi.useRealTimers();
});

/** A twin whose setPassword takes `slow.ms` (a keyring waiting behind an unlock prompt). */
function slowTwin(ms: number) {
  const twin = createKeytarTwin();
  const slow = { ms };
  const keytar = withFaults(twin, ({ op }) =>
    op === 'setPassword' && slow.ms > 0 ? { delayMs: slow.ms } : null,
  );
  return { twin, slow, keytar };
}

describe('createKeytarVault when a call outlives its timeout (review #1)', () => {
  it('a save that lands after its timeout cannot undo a later clear', async () => {
    vi.useFakeTimers();
    const { twin, keytar } = slowTwin(500);
    const vault = createKeytarVault({ keytar, service: SERVICE, timeoutMs: 200 });
    const saved = vault.save(ORIGIN, realSizeSession());
    await vi.advanceTimersByTimeAsync(200);
    expect(await saved).toMatchObject({ status: 'unavailable' });
    const cleared = vault.clear(ORIGIN);
    await vi.advanceTimersByTimeAsync(10_000);
    await cleared;
    const loaded = vault.load(ORIGIN);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await loaded).toEqual({ status: 'empty' });
    expect(twin.entries.size).toBe(0);
  });

  it('a save reported as failed is not left behind when it lands later', async () => {
    vi.useFakeTimers();
    const { twin, keytar } = slowTwin(500);
    const vault = createKeytarVault({ keytar, service: SERVICE, timeoutMs: 200 });
    const saved = vault.save(ORIGIN, realSizeSession());
    await vi.advanceTimersByTimeAsync(200);
    expect(await saved).toMatchObject({ status: 'unavailable' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(twin.entries.size).toBe(0);
    const loaded = vault.load(ORIGIN);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await loaded).toEqual({ status: 'empty' });
  });

  it('a later save wins over an earlier one that timed out', async () => {
    vi.useFakeTimers();
    const { slow, keytar } = slowTwin(500);
    const vault = createKeytarVault({ keytar, service: SERVICE, timeoutMs: 400 });
    const first = vault.save(ORIGIN, realSizeSession(1070, 'First'));
    await vi.advanceTimersByTimeAsync(400);
    expect(await first).toMatchObject({ status: 'unavailable' });
    slow.ms = 0; // the user unlocked the keyring
    const second = vault.save(ORIGIN, realSizeSession(1070, 'Second'));
    await vi.advanceTimersByTimeAsync(400);
    expect(await second).toEqual({ status: 'ok' });
    await vi.advanceTimersByTimeAsync(10_000);
    const loaded = vault.load(ORIGIN);
    await vi.advanceTimersByTimeAsync(400);
    expect(await loaded).toMatchObject({ status: 'found', session: { displayName: 'Second' } });
  });
});

describe('createKeytarVault when a save fails half-way (review #3)', () => {
  const failManifest = (inner = createKeytarTwin()) => {
    const state = { failing: false };
    const keytar = withFaults(inner, ({ op, account }) =>
      state.failing && op === 'setPassword' && account === manifestAccount(ORIGIN)
        ? { reject: 'Cannot create an item in a locked collection' }
        : null,
    );
    return { twin: inner, state, keytar };
  };

  it('keeps the previous session when a new save fails before its manifest', async () => {
    const { state, keytar } = failManifest();
    const vault = createKeytarVault({ keytar, service: SERVICE });
    const previous = realSizeSession(3000, 'Previous');
    expect(await vault.save(ORIGIN, previous)).toEqual({ status: 'ok' });
    state.failing = true;
    expect(await vault.save(ORIGIN, realSizeSession(5000, 'Next'))).toMatchObject({
      status: 'unavailable',
    });
    expect(await vault.load(ORIGIN)).toEqual({ status: 'found', session: previous });
  });

  it('clear removes the chunks of a first save that never wrote its manifest', async () => {
    const { twin, state, keytar } = failManifest();
    const vault = createKeytarVault({ keytar, service: SERVICE });
    state.failing = true;
    expect(await vault.save(ORIGIN, realSizeSession(3000))).toMatchObject({
      status: 'unavailable',
    });
    expect(twin.entries.size).toBeGreaterThan(0);
    expect(await vault.clear(ORIGIN)).toEqual({ status: 'ok' });
    expect(twin.entries.size).toBe(0);
  });

  it('a successful save leaves only its own manifest and chunks', async () => {
    const { twin, state, keytar } = failManifest();
    const vault = createKeytarVault({ keytar, service: SERVICE });
    state.failing = true;
    await vault.save(ORIGIN, realSizeSession(9000));
    state.failing = false;
    await vault.save(ORIGIN, realSizeSession(100));
    await vault.save(ORIGIN, realSizeSession(3000));
    // 3000-char access token: two chunks plus the manifest.
    expect(twin.entries.size).toBe(3);
  });
});
