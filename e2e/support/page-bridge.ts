/**
 * Runs inside the page (bundled to an init script): provides `window.cliqnship` from the SAME
 * shared builder as the preload, with invoke and events carried by Playwright bindings instead
 * of Electron's IPC pipe.
 */
import { buildCliqnshipApi } from '../../src/shared/api-builder';
import type { EventName, Invoke } from '../../src/shared/contract';
import { decodeBytes, encodeBytes } from './wire';

declare global {
  interface Window {
    __cliqnshipInvoke(channel: string, payload: unknown): Promise<unknown>;
    __cliqnshipDispatch(event: string, payload: unknown): void;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

window.__cliqnshipDispatch = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(decodeBytes(payload));
};

const invoke = (async (channel: string, payload: unknown) =>
  decodeBytes(await window.__cliqnshipInvoke(channel, encodeBytes(payload)))) as Invoke;

const api = buildCliqnshipApi(invoke, (event: EventName, listener) => {
  const set = listeners.get(event) ?? new Set();
  listeners.set(event, set);
  const wrapped = (payload: unknown) => listener(payload as never);
  set.add(wrapped);
  return () => set.delete(wrapped);
});

Object.defineProperty(window, 'cliqnship', { value: api, writable: false, configurable: false });
