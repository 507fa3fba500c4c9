import { describe, expect, it } from 'vitest';
import { sniffImageType } from './image-type';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(
    values.flatMap((value) =>
      typeof value === 'string' ? [...value].map((char) => char.charCodeAt(0)) : [value],
    ),
  );

describe('sniffImageType', () => {
  it.each([
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10)],
    ['image/png', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0)],
    ['image/gif', bytes('GIF89a', 1, 0)],
    ['image/gif', bytes('GIF87a', 1, 0)],
    ['image/webp', bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 ')],
  ])('recognises %s by its signature', (type, content) => {
    expect(sniffImageType(content)).toBe(type);
  });

  it.each([
    ['a text file', bytes('hello, this is not a picture')],
    ['a PDF', bytes('%PDF-1.7')],
    ['a truncated PNG signature', bytes(0x89, 'PNG')],
    ['a RIFF that is not WebP', bytes('RIFF', 0, 0, 0, 0, 'WAVEfmt ')],
    ['nothing', bytes()],
  ])('refuses %s', (_label, content) => {
    expect(sniffImageType(content)).toBeNull();
  });
});
