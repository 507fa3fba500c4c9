import { describe, expect, it } from 'vitest';
import { pendingClearKey, withClearRetry } from './clear-retry-vault';
import { createMemoryPreferences, type PreferenceStore } from './preferences';
import { realSizeSession } from './testing/keytar-twin';
import { createMemoryVault, type TokenVault } from './token-vault';

const KEY = 'https://api.example.com';
const LOCKED = { status: 'unavailable', reason: 'The keychain is locked.' } as const;

/** A memory vault whose clear fails while `state.locked` (a keyring locked at sign-out). */
function lockableVault() {
  const inner = createMemoryVault();
  const state = { locked: false };
  const vault: TokenVault = {
    load: (key) => inner.load(key),
    save: (key, session) => inner.save(key, session),
    clear: async (key) => (state.locked ? LOCKED : inner.clear(key)),
  };
  return { inner, state, vault };
}

describe('withClearRetry', () => {
  it('retries a failed clear before the next start loads anything', async () => {
    const { inner, state, vault } = lockableVault();
    const preferences = createMemoryPreferences();
    await inner.save(KEY, realSizeSession());
    state.locked = true;
    expect(await withClearRetry(vault, preferences).clear(KEY)).toEqual(LOCKED);
    state.locked = false;
    // Next start: a new wrapper on the same preferences.
    expect(await withClearRetry(vault, preferences).load(KEY)).toEqual({ status: 'empty' });
    expect(await inner.load(KEY)).toEqual({ status: 'empty' });
    expect(await preferences.get(pendingClearKey(KEY))).toBe('');
  });

  it('never hands out the session while the owed clear keeps failing', async () => {
    const { inner, state, vault } = lockableVault();
    const preferences = createMemoryPreferences();
    await inner.save(KEY, realSizeSession());
    state.locked = true;
    const wrapped = withClearRetry(vault, preferences);
    await wrapped.clear(KEY);
    expect(await wrapped.load(KEY)).toEqual(LOCKED);
    expect(await preferences.get(pendingClearKey(KEY))).toBe('1');
  });

  it('a successful save after a failed clear settles what is owed', async () => {
    const { state, vault } = lockableVault();
    const preferences = createMemoryPreferences();
    const wrapped = withClearRetry(vault, preferences);
    state.locked = true;
    await wrapped.clear(KEY);
    state.locked = false;
    expect(await wrapped.save(KEY, realSizeSession())).toEqual({ status: 'ok' });
    expect(await withClearRetry(vault, preferences).load(KEY)).toMatchObject({ status: 'found' });
  });

  it('still answers when the preferences cannot be read or written', async () => {
    const broken: PreferenceStore = {
      get: () => Promise.reject(new Error('EACCES')),
      set: () => Promise.reject(new Error('EACCES')),
    };
    const { state, vault } = lockableVault();
    const wrapped = withClearRetry(vault, broken);
    expect(await wrapped.save(KEY, realSizeSession())).toEqual({ status: 'ok' });
    state.locked = true;
    expect(await wrapped.clear(KEY)).toEqual(LOCKED);
    expect(await wrapped.load(KEY)).toMatchObject({ status: 'found' });
  });
});
