/** Contract tests: every copied API example file is replayed against a live server. */
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerOptions } from './index';
import {
  FIXTURE_BASE,
  fixtureNames,
  loadFixture,
  sendFixtureRequest,
  TINY_JPEG,
  type Fixture,
} from './test-support/fixtures';
import { compareBody } from './test-support/shape';
import {
  MARIA,
  passwordGrant,
  refreshGrant,
  startScenario,
  type Scenario,
  type Tokens,
} from './test-support/scenario';

interface Prep {
  options?: ServerOptions;
  /** Produces the refresh token to put into the request. */
  refreshToken?: (s: Scenario, tokens: Tokens) => Promise<string>;
  /** Runs before the example request. */
  before?: (s: Scenario, tokens: Tokens, fixture: Fixture) => Promise<void>;
  /** Extra checks on the live response body. */
  after?: (s: Scenario, body: unknown) => Promise<void>;
}

const PREPS: Record<string, Prep> = {
  token_error_refresh_revoked: {
    refreshToken: async (s, tokens) => {
      expect((await refreshGrant(s.server.url, tokens.refresh_token)).status).toBe(200);
      return tokens.refresh_token;
    },
  },
  // A negative lifetime mints refresh tokens that are already past expire_time.
  token_error_refresh_expired: { options: { refreshTokenTtlSeconds: -60 } },
  token_error_refresh_garbage: { refreshToken: async () => 'abc123' },
  rate_limited_429: {
    before: async (s, tokens, fixture) => {
      for (let i = 0; i < 60; i += 1) {
        const response = await fetch(s.server.url + fixture.request.path, {
          headers: { Accept: 'application/json', Authorization: `Bearer ${tokens.access_token}` },
        });
        expect(response.status).toBe(200);
      }
    },
  },
  customer_update_image_multipart: {
    after: async (_s, body) => {
      const url = (body as { data: { image: string } }).data.image;
      const image = await fetch(url);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await image.arrayBuffer()).equals(TINY_JPEG)).toBe(true);
    },
  },
};

function isPlaceholder(body: unknown): body is string {
  return typeof body === 'string' && body.startsWith('<') && body.endsWith('>');
}

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.close();
  scenario = undefined;
});

describe('API examples replayed against the server', () => {
  it('covers the token, auth, customer, 405 and 429 examples', () => {
    expect(fixtureNames().length).toBeGreaterThanOrEqual(38);
  });

  for (const name of fixtureNames()) {
    it(name, async () => {
      const fixture = loadFixture(name);
      const prep = PREPS[name] ?? {};
      const people = name !== 'customer_register_success';
      scenario = await startScenario({ throttlePerMinute: 60, ...prep.options }, people);
      const s = scenario;
      const tokens: Tokens = people
        ? await passwordGrant(s.server.url, MARIA.email, MARIA.password)
        : { access_token: '', refresh_token: '' };
      const request = structuredClone(fixture.request);
      if (request.headers.Authorization?.startsWith('Bearer ')) {
        request.headers.Authorization = `Bearer ${tokens.access_token}`;
      }
      if (request.body !== null && 'refresh_token' in request.body) {
        request.body.refresh_token = await (prep.refreshToken?.(s, tokens) ?? tokens.refresh_token);
      }
      await prep.before?.(s, tokens, fixture);

      const response = await sendFixtureRequest(s.server.url, request);
      const text = await response.text();
      const rebase = (value: string): string => value.split(FIXTURE_BASE).join(s.server.url);
      expect(response.status, text).toBe(fixture.response.status);

      for (const [header, value] of Object.entries(fixture.response.headers ?? {})) {
        const actual = response.headers.get(header);
        if (header === 'X-RateLimit-Remaining' && value !== '0') expect(actual).toMatch(/^\d+$/);
        else if (header === 'Retry-After') expect(Number(actual)).toBeGreaterThan(0);
        else if (header === 'X-RateLimit-Reset')
          expect(Number(actual)).toBeGreaterThan(Date.now() / 1000);
        else expect(actual, header).toBe(rebase(value));
      }

      const expected = fixture.response.body;
      if (isPlaceholder(expected)) {
        expect(response.headers.get('content-type')).toBe('text/html; charset=UTF-8');
        const quoted = /"([^"]+)"/.exec(expected)?.[1];
        if (quoted !== undefined) expect(text).toContain(rebase(quoted));
      } else if (typeof expected === 'string') {
        expect(text).toBe(expected);
      } else {
        // The real server escapes "/" in JSON; so must we.
        expect(text).not.toMatch(/[^\\]\//);
        const body: unknown = JSON.parse(text);
        expect(compareBody(expected, body, rebase)).toEqual([]);
        await prep.after?.(s, body);
      }
    });
  }
});
