/** Authentication (§3) and routing rules (§4.1): bearer prefix, Accept, 404/405/301, HEAD, CORS. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MARIA, passwordGrant, startScenario, type Scenario } from './test-support/scenario';

let s: Scenario;
let auth: Record<string, string>;
beforeEach(async () => {
  s = await startScenario();
  const tokens = await passwordGrant(s.server.url, MARIA.email, MARIA.password);
  auth = { Accept: 'application/json', Authorization: `Bearer ${tokens.access_token}` };
});
afterEach(async () => {
  await s.close();
});

describe('authentication and routing rules (§3, §4.1)', () => {
  it('accepts only the exact "Bearer " scheme in the Authorization header', async () => {
    const jwt = (auth.Authorization ?? '').slice(7);
    const cases: [Record<string, string>, string, number][] = [
      [{ Authorization: `bearer ${jwt}` }, '', 401],
      [{ Authorization: `Bearer\t${jwt}` }, '', 401],
      [{}, `?access_token=${jwt}`, 401],
      [{ Authorization: `Bearer   ${jwt}  ` }, '', 200],
      [{ Authorization: 'Bearer not.a.jwt' }, '', 401],
    ];
    for (const [headers, query, status] of cases) {
      const response = await fetch(`${s.server.url}/api/user${query}`, {
        headers: { Accept: 'application/json', ...headers },
      });
      expect(response.status, JSON.stringify(headers).slice(0, 30) + query.slice(0, 15)).toBe(
        status,
      );
    }
  });

  it('decides JSON vs redirect by the highest-ranked Accept entry or X-Requested-With', async () => {
    const status = async (headers: Record<string, string>): Promise<number> =>
      (await fetch(`${s.server.url}/api/user`, { headers, redirect: 'manual' })).status;
    expect(await status({ Accept: 'text/html, application/json' })).toBe(302);
    expect(await status({ Accept: 'text/html;q=0.5, application/json' })).toBe(401);
    expect(await status({ Accept: 'application/vnd.api+json' })).toBe(401);
    expect(await status({ 'X-Requested-With': 'XMLHttpRequest' })).toBe(401);
  });

  it('serves HTML 404s, 301s for trailing slashes, 405 for GET /oauth/token, HEAD like GET', async () => {
    const missing = await fetch(`${s.server.url}/api/v2/nothing`, {
      headers: { Accept: 'application/json' },
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain(
      'Sorry, the page you are looking for could not be found.',
    );
    const slash = await fetch(`${s.server.url}/api/v1/customers/12/?x=1`, { redirect: 'manual' });
    expect(slash.status).toBe(301);
    expect(slash.headers.get('location')).toBe(`${s.server.url}/api/v1/customers/12?x=1`);
    const getToken = await fetch(`${s.server.url}/oauth/token`);
    expect([getToken.status, getToken.headers.get('allow')]).toEqual([405, 'POST']);
    const head = await fetch(`${s.server.url}/api/v1/customers/me`, {
      method: 'HEAD',
      headers: auth,
    });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers a CORS preflight on /api/* with the echoed origin, method and headers', async () => {
    const response = await fetch(`${s.server.url}/api/v1/customers/12`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://a.example',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://a.example');
    expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization');
    const token = await fetch(`${s.server.url}/oauth/token`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://a.example', 'Access-Control-Request-Method': 'POST' },
    });
    expect([token.status, token.headers.get('access-control-allow-origin')]).toEqual([405, null]);
  });

  it('records every served request without its query string, until reset', async () => {
    s.server.resetRequestLog();
    await fetch(`${s.server.url}/api/user?secret=x`, { headers: auth });
    await fetch(`${s.server.url}/nowhere`);
    expect(s.server.requests).toEqual([
      { method: 'GET', path: '/api/user', status: 200 },
      { method: 'GET', path: '/nowhere', status: 404 },
    ]);
    s.server.resetRequestLog();
    expect(s.server.requests).toEqual([]);
  });

  it('adds CORS headers after authentication only', async () => {
    const ok = await fetch(`${s.server.url}/api/user`, {
      headers: { ...auth, Origin: 'http://a.example' },
    });
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://a.example');
    const denied = await fetch(`${s.server.url}/api/user`, {
      headers: { Accept: 'application/json', Origin: 'http://a.example' },
    });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
  });
});
