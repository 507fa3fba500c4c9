import { fileURLToPath } from 'node:url';
import { test as base, expect, type Page } from '@playwright/test';
import { createBridgeDriver } from './support/bridge-driver';
import type { AppDriver, KeychainMode } from './support/driver';
import { createElectronDriver, electronBinary } from './support/electron-driver';
import { findLeakedSecrets } from './support/leak-check';
import { startRestartableServer, type RestartableServer } from './support/restartable-server';
import { serveFolder, type StaticServer } from './support/static-server';

const RENDERER_DIR = fileURLToPath(new URL('../out/renderer', import.meta.url));

/** Options a Playwright project sets (see playwright.config.ts). */
export interface DriverOptions {
  driver: 'bridge' | 'electron';
  keychain: KeychainMode;
}

interface Fixtures {
  /** The local API server, fresh for each test (own data folder); it can be stopped and restarted. */
  server: RestartableServer;
  /** The running app. */
  app: AppDriver;
  /** Secrets the test typed or knows of; none may show up in the page after the test. */
  secrets: Set<string>;
  /** Console errors this test expects (anything else fails it). */
  allowConsoleErrors: RegExp[];
  /** Skips an Electron-driver test where there is no Electron binary, before any browser starts. */
  electronGate: void;
}

interface WorkerFixtures extends DriverOptions {
  renderer: StaticServer;
  keychainEnvironment: void;
}

function guardPage(page: Page, allowed: RegExp[], problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (!allowed.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
  });
}

/** The e2e test: one spec set, two drivers (bridge here and in CI, Electron where it exists). */
export const test = base.extend<Fixtures, WorkerFixtures>({
  driver: ['bridge', { option: true, scope: 'worker' }],
  keychain: ['present', { option: true, scope: 'worker' }],

  keychainEnvironment: [
    async ({ keychain, driver }, use) => {
      // libsecret connects to the session bus once per process: point this worker at no bus
      // before anything touches keytar, so the keychain is really absent.
      if (keychain === 'absent' && driver === 'bridge') {
        process.env.DBUS_SESSION_BUS_ADDRESS = 'unix:path=/nonexistent/cliqnship-no-bus';
      }
      await use();
    },
    { scope: 'worker', auto: true },
  ],

  renderer: [
    async ({}, use) => {
      const served = await serveFolder(RENDERER_DIR);
      await use(served);
      await served.close();
    },
    { scope: 'worker' },
  ],

  electronGate: [
    async ({ driver }, use) => {
      test.skip(
        driver === 'electron' && !electronBinary(),
        'No Electron binary on this machine (it downloads from GitHub).',
      );
      await use();
    },
    { auto: true },
  ],

  server: async ({}, use) => {
    const server = await startRestartableServer();
    await use(server);
    await server.close();
  },

  secrets: async ({}, use) => {
    await use(new Set());
  },

  allowConsoleErrors: async ({}, use) => {
    await use([]);
  },

  app: async ({ driver, keychain, page, server, renderer, secrets, allowConsoleErrors }, use) => {
    const problems: string[] = [];
    const guard = (window: Page) => guardPage(window, allowConsoleErrors, problems);
    let app: AppDriver;
    if (driver === 'electron') {
      app = createElectronDriver({ server, keychain, executablePath: electronBinary()!, guard });
    } else {
      const rendererUrl = `${renderer.url}/index.html`;
      app = createBridgeDriver({ page, server, rendererUrl, keychain, guard });
    }
    await app.launch();
    await use(app);
    const leaks = await findLeakedSecrets(app.page, [...secrets]);
    await app.close();
    expect(leaks, 'secrets found in the page').toEqual([]);
    expect(problems, 'unexpected page or console errors').toEqual([]);
  },
});

export { expect };
