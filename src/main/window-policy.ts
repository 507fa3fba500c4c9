import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Window decisions as plain functions, so they are tested without Electron. */

/** The renderer's --bg for light and dark (src/renderer/src/styles/app.css), so no flash. */
export const BACKGROUND = { light: '#f4f6f9', dark: '#0f1318' } as const;

/** The background for the current OS theme. */
export function backgroundColorFor(dark: boolean): string {
  return dark ? BACKGROUND.dark : BACKGROUND.light;
}

/** Only plain https links without credentials may leave the app for the OS browser. */
export function isExternalLinkAllowed(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return (
    url.protocol === 'https:' && url.username === '' && url.password === '' && url.hostname !== ''
  );
}

/** DevTools only for an unpackaged app started with CLIQNSHIP_DEVTOOLS=1. */
export function devToolsAllowed(
  isPackaged: boolean,
  env: Record<string, string | undefined>,
): boolean {
  return !isPackaged && env.CLIQNSHIP_DEVTOOLS === '1';
}

/** What the window loads: the dev server (unpackaged only) or the built index.html. */
export type RendererTarget =
  { kind: 'url'; url: string } | { kind: 'file'; path: string; url: string };

/** Picks the renderer to load; ELECTRON_RENDERER_URL (set by electron-vite dev) is ignored when packaged. */
export function rendererTarget(options: {
  isPackaged: boolean;
  devServerUrl: string | undefined;
  outDir: string;
}): RendererTarget {
  if (!options.isPackaged && options.devServerUrl) {
    const url = new URL(options.devServerUrl);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && isLoopback(url.hostname)) {
      return { kind: 'url', url: url.href };
    }
  }
  const path = join(options.outDir, 'renderer', 'index.html');
  return { kind: 'file', path, url: pathToFileURL(path).href };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
