import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '../../server/keys';
import { testKeyDir } from '../../server/testing';

// The lifecycle of src/main/index.ts with Electron replaced by a recording twin; everything behind
// it is real: config, the embedded server (given the cached test RSA key), the core, IPC checks.

type Handler = (...args: unknown[]) => unknown;

const twin = vi.hoisted(() => {
  const deferred = <T>() => {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>((r) => (resolve = r));
    return { promise, resolve };
  };
  const appEvents = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  const windows: { loaded?: string; events: Map<string, Handler> }[] = [];
  const firstEvent = deferred<[string, unknown]>();
  const quit = deferred<void>();
  const ready = deferred<void>();
  const userData = { dir: '' };
  const paths = new Map<string, string>();
  const vaultOptions: unknown[] = [];
  class BrowserWindow {
    static getAllWindows = () => windows;
    record = { events: new Map<string, Handler>() } as (typeof windows)[number];
    webContents = {
      on: () => {},
      setWindowOpenHandler: () => {},
      openDevTools: () => {},
      isDestroyed: () => false,
      send: (channel: string, payload: unknown) => firstEvent.resolve([channel, payload]),
    };
    constructor() {
      windows.push(this.record);
    }
    once(event: string, handler: Handler) {
      this.record.events.set(event, handler);
    }
    on(event: string, handler: Handler) {
      this.record.events.set(event, handler);
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    focus = () => {};
    restore = () => {};
    show = () => {};
    setBackgroundColor = () => {};
    loadURL = async () => {};
    loadFile = async (path: string) => void (this.record.loaded = path);
  }
  const app = {
    isPackaged: false,
    requestSingleInstanceLock: () => true,
    on: (event: string, handler: Handler) => appEvents.set(event, handler),
    whenReady: () => ready.promise,
    setPath: (name: string, value: string) => paths.set(name, value),
    getPath: (name: string) => paths.get(name) ?? '/nonexistent/default-user-data',
    quit: () => quit.resolve(),
    exit: () => {},
  };
  return {
    app,
    BrowserWindow,
    appEvents,
    ipcHandlers,
    windows,
    firstEvent,
    ready,
    quit,
    userData,
    paths,
    vaultOptions,
  };
});

vi.mock('electron', () => ({
  app: twin.app,
  BrowserWindow: twin.BrowserWindow,
  dialog: { showErrorBox: () => {} },
  net: { fetch: (...args: Parameters<typeof fetch>) => globalThis.fetch(...args) },
  ipcMain: {
    handle: (channel: string, handler: Handler) => twin.ipcHandlers.set(channel, handler),
    removeHandler: (channel: string) => twin.ipcHandlers.delete(channel),
  },
  nativeTheme: { shouldUseDarkColors: false, on: () => {}, off: () => {} },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => {},
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
    },
  },
  shell: { openExternal: async () => {} },
}));

// No keychain in this test: the memory vault stands in (the keytar vault has its own tests).
vi.mock('./core/keytar-vault', async () => {
  const { createMemoryVault } = await import('./core/token-vault');
  return {
    createKeytarVault: (options: unknown) => {
      twin.vaultOptions.push(options);
      return createMemoryVault();
    },
  };
});

const here = dirname(fileURLToPath(import.meta.url));
const appPage = pathToFileURL(join(here, '..', 'renderer', 'index.html')).href;
const trusted = { senderFrame: { url: appPage, parent: null } };

afterAll(() => {
  if (twin.userData.dir) rmSync(twin.userData.dir, { recursive: true, force: true });
});

describe('src/main/index.ts lifecycle', () => {
  it('wires IPC, opens the window, restores in the background and stops the server on quit', async () => {
    twin.userData.dir = mkdtempSync(join(tmpdir(), 'cliqnship-main-'));
    // The embedded server keeps its data under userData/local-server; skip 4096-bit key generation.
    const serverDir = join(twin.userData.dir, 'local-server');
    mkdirSync(serverDir);
    for (const file of [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]) {
      copyFileSync(join(await testKeyDir(), file), join(serverDir, file));
    }
    const previous = { ...process.env };
    delete process.env.CLIQNSHIP_API_URL;
    // The e2e driver's hooks: its own profile folder and keychain service.
    process.env.CLIQNSHIP_USER_DATA_DIR = twin.userData.dir;
    process.env.CLIQNSHIP_KEYCHAIN_SERVICE = 'Cliqnship Desktop lifecycle test';
    await import('./index');
    expect(twin.paths.get('userData')).toBe(twin.userData.dir);
    expect([...twin.appEvents.keys()].sort()).toEqual([
      'activate',
      'second-instance',
      'will-quit',
      'window-all-closed',
    ]);
    twin.ready.resolve();

    // restore() ends with session:changed sent to the window: the page follows that event.
    const [event, payload] = await twin.firstEvent.promise;
    expect(event).toBe('session:changed');
    expect(payload).toMatchObject({ state: 'signed_out', server: { isLocal: true } });
    expect(twin.windows).toHaveLength(1);
    expect(twin.vaultOptions).toEqual([{ service: 'Cliqnship Desktop lifecycle test' }]);
    expect(twin.windows[0]?.loaded).toBe(join(here, '..', 'renderer', 'index.html'));

    const call = (channel: string, sender: object, request?: unknown) =>
      twin.ipcHandlers.get(channel)?.(sender, request) as Promise<{ ok: boolean; value?: unknown }>;
    const session = await call('session:get', trusted);
    expect(session).toMatchObject({ ok: true, value: { state: 'signed_out' } });
    const serverUrl = (session.value as { server: { url: string } }).server.url;
    expect(
      await call('session:get', { senderFrame: { url: 'https://evil.example/', parent: null } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const { DEMO_CUSTOMER } = await import('../../server/index');
    expect(
      await call('session:signIn', trusted, {
        email: DEMO_CUSTOMER.email,
        password: DEMO_CUSTOMER.password,
        rememberMe: false,
      }),
    ).toMatchObject({ ok: true, value: { state: 'signed_in' } });

    const quitEvent = { preventDefault: vi.fn() };
    twin.appEvents.get('will-quit')?.(quitEvent);
    expect(quitEvent.preventDefault).toHaveBeenCalled();
    await twin.quit.promise;
    await expect(fetch(serverUrl)).rejects.toThrow();
    // The second will-quit (from app.quit) goes through.
    const again = { preventDefault: vi.fn() };
    twin.appEvents.get('will-quit')?.(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    process.env = previous;
  });
});
