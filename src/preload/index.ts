import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildCliqnshipApi } from '../shared/api-builder';
import type { Invoke, Subscribe } from '../shared/contract';

/**
 * The sandboxed preload: exposes `window.cliqnship` (one function per contract channel, one
 * subscription per event) and nothing else — no ipcRenderer, no process.env.
 */

const invoke: Invoke = (channel, request) => ipcRenderer.invoke(channel, request);

const subscribe: Subscribe = (event, listener) => {
  // Electron's event object carries `sender` (ipcRenderer itself): never hand it to the page.
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never);
  ipcRenderer.on(event, forward);
  return () => {
    ipcRenderer.removeListener(event, forward);
  };
};

contextBridge.exposeInMainWorld('cliqnship', buildCliqnshipApi(invoke, subscribe));
