/**
 * `npm run security`: electronegativity on the built app (out/) plus the client-secret scan of the
 * preload and renderer bundles. Fails on any HIGH or MEDIUM finding not excluded below.
 * Run after `electron-vite build` (the npm script does both).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transform } from 'esbuild';
import { CLIENT_SECRETS, PAGE_BUNDLES } from './bundle-secrets';
import { findSecrets } from './secret-scan';
import type { Exclusion } from './security-findings';
import { findingsFromCsv, judge } from './security-findings';

const ELECTRON_VERSION = '45.6.0';

/** Accepted findings, each with the reason it is not a problem here. */
const EXCLUSIONS: Exclusion[] = [
  {
    id: 'PRELOAD_JS_CHECK',
    sampleIncludes: 'preload: options.preloadPath',
    reason:
      'The one preload (src/preload/index.ts, sandboxed) exposes only window.cliqnship from the shared contract builder: no ipcRenderer, no process (src/preload/index.test.ts).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    sampleIncludes: 'isExternalLinkAllowed(url)',
    reason:
      'window.ts only opens URLs that passed isExternalLinkAllowed (https, no credentials; window-policy.test.ts).',
  },
];

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out');

async function jsFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(c|m)?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * A scan copy of out/: electronegativity's AST walker predates class private fields (#x) and
 * skips a whole file that has one (bundled ky does), and it ignores .cjs. So the copy is lowered
 * to ES2020 by esbuild (same code, older syntax) and .cjs files are renamed .js.
 */
async function prepareScanCopy(): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'cliqnship-security-'));
  await cp(out, copy, { recursive: true });
  for (const file of await jsFiles(copy)) {
    const source = await readFile(file, 'utf8');
    const format = file.endsWith('.cjs') ? 'cjs' : 'esm';
    const lowered = await transform(source, { loader: 'js', target: 'es2020', format });
    await writeFile(file, lowered.code);
    if (file.endsWith('.cjs')) await rename(file, file.replace(/\.cjs$/, '.js'));
  }
  return copy;
}

function runElectronegativity(input: string, report: string): void {
  const bin = join(root, 'node_modules', '.bin', 'electronegativity');
  execFileSync(
    bin,
    [
      '-i',
      input,
      '-e',
      ELECTRON_VERSION,
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-v',
      'false',
      '-o',
      report,
    ],
    { stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 },
  );
}

async function main(): Promise<number> {
  if (!existsSync(join(out, 'main')) || !existsSync(join(out, 'renderer'))) {
    console.error('[security] out/ is missing: run `npx electron-vite build` first.');
    return 2;
  }
  let failed = false;

  const copy = await prepareScanCopy();
  try {
    const report = join(copy, 'electronegativity.csv');
    runElectronegativity(copy, report);
    const verdict = judge(findingsFromCsv(await readFile(report, 'utf8')), EXCLUSIONS);
    for (const finding of verdict.informational) {
      console.log(
        `[security] info ${finding.severity} ${finding.id} ${finding.file.replace(copy, 'out')}`,
      );
    }
    for (const { finding, reason } of verdict.excluded) {
      console.log(`[security] accepted ${finding.severity} ${finding.id}: ${reason}`);
    }
    for (const finding of verdict.failing) {
      failed = true;
      console.error(
        `[security] FAIL ${finding.severity} ${finding.id} ${finding.file.replace(copy, 'out')}:${finding.location} ${finding.description}`,
      );
    }
  } finally {
    await rm(copy, { recursive: true, force: true });
  }

  const hits = await findSecrets(
    PAGE_BUNDLES.map((name) => join(out, name)),
    CLIENT_SECRETS,
  );
  for (const hit of hits) {
    failed = true;
    console.error(`[security] FAIL ${hit.secret} found in ${hit.file.replace(root, '.')}`);
  }
  console.log(failed ? '[security] failed' : '[security] passed');
  return failed ? 1 : 0;
}

process.exitCode = await main();
