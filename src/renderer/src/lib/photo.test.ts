import { MAX_PHOTO_BYTES } from '@shared/schemas';
import { describe, expect, it } from 'vitest';
import { readPhoto } from './photo';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);

describe('readPhoto', () => {
  it('reads an image into name, type and bytes', async () => {
    const file = new File([PNG], 'me.png', { type: 'image/png' });
    const read = await readPhoto(file);
    expect(read).toEqual({ ok: true, photo: { name: 'me.png', type: 'image/png', bytes: PNG } });
  });

  it('refuses a text file renamed .png (the content decides, not the name)', async () => {
    const fake = new File(['just some text'], 'fake.png', { type: 'image/png' });
    expect(await readPhoto(fake)).toEqual({
      ok: false,
      message: 'The photo must be a JPEG, PNG, GIF or WebP image.',
    });
  });

  it('takes the type from the content when the name says otherwise', async () => {
    const read = await readPhoto(new File([JPEG], 'actually-a-jpeg.png', { type: 'image/png' }));
    expect(read.ok && read.photo.type).toBe('image/jpeg');
  });

  it('refuses a file that is not an image', async () => {
    const read = await readPhoto(new File(['%PDF'], 'cv.pdf', { type: 'application/pdf' }));
    expect(read).toEqual({
      ok: false,
      message: 'The photo must be a JPEG, PNG, GIF or WebP image.',
    });
  });

  it('refuses an empty file', async () => {
    const read = await readPhoto(new File([], 'empty.jpg', { type: 'image/jpeg' }));
    expect(read).toEqual({ ok: false, message: 'The photo file is empty.' });
  });

  it('refuses a file over 2 MB', async () => {
    const big = new File([new Uint8Array(MAX_PHOTO_BYTES + 1)], 'big.jpg', { type: 'image/jpeg' });
    expect(await readPhoto(big)).toEqual({
      ok: false,
      message: 'The photo may not be larger than 2 MB.',
    });
  });

  it('accepts a file of exactly 2 MB', async () => {
    const content = new Uint8Array(MAX_PHOTO_BYTES);
    content.set(JPEG);
    const edge = new File([content], 'edge.jpg', { type: 'image/jpeg' });
    expect((await readPhoto(edge)).ok).toBe(true);
  });
});
