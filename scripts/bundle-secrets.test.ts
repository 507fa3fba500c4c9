import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, OUT as out } from './ensure-build';
import { CLIENT_SECRETS, PAGE_BUNDLES } from './bundle-secrets';
import { findSecrets } from './secret-scan';

beforeAll(ensureBuild, 300_000);

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
