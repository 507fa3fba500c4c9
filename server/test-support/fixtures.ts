/** Loads the API example files and turns their requests into real HTTP requests. */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folder of the copied API examples. */
export const FIXTURE_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../fixtures/api-examples',
);
/** Base URL the examples use inside bodies. */
export const FIXTURE_BASE = 'http://localhost:8000';

/** One example file. */
export interface Fixture {
  title: string;
  notes?: string;
  request: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body_encoding?: string;
    body: Record<string, unknown> | null;
  };
  response: { status: number; headers?: Record<string, string>; body: unknown };
}

/** Names (without .json) of every example file. */
export function fixtureNames(): string[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5))
    .sort();
}

/** Reads one example file. */
export function loadFixture(name: string): Fixture {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, `${name}.json`), 'utf8')) as Fixture;
}

/** A minimal valid JPEG header (enough for content sniffing). */
export const TINY_JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);

/** Encodes a fixture body the way its `body_encoding` says; `<file name, mime>` becomes a file part. */
export function encodeBody(
  encoding: string | undefined,
  body: Record<string, unknown> | null,
): string | URLSearchParams | FormData | undefined {
  if (body === null || encoding === undefined) return undefined;
  if (encoding === 'application/json') return JSON.stringify(body);
  if (encoding === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(
      Object.entries(body).map(([k, v]): [string, string] => [k, String(v)]),
    );
  }
  const form = new FormData();
  for (const [key, value] of Object.entries(body)) {
    const file = /^<file ([^,]+), ([^>]+)>$/.exec(String(value));
    if (file !== null) form.set(key, new Blob([TINY_JPEG], { type: file[2] }), file[1]);
    else form.set(key, String(value));
  }
  return form;
}

/** Sends a fixture-shaped request to `baseUrl`. */
export function sendFixtureRequest(
  baseUrl: string,
  request: Fixture['request'],
): Promise<Response> {
  const headers = { ...request.headers };
  const body = encodeBody(request.body_encoding, request.body);
  // fetch generates multipart/urlencoded Content-Type (with boundary) itself.
  if (request.body_encoding !== 'application/json') delete headers['Content-Type'];
  return fetch(baseUrl + request.path, {
    method: request.method,
    headers,
    body,
    redirect: 'manual',
  });
}
