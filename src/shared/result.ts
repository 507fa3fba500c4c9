/** The closed set of error codes that cross the IPC bridge (see ARCHITECTURE.md, "Errors"). */
export const ERROR_CODES = [
  'validation',
  'invalid_credentials',
  'network',
  'rate_limited',
  'server',
  'session_expired',
  'keychain_unavailable',
  'bad_request',
  'forbidden',
  'internal',
] as const;

/** One of {@link ERROR_CODES}; the renderer switches on it exhaustively. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Per-field messages, keyed by the request field name (camelCase, as in the schemas). */
export type FieldErrors = Partial<Record<string, string[]>>;

/** A failure as plain data: never an Error object, stack, token or raw server body. */
export interface AppError {
  code: ErrorCode;
  /** A sentence a user can read. */
  message: string;
  /** For `validation`: messages per request field. */
  fields?: FieldErrors;
  /** For `rate_limited`: seconds until a retry may succeed. */
  retryAfter?: number;
  /** For `internal`: the id under which main logged the details. */
  correlationId?: string;
}

/** What every channel resolves to. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/** Wraps a value as a success. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error as a failure. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  extra: Omit<AppError, 'code' | 'message'> = {},
): Result<T> {
  return { ok: false, error: { code, message, ...extra } };
}

/** Compile-time exhaustiveness check for switches over closed unions. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
