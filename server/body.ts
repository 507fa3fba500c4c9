/** Request body parsing with PHP's rules (API §1.2): which encodings count for which method. */
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { fromPairs, MAX_INPUT_VARS, parseJsonBody, type Input } from './input';
import { ServerCrash, type UploadedFile } from './request';

/** PHP's default post_max_size (8M): the most body bytes any request may carry. */
export const POST_MAX_SIZE = 8 * 1024 * 1024;

/** A body over post_max_size: answered with the 500 page on a connection that is then closed. */
export class BodyTooLarge extends ServerCrash {}

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

/**
 * Reads the body of `req` as the real server would see it. Throws BodyTooLarge for a multipart
 * body over POST_MAX_SIZE (other encodings are capped by fastify's bodyLimit), without reading it
 * when Content-Length says so and otherwise as soon as the limit is passed.
 */
export async function readBody(
  req: FastifyRequest,
  onExceeded?: (limit: number) => void,
): Promise<ParsedBody> {
  const contentType = req.headers['content-type'];
  if (req.isMultipart()) {
    // Laravel's ValidatePostSize checks Content-Length for every method before anything is read.
    if (Number(req.headers['content-length']) > POST_MAX_SIZE) {
      throw new BodyTooLarge('post_max_size exceeded');
    }
    // PHP parses multipart only for POST; a multipart PUT is drained and ignored.
    return readMultipart(req, req.method === 'POST', onExceeded);
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

async function readMultipart(
  req: FastifyRequest,
  keep: boolean,
  onExceeded?: (limit: number) => void,
): Promise<ParsedBody> {
  const pairs: [string, string][] = [];
  const files: Record<string, UploadedFile> = {};
  const iterator = req.parts();
  // The first next() attaches the multipart parser to the request stream; only then may the guard
  // listen too, so neither misses a chunk.
  let pending = iterator.next();
  const guard = new SizeGuard(req.raw, POST_MAX_SIZE);
  try {
    for (
      let step = await guard.race(pending);
      step.done !== true;
      step = await guard.race(pending)
    ) {
      const part = step.value;
      if (part.type === 'field') {
        // One past the cap, so fromPairs still sees (and reports) the overflow.
        if (keep && pairs.length <= MAX_INPUT_VARS) {
          pairs.push([
            part.fieldname,
            typeof part.value === 'string' ? part.value : String(part.value),
          ]);
        }
      } else if (keep) {
        const data = await guard.race(part.toBuffer());
        // An empty file input (no file chosen) is not an upload.
        if (part.filename !== '' || data.length > 0) {
          files[part.fieldname] = { filename: part.filename, mimetype: part.mimetype, data };
        }
      } else {
        part.file.resume();
      }
      pending = iterator.next();
    }
  } catch (error) {
    if (error instanceof BodyTooLarge) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new ServerCrash('The file exceeds upload_max_filesize');
    }
    // A broken or boundary-less multipart body parses as empty (PHP sees nothing).
    return EMPTY();
  } finally {
    guard.stop();
  }
  return keep ? { fields: fromPairs(pairs, onExceeded), files } : EMPTY();
}

/**
 * Counts the bytes of a request stream; past `limit` it stops the stream (nothing more is read)
 * and makes every raced promise reject with BodyTooLarge.
 */
class SizeGuard {
  private received = 0;
  private readonly tripped: Promise<never>;
  private trip: (error: BodyTooLarge) => void = () => {};
  private readonly onData = (chunk: Buffer): void => {
    this.received += chunk.length;
    if (this.received <= this.limit) return;
    this.stop();
    this.stream.unpipe();
    this.stream.pause();
    this.trip(new BodyTooLarge('post_max_size exceeded'));
  };

  constructor(
    private readonly stream: IncomingMessage,
    private readonly limit: number,
  ) {
    this.tripped = new Promise<never>((_resolve, reject) => {
      this.trip = reject;
    });
    // Nobody may be racing at the moment it trips.
    this.tripped.catch(() => {});
    stream.on('data', this.onData);
  }

  /** `promise`, or BodyTooLarge as soon as the limit is passed. */
  race<T>(promise: Promise<T>): Promise<T> {
    // An abandoned promise may still reject later (the request closing): not unhandled.
    promise.catch(() => {});
    return Promise.race([promise, this.tripped]);
  }

  /** Stops counting. */
  stop(): void {
    this.stream.removeListener('data', this.onData);
  }
}
