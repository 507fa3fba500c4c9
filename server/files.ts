/** Profile images: stored under `<dataDir>/files/<key>` and served at `GET /files/<key>`. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServerContext } from './context';
import { strRandom } from './php';
import type { UploadedFile } from './request';
import { errorPage, type HttpResult } from './responses';

const EXTENSION_BY_MIME: Record<string, string> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/bmp': 'bmp',
  'text/plain': 'txt',
  'application/pdf': 'pdf',
};

const MIME_BY_EXTENSION = Object.fromEntries(
  Object.entries(EXTENSION_BY_MIME).map(([mime, ext]) => [ext, mime]),
);

/** The MIME type from the file's content (like PHP finfo), falling back to the declared one. */
export function sniffMime(file: UploadedFile): string {
  const d = file.data;
  if (d.length >= 3 && d[0] === 0xff && d[1] === 0xd8 && d[2] === 0xff) return 'image/jpeg';
  if (d.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (d.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (
    d.subarray(0, 4).toString('latin1') === 'RIFF' &&
    d.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return 'image/webp';
  }
  if (d.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  return file.mimetype;
}

/** Stores an uploaded image as `prod/users/<40 random chars>.<ext>`; returns its key. */
export async function storeProfileImage(ctx: ServerContext, file: UploadedFile): Promise<string> {
  const extension = EXTENSION_BY_MIME[sniffMime(file)] ?? '';
  const key = `prod/users/${strRandom(40)}.${extension}`;
  const path = join(ctx.dataDir, 'files', key);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, file.data);
  ctx.log('files', 'stored profile image', { bytes: file.data.length });
  return key;
}

const KEY_PATTERN = /^(?:prod|dev)\/users\/[A-Za-z0-9]{40}\.[a-z]*$/;

/** Serves a stored file, or the 404 page for anything else (no path traversal possible). */
export async function serveFile(ctx: ServerContext, key: string): Promise<HttpResult> {
  if (!KEY_PATTERN.test(key)) return errorPage(404);
  try {
    const body = await readFile(join(ctx.dataDir, 'files', key));
    const extension = key.slice(key.lastIndexOf('.') + 1);
    return {
      status: 200,
      headers: { 'content-type': MIME_BY_EXTENSION[extension] ?? 'application/octet-stream' },
      body,
    };
  } catch {
    return errorPage(404);
  }
}
