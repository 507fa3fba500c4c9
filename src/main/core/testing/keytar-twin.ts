import type { KeytarLike } from '../keytar-vault';

/** An in-memory keytar that records every value written (for size and layout assertions). */
export interface KeytarTwin extends KeytarLike {
  /** Current entries, keyed `service\u0000account`. */
  entries: Map<string, string>;
  /** Every value ever passed to setPassword, in order. */
  written: { account: string; value: string }[];
}

/** Creates an in-memory keytar twin. */
export function createKeytarTwin(): KeytarTwin {
  const entries = new Map<string, string>();
  const written: { account: string; value: string }[] = [];
  const key = (service: string, account: string) => `${service}\u0000${account}`;
  return {
    entries,
    written,
    async getPassword(service, account) {
      return entries.get(key(service, account)) ?? null;
    },
    async setPassword(service, account, password) {
      written.push({ account, value: password });
      entries.set(key(service, account), password);
    },
    async deletePassword(service, account) {
      return entries.delete(key(service, account));
    },
  };
}

/** A keytar whose every call never settles (a locked keyring behind a prompt that never shows). */
export function createHangingKeytar(): KeytarLike {
  const never = () => new Promise<never>(() => {});
  return { getPassword: never, setPassword: never, deletePassword: never };
}

/** A keytar whose every call rejects with `message`, like the real module on a failure. */
export function createThrowingKeytar(message: string): KeytarLike {
  const reject = () => Promise.reject(new Error(message));
  return { getPassword: reject, setPassword: reject, deletePassword: reject };
}

/** A session shaped like the real server's: 4096-bit RS256 access token and 684-char refresh token. */
export function realSizeSession(accessTokenLength = 1070, displayName = 'Dana Demo') {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (length: number, extra: string) => {
    const chars = alphabet + extra;
    let out = '';
    for (let index = 0; index < length; index += 1) out += chars[(index * 7919) % chars.length];
    return out;
  };
  return {
    accessToken: `eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.${pick(accessTokenLength - 37, '-_')}`,
    refreshToken: `def50200${pick(674, '+/')}==`,
    accessTokenExpiresAt: 1_800_000_000_000,
    userId: 42,
    email: 'demo@example.com',
    displayName,
  };
}

/** Which keytar call is being made, for {@link withFaults}. */
export interface KeytarCall {
  op: 'getPassword' | 'setPassword' | 'deletePassword';
  account: string;
}

/** What {@link withFaults} does with a call: nothing, delay it by `ms` (setTimeout), or reject. */
export type KeytarFault = { delayMs: number } | { reject: string } | null;

/**
 * Wraps a keytar (twin or real) so chosen calls are slow or fail, and records every account written.
 * The delay uses setTimeout, so tests drive it with fake timers.
 */
export function withFaults(
  inner: KeytarLike,
  fault: (call: KeytarCall) => KeytarFault,
): KeytarLike & { writtenAccounts: Set<string> } {
  const writtenAccounts = new Set<string>();
  const apply = async (call: KeytarCall) => {
    const chosen = fault(call);
    if (chosen && 'delayMs' in chosen) {
      await new Promise((resolve) => setTimeout(resolve, chosen.delayMs));
    } else if (chosen) {
      throw new Error(chosen.reject);
    }
  };
  return {
    writtenAccounts,
    async getPassword(service, account) {
      await apply({ op: 'getPassword', account });
      return inner.getPassword(service, account);
    },
    async setPassword(service, account, password) {
      await apply({ op: 'setPassword', account });
      writtenAccounts.add(account);
      return inner.setPassword(service, account, password);
    },
    async deletePassword(service, account) {
      await apply({ op: 'deletePassword', account });
      return inner.deletePassword(service, account);
    },
  };
}
