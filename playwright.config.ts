import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Chromium flags for this closed network: no background calls home, no GPU, root-safe. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    // Debian's Chromium where it exists (never `npx playwright install` here); else Playwright's own.
    executablePath:
      process.env.CLIQNSHIP_CHROMIUM ??
      (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
    args: CHROMIUM_ARGS,
  },
  viewport: { width: 1024, height: 720 },
};

/** Per-project options read by e2e/fixtures.ts. */
interface DriverOptions {
  driver: 'bridge' | 'electron';
  keychain: 'present' | 'absent';
}

export default defineConfig<DriverOptions>({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    {
      name: 'bridge',
      testIgnore: /keychain-absent\.spec\.ts/,
      use: { ...chromium, driver: 'bridge' },
    },
    {
      // Its own worker process: libsecret binds to the session bus once per process, so the
      // absent keychain must be arranged before anything in that process touches keytar.
      name: 'bridge-keychain-absent',
      testMatch: /keychain-absent\.spec\.ts/,
      use: { ...chromium, driver: 'bridge', keychain: 'absent' },
    },
    {
      // The fixtures still open a (then unused) browser page: give it the same Chromium.
      name: 'electron',
      use: { ...chromium, driver: 'electron' },
    },
  ],
});
