import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..');
/** electron-vite's output folder. */
export const OUT = join(ROOT, 'out');

const BUILT_MARKERS = ['main/index.js', 'preload/index.cjs', 'renderer/index.html'];

/**
 * Builds out/ unless it is there. `npm test` builds before vitest, so the bundle tests read that
 * fresh build; run alone, they build once themselves.
 */
export function ensureBuild(): void {
  if (BUILT_MARKERS.every((marker) => existsSync(join(OUT, marker)))) return;
  execFileSync(join(ROOT, 'node_modules', '.bin', 'electron-vite'), ['build'], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 240_000,
  });
}
