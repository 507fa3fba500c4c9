import { MAX_PHOTO_BYTES } from '@shared/schemas';
import { describe, expect, it } from 'vitest';
import { readPhoto } from './photo';

describe('readPhoto', () => {
  it('reads an image into name, type and bytes', async () => {
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });
    const read = await readPhoto(file);
    expect(read).toEqual({
      ok: true,
      photo: { name: 'me.png', type: 'image/png', bytes: new Uint8Array([137, 80, 78, 71]) },
    });
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
    const edge = new File([new Uint8Array(MAX_PHOTO_BYTES)], 'edge.jpg', { type: 'image/jpeg' });
    expect((await readPhoto(edge)).ok).toBe(true);
  });
});
