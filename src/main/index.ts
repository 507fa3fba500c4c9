import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, net } from 'electron';
import { createServer } from '../../server/index';
import type { Backend } from './backend';
import { ConfigError, startBackend } from './backend';
import { createLogger } from './core/log';
import { createKeytarVault } from './core/keytar-vault';
import { createDeferredHandlers } from './deferred-handlers';
import { createEventSender, registerElectronIpc } from './ipc';
import { runtimeOverrides } from './runtime-overrides';
import { createTrustedSenderCheck } from './trusted-sender';
import { createMainWindow } from './window';
import { devToolsAllowed, rendererTarget } from './window-policy';

/** Main process lifecycle only: one instance, one window, the backend behind IPC, clean quit. */

const logger = createLogger();
const overrides = runtimeOverrides(process.env);
// Before the single-instance lock, which is keyed by the userData folder.
if (overrides.userDataDir) app.setPath('userData', overrides.userDataDir);
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const preloadPath = join(outDir, 'preload', 'index.cjs');
const fetchViaElectron: typeof globalThis.fetch = (input, init) =>
  // net.fetch uses Chromium's network stack: system proxy and OS certificate store apply.
  net.fetch(input instanceof URL ? input.href : input, init);

let mainWindow: BrowserWindow | null = null;
let backend: Promise<Backend> | null = null;
let quitting = false;
/** Windows open only once IPC answers (activate / second-instance can fire during start-up). */
let ipcReady = false;
/** Longest the quit waits for the embedded server to finish in-flight requests. */
const STOP_TIMEOUT_MS = 5000;

// The dev server URL is honoured only when unpackaged (electron-vite dev sets it).
const target = rendererTarget({
  isPackaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  outDir,
});

function openWindow(): void {
  mainWindow = createMainWindow({
    preloadPath,
    target,
    devTools: devToolsAllowed(app.isPackaged, process.env),
    onProblem: (message, data) => logger.warn('window', message, data),
  });
  mainWindow.on('closed', () => (mainWindow = null));
}

function focusWindow(): void {
  if (!ipcReady) return;
  if (!mainWindow) return openWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

async function onReady(): Promise<void> {
  backend = startBackend({
    env: process.env,
    argv: process.argv.slice(1),
    userDataDir: app.getPath('userData'),
    fetch: fetchViaElectron,
    vault: createKeytarVault({ service: overrides.keychainService }),
    emit: createEventSender(() => mainWindow),
    logger,
    startServer: createServer,
    serverLog: app.isPackaged ? undefined : (line) => process.stdout.write(`${line}\n`),
  });
  const handlersReady = backend.then((running) => running.core.handlers);
  // Callers see a failed start as an `internal` Result; this copy must not count as unhandled.
  handlersReady.catch(() => {});
  await registerElectronIpc(createDeferredHandlers(handlersReady, logger), {
    isTrustedSender: createTrustedSenderCheck(target.url),
    logger,
  });
  ipcReady = true;
  openWindow();

  try {
    const running = await backend;
    // Restore after the window is up: the page asks session:get and follows session:changed.
    const view = await running.core.restore();
    logger.info('session', 'restored', { state: view.state, keychain: view.keychain });
  } catch (error) {
    if (error instanceof ConfigError) {
      dialog.showErrorBox('Cliqnship Desktop cannot start', error.message);
      app.exit(2);
      return;
    }
    logger.error('app', 'start-up failed', { detail: error instanceof Error ? error.message : '' });
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (ipcReady && BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', (event) => {
    // Stop the embedded server gracefully (in-flight requests, SQLite) before the process ends.
    if (quitting || !backend) return;
    event.preventDefault();
    quitting = true;
    const stopped = backend.then((running) => running.stop());
    const cap = new Promise<void>((resolve) => setTimeout(resolve, STOP_TIMEOUT_MS).unref());
    Promise.race([stopped, cap])
      .catch((error: unknown) =>
        logger.warn('app', 'stop failed', { detail: error instanceof Error ? error.message : '' }),
      )
      .finally(() => app.quit());
  });
  app.whenReady().then(onReady, (error: unknown) =>
    logger.error('app', 'whenReady failed', {
      detail: error instanceof Error ? error.message : '',
    }),
  );
}
