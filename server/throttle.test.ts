/** The 60/min limiter: unit (fake clock) and over HTTP (per route + method + IP buckets). */
import { afterEach, describe, expect, it } from 'vitest';
import { startScenario, type Scenario } from './test-support/scenario';
import { Throttle } from './throttle';

describe('Throttle (fake clock)', () => {
  it('counts down, locks out for a full minute from the overflowing hit, then starts afresh', () => {
    let now = 1_000_000;
    const throttle = new Throttle(2, () => now);
    expect(throttle.hit('k').headers['x-ratelimit-remaining']).toBe('1');
    expect(throttle.hit('k').headers['x-ratelimit-remaining']).toBe('0');
    now += 30_000;
    const blocked = throttle.hit('k');
    expect(blocked.allowed).toBe(false);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(blocked.headers['x-ratelimit-reset']).toBe(String(Math.floor(now / 1000) + 60));
    expect(throttle.hit('other').allowed).toBe(true);
    now += 59_000;
    expect(throttle.hit('k').headers['retry-after']).toBe('1');
    now += 1_000;
    const fresh = throttle.hit('k');
    expect(fresh.allowed).toBe(true);
    expect(fresh.headers['x-ratelimit-remaining']).toBe('1');
  });
});

describe('throttle over HTTP', () => {
  let s: Scenario | undefined;
  afterEach(async () => {
    await s?.close();
  });

  it('answers the 4th request of a route with 429 text; other routes and methods have their own buckets', async () => {
    s = await startScenario({ throttlePerMinute: 3 }, false);
    const get = (path: string): Promise<Response> =>
      fetch(`${s?.server.url}${path}`, { headers: { Accept: 'application/json' } });
    const remaining: (string | null)[] = [];
    // Unauthenticated requests count too, and /me and /12 share the {userId} bucket.
    for (const path of ['/api/v1/customers/me', '/api/v1/customers/12', '/api/v1/customers/me']) {
      const response = await get(path);
      expect(response.status).toBe(401);
      remaining.push(response.headers.get('x-ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await get('/api/v1/customers/13');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.text()).toBe('Too Many Attempts.');
    expect((await get('/api/user')).headers.get('x-ratelimit-remaining')).toBe('2');
    const put = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'PUT',
      headers: { Accept: 'application/json' },
    });
    expect(put.status).toBe(401);
    const token = await fetch(`${s.server.url}/oauth/token`, { method: 'POST' });
    expect([token.status, token.headers.get('x-ratelimit-remaining')]).toEqual([400, '2']);
  });

  it('can be switched off', async () => {
    s = await startScenario({ throttlePerMinute: false }, false);
    const response = await fetch(`${s.server.url}/api/user`, {
      headers: { Accept: 'application/json' },
    });
    expect(response.headers.get('x-ratelimit-limit')).toBeNull();
  });
});
