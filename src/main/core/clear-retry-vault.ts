import type { PreferenceStore } from './preferences';
import type { TokenVault, VaultWriteResult } from './token-vault';

/**
 * A vault wrapper that remembers (in the non-secret preferences) that a clear failed, e.g. the
 * keychain was locked at sign-out, and retries that clear before the next load: a session the
 * user signed out of never comes back on the next start, even if its entry is still in the keychain.
 */

/** Preference key of the "a clear of this vault key is still owed" marker. */
export function pendingClearKey(key: string): string {
  return `vault.pendingClear:${key}`;
}

/** Wraps `vault`; keeps its contract (answers, never throws). */
export function withClearRetry(vault: TokenVault, preferences: PreferenceStore): TokenVault {
  async function pending(key: string): Promise<boolean> {
    try {
      return (await preferences.get(pendingClearKey(key))) === '1';
    } catch {
      return false; // unreadable preferences: behave as before this wrapper
    }
  }

  async function mark(key: string, owed: boolean): Promise<void> {
    try {
      if ((await pending(key)) !== owed)
        await preferences.set(pendingClearKey(key), owed ? '1' : '');
    } catch {
      // Best effort: the keychain answer still stands.
    }
  }

  async function noted(key: string, result: VaultWriteResult, isClear: boolean) {
    // A successful write leaves the keychain in the state asked for; a failed clear is owed.
    if (result.status === 'ok') await mark(key, false);
    else if (isClear) await mark(key, true);
    return result;
  }

  return {
    async load(key) {
      if (await pending(key)) {
        const cleared = await vault.clear(key);
        if (cleared.status !== 'ok') return cleared;
        await mark(key, false);
        return { status: 'empty' };
      }
      return vault.load(key);
    },
    async save(key, session) {
      return noted(key, await vault.save(key, session), false);
    },
    async clear(key) {
      return noted(key, await vault.clear(key), true);
    },
  };
}
