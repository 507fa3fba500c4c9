import {
  MAX_CHUNKS,
  chunkAccount,
  decodeSession,
  encodeSession,
  manifestAccount,
  parseManifest,
} from './keytar-vault-format';
import type { StoredSession, TokenVault, VaultLoadResult, VaultWriteResult } from './token-vault';

/**
 * The TokenVault on the OS keychain (keytar). Only getPassword / setPassword / deletePassword are
 * used: findCredentials crashes the process on a locked Secret Service keyring.
 */

/** The three keytar functions the vault needs (the real module, or a test twin). */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Options for {@link createKeytarVault}. */
export interface KeytarVaultOptions {
  /** The module itself, or a loader (default: `import('keytar')`, so a missing module is not fatal). */
  keytar?: KeytarLike | (() => Promise<KeytarLike>);
  /** Keychain service name; default 'Cliqnship Desktop'. */
  service?: string;
  /** Bound on each vault operation; default 3000 ms (a locked keyring can hang setPassword). */
  timeoutMs?: number;
}

/** Default keychain service name. */
export const DEFAULT_SERVICE = 'Cliqnship Desktop';
/** Default bound on one vault operation. */
export const DEFAULT_TIMEOUT_MS = 3000;

class Unavailable extends Error {}

async function loadKeytarModule(): Promise<KeytarLike> {
  const module = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return module.default ?? module;
}

/** Turns a keychain failure into a sentence that names the cause and the fix. */
export function describeKeychainError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const message = raw.slice(0, 200);
  if (/locked/i.test(raw)) {
    return `The keychain is locked; unlock it (e.g. GNOME Keyring / KWallet) to be remembered. (${message})`;
  }
  if (/Object does not exist|No such (object|collection)/i.test(raw)) {
    return `The keychain has no default keyring yet; create or unlock one in your keyring manager. (${message})`;
  }
  if (/DISPLAY|Could not connect|dbus|secrets|ServiceUnknown|no such (file|interface)/i.test(raw)) {
    return `No keychain service (Secret Service) is reachable; install or start GNOME Keyring or KWallet. (${message})`;
  }
  return `The keychain failed: ${message}`;
}

/** Creates the keychain-backed vault: never throws, never waits longer than `timeoutMs`. */
export function createKeytarVault(options: KeytarVaultOptions = {}): TokenVault {
  const service = options.service ?? DEFAULT_SERVICE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const source = options.keytar ?? loadKeytarModule;
  let keytarPromise: Promise<KeytarLike> | undefined;
  // One operation at a time, so a save and a clear for the same origin never interleave.
  let queue: Promise<unknown> = Promise.resolve();

  function keytar(): Promise<KeytarLike> {
    if (typeof source !== 'function') return Promise.resolve(source);
    keytarPromise ??= source().catch((error: unknown) => {
      keytarPromise = undefined;
      const message = error instanceof Error ? error.message : String(error);
      throw new Unavailable(`The keychain module could not be loaded: ${message.slice(0, 200)}`);
    });
    return keytarPromise;
  }

  function bounded<T>(work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Unavailable(
              `The keychain did not answer within ${timeoutMs} ms (locked or hung?).`,
            ),
          ),
        timeoutMs,
      );
    });
    return Promise.race([work(), timeout]).finally(() => clearTimeout(timer));
  }

  function run<T>(
    work: (kt: KeytarLike) => Promise<T>,
  ): Promise<T | { status: 'unavailable'; reason: string }> {
    const result = queue.then(() =>
      bounded(async () => work(await keytar())).catch((error: unknown) => ({
        status: 'unavailable' as const,
        reason: error instanceof Unavailable ? error.message : describeKeychainError(error),
      })),
    );
    queue = result;
    return result;
  }

  async function purge(kt: KeytarLike, origin: string, chunkCount = MAX_CHUNKS): Promise<void> {
    await kt.deletePassword(service, manifestAccount(origin));
    for (let index = 0; index < chunkCount; index += 1) {
      await kt.deletePassword(service, chunkAccount(origin, index));
    }
  }

  async function currentChunkCount(kt: KeytarLike, origin: string): Promise<number> {
    const raw = await kt.getPassword(service, manifestAccount(origin));
    if (raw === null) return 0;
    return parseManifest(raw)?.chunks ?? MAX_CHUNKS;
  }

  return {
    load(origin): Promise<VaultLoadResult> {
      return run(async (kt): Promise<VaultLoadResult> => {
        const raw = await kt.getPassword(service, manifestAccount(origin));
        if (raw === null) return { status: 'empty' };
        const manifest = parseManifest(raw);
        if (!manifest) {
          await purge(kt, origin);
          return { status: 'corrupt' };
        }
        const chunks: (string | null)[] = [];
        for (let index = 0; index < manifest.chunks; index += 1) {
          chunks.push(await kt.getPassword(service, chunkAccount(origin, index)));
        }
        const session = decodeSession(manifest, chunks);
        if (!session) {
          await purge(kt, origin, manifest.chunks);
          return { status: 'corrupt' };
        }
        return { status: 'found', session };
      });
    },

    save(origin, session: StoredSession): Promise<VaultWriteResult> {
      return run(async (kt): Promise<VaultWriteResult> => {
        const encoded = encodeSession(session);
        if (!encoded) {
          return { status: 'unavailable', reason: 'The session is too large for the keychain.' };
        }
        const previousChunks = await currentChunkCount(kt, origin);
        // Chunks first, manifest last: the manifest is the commit point of a save.
        for (const [index, value] of encoded.chunks.entries()) {
          await kt.setPassword(service, chunkAccount(origin, index), value);
        }
        await kt.setPassword(service, manifestAccount(origin), encoded.manifest);
        for (let index = encoded.chunks.length; index < previousChunks; index += 1) {
          await kt.deletePassword(service, chunkAccount(origin, index));
        }
        return { status: 'ok' };
      });
    },

    clear(origin): Promise<VaultWriteResult> {
      return run(async (kt): Promise<VaultWriteResult> => {
        const count = await currentChunkCount(kt, origin);
        if (count > 0) await purge(kt, origin, count);
        return { status: 'ok' };
      });
    },
  };
}
