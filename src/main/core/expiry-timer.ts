/** setTimeout's largest delay (2^31-1 ms); a longer one would fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** Arms a one-shot timer and returns its cancel function (injectable for tests). */
export type SetTimer = (callback: () => void, delayMs: number) => () => void;

/** The real timer, unref'd: a pending refresh must never keep the process alive. */
export const realTimer: SetTimer = (callback, delayMs) => {
  const handle = setTimeout(callback, delayMs);
  handle.unref?.();
  return () => clearTimeout(handle);
};

/** Calls a function once a moment on the injected clock has come; one pending at a time. */
export interface DueTimer {
  /** Replaces any pending call. A moment already past arms nothing (callers refresh lazily). */
  schedule(dueAt: number, onDue: () => void): void;
  stop(): void;
}

/**
 * Creates a due timer. Tokens live a year, far beyond setTimeout's limit, so long waits are a
 * chain of capped timers, each checking the clock again when it fires.
 */
export function createDueTimer(setTimer: SetTimer, now: () => number): DueTimer {
  let cancel: (() => void) | null = null;
  const stop = () => {
    cancel?.();
    cancel = null;
  };
  const schedule = (dueAt: number, onDue: () => void) => {
    stop();
    const delay = dueAt - now();
    if (delay <= 0) return;
    cancel = setTimer(
      () => {
        cancel = null;
        if (now() >= dueAt) onDue();
        else schedule(dueAt, onDue);
      },
      Math.min(delay, MAX_TIMER_MS),
    );
  };
  return { schedule, stop };
}
