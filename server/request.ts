/** The request as route logic sees it, after parsing, normalisation and method override. */
import type { IncomingHttpHeaders } from 'node:http';
import type { ServerContext } from './context';
import type { Input } from './input';
import type { HttpResult } from './responses';

/** A file part of a parsed multipart body. */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/** A parsed request. */
export interface ApiRequest {
  ctx: ServerContext;
  /** Effective method (after `_method` / X-HTTP-Method-Override). */
  method: string;
  /** Normalised input (body, plus query for `/api/*` routes). */
  input: Input;
  files: Record<string, UploadedFile>;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** `<scheme>://<host>` of the request, used for links in bodies. */
  baseUrl: string;
  /** Authenticated user id (set by the bearer middleware), else null. */
  userId: number | null;
}

/** A route handler. */
export type Handler = (req: ApiRequest) => Promise<HttpResult>;

/** Thrown where the real server crashes (DB strict-mode errors, array-to-string, ...): 500 HTML. */
export class ServerCrash extends Error {}

/** First value of a possibly repeated header. */
export const header = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;
