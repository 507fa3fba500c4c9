// `npm start` needs the Electron binary. The electron package fetches it lazily (from GitHub) and
// electron-vite does not, so this runs the package's own installer first, and says plainly what
// went wrong when the download is blocked.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

if (!existsSync(join(electronDir, 'path.txt'))) {
  console.log('[start] downloading the Electron binary (once)…');
  const result = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
    console.error(
      '[start] Could not download Electron (it comes from GitHub). Without it the app cannot run;\n' +
        '[start] `npm test` still works (its e2e suite drives the app in Chromium). Behind a proxy or\n' +
        '[start] mirror, see ELECTRON_MIRROR / ELECTRON_GET_USE_PROXY in the @electron/get docs.',
    );
    process.exit(1);
  }
}
