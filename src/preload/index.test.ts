/* eslint-disable no-restricted-syntax -- this test plays the Electron side of the preload, so it must name ipcRenderer. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CliqnshipApi } from '../shared/contract';

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (...args: unknown[]) => ({ ok: true, value: args })),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)?.add(listener);
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        listeners.get(channel)?.delete(listener);
      }),
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value),
  },
  ipcRenderer: electron.ipcRenderer,
}));

function emit(channel: string, payload: unknown) {
  const fakeEvent = { sender: electron.ipcRenderer, senderId: 0 };
  for (const listener of electron.listeners.get(channel) ?? []) listener(fakeEvent, payload);
}

describe('preload', () => {
  let api: CliqnshipApi;

  beforeEach(async () => {
    vi.resetModules();
    electron.exposed.clear();
    electron.listeners.clear();
    vi.clearAllMocks();
    await import('./index');
    api = electron.exposed.get('cliqnship') as CliqnshipApi;
  });

  it('exposes exactly one key, a frozen API without ipcRenderer or process', () => {
    expect([...electron.exposed.keys()]).toEqual(['cliqnship']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(['account', 'profile', 'session']);
    const text = JSON.stringify(Object.entries(api).map(([area, fns]) => [area, Object.keys(fns)]));
    expect(text).not.toMatch(/ipc|process|env|require/i);
  });

  it('invokes each channel with its request', async () => {
    const signIn = { email: 'a@example.com', password: 'pw', rememberMe: false };
    await api.session.get();
    await api.session.signIn(signIn);
    await api.session.signOut();
    await api.account.register({
      email: 'a@example.com',
      password: 'pwd',
      firstName: 'A',
      lastName: 'B',
    });
    await api.profile.get();
    await api.profile.update({ firstName: 'Z' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['session:get', undefined],
      ['session:signIn', signIn],
      ['session:signOut', undefined],
      [
        'account:register',
        { email: 'a@example.com', password: 'pwd', firstName: 'A', lastName: 'B' },
      ],
      ['profile:get', undefined],
      ['profile:update', { firstName: 'Z' }],
    ]);
  });

  it('onChanged passes only the payload and unsubscribe removes the listener', () => {
    const listener = vi.fn();
    const unsubscribe = api.session.onChanged(listener);
    emit('session:changed', { state: 'signed_out' });
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([{ state: 'signed_out' }]);
    unsubscribe();
    expect(electron.listeners.get('session:changed')?.size).toBe(0);
    emit('session:changed', { state: 'signed_out' });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
