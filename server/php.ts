/** PHP / MySQL behaviours the real server inherits, reproduced so responses match byte for byte. */
import { randomBytes } from 'node:crypto';
import { ServerCrash } from './request';

/** JSON like PHP's json_encode defaults: `/` escaped as `\/`, non-ASCII as `\uXXXX`. */
export function phpJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\//g, '\\/')
    .replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

const NUMERIC_PREFIX = /^[ \t\n\r\v\f]*([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)/;

/** The leading number of a string as MySQL/PHP 7.1+ coerce it (`'12abc'` -> 12, `'abc'` -> 0). */
export function numericPrefix(text: string): number {
  const match = NUMERIC_PREFIX.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1]);
}

/** PHP's `(int)` cast of a string (PHP 7.1+ semantics; see API §13 A2). */
export function phpIntCast(text: string): number {
  const n = Math.trunc(numericPrefix(text));
  return Number.isFinite(n) ? n : 0;
}

/** PHP uniqid(): 8 hex digits of seconds + 5 hex digits of microseconds (13 lowercase hex chars). */
export function uniqid(nowMs: number = Date.now()): string {
  const seconds = Math.floor(nowMs / 1000);
  const micros = Math.floor((nowMs % 1000) * 1000) + Number(process.hrtime.bigint() % 1000n);
  return (
    seconds.toString(16).padStart(8, '0') + Math.min(micros, 0xfffff).toString(16).padStart(5, '0')
  );
}

const MANILA_OFFSET_MS = 8 * 3600 * 1000;

/** `YYYY-MM-DD HH:MM:SS` in Asia/Manila (UTC+8, no DST), the server's timestamp format. */
export function manilaTimestamp(nowMs: number = Date.now()): string {
  return new Date(nowMs + MANILA_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

const RANDOM_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Laravel Str::random(n): alphanumeric random string. */
export function strRandom(length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += RANDOM_ALPHABET[byte % RANDOM_ALPHABET.length];
  return out;
}

/** 80 lowercase hex chars, as league/oauth2-server's token identifiers. */
export function tokenIdentifier(): string {
  return randomBytes(40).toString('hex');
}

/** PHP's string cast of an input value: null stays null; arrays/objects crash as on the real server. */
export function phpString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object') throw new ServerCrash('Array to string conversion');
  return String(value);
}
