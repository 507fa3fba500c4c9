import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { CliqnshipServer } from '../../server/index';
import type { AppDriver, KeychainMode } from './driver';

const require = createRequire(import.meta.url);
const MAIN_ENTRY = 'out/main/index.js';

/**
 * The Electron binary, when this machine has one. `require('electron')` would try to download it,
 * so this reads the install marker instead.
 */
export function electronBinary(): string | null {
  const electronDir = dirname(require.resolve('electron/package.json'));
  const marker = join(electronDir, 'path.txt');
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(bin) ? bin : null;
  }
  if (!existsSync(marker)) return null;
  const bin = join(electronDir, 'dist', readFileSync(marker, 'utf8').trim());
  return existsSync(bin) ? bin : null;
}

/** The real app, launched with Playwright's Electron support (build with the test fuse profile). */
export function createElectronDriver(options: {
  server: CliqnshipServer;
  keychain: KeychainMode;
  executablePath: string;
  /** Called with every new window (each launch opens one). */
  guard: (page: Page) => void;
}): AppDriver & { readonly page: Page } {
  const userData = mkdtempSync(join(tmpdir(), 'cliqnship-e2e-'));
  const keychainService = `Cliqnship Desktop e2e ${randomUUID()}`;
  let app: ElectronApplication | undefined;
  let window: Page | undefined;

  async function start(): Promise<void> {
    app = await _electron.launch({
      executablePath: options.executablePath,
      args: [MAIN_ENTRY],
      env: {
        ...process.env,
        CLIQNSHIP_API_URL: options.server.url,
        CLIQNSHIP_USER_DATA_DIR: userData,
        CLIQNSHIP_KEYCHAIN_SERVICE: keychainService,
        ...(options.keychain === 'absent'
          ? { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/cliqnship-no-bus' }
          : {}),
      },
    });
    window = await app.firstWindow();
    options.guard(window);
  }

  async function stop(): Promise<void> {
    await app?.close();
    app = undefined;
  }

  return {
    get page() {
      if (!window) throw new Error('The app is not running.');
      return window;
    },
    server: options.server,
    launch: start,
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      rmSync(userData, { recursive: true, force: true });
    },
  };
}
