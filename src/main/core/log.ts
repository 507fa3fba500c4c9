import { randomBytes } from 'node:crypto';

/** Structured, redacting log lines for the main process: `[area] level: message {data}`. */

/** Writes log lines; every method redacts secrets before anything reaches the sink. */
export interface Logger {
  info(area: string, msg: string, data?: Record<string, unknown>): void;
  warn(area: string, msg: string, data?: Record<string, unknown>): void;
  error(area: string, msg: string, data?: Record<string, unknown>): void;
}

const SECRET_KEY = /token|secret|password|passwd|authorization|bearer|cookie|email|username/i;
// JWTs, long base64/hex runs (refresh tokens, client secrets) and email addresses, including
// percent-encoded ones (`%40` in a URL) and dotless hosts (`dana@localhost`).
const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/g;
const LONG_OPAQUE = /[A-Za-z0-9+/=_-]{32,}/g;
const EMAIL = /[^\s@"'<>()[\],;:?&=]+(?:@|%40)[^\s@"'<>()[\],;:?&=]+/gi;
const REDACTED = '[redacted]';

/** Removes token-, secret- and email-like substrings from free text. */
export function redactText(text: string): string {
  return text.replace(JWT, REDACTED).replace(LONG_OPAQUE, REDACTED).replace(EMAIL, REDACTED);
}

function redactValue(key: string, value: unknown, depth: number): unknown {
  if (SECRET_KEY.test(key)) return REDACTED;
  if (typeof value === 'string') return redactText(value);
  // JSON.stringify throws on a BigInt.
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Error) return redactText(`${value.name}: ${value.message}`);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 3) return '[nested]';
  if (Array.isArray(value)) return value.map((item) => redactValue('', item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(k, v, depth + 1);
  return out;
}

/** Formats one line; exported for tests. */
export function formatLine(
  level: 'info' | 'warn' | 'error',
  area: string,
  msg: string,
  data?: Record<string, unknown>,
): string {
  const head = `[${area.replace(/[^\w-]/g, '')}] ${level}: ${redactText(msg)}`;
  if (!data || Object.keys(data).length === 0) return head;
  // A log call must never throw (e.g. a toJSON that throws): drop the data, keep the line.
  try {
    return `${head} ${JSON.stringify(redactValue('', data, 0))}`;
  } catch {
    return `${head} [data not renderable]`;
  }
}

/** Creates a logger writing to `sink` (default: stderr). */
export function createLogger(sink: (line: string) => void = (line) => console.error(line)): Logger {
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (area: string, msg: string, data?: Record<string, unknown>) =>
      sink(formatLine(level, area, msg, data));
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

/** A logger that drops everything (the default when none is injected). */
export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** A short id that links an `internal` error to its log line (hex, so redaction keeps it). */
export function correlationId(): string {
  return randomBytes(6).toString('hex');
}
