/** The RSA key file: created atomically once, adopted when present, never overwritten. */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadOrCreateKeys, PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from './keys';
import { testKeyDir } from './testing';

let dir: string;
let pems: { privatePem: string; publicPem: string };
let generated: number;
/** Stands in for the slow 4096-bit generation with the cached test pair, counting calls. */
const generate = async (): Promise<{ privatePem: string; publicPem: string }> => {
  generated += 1;
  return pems;
};

beforeEach(async () => {
  const keyDir = await testKeyDir();
  pems = {
    privatePem: await readFile(join(keyDir, PRIVATE_KEY_FILE), 'utf8'),
    publicPem: await readFile(join(keyDir, PUBLIC_KEY_FILE), 'utf8'),
  };
  generated = 0;
  dir = await mkdtemp(join(tmpdir(), 'cliqnship-keys-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const privatePath = (): string => join(dir, PRIVATE_KEY_FILE);
const pemOf = (keys: Awaited<ReturnType<typeof loadOrCreateKeys>>): string =>
  keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('loadOrCreateKeys', () => {
  it('creates a missing key pair once (private 0600), leaves no temp files, then reuses it', async () => {
    const first = await loadOrCreateKeys(dir, generate);
    expect((await readdir(dir)).sort()).toEqual([PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]);
    expect((await stat(privatePath())).mode & 0o777).toBe(0o600);
    expect(await readFile(privatePath(), 'utf8')).toBe(pems.privatePem);
    const second = await loadOrCreateKeys(dir, generate);
    expect(generated).toBe(1);
    expect(pemOf(second)).toBe(pemOf(first));
  });

  it('ignores and sweeps a temp file left by a crash mid-write when the key is missing', async () => {
    const leftover = join(dir, `${PRIVATE_KEY_FILE}.4242.tmp`);
    await writeFile(leftover, pems.privatePem.slice(0, 300));
    const keys = await loadOrCreateKeys(dir, generate);
    expect(generated).toBe(1);
    expect(pemOf(keys)).toBe(pems.privatePem);
    expect((await readdir(dir)).sort()).toEqual([PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]);
  });

  it('keeps an existing key next to a leftover temp file (no regeneration) and sweeps the temp', async () => {
    await writeFile(privatePath(), pems.privatePem, { mode: 0o600 });
    await writeFile(join(dir, `${PRIVATE_KEY_FILE}.1.tmp`), 'garbage');
    const keys = await loadOrCreateKeys(dir, async () => {
      throw new Error('must not generate');
    });
    expect(pemOf(keys)).toBe(pems.privatePem);
    expect(await readdir(dir)).not.toContain(`${PRIVATE_KEY_FILE}.1.tmp`);
  });

  it('never overwrites a key that another starter created first (concurrent first starts agree)', async () => {
    const other = { privatePem: 'not a key, must never be written over the winner', publicPem: '' };
    // The "other process" wins: its key appears while this one is still generating.
    const racing = loadOrCreateKeys(dir, async () => {
      await writeFile(privatePath(), pems.privatePem, { mode: 0o600, flag: 'wx' });
      return other;
    });
    const keys = await racing;
    expect(pemOf(keys)).toBe(pems.privatePem);
    expect(await readFile(privatePath(), 'utf8')).toBe(pems.privatePem);
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);

    const fresh = await mkdtemp(join(tmpdir(), 'cliqnship-keys-'));
    try {
      const both = await Promise.all([
        loadOrCreateKeys(fresh, generate),
        loadOrCreateKeys(fresh, generate),
      ]);
      expect(pemOf(both[0])).toBe(pemOf(both[1]));
    } finally {
      await rm(fresh, { recursive: true, force: true });
    }
  });

  it('refuses a truncated key with an error naming the file, and leaves the file alone', async () => {
    const truncated = pems.privatePem.slice(0, 500);
    await writeFile(privatePath(), truncated, { mode: 0o600 });
    await expect(loadOrCreateKeys(dir, generate)).rejects.toThrow(
      /oauth-private\.key.*not a valid private key/,
    );
    expect(generated).toBe(0);
    expect(await readFile(privatePath(), 'utf8')).toBe(truncated);
  });

  it('restores a missing public key from the private one', async () => {
    await writeFile(privatePath(), pems.privatePem, { mode: 0o600 });
    await loadOrCreateKeys(dir, generate);
    expect(generated).toBe(0);
    expect(await readFile(join(dir, PUBLIC_KEY_FILE), 'utf8')).toBe(pems.publicPem);
  });
});
