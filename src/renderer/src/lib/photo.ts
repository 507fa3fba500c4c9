import { sniffImageType } from '@shared/image-type';
import { MAX_PHOTO_BYTES, photoUploadSchema, type PhotoUpload } from '@shared/schemas';

const NOT_AN_IMAGE = 'The photo must be a JPEG, PNG, GIF or WebP image.';

/** Reading a picked file: the upload, or the first rule it broke. */
export type PhotoRead = { ok: true; photo: PhotoUpload } | { ok: false; message: string };

/** Reads a picked file into the bytes main uploads, checked with the shared schema first. */
export async function readPhoto(file: File): Promise<PhotoRead> {
  // An oversized file is not read into memory: a stand-in of the same verdict is checked instead.
  const bytes =
    file.size > MAX_PHOTO_BYTES
      ? new Uint8Array(MAX_PHOTO_BYTES + 1)
      : new Uint8Array(await file.arrayBuffer());
  // The content decides the type: the browser only guesses from the file name.
  const type =
    bytes.byteLength > 0 && file.size <= MAX_PHOTO_BYTES ? sniffImageType(bytes) : file.type;
  if (type === null) return { ok: false, message: NOT_AN_IMAGE };
  const parsed = photoUploadSchema.safeParse({ name: file.name, type, bytes });
  if (parsed.success) return { ok: true, photo: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'The photo cannot be used.' };
}
