import {
  MAX_CHUNKS,
  SLOTS,
  chunkAccount,
  decodeSession,
  encodeSession,
  freeSlot,
  legacyChunkAccount,
  manifestAccount,
  parseManifest,
  type Slot,
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

/**
 * Creates the keychain-backed vault: never throws, never makes a caller wait longer than `timeoutMs`.
 * Operations run one after another, each until its keytar calls really settle, even when the caller
 * has already been answered 'unavailable': a late call can never overtake a later one. When such
 * an abandoned save finally lands and no later write came, it is undone, since its caller was told
 * it failed (a session the UI said "won't be remembered" must not come back on the next start).
 */
export function createKeytarVault(options: KeytarVaultOptions = {}): TokenVault {
  const service = options.service ?? DEFAULT_SERVICE;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const source = options.keytar ?? loadKeytarModule;
  let keytarPromise: Promise<KeytarLike> | undefined;
  let tail: Promise<unknown> = Promise.resolve();
  // Per origin, the number of the latest write asked for (see `write`).
  const latestWrite = new Map<string, number>();
  let writes = 0;

  function keytar(): Promise<KeytarLike> {
    if (typeof source !== 'function') return Promise.resolve(source);
    keytarPromise ??= source().catch((error: unknown) => {
      keytarPromise = undefined;
      const message = error instanceof Error ? error.message : String(error);
      throw new Unavailable(`The keychain module could not be loaded: ${message.slice(0, 200)}`);
    });
    return keytarPromise;
  }

  /** Queues `task` after everything queued before it has settled for real. */
  function enqueue<T>(task: (kt: KeytarLike) => Promise<T>): Promise<T> {
    const run = tail.then(async () => task(await keytar()));
    tail = run.catch(() => undefined);
    return run;
  }

  /** The caller's answer: the operation's result, or 'unavailable' at the timeout. */
  async function answer<T>(
    op: Promise<T>,
    onTimeout: () => void,
  ): Promise<T | { status: 'unavailable'; reason: string }> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = Symbol('timeout');
    const timeout = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), timeoutMs);
    });
    try {
      const value = await Promise.race([op, timeout]);
      if (value !== timedOut) return value;
      onTimeout();
      const reason = `The keychain did not answer within ${timeoutMs} ms (locked or hung?).`;
      return { status: 'unavailable', reason };
    } catch (error) {
      const reason = error instanceof Unavailable ? error.message : describeKeychainError(error);
      return { status: 'unavailable', reason };
    } finally {
      clearTimeout(timer);
    }
  }

  function write(
    origin: string,
    kind: 'save' | 'clear',
    work: (kt: KeytarLike) => Promise<VaultWriteResult>,
  ): Promise<VaultWriteResult> {
    const id = (writes += 1);
    latestWrite.set(origin, id);
    let abandoned = false;
    const superseded = () => latestWrite.get(origin) !== id;
    const op = enqueue(async (kt): Promise<VaultWriteResult> => {
      // Nobody waits for this one any more, and a later write sets the final state.
      if (abandoned && superseded()) return { status: 'ok' };
      try {
        return await work(kt);
      } finally {
        // Its caller was told this save failed: it must not be remembered after all.
        if (kind === 'save' && abandoned && !superseded()) await sweep(kt, origin, true);
      }
    });
    return answer(op, () => (abandoned = true));
  }

  async function deleteChunks(kt: KeytarLike, origin: string, slot: Slot, from = 0) {
    for (let index = from; index < MAX_CHUNKS; index += 1) {
      await kt.deletePassword(service, chunkAccount(origin, slot, index));
    }
  }

  /** Deletes the chunk names of the version 1 layout (found only behind a foreign manifest). */
  async function sweepLegacy(kt: KeytarLike, origin: string) {
    for (let index = 0; index < MAX_CHUNKS; index += 1) {
      await kt.deletePassword(service, legacyChunkAccount(origin, index));
    }
  }

  /** Deletes every entry the origin can have (a fixed set: no listing), the manifest last. */
  async function sweep(kt: KeytarLike, origin: string, legacy: boolean): Promise<void> {
    for (const slot of SLOTS) await deleteChunks(kt, origin, slot);
    if (legacy) await sweepLegacy(kt, origin);
    await kt.deletePassword(service, manifestAccount(origin));
  }

  async function read(kt: KeytarLike, origin: string): Promise<VaultLoadResult> {
    const raw = await kt.getPassword(service, manifestAccount(origin));
    if (raw === null) return { status: 'empty' };
    const manifest = parseManifest(raw);
    if (!manifest) {
      await sweep(kt, origin, true);
      return { status: 'corrupt' };
    }
    const chunks: (string | null)[] = [];
    for (let index = 0; index < manifest.chunks; index += 1) {
      chunks.push(await kt.getPassword(service, chunkAccount(origin, manifest.slot, index)));
    }
    const session = decodeSession(manifest, chunks);
    if (!session) {
      await sweep(kt, origin, false);
      return { status: 'corrupt' };
    }
    return { status: 'found', session };
  }

  async function store(
    kt: KeytarLike,
    origin: string,
    session: StoredSession,
  ): Promise<VaultWriteResult> {
    const raw = await kt.getPassword(service, manifestAccount(origin));
    const current = raw === null ? null : parseManifest(raw);
    const slot = freeSlot(current);
    const encoded = encodeSession(session, slot);
    if (!encoded) {
      return { status: 'unavailable', reason: 'The session is too large for the keychain.' };
    }
    // Into the slot the manifest does not point at; then the manifest: the commit point.
    for (const [index, value] of encoded.chunks.entries()) {
      await kt.setPassword(service, chunkAccount(origin, slot, index), value);
    }
    await kt.setPassword(service, manifestAccount(origin), encoded.manifest);
    try {
      await deleteChunks(kt, origin, slot === 'a' ? 'b' : 'a');
      await deleteChunks(kt, origin, slot, encoded.chunks.length);
      if (raw !== null && !current) await sweepLegacy(kt, origin);
    } catch {
      // Saved; leftovers of older sets are swept by the next save or clear.
    }
    return { status: 'ok' };
  }

  return {
    load(origin): Promise<VaultLoadResult> {
      let abandoned = false;
      const op = enqueue((kt): Promise<VaultLoadResult> =>
        abandoned
          ? Promise.resolve({ status: 'unavailable', reason: 'abandoned' })
          : read(kt, origin),
      );
      return answer(op, () => (abandoned = true));
    },

    save(origin, session: StoredSession): Promise<VaultWriteResult> {
      return write(origin, 'save', (kt) => store(kt, origin, session));
    },

    clear(origin): Promise<VaultWriteResult> {
      return write(origin, 'clear', async (kt) => {
        const raw = await kt.getPassword(service, manifestAccount(origin));
        // Always the full sweep: a save that failed before its manifest may have left chunks.
        await sweep(kt, origin, raw !== null && parseManifest(raw) === null);
        return { status: 'ok' };
      });
    },
  };
}
