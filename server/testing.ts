/** Test helper: a throw-away server per call, sharing one RSA key per machine to skip key generation. */
import { copyFile, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type CliqnshipServer, type ServerOptions } from './index';
import { generateKeyPems, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './keys';

const KEY_CACHE_DIR = join(tmpdir(), 'cliqnship-test-keys');
let cachedKeyDir: Promise<string> | undefined;

/** The directory holding the cached test key pair (generated once, then reused across processes). */
export function testKeyDir(): Promise<string> {
  cachedKeyDir ??= (async () => {
    const privatePath = join(KEY_CACHE_DIR, PRIVATE_KEY_FILE);
    try {
      await readFile(join(KEY_CACHE_DIR, PUBLIC_KEY_FILE));
      await readFile(privatePath);
      return KEY_CACHE_DIR;
    } catch {
      // Generate into a private folder and rename it into place: concurrent test processes either
      // win the rename or adopt the winner's pair, so nobody ever sees half a pair.
      const staging = await mkdtemp(`${KEY_CACHE_DIR}-staging-`);
      const { privatePem, publicPem } = await generateKeyPems();
      await writeFile(join(staging, PUBLIC_KEY_FILE), publicPem, { mode: 0o600 });
      await writeFile(join(staging, PRIVATE_KEY_FILE), privatePem, { mode: 0o600 });
      try {
        await rename(staging, KEY_CACHE_DIR);
      } catch {
        await rm(staging, { recursive: true, force: true });
      }
      await readFile(privatePath);
      return KEY_CACHE_DIR;
    }
  })();
  return cachedKeyDir;
}

/** Creates a fresh temp data folder with the cached key pair copied in. */
export async function makeTestDataDir(): Promise<string> {
  const keyDir = await testKeyDir();
  const dataDir = await mkdtemp(join(tmpdir(), 'cliqnship-test-'));
  await copyFile(join(keyDir, PRIVATE_KEY_FILE), join(dataDir, PRIVATE_KEY_FILE));
  await copyFile(join(keyDir, PUBLIC_KEY_FILE), join(dataDir, PUBLIC_KEY_FILE));
  return dataDir;
}

/**
 * Starts a server for tests: fresh temp dataDir (removed on close), throttle off, bcrypt cost 4,
 * silent log; any option may be overridden (a given dataDir is used as-is and not removed).
 */
export async function startTestServer(options: ServerOptions = {}): Promise<CliqnshipServer> {
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await makeTestDataDir());
  const server = await createServer({
    throttlePerMinute: false,
    bcryptRounds: 4,
    log: () => {},
    ...options,
    dataDir,
  });
  const close = server.close;
  return Object.assign(server, {
    close: async () => {
      await close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  });
}
