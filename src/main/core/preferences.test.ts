import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFilePreferences, createMemoryPreferences } from './preferences';

const dir = mkdtempSync(join(tmpdir(), 'cliqnship-prefs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('preferences', () => {
  it('memory store keeps values', async () => {
    const prefs = createMemoryPreferences();
    expect(await prefs.get('a')).toBeNull();
    await prefs.set('a', '1');
    expect(await prefs.get('a')).toBe('1');
  });

  it('file store survives a new instance and leaves no temp files', async () => {
    const path = join(dir, 'sub', 'prefs.json');
    const prefs = createFilePreferences(path);
    await Promise.all([prefs.set('a', '1'), prefs.set('b', '2'), prefs.set('a', '3')]);
    const again = createFilePreferences(path);
    expect(await again.get('a')).toBe('3');
    expect(await again.get('b')).toBe('2');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: '3', b: '2' });
    expect(readdirSync(join(dir, 'sub'))).toEqual(['prefs.json']);
  });

  it('file store treats a damaged file as empty and repairs it on write', async () => {
    const path = join(dir, 'damaged.json');
    writeFileSync(path, '{ not json');
    const prefs = createFilePreferences(path);
    expect(await prefs.get('a')).toBeNull();
    await prefs.set('a', 'x');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ a: 'x' });
  });
});
