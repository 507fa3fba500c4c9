/** The server's RSA key pair (Passport's oauth-private.key / oauth-public.key in the data folder). */
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
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

/** Loads the key pair from `dataDir`, generating and saving one (mode 0600) on first start. */
export async function loadOrCreateKeys(dataDir: string): Promise<ServerKeys> {
  const privatePath = join(dataDir, PRIVATE_KEY_FILE);
  let privatePem: string;
  try {
    privatePem = await readFile(privatePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const pems = await generateKeyPems();
    await writeFile(privatePath, pems.privatePem, { mode: 0o600, flag: 'wx' });
    await writeFile(join(dataDir, PUBLIC_KEY_FILE), pems.publicPem, { mode: 0o644 });
    privatePem = pems.privatePem;
  }
  const privateKey = createPrivateKey(privatePem);
  return { privateKey, publicKey: createPublicKey(privateKey) };
}
