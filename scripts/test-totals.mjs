// Prints one closing line "N passed, N failed[, N skipped]" over every suite's JSON report
// (vitest and Playwright print no such line themselves). Exits 1 when a report is missing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'test-results';
const totals = { passed: 0, failed: 0, skipped: 0 };
const missing = [];

function readJson(name) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    missing.push(name);
    return null;
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

// A file that fails to load, or an error outside any test, fails no single test: count it too.
const vitest = readJson('vitest.json');
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0;
  const failedTests = vitest.numFailedTests ?? 0;
  const failedFiles = (vitest.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' && (file.assertionResults ?? []).every((t) => t.status !== 'failed'),
  ).length;
  const stray = failedTests + failedFiles === 0 && vitest.success === false ? 1 : 0;
  totals.failed += failedTests + failedFiles + stray;
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
}

const playwright = readJson('playwright.json');
if (playwright) {
  const stats = playwright.stats ?? {};
  totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  totals.failed += (stats.unexpected ?? 0) + (playwright.errors?.length ?? 0);
  totals.skipped += stats.skipped ?? 0;
}

for (const name of missing) console.log(`[totals] no report ${name}: that suite did not run`);
const line = `${totals.passed} passed, ${totals.failed} failed`;
console.log(totals.skipped > 0 ? `${line}, ${totals.skipped} skipped` : line);
process.exit(missing.length > 0 ? 1 : 0);
