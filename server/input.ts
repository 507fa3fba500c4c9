/** Request input as Laravel sees it: PHP-style bracket names and the global trim / empty->null pass. */

/** Parsed request input: nested plain objects, strings, numbers, booleans, nulls, arrays. */
export type Input = Record<string, unknown>;

const SKIP_TRIM = new Set(['password', 'password_confirmation']);

/** Sets `name` (PHP bracket syntax, e.g. `address[first_name]`, `tags[]`) to `value` in `target`. */
export function setBracketField(target: Input, name: string, value: unknown): void {
  const open = name.indexOf('[');
  // PHP turns '.' and ' ' in the top-level name into '_'.
  const base = (open === -1 ? name : name.slice(0, open)).replace(/[. ]/g, '_');
  if (base === '') return;
  const segments: string[] = [];
  if (open !== -1) {
    const re = /\[([^\]]*)\]/gy;
    re.lastIndex = open;
    for (let m = re.exec(name); m !== null; m = re.exec(name)) segments.push(m[1] ?? '');
  }
  let container: Record<string, unknown> | unknown[] = target;
  let key: string = base;
  for (const segment of segments) {
    const current: unknown = readKey(container, key);
    const next: Record<string, unknown> | unknown[] =
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
    writeKey(container, key, next);
    container = next;
    key = segment === '' ? String(nextIndex(next)) : segment;
  }
  writeKey(container, key, value);
}

function readKey(container: Record<string, unknown> | unknown[], key: string): unknown {
  return Object.hasOwn(container, key) ? (container as Record<string, unknown>)[key] : undefined;
}

/** Defines an own property, so names like `__proto__` never reach a prototype. */
function writeKey(container: object, key: string, value: unknown): void {
  Object.defineProperty(container, key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function nextIndex(container: object): number {
  const numeric = Object.keys(container)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0);
  return numeric.length === 0 ? 0 : Math.max(...numeric) + 1;
}

/** Builds input from ordered name/value pairs (urlencoded or multipart fields). */
export function fromPairs(pairs: Iterable<[string, string]>): Input {
  const out: Input = {};
  for (const [name, value] of pairs) setBracketField(out, name, value);
  return out;
}

/** Parses an `application/x-www-form-urlencoded` string like PHP's parse_str. */
export function parseFormString(text: string): Input {
  return fromPairs(new URLSearchParams(text));
}

/** Laravel's TrimStrings + ConvertEmptyStringsToNull, applied recursively. */
export function normalizeInput(input: Input): Input {
  const out: Input = {};
  for (const [key, value] of Object.entries(input)) writeKey(out, key, normalizeValue(key, value));
  return out;
}

function normalizeValue(key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    const trimmed = SKIP_TRIM.has(key) ? value : phpTrim(value);
    return trimmed === '' ? null : trimmed;
  }
  if (Array.isArray(value)) return value.map((item, index) => normalizeValue(String(index), item));
  if (typeof value === 'object' && value !== null) return normalizeInput(value as Input);
  return value;
}

const TRIM_CHARS = new Set([' ', '\t', '\n', '\r', '\0', '\u000b']);

/** PHP trim(): strips " \t\n\r\0\x0B" only (not Unicode spaces). */
export function phpTrim(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && TRIM_CHARS.has(text[start] ?? '')) start += 1;
  while (end > start && TRIM_CHARS.has(text[end - 1] ?? '')) end -= 1;
  return text.slice(start, end);
}

/** The JSON body as Laravel reads it: an object, or empty when invalid or not an object. */
export function parseJsonBody(raw: string): Input {
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Input)
      : {};
  } catch {
    return {};
  }
}
