import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** Bytes of JavaScript a page ships. */
export interface JsSize {
  minified: number;
  gzip: number;
}

/** Sums every .js file under a built page's assets folder. */
export async function measureJs(assetsDir: string): Promise<JsSize> {
  let minified = 0;
  let gzip = 0;
  for (const name of await readdir(assetsDir)) {
    if (!name.endsWith('.js')) continue;
    const bytes = await readFile(join(assetsDir, name));
    minified += bytes.byteLength;
    gzip += gzipSync(bytes, { level: 9 }).byteLength;
  }
  return { minified, gzip };
}

const HELLO_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>Hello</title></head>
<body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`;
const HELLO_MAIN = `import { createRoot } from 'react-dom/client';
createRoot(document.getElementById('root')!).render(<h1>Hello, world</h1>);`;

/**
 * Builds the React 19 hello-world baseline with this repo's Vite and React plugin; returns the
 * folder holding its index.html. The folder lives in the repo so react resolves from node_modules.
 */
export async function buildHelloWorld(workDir: string): Promise<string> {
  await rm(workDir, { recursive: true, force: true });
  await mkdir(workDir, { recursive: true });
  await writeFile(join(workDir, 'index.html'), HELLO_HTML);
  await writeFile(join(workDir, 'main.tsx'), HELLO_MAIN);
  const outDir = join(workDir, 'dist');
  await build({
    root: workDir,
    base: './',
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
