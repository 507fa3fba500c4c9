import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, OUT as out, ROOT as root } from './ensure-build';

// Guards for what the packaged app can actually load: a sandboxed preload may require only
// 'electron', and whatever main leaves external must ship (a "dependency", a builtin, electron).

beforeAll(ensureBuild, 300_000);

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

describe('built bundles', () => {
  it('the preload is one CommonJS file that requires nothing but electron', () => {
    const preload = readFileSync(join(out, 'preload', 'index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('main imports only builtins, electron and packaged dependencies', () => {
    const main = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    const specifiers = [
      ...main.matchAll(/^import\s[^;]*?from\s*["']([^"']+)["']/gm),
      ...main.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ].map((m) => m[1] ?? '');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(pkg.dependencies), 'electron']);
    const builtins = new Set(builtinModules);
    const unshipped = specifiers.filter(
      (specifier) =>
        !specifier.startsWith('node:') &&
        !builtins.has(specifier) &&
        !allowed.has(packageName(specifier)),
    );
    expect(specifiers).toContain('electron');
    expect(specifiers).toContain('keytar');
    expect(unshipped).toEqual([]);
  });
});
