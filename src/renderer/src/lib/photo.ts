import { MAX_PHOTO_BYTES, photoUploadSchema, type PhotoUpload } from '@shared/schemas';

/** Reading a picked file: the upload, or the first rule it broke. */
export type PhotoRead = { ok: true; photo: PhotoUpload } | { ok: false; message: string };

/** Reads a picked file into the bytes main uploads, checked with the shared schema first. */
export async function readPhoto(file: File): Promise<PhotoRead> {
  // An oversized file is not read into memory: a stand-in of the same verdict is checked instead.
  const bytes =
    file.size > MAX_PHOTO_BYTES
      ? new Uint8Array(MAX_PHOTO_BYTES + 1)
      : new Uint8Array(await file.arrayBuffer());
  const parsed = photoUploadSchema.safeParse({ name: file.name, type: file.type, bytes });
  if (parsed.success) return { ok: true, photo: parsed.data };
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'The photo cannot be used.' };
}
