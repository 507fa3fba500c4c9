/** Request input as Laravel sees it: PHP-style bracket names and the global trim / empty->null pass. */

/** Parsed request input: nested plain objects, strings, numbers, booleans, nulls, arrays. */
export type Input = Record<string, unknown>;

const SKIP_TRIM = new Set(['password', 'password_confirmation']);

/** PHP's max_input_vars: variables past this many in one source (query, body) are dropped. */
export const MAX_INPUT_VARS = 1000;
/** PHP's max_input_nesting_level: a name with more bracket levels is dropped (whole variable). */
export const MAX_INPUT_NESTING_LEVEL = 64;
/** json_decode's default depth: a deeper JSON body decodes to null, i.e. an empty input. */
const MAX_JSON_DEPTH = 512;

/** Next append index per container, so `a[]` costs O(1) instead of a rescan of every key. */
const nextFree = new WeakMap<object, number>();
const INTEGER_KEY = /^(0|[1-9][0-9]{0,14})$/;

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
    for (let m = re.exec(name); m !== null; m = re.exec(name)) {
      if (segments.length === MAX_INPUT_NESTING_LEVEL) {
        // PHP removes the whole top-level variable, not just this value.
        if (Object.hasOwn(target, base)) Reflect.deleteProperty(target, base);
        return;
      }
      segments.push(m[1] ?? '');
    }
  }
  let container: Record<string, unknown> | unknown[] = target;
  let key: string = base;
  for (const segment of segments) {
    const current: unknown = readKey(container, key);
    let next: Record<string, unknown> | unknown[];
    if (typeof current === 'object' && current !== null) {
      next = current as Record<string, unknown>;
    } else {
      next = {};
      nextFree.set(next, 0);
    }
    writeField(container, key, next);
    container = next;
    key = segment === '' ? String(nextIndex(next)) : segment;
  }
  writeField(container, key, value);
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

/** writeKey that also moves the container's append index past an integer key, as PHP does. */
function writeField(container: object, key: string, value: unknown): void {
  writeKey(container, key, value);
  if (INTEGER_KEY.test(key)) {
    const after = Number(key) + 1;
    if (after > nextIndex(container)) nextFree.set(container, after);
  }
}

function nextIndex(container: object): number {
  const known = nextFree.get(container);
  if (known !== undefined) return known;
  // A container not built here (e.g. a caller's object): scan it once, then track it.
  let next = 0;
  for (const key of Object.keys(container)) {
    if (INTEGER_KEY.test(key)) next = Math.max(next, Number(key) + 1);
  }
  nextFree.set(container, next);
  return next;
}

/**
 * Builds input from ordered name/value pairs (urlencoded or multipart fields). Like PHP, only the
 * first MAX_INPUT_VARS pairs count; the rest are dropped and `onExceeded` is told once.
 */
export function fromPairs(
  pairs: Iterable<[string, string]>,
  onExceeded?: (limit: number) => void,
): Input {
  const out: Input = {};
  let count = 0;
  for (const [name, value] of pairs) {
    count += 1;
    if (count > MAX_INPUT_VARS) {
      onExceeded?.(MAX_INPUT_VARS);
      break;
    }
    setBracketField(out, name, value);
  }
  return out;
}

/** Parses an `application/x-www-form-urlencoded` string like PHP's parse_str (see fromPairs). */
export function parseFormString(text: string, onExceeded?: (limit: number) => void): Input {
  return fromPairs(formPairs(text), onExceeded);
}

/** Splits lazily, so a huge body past the variable cap is never decoded. */
function* formPairs(text: string): Generator<[string, string]> {
  let start = 0;
  while (start <= text.length) {
    const amp = text.indexOf('&', start);
    const end = amp === -1 ? text.length : amp;
    // Empty segments are skipped (and not counted), as by PHP's strtok.
    // The '&' keeps URLSearchParams from eating a leading '?' (PHP keeps it in the name).
    if (end > start) yield* new URLSearchParams(`&${text.slice(start, end)}`);
    start = end + 1;
  }
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
    return typeof parsed === 'object' &&
      parsed !== null &&
      !Array.isArray(parsed) &&
      withinDepth(parsed, MAX_JSON_DEPTH)
      ? (parsed as Input)
      : {};
  } catch {
    return {};
  }
}

/** True when no array/object nesting in `root` exceeds `limit` levels (iterative: no stack risk). */
function withinDepth(root: object, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    const [value, depth] = item;
    if (depth > limit) return false;
    for (const child of Object.values(value as object)) {
      if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
    }
  }
  return true;
}
