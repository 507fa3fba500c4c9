import { beforeEach, describe, expect, it, vi } from 'vitest';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as {
      options: Record<string, unknown>;
      events: Map<string, Handler>;
      contentsEvents: Map<string, Handler>;
      openHandler?: Handler;
      loaded?: string[];
      shown: boolean;
      devtools: boolean;
      background?: string;
    }[],
    permissionRequest: undefined as Handler | undefined,
    permissionCheck: undefined as Handler | undefined,
    devicePermission: undefined as Handler | undefined,
    dark: false,
    themeListeners: new Set<Handler>(),
    opened: [] as string[],
  };
  class BrowserWindow {
    record: (typeof state.windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      const record = {
        options,
        events: new Map<string, Handler>(),
        contentsEvents: new Map<string, Handler>(),
        shown: false,
        devtools: false,
      } as (typeof state.windows)[number];
      this.record = record;
      state.windows.push(record);
      this.webContents = {
        on: (event: string, handler: Handler) => record.contentsEvents.set(event, handler),
        setWindowOpenHandler: (handler: Handler) => (record.openHandler = handler),
        openDevTools: () => (record.devtools = true),
      };
    }
    once(event: string, handler: Handler) {
      this.record.events.set(event, handler);
    }
    on(event: string, handler: Handler) {
      this.record.events.set(event, handler);
    }
    show() {
      this.record.shown = true;
    }
    setBackgroundColor(color: string) {
      this.record.background = color;
    }
    async loadURL(url: string) {
      this.record.loaded = ['url', url];
    }
    async loadFile(path: string) {
      this.record.loaded = ['file', path];
    }
  }
  return { state, BrowserWindow };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.BrowserWindow,
  nativeTheme: {
    get shouldUseDarkColors() {
      return fake.state.dark;
    },
    on: (_event: string, listener: Handler) => fake.state.themeListeners.add(listener),
    off: (_event: string, listener: Handler) => fake.state.themeListeners.delete(listener),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (handler: Handler) => (fake.state.permissionRequest = handler),
      setPermissionCheckHandler: (handler: Handler) => (fake.state.permissionCheck = handler),
      setDevicePermissionHandler: (handler: Handler) => (fake.state.devicePermission = handler),
    },
  },
  shell: { openExternal: async (url: string) => void fake.state.opened.push(url) },
}));

const { createMainWindow } = await import('./window');
const { BACKGROUND } = await import('./window-policy');

const fileTarget = {
  kind: 'file',
  path: '/app/out/renderer/index.html',
  url: 'file:///app/out/renderer/index.html',
} as const;

function open(devTools = false) {
  createMainWindow({ preloadPath: '/app/out/preload/index.cjs', target: fileTarget, devTools });
  const record = fake.state.windows.at(-1);
  if (!record) throw new Error('no window');
  return record;
}

beforeEach(() => {
  fake.state.windows.length = 0;
  fake.state.opened.length = 0;
  fake.state.themeListeners.clear();
  fake.state.dark = false;
});

describe('createMainWindow', () => {
  it('creates a locked-down, hidden-until-ready window of at least 800x600', () => {
    fake.state.dark = true;
    const record = open();
    expect(record.options).toMatchObject({
      show: false,
      minWidth: 800,
      minHeight: 600,
      backgroundColor: BACKGROUND.dark,
      webPreferences: {
        preload: '/app/out/preload/index.cjs',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        devTools: false,
      },
    });
    expect(record.loaded).toEqual(['file', '/app/out/renderer/index.html']);
    expect(record.shown).toBe(false);
    record.events.get('ready-to-show')?.();
    expect(record.shown).toBe(true);
    expect(record.devtools).toBe(false);
  });

  it('follows the OS theme for the background and stops listening when closed', () => {
    const record = open();
    expect(record.options.backgroundColor).toBe(BACKGROUND.light);
    fake.state.dark = true;
    for (const listener of fake.state.themeListeners) listener();
    expect(record.background).toBe(BACKGROUND.dark);
    record.events.get('closed')?.();
    expect(fake.state.themeListeners.size).toBe(0);
  });

  it('denies every permission request and check', () => {
    open();
    const callback = vi.fn();
    fake.state.permissionRequest?.({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheck?.({}, 'notifications')).toBe(false);
    expect(fake.state.devicePermission?.({})).toBe(false);
  });

  it('refuses navigation and new windows; only https links reach the OS browser', () => {
    const record = open();
    const navigate = (url: string) => {
      const event = { url, preventDefault: vi.fn() };
      record.contentsEvents.get('will-navigate')?.(event);
      return event.preventDefault;
    };
    expect(navigate('https://cliqnship.com/help')).toHaveBeenCalled();
    expect(navigate('file:///etc/passwd')).toHaveBeenCalled();
    expect(record.openHandler?.({ url: 'https://cliqnship.com/terms' })).toEqual({
      action: 'deny',
    });
    expect(record.openHandler?.({ url: 'http://evil.example/' })).toEqual({ action: 'deny' });
    expect(record.openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(fake.state.opened).toEqual([
      'https://cliqnship.com/help',
      'https://cliqnship.com/terms',
    ]);
    const redirect = { preventDefault: vi.fn() };
    record.contentsEvents.get('will-redirect')?.(redirect);
    expect(redirect.preventDefault).toHaveBeenCalled();
    const webview = { preventDefault: vi.fn() };
    record.contentsEvents.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('opens DevTools only when allowed, and loads the dev server URL target', () => {
    createMainWindow({
      preloadPath: '/p.cjs',
      target: { kind: 'url', url: 'http://localhost:5173/' },
      devTools: true,
    });
    const record = fake.state.windows.at(-1);
    expect(record?.loaded).toEqual(['url', 'http://localhost:5173/']);
    expect(record?.devtools).toBe(true);
    expect(record?.options.webPreferences).toMatchObject({ devTools: true });
  });
});
