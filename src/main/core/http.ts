import ky from 'ky';
import type { z } from 'zod';
import { fail, ok, type AppError, type FieldErrors, type Result } from '../../shared/result';
import { appErrorSchema, unauthenticatedSchema, validationErrorSchema } from './api-schemas';
import { correlationId, silentLogger, type Logger } from './log';

/** One request to the API; paths are relative to the base URL, without a leading slash. */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  bearer?: string;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart (FormData) or urlencoded (URLSearchParams); fetch writes the header. */
  body?: FormData | URLSearchParams;
}

/** A response read in full (the body is at most what the server sent, as text). */
export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed body when it was JSON, else undefined. */
  json: unknown;
}

/** Sends requests; a transport failure is a `network` Result, never a throw. */
export interface HttpClient {
  send(request: HttpRequest): Promise<Result<HttpResponse>>;
}

/** Options for {@link createHttpClient}. */
export interface HttpClientOptions {
  baseUrl: string;
  fetch: typeof globalThis.fetch;
  timeoutMs: number;
  logger?: Logger;
}

function parseJson(response: Response, text: string): unknown {
  const type = response.headers.get('content-type') ?? '';
  if (!/[/+]json/i.test(type) && !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Creates the API client: ky over the injected fetch, JSON Accept, one timeout per request. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const logger = options.logger ?? silentLogger;
  const api = ky.create({
    prefixUrl: options.baseUrl,
    fetch: options.fetch,
    retry: 0,
    timeout: false, // our own timer below also covers reading the body
    throwHttpErrors: false,
    // A redirect is never part of the contract (it would mean a login page or http->https), and
    // following one could carry the bearer token elsewhere. Electron's net.fetch supports 'error'.
    redirect: 'error',
    headers: { Accept: 'application/json' },
  });
  return {
    async send(request) {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), options.timeoutMs);
      const started = Date.now();
      try {
        const response = await api(request.path, {
          method: request.method,
          signal: controller.signal,
          // Set per request too: ky drops its defaults when given `headers: undefined`.
          headers: {
            Accept: 'application/json',
            ...(request.bearer ? { Authorization: `Bearer ${request.bearer}` } : {}),
          },
          json: request.json,
          body: request.body,
        });
        const text = await response.text();
        return ok({
          status: response.status,
          headers: response.headers,
          text,
          json: parseJson(response, text),
        });
      } catch (error) {
        const timedOut = controller.signal.aborted;
        if (!timedOut && /redirect/i.test(causeMessage(error))) {
          logger.warn('http', 'redirect refused', { method: request.method });
          return fail('server', 'The server redirected the request. Check the API URL.');
        }
        logger.warn('http', timedOut ? 'request timed out' : 'request failed', {
          method: request.method,
          path: request.path.split('/').slice(0, 3).join('/'),
          ms: Date.now() - started,
          cause: describeCause(error),
        });
        return fail(
          'network',
          timedOut
            ? 'The server did not answer in time. Check your connection and try again.'
            : 'The server cannot be reached. Check your connection and try again.',
        );
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function causeMessage(error: unknown): string {
  const cause = (error as { cause?: { message?: unknown } } | null)?.cause;
  return typeof cause?.message === 'string' ? cause.message : '';
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  return error instanceof Error ? error.name : 'unknown';
}

const FIELD_NAMES: Record<string, string> = {
  first_name: 'firstName',
  last_name: 'lastName',
  middle_name: 'middleName',
  image: 'photo',
  password: 'password',
};

/** Maps a server field key to the request field name (`first_name` -> `firstName`). */
export function toFieldName(serverKey: string): string {
  return (
    FIELD_NAMES[serverKey] ?? serverKey.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())
  );
}

/** Reads Retry-After (seconds or an HTTP date) as whole seconds, at least 1. */
export function retryAfterSeconds(headers: Headers, now = Date.now()): number {
  const raw = headers.get('retry-after')?.trim() ?? '';
  if (/^\d+$/.test(raw)) return Math.max(1, Number(raw));
  const date = Date.parse(raw);
  if (!Number.isNaN(date)) return Math.max(1, Math.ceil((date - now) / 1000));
  return 60; // the throttle window (API §1.6)
}

const UNEXPECTED = 'The server sent an answer the app does not understand. Try again later.';

/** Turns a non-success response into an AppError (429, 422, 5xx, everything else -> server). */
export function errorFromResponse(response: HttpResponse): AppError {
  if (response.status === 429) {
    const retryAfter = retryAfterSeconds(response.headers);
    return {
      code: 'rate_limited',
      message: `Too many requests. Try again in ${retryAfter} seconds.`,
      retryAfter,
    };
  }
  if (response.status === 422) {
    const parsed = validationErrorSchema.safeParse(response.json);
    if (parsed.success) {
      const fields: FieldErrors = {};
      for (const [key, messages] of Object.entries(parsed.data.errors)) {
        fields[toFieldName(key)] = messages;
      }
      return { code: 'validation', message: 'Some fields need attention.', fields };
    }
  }
  if (response.status >= 500) {
    return { code: 'server', message: 'The server had a problem. Try again later.' };
  }
  return { code: 'server', message: UNEXPECTED };
}

/** Parses a success body with a schema; a body of the wrong shape is a `server` error. */
export function parseBody<S extends z.ZodType>(
  response: HttpResponse,
  schema: S,
): Result<z.infer<S>> {
  const parsed = schema.safeParse(response.json);
  return parsed.success ? ok(parsed.data) : fail('server', UNEXPECTED);
}

/** What a 401 from `/api/*` means (API §3, §15). */
export type Unauthorized = 'unauthenticated' | 'not_owner' | 'foreign';

/**
 * Classifies a 401: the middleware's `{"error":"Unauthenticated."}` means the token is unusable;
 * the controller's `{"errors":["unauthorized"]}` is a client bug; anything else (a proxy's page)
 * is not the server speaking and must not end the session.
 */
export function classifyUnauthorized(response: HttpResponse): Unauthorized {
  if (unauthenticatedSchema.safeParse(response.json).success) return 'unauthenticated';
  if (appErrorSchema.safeParse(response.json).success) return 'not_owner';
  return 'foreign';
}

/**
 * The failure for a 401 that is not the middleware's: `not_owner` is our bug (`internal`, logged
 * with an id); anything else came from a proxy or gateway and leaves the session alone.
 */
export function unauthorizedFailure(response: HttpResponse, logger: Logger): Result<never> {
  if (classifyUnauthorized(response) === 'not_owner') {
    const id = correlationId();
    logger.error('session', 'server said the path names another user (client bug)', { id });
    return fail('internal', 'Something went wrong in the app.', { correlationId: id });
  }
  logger.warn('session', 'a 401 that is not the server’s JSON; session kept');
  return fail('server', 'The request was refused on its way to the server. Try again later.');
}
