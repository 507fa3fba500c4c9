/**
 * Where a remembered session lives between runs: the OS keychain in the app, memory in tests.
 * Every implementation answers with a value, never throws, and never waits forever.
 */

/** What is remembered for one server origin. Secret: never logged, never sent to the renderer. */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** Absolute access-token expiry, epoch milliseconds. */
  accessTokenExpiresAt: number;
  userId: number;
  email: string;
  displayName: string;
}

/** The outcome of reading the vault. */
export type VaultLoadResult =
  | { status: 'found'; session: StoredSession }
  | { status: 'empty' }
  /** An entry existed but was not ours or not readable; it has been deleted. */
  | { status: 'corrupt' }
  /** The keychain is missing, locked or timed out. */
  | { status: 'unavailable'; reason: string };

/** The outcome of writing or deleting. */
export type VaultWriteResult = { status: 'ok' } | { status: 'unavailable'; reason: string };

/** One session per server origin (e.g. `https://api.example.com`). */
export interface TokenVault {
  load(origin: string): Promise<VaultLoadResult>;
  save(origin: string, session: StoredSession): Promise<VaultWriteResult>;
  clear(origin: string): Promise<VaultWriteResult>;
}

/** A vault that keeps sessions in this process only (tests, and the keychain-less fallback). */
export function createMemoryVault(): TokenVault {
  const entries = new Map<string, StoredSession>();
  return {
    async load(origin) {
      const session = entries.get(origin);
      return session ? { status: 'found', session: { ...session } } : { status: 'empty' };
    },
    async save(origin, session) {
      entries.set(origin, { ...session });
      return { status: 'ok' };
    },
    async clear(origin) {
      entries.delete(origin);
      return { status: 'ok' };
    },
  };
}
