import type { Channel, ChannelHandlers, EventName, EventPayloads } from '../shared/contract';
import { CHANNELS } from '../shared/contract';
import type { FieldErrors, Result } from '../shared/result';
import { fail } from '../shared/result';
import { fieldErrorsFrom } from '../shared/schemas';
import { correlationId } from './core/log';
import type { FrameLike } from './trusted-sender';

/**
 * The only place that touches ipcMain: every call is checked for its sender, validated against
 * the contract schema, and answered with a Result. Nothing thrown ever crosses the bridge
 * (Electron would forward the message of an Error thrown in a handle listener).
 */

/** The part of an IpcMainInvokeEvent the wrapper reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain the wrapper uses (the real one, or a test capture). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>,
  ): void;
  removeHandler(channel: string): void;
}

/** The logger calls ipc.ts makes (H2's Logger satisfies it). */
export interface IpcLogger {
  warn(area: string, message: string, data?: Record<string, unknown>): void;
  error(area: string, message: string, data?: Record<string, unknown>): void;
}

/** Options for {@link registerIpc}. */
export interface IpcOptions {
  isTrustedSender(frame: FrameLike | null): boolean;
  logger: IpcLogger;
  /** Id generator for `internal` errors; default core/log's (hex, so log redaction keeps it). */
  newCorrelationId?: () => string;
}

const MAX_FIELDS = 20;
const MAX_KEY_LENGTH = 64;
const MAX_MESSAGES_PER_FIELD = 3;
const MAX_MESSAGE_LENGTH = 160;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Bounds zod's messages so a hostile payload (huge keys, thousands of issues) is never echoed. */
export function boundedFieldErrors(fields: Record<string, string[]>): FieldErrors {
  const bounded: FieldErrors = {};
  for (const [key, messages] of Object.entries(fields).slice(0, MAX_FIELDS)) {
    bounded[clip(key, MAX_KEY_LENGTH)] = messages
      .slice(0, MAX_MESSAGES_PER_FIELD)
      .map((message) => clip(message, MAX_MESSAGE_LENGTH));
  }
  return bounded;
}

function frameOf(event: InvokeEventLike): FrameLike | null {
  try {
    // senderFrame can throw once the frame is gone (navigated or destroyed).
    return event.senderFrame;
  } catch {
    return null;
  }
}

function originOf(frame: FrameLike | null): string {
  if (!frame) return 'none';
  try {
    const url = new URL(frame.url);
    return url.protocol === 'file:' ? 'file:' : url.origin;
  } catch {
    return 'unparseable';
  }
}

const MAX_KEYS = 32;
const MAX_DEPTH = 4;

/**
 * A cheap structural screen before zod: plain objects only (no prototypes, arrays, functions or
 * class instances), few keys, shallow, and binary data only as a `bytes` leaf. zod would otherwise
 * walk every index of a 50 MB Uint8Array handed in where an object was expected.
 */
export function isPlainPayload(value: unknown, depth = 0, key = ''): boolean {
  if (value === undefined || value === null) return true;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return true;
  if (type !== 'object' || depth >= MAX_DEPTH) return false;
  if (value instanceof Uint8Array) return key === 'bytes';
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return false;
  const keys = Reflect.ownKeys(value as object);
  if (keys.length > MAX_KEYS) return false;
  return keys.every(
    (name) =>
      typeof name === 'string' &&
      isPlainPayload((value as Record<string, unknown>)[name], depth + 1, name),
  );
}

function isResult(value: unknown): value is Result<unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { ok?: unknown }).ok === 'boolean'
  );
}

/** Registers one ipcMain.handle per contract channel; returns a function that removes them. */
export function registerIpc(
  ipcMain: IpcMainLike,
  handlers: ChannelHandlers,
  options: IpcOptions,
): () => void {
  const { logger } = options;
  const newCorrelationId = options.newCorrelationId ?? correlationId;
  const channels = Object.keys(CHANNELS) as Channel[];

  function internal(channel: Channel, detail: string): Result<never> {
    const id = newCorrelationId();
    logger.error('ipc', 'handler failed', {
      channel,
      correlationId: id,
      detail: clip(detail, 500),
    });
    return fail('internal', 'Something went wrong in the app. Please try again.', {
      correlationId: id,
    });
  }

  async function dispatch(channel: Channel, event: InvokeEventLike, args: unknown[]) {
    const frame = frameOf(event);
    if (!options.isTrustedSender(frame)) {
      logger.warn('ipc', 'rejected call from untrusted sender', {
        channel,
        origin: originOf(frame),
      });
      return fail('forbidden', 'This request did not come from the app window.');
    }
    if (args.length > 1) return fail('bad_request', 'The request had unexpected arguments.');
    if (!isPlainPayload(args[0])) {
      return fail('bad_request', 'The request was not plain data of the expected shape.');
    }
    const parsed = CHANNELS[channel].safeParse(args[0]);
    if (!parsed.success) {
      return fail('bad_request', 'The request was not valid.', {
        fields: boundedFieldErrors(fieldErrorsFrom(parsed.error)),
      });
    }
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const result = await handler(parsed.data);
      if (!isResult(result)) return internal(channel, 'handler returned a non-Result value');
      return result;
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : typeof error;
      return internal(channel, detail);
    }
  }

  for (const channel of channels) {
    ipcMain.handle(channel, (event, ...args) => dispatch(channel, event, args));
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

/** {@link registerIpc} on Electron's real ipcMain (imported lazily so tests never load Electron). */
export async function registerElectronIpc(
  handlers: ChannelHandlers,
  options: IpcOptions,
): Promise<() => void> {
  const { ipcMain } = await import('electron');
  return registerIpc(ipcMain, handlers, options);
}

/** What the event sender needs of a BrowserWindow. */
export interface EventTargetWindow {
  isDestroyed(): boolean;
  readonly webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

/** Creates core's `emit`: sends an event to the window's page, or drops it when there is none. */
export function createEventSender(
  getWindow: () => EventTargetWindow | null | undefined,
): <E extends EventName>(event: E, payload: EventPayloads[E]) => void {
  return (event, payload) => {
    const window = getWindow();
    if (!window || window.isDestroyed() || window.webContents.isDestroyed()) return;
    window.webContents.send(event, payload);
  };
}
