/** Laravel 5.4's ThrottleRequests: N hits per 60 s per key, then a lockout until the window ends. */

/** The verdict for one request. */
export type ThrottleVerdict =
  | { allowed: true; headers: Record<string, string> }
  | { allowed: false; headers: Record<string, string> };

interface Bucket {
  hits: number;
  resetAt: number; // ms
}

const DECAY_MS = 60_000;

/** An in-memory limiter (the real server's file cache is per instance too, API §13 A11). */
export class Throttle {
  private readonly buckets = new Map<string, Bucket>();
  private readonly lockouts = new Map<string, number>();

  constructor(
    private readonly limit: number,
    private readonly now: () => number,
  ) {}

  /** Counts a hit for `key` and returns the headers for the response. */
  hit(key: string): ThrottleVerdict {
    const now = this.now();
    this.prune(now);
    const lockedUntil = this.lockouts.get(key);
    const bucket = this.buckets.get(key);
    if (lockedUntil === undefined && bucket !== undefined && bucket.hits >= this.limit) {
      // Laravel 5.4 locks out for a full decay period from the hit that overflowed.
      this.lockouts.set(key, now + DECAY_MS);
      this.buckets.delete(key);
      return this.tooMany(now + DECAY_MS, now);
    }
    if (lockedUntil !== undefined) return this.tooMany(lockedUntil, now);
    const current = bucket ?? { hits: 0, resetAt: now + DECAY_MS };
    current.hits += 1;
    this.buckets.set(key, current);
    return {
      allowed: true,
      headers: {
        'x-ratelimit-limit': String(this.limit),
        'x-ratelimit-remaining': String(Math.max(0, this.limit - current.hits)),
      },
    };
  }

  private tooMany(until: number, now: number): ThrottleVerdict {
    const retryAfter = Math.max(0, Math.ceil((until - now) / 1000));
    return {
      allowed: false,
      headers: {
        'x-ratelimit-limit': String(this.limit),
        'x-ratelimit-remaining': '0',
        'retry-after': String(retryAfter),
        'x-ratelimit-reset': String(Math.floor(now / 1000) + retryAfter),
      },
    };
  }

  private prune(now: number): void {
    for (const [key, until] of this.lockouts) if (until <= now) this.lockouts.delete(key);
    for (const [key, bucket] of this.buckets) if (bucket.resetAt <= now) this.buckets.delete(key);
  }
}
