/**
 * Renders build/icon.svg to build/icon.png (512x512, transparent) with headless Chromium.
 * Usage: `npx tsx scripts/make-icon.ts` (CHROMIUM=/path/to/chromium to pick the browser).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const svg = resolve(root, 'build/icon.svg');
const png = resolve(root, 'build/icon.png');
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';

execFileSync(
  chromium,
  [
    '--headless',
    '--disable-gpu',
    '--no-sandbox',
    '--hide-scrollbars',
    '--default-background-color=00000000',
    '--window-size=512,512',
    `--screenshot=${png}`,
    pathToFileURL(svg).href,
  ],
  { stdio: ['ignore', 'ignore', 'ignore'], timeout: 60_000 },
);

const header = readFileSync(png);
const width = header.readUInt32BE(16);
const height = header.readUInt32BE(20);
if (header.toString('latin1', 1, 4) !== 'PNG' || width !== 512 || height !== 512) {
  throw new Error(`[icon] unexpected output: ${width}x${height}`);
}
console.log(`[icon] wrote ${png} (${width}x${height})`);
