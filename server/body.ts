/** Request body parsing with PHP's rules (API §1.2): which encodings count for which method. */
import type { FastifyRequest } from 'fastify';
import { fromPairs, parseJsonBody, type Input } from './input';
import { ServerCrash, type UploadedFile } from './request';

/** Parsed body: fields and uploaded files. */
export interface ParsedBody {
  fields: Input;
  files: Record<string, UploadedFile>;
}

const EMPTY = (): ParsedBody => ({ fields: {}, files: {} });

/** True for Content-Types Laravel treats as JSON (containing `/json` or `+json`). */
export function isJsonType(contentType: string | undefined): boolean {
  return (
    contentType !== undefined && (contentType.includes('/json') || contentType.includes('+json'))
  );
}

/** Reads the body of `req` as the real server would see it. */
export async function readBody(req: FastifyRequest): Promise<ParsedBody> {
  const contentType = req.headers['content-type'];
  if (req.isMultipart()) {
    // PHP parses multipart only for POST; a multipart PUT is drained and ignored.
    return req.method === 'POST' ? readMultipart(req) : drainMultipart(req);
  }
  if (isJsonType(contentType)) {
    return { fields: typeof req.body === 'string' ? parseJsonBody(req.body) : {}, files: {} };
  }
  // urlencoded: parsed for POST (PHP) and PUT/PATCH/DELETE (Symfony); never for GET.
  if (
    typeof req.body === 'object' &&
    req.body !== null &&
    req.method !== 'GET' &&
    req.method !== 'HEAD'
  ) {
    return { fields: req.body as Input, files: {} };
  }
  return EMPTY();
}

async function readMultipart(req: FastifyRequest): Promise<ParsedBody> {
  const pairs: [string, string][] = [];
  const files: Record<string, UploadedFile> = {};
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        pairs.push([
          part.fieldname,
          typeof part.value === 'string' ? part.value : String(part.value),
        ]);
      } else {
        const data = await part.toBuffer();
        // An empty file input (no file chosen) is not an upload.
        if (part.filename !== '' || data.length > 0) {
          files[part.fieldname] = { filename: part.filename, mimetype: part.mimetype, data };
        }
      }
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ServerCrash('The file exceeds upload_max_filesize');
    }
    // A broken or boundary-less multipart body parses as empty (PHP sees nothing).
    return EMPTY();
  }
  return { fields: fromPairs(pairs), files };
}

async function drainMultipart(req: FastifyRequest): Promise<ParsedBody> {
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') part.file.resume();
    }
  } catch {
    // ignored: the body is discarded either way
  }
  return EMPTY();
}
