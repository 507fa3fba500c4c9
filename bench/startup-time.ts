import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config';

/** Median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A page to time: where it is, and when it counts as ready. */
export interface TimedPage {
  url: string;
  /**
   * Runs in the page each frame; returns performance.now() once ready, else false. A function,
   * not a string: the app's CSP forbids eval.
   */
  ready: () => number | false;
  preparePage?: (page: Page) => Promise<void>;
}

async function timeOnce(browser: Browser, target: TimedPage): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await target.preparePage?.(page);
    await page.goto(target.url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(target.ready, undefined, {
      polling: 'raf',
      timeout: 30_000,
    });
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

/**
 * Milliseconds from navigation start until each target is ready, measured by the page's own
 * clock (performance.now() counts from navigation start), `runs` fresh pages per target. Runs
 * alternate between the targets, after one uncounted warm-up each, so drifting machine load and
 * cold caches weigh on both alike.
 */
export async function timeToReady(targets: TimedPage[], runs: number): Promise<number[][]> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const times = targets.map((): number[] => []);
  try {
    for (const target of targets) await timeOnce(browser, target);
    for (let run = 0; run < runs; run++) {
      for (const [index, target] of targets.entries()) {
        times[index]!.push(await timeOnce(browser, target));
      }
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
