/** The server's RSA key pair (Passport's oauth-private.key / oauth-public.key in the data folder). */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { link, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** The loaded key pair. */
export interface ServerKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** File name of the private key inside the data folder. */
export const PRIVATE_KEY_FILE = 'oauth-private.key';
/** File name of the public key inside the data folder. */
export const PUBLIC_KEY_FILE = 'oauth-public.key';

/** Generates a fresh 4096-bit RSA key pair as PEM strings (slow: seconds). */
export async function generateKeyPems(): Promise<{ privatePem: string; publicPem: string }> {
  const { privateKey, publicKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: 4096,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { privatePem: privateKey, publicPem: publicKey };
}

/**
 * Loads the key pair from `dataDir`, generating and saving one (private key mode 0600) only when
 * the private key file is missing. Writes are atomic (temp file, then link/rename), an existing key
 * is never overwritten (a concurrent first start adopts the winner's key), leftover temp files of a
 * crashed write are removed, and an unreadable key is an error naming the file (regenerating it
 * would silently invalidate every issued token). `generate` is injectable for tests.
 */
export async function loadOrCreateKeys(
  dataDir: string,
  generate: typeof generateKeyPems = generateKeyPems,
): Promise<ServerKeys> {
  const privatePath = join(dataDir, PRIVATE_KEY_FILE);
  let privatePem = await readIfPresent(privatePath);
  if (privatePem === undefined) {
    const pems = await generate();
    privatePem = await publishNoClobber(privatePath, pems.privatePem);
  }
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(privatePem);
  } catch {
    throw new Error(
      `[keys] ${privatePath} is not a valid private key (damaged?); restore it from a backup, or ` +
        'remove it to generate a new one (every issued token then becomes invalid)',
    );
  }
  const publicKey = createPublicKey(privateKey);
  const publicPath = join(dataDir, PUBLIC_KEY_FILE);
  if ((await readIfPresent(publicPath)) === undefined) {
    // Derived from the private key, so replacing it is always safe.
    const temp = tempPath(publicPath);
    await writeFile(temp, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
    // ENOENT: a concurrent starter swept our temp file after writing the same public key.
    await rename(temp, publicPath).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT' || (await readIfPresent(publicPath)) === undefined) throw error;
    });
  }
  // Only now: a concurrent starter that loses its temp file finds our published files instead.
  await sweepTempFiles(dataDir);
  return { privateKey, publicKey };
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function tempPath(finalPath: string): string {
  return `${finalPath}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/**
 * Writes `pem` to a temp file and links it into place without replacing an existing file; returns
 * the content that ended up at `finalPath` (ours, or a concurrent starter's).
 */
async function publishNoClobber(finalPath: string, pem: string): Promise<string> {
  const temp = tempPath(finalPath);
  // flush: the content is on disk before the name appears, so a crash never leaves half a key.
  await writeFile(temp, pem, { mode: 0o600, flag: 'wx', flush: true });
  try {
    await link(temp, finalPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOENT') throw error;
    // EEXIST: someone else published first. ENOENT: a concurrent starter swept our temp file
    // after publishing its own key. Either way the winner's key is in place.
  } finally {
    await unlink(temp).catch(() => {});
  }
  const published = await readIfPresent(finalPath);
  if (published === undefined) throw new Error(`[keys] could not create ${finalPath}`);
  return published;
}

/** Removes temp files of a write that crashed before it was published. */
async function sweepTempFiles(dataDir: string): Promise<void> {
  const prefixes = [`${PRIVATE_KEY_FILE}.`, `${PUBLIC_KEY_FILE}.`];
  for (const name of await readdir(dataDir)) {
    if (name.endsWith('.tmp') && prefixes.some((prefix) => name.startsWith(prefix))) {
      await unlink(join(dataDir, name)).catch(() => {});
    }
  }
}
