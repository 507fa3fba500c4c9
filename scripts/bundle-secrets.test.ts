import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_SECRETS, PAGE_BUNDLES } from './bundle-secrets';
import { findSecrets } from './secret-scan';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out');

// Uses the existing build when there is one (CI runs `electron-vite build` first); builds otherwise.
beforeAll(() => {
  const built =
    PAGE_BUNDLES.every((name) => existsSync(join(out, name))) && existsSync(join(out, 'main'));
  if (!built) {
    execFileSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build'], {
      cwd: root,
      stdio: 'ignore',
      timeout: 240_000,
    });
  }
}, 300_000);

describe('client secrets in the built bundles', () => {
  it('never appear in the preload or renderer bundles', async () => {
    const hits = await findSecrets(
      PAGE_BUNDLES.map((name) => join(out, name)),
      CLIENT_SECRETS,
    );
    expect(hits).toEqual([]);
  });

  it('are found by the same scan in out/main, where the config defaults live', async () => {
    const hits = await findSecrets([join(out, 'main')], CLIENT_SECRETS);
    expect(hits.map((hit) => hit.secret).sort()).toEqual(Object.keys(CLIENT_SECRETS).sort());
  });
});

describe('findSecrets', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'cliqnship-secret-scan-'));
    await mkdir(join(dir, 'assets'));
    const [secret] = Object.values(CLIENT_SECRETS);
    await writeFile(join(dir, 'assets', 'plain.js'), `const s = "${secret}";`);
    await writeFile(
      join(dir, 'encoded.js'),
      `atob("${Buffer.from(secret ?? '').toString('base64')}")`,
    );
    await writeFile(join(dir, 'clean.js'), 'console.log("nothing here")');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds a secret literally and base64-encoded, in nested folders, naming only the secret', async () => {
    const hits = await findSecrets([dir], CLIENT_SECRETS);
    const [name] = Object.keys(CLIENT_SECRETS);
    expect(hits).toEqual(
      [
        { file: join(dir, 'assets', 'plain.js'), secret: name },
        { file: join(dir, 'encoded.js'), secret: `${name} (base64)` },
      ].sort((a, b) => a.file.localeCompare(b.file)),
    );
  });
});
