import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Page } from '@playwright/test';
import type { CliqnshipServer } from '../../server/index';
import { createAppCore, type AppCore } from '../../src/main/core/app-core';
import { loadConfig } from '../../src/main/core/config';
import { createKeytarVault } from '../../src/main/core/keytar-vault';
import { createMemoryPreferences } from '../../src/main/core/preferences';
import { registerIpc, type InvokeEventLike } from '../../src/main/ipc';
import { createTrustedSenderCheck } from '../../src/main/trusted-sender';
import { createLogger } from '../../src/main/core/log';
import type { EventName, EventPayloads } from '../../src/shared/contract';
import type { AppDriver, KeychainMode } from './driver';
import { decodeBytes, encodeBytes } from './wire';

let pageScript: string | undefined;
// Main's log lines go to the test output, as they would to the app's stdout.
const logger = createLogger((line) => process.stderr.write(`${line}\n`));

/** The page half of the bridge, bundled once per worker. */
function bridgeScript(): string {
  pageScript ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./page-bridge.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
  }).outputFiles[0]!.text;
  return pageScript;
}

type Handler = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/**
 * The app with Electron's IPC pipe replaced by Playwright bindings: the built renderer in Chromium,
 * `window.cliqnship` from the shared builder, and main's real `registerIpc` + `createAppCore`
 * running in this test process against the real server and the real keychain.
 */
export function createBridgeDriver(options: {
  page: Page;
  server: CliqnshipServer;
  rendererUrl: string;
  keychain: KeychainMode;
  /** Called once with the window, before the first load. */
  guard: (page: Page) => void;
}): AppDriver & { attach(): Promise<void> } {
  const { page, server, rendererUrl } = options;
  options.guard(page);
  // A keychain service of its own per test: a clean entry, and nothing left behind for others.
  const keychainService = `Cliqnship Desktop e2e ${randomUUID()}`;
  const preferences = createMemoryPreferences();
  let core: AppCore | undefined;
  let handlers = new Map<string, Handler>();
  let bound = false;

  async function bind(): Promise<void> {
    if (bound) return;
    bound = true;
    await page.exposeBinding('__cliqnshipInvoke', async (source, channel: string, payload) => {
      const handler = handlers.get(channel);
      if (!handler)
        return encodeBytes({
          ok: false,
          error: { code: 'bad_request', message: 'Unknown channel.' },
        });
      // The same shape Electron's WebFrameMain gives ipc.ts: a subframe has a parent.
      const senderFrame = { url: source.frame.url(), parent: source.frame.parentFrame() };
      return encodeBytes(await handler({ senderFrame }, decodeBytes(payload)));
    });
    await page.addInitScript({ content: bridgeScript() });
  }

  function emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    page
      .evaluate(([name, data]) => window.__cliqnshipDispatch(name, data), [
        event,
        encodeBytes(payload),
      ] as const)
      .catch(() => undefined); // the page may be navigating; the renderer asks session:get on load
  }

  /** What Electron's main does before the window loads: core, IPC, and a restore under way. */
  async function attach(): Promise<void> {
    const loaded = loadConfig({ env: { CLIQNSHIP_API_URL: server.url }, argv: [] });
    if (!loaded.ok) throw new Error(`config: ${loaded.error.message}`);
    const config = { ...loaded.value, apiBaseUrl: server.url };
    const vault = createKeytarVault({ service: keychainService });
    core = createAppCore(config, { fetch: globalThis.fetch, vault, emit, preferences });
    handlers = new Map();
    const fakeIpcMain = {
      handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
      removeHandler: (channel: string) => handlers.delete(channel),
    };
    registerIpc(fakeIpcMain, core.handlers, {
      isTrustedSender: createTrustedSenderCheck(rendererUrl),
      logger,
    });
    await bind();
    void core.restore();
  }

  async function start(): Promise<void> {
    await attach();
    await page.goto(rendererUrl);
  }

  async function stop(): Promise<void> {
    core?.dispose();
    core = undefined;
    handlers = new Map();
    await page.goto('about:blank');
  }

  return {
    page,
    server,
    attach,
    launch: start,
    async restart() {
      await stop();
      await start();
    },
    async close() {
      await stop();
      const vault = createKeytarVault({ service: keychainService });
      await vault.clear(new URL(server.url).origin);
    },
  };
}
