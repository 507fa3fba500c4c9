import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER } from '../../../server/index';
import { serverHarnessPerTest } from './testing/core-harness';
import { createMemoryVault, type TokenVault } from './token-vault';

/** The core across app restarts against the real local server, with a keychain that fails. */

const startServer = serverHarnessPerTest();

const SIGN_IN = { email: DEMO_CUSTOMER.email, password: DEMO_CUSTOMER.password, rememberMe: true };

/** A memory vault whose clear fails while `state.locked` (a keyring locked at sign-out). */
function lockableVault() {
  const inner = createMemoryVault();
  const state = { locked: false };
  const vault: TokenVault = {
    load: (key) => inner.load(key),
    save: (key, session) => inner.save(key, session),
    clear: async (key) =>
      state.locked
        ? { status: 'unavailable', reason: 'The keychain is locked.' }
        : inner.clear(key),
  };
  return { inner, state, vault };
}

describe('app restarts', () => {
  it('a sign-out whose keychain clear failed is not undone by the next start (review #1)', async () => {
    const { server, harness } = await startServer();
    const { inner, state, vault } = lockableVault();
    harness.vault = vault;
    const first = harness.start();
    expect((await first.handlers['session:signIn'](SIGN_IN)).ok).toBe(true);
    state.locked = true;
    expect(await first.handlers['session:signOut'](undefined)).toMatchObject({
      ok: true,
      value: { state: 'signed_out', keychain: 'unavailable' },
    });
    state.locked = false; // the user unlocks the keyring, then restarts the app

    const view = await harness.start().restore();
    expect(view).toMatchObject({ state: 'signed_out', keychain: 'available' });
    expect(await inner.load(new URL(server.url).origin)).toEqual({ status: 'empty' });
  });

  it('a restart while the clear still fails stays signed out', async () => {
    const { harness } = await startServer();
    const { state, vault } = lockableVault();
    harness.vault = vault;
    const first = harness.start();
    await first.handlers['session:signIn'](SIGN_IN);
    state.locked = true;
    await first.handlers['session:signOut'](undefined);
    expect(await harness.start().restore()).toMatchObject({
      state: 'signed_out',
      keychain: 'unavailable',
    });
  });
});
