import { describe, expect, it } from 'vitest';
import {
  MAX_SECRET_BYTES,
  decodeSession,
  encodeSession,
  freeSlot,
  parseManifest,
  splitUtf8,
  utf8Bytes,
} from './keytar-vault-format';
import { realSizeSession } from './testing/keytar-twin';

describe('splitUtf8', () => {
  it('never cuts a code point and never exceeds the byte cap', () => {
    const text = 'a😀é日'.repeat(50);
    const pieces = splitUtf8(text, 7);
    expect(pieces.join('')).toBe(text);
    for (const piece of pieces) expect(utf8Bytes(piece)).toBeLessThanOrEqual(7);
    expect(pieces.some((piece) => utf8Bytes(piece) === 7)).toBe(true);
  });

  it('returns one empty piece for empty text', () => {
    expect(splitUtf8('', 10)).toEqual(['']);
  });
});

describe('encodeSession / decodeSession', () => {
  it('keeps every value within the Windows Credential Manager cap', () => {
    const encoded = encodeSession(realSizeSession(5000));
    expect(encoded).not.toBeNull();
    for (const value of [encoded!.manifest, ...encoded!.chunks]) {
      expect(utf8Bytes(value)).toBeLessThanOrEqual(MAX_SECRET_BYTES);
    }
    const manifest = parseManifest(encoded!.manifest);
    expect(manifest).not.toBeNull();
    expect(decodeSession(manifest!, encoded!.chunks)).toEqual(realSizeSession(5000));
  });

  it('names the slot in the manifest; a save goes to the slot not in use', () => {
    const inB = parseManifest(encodeSession(realSizeSession(), 'b')!.manifest)!;
    expect(inB.slot).toBe('b');
    expect(freeSlot(inB)).toBe('a');
    expect(freeSlot({ ...inB, slot: 'a' })).toBe('b');
    expect(freeSlot(null)).toBe('a');
  });

  it('treats a version 1 (one-slot layout) manifest as foreign', () => {
    const v2 = JSON.parse(encodeSession(realSizeSession())!.manifest) as Record<string, unknown>;
    const v1: Record<string, unknown> = { ...v2, version: 1 };
    delete v1.slot;
    expect(parseManifest(JSON.stringify(v1))).toBeNull();
    // The same manifest as version 2 is ours: only the version makes it foreign.
    expect(parseManifest(JSON.stringify(v2))).not.toBeNull();
  });

  it('refuses a session that would need too many chunks', () => {
    expect(encodeSession(realSizeSession(40_000))).toBeNull();
  });

  it.each(['', 'not json', '{"format":"cliqnship-session","version":2}', '[]', 'null'])(
    'rejects the foreign manifest %j',
    (raw) => {
      expect(parseManifest(raw)).toBeNull();
    },
  );

  it('rejects a payload that is valid JSON but not a session', () => {
    const encoded = encodeSession(realSizeSession())!;
    const manifest = parseManifest(encoded.manifest)!;
    expect(decodeSession(manifest, encoded.chunks.slice(0, -1))).toBeNull();
    expect(decodeSession(manifest, [...encoded.chunks.slice(0, -1), null])).toBeNull();
  });
});
