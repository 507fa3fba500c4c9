import { BrowserWindow, nativeTheme, session, shell } from 'electron';
import type { RendererTarget } from './window-policy';
import { backgroundColorFor, isExternalLinkAllowed } from './window-policy';

/**
 * The app's one locked-down window (https://www.electronjs.org/docs/latest/tutorial/security).
 * The options stay an inline literal so electronegativity (npm run security) can verify them.
 */

/** What the window needs to know. */
export interface MainWindowOptions {
  preloadPath: string;
  target: RendererTarget;
  devTools: boolean;
  /** Called when a load fails or the renderer process dies (for the log). */
  onProblem?: (message: string, data?: Record<string, unknown>) => void;
}

let sessionLocked = false;

/** Denies every permission request and check for the default session (once per run). */
export function lockDownSession(): void {
  if (sessionLocked) return;
  sessionLocked = true;
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.setDevicePermissionHandler(() => false);
}

function openExternally(url: string): void {
  if (isExternalLinkAllowed(url)) void shell.openExternal(url);
}

/** Creates the window, shows it once painted (no white flash), and loads the renderer. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  lockDownSession();
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Cliqnship Desktop',
    backgroundColor: backgroundColorFor(nativeTheme.shouldUseDarkColors),
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: options.devTools,
    },
  });
  const contents = window.webContents;

  window.once('ready-to-show', () => window.show());
  const onTheme = () =>
    window.setBackgroundColor(backgroundColorFor(nativeTheme.shouldUseDarkColors));
  nativeTheme.on('updated', onTheme);
  window.on('closed', () => nativeTheme.off('updated', onTheme));

  // The app is one page: any navigation is refused; an https link goes to the OS browser.
  contents.on('will-navigate', (event) => {
    event.preventDefault();
    openExternally(event.url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('did-fail-load', (_event, code, description) =>
    options.onProblem?.('renderer failed to load', { code, description }),
  );
  contents.on('render-process-gone', (_event, details) =>
    options.onProblem?.('renderer process gone', { reason: details.reason }),
  );

  if (options.target.kind === 'url') void window.loadURL(options.target.url);
  else void window.loadFile(options.target.path);
  if (options.devTools) contents.openDevTools({ mode: 'detach' });
  return window;
}
