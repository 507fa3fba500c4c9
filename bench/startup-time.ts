import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * Milliseconds from navigation start until `ready` holds in the page, measured by the page's own
 * clock (performance.now() counts from navigation start), over `runs` fresh pages.
 */
export async function timeToReady(options: {
  url: string;
  runs: number;
  /**
   * Runs in the page each frame; returns performance.now() once ready, else false. A function,
   * not a string: the app's CSP forbids eval.
   */
  ready: () => number | false;
  preparePage?: (page: Page) => Promise<void>;
}): Promise<number[]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const times: number[] = [];
  try {
    for (let run = 0; run < options.runs; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await options.preparePage?.(page);
      await page.goto(options.url, { waitUntil: 'commit' });
      const handle = await page.waitForFunction(options.ready, undefined, {
        polling: 'raf',
        timeout: 30_000,
      });
      times.push(Number(await handle.jsonValue()));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return times;
}

/** The sign-in form is interactive: its submit button exists and is enabled. */
export const SIGN_IN_READY = (): number | false =>
  [...document.querySelectorAll('button')].some(
    (button) => button.textContent?.trim() === 'Sign in' && !button.disabled,
  ) && performance.now();

/** The hello world has rendered. */
export const HELLO_READY = (): number | false =>
  document.querySelector('h1')?.textContent === 'Hello, world' && performance.now();
