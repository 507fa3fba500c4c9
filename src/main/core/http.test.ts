import { afterEach, describe, expect, it } from 'vitest';
import {
  createHttpClient,
  classifyUnauthorized,
  errorFromResponse,
  retryAfterSeconds,
} from './http';
import { closedPortUrl, reply, startFaultServer, type FaultServer } from './testing/fault-servers';

let peer: FaultServer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

function client(baseUrl: string, timeoutMs = 2000) {
  return createHttpClient({ baseUrl, fetch: globalThis.fetch, timeoutMs });
}

describe('http client', () => {
  it('always sends Accept: application/json and the bearer token', async () => {
    peer = await startFaultServer((_req, res) => reply(res, 200, { ok: 1 }));
    const sent = await client(peer.url).send({ method: 'GET', path: 'api/x', bearer: 'abc' });
    expect(sent.ok && sent.value.json).toEqual({ ok: 1 });
    expect(peer.seen[0]?.headers.accept).toBe('application/json');
    expect(peer.seen[0]?.headers.authorization).toBe('Bearer abc');
    expect(peer.seen[0]?.path).toBe('/api/x');
  });

  it('turns a refused connection into network', async () => {
    const sent = await client(await closedPortUrl()).send({ method: 'GET', path: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('turns a destroyed socket into network', async () => {
    peer = await startFaultServer('destroy');
    const sent = await client(peer.url).send({ method: 'GET', path: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('gives up on a server that never answers after the timeout', async () => {
    peer = await startFaultServer('hang');
    const started = Date.now();
    const sent = await client(peer.url, 300).send({ method: 'GET', path: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(sent.ok ? '' : sent.error.message).toMatch(/in time/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('times out while the body is still streaming', async () => {
    peer = await startFaultServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"data":'); // and never finishes
    });
    const sent = await client(peer.url, 300).send({ method: 'GET', path: 'x' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('refuses to follow a redirect (never carries the token elsewhere)', async () => {
    peer = await startFaultServer((req, res) => {
      if (req.path === '/x') return reply(res, 302, '', { Location: '/login' });
      reply(res, 200, { leaked: req.headers.authorization ?? null });
    });
    const sent = await client(peer.url).send({ method: 'GET', path: 'x', bearer: 'secret' });
    expect(sent).toMatchObject({ ok: false, error: { code: 'server' } });
    expect(peer.seen.map((seen) => seen.path)).toEqual(['/x']);
  });

  it('does not parse HTML as JSON', async () => {
    peer = await startFaultServer((_req, res) => reply(res, 500, '<html>Whoops</html>'));
    const sent = await client(peer.url).send({ method: 'GET', path: 'x' });
    expect(sent.ok && sent.value.status).toBe(500);
    expect(sent.ok && sent.value.json).toBeUndefined();
  });
});

describe('response classification', () => {
  const response = (status: number, json: unknown, headers: Record<string, string> = {}) => ({
    status,
    headers: new Headers(headers),
    text: JSON.stringify(json),
    json,
  });

  it('maps 429 to rate_limited with Retry-After seconds', () => {
    expect(errorFromResponse(response(429, undefined, { 'Retry-After': '42' }))).toMatchObject({
      code: 'rate_limited',
      retryAfter: 42,
    });
  });

  it('reads an HTTP-date Retry-After', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const headers = new Headers({ 'Retry-After': 'Thu, 01 Jan 2026 00:00:30 GMT' });
    expect(retryAfterSeconds(headers, now)).toBe(30);
  });

  it('maps 422 field keys to request field names', () => {
    const error = errorFromResponse(
      response(422, {
        errors: { email: ['The email has already been taken.'], first_name: ['required'] },
        status: 422,
      }),
    );
    expect(error).toMatchObject({
      code: 'validation',
      fields: { email: ['The email has already been taken.'], firstName: ['required'] },
    });
  });

  it('maps 5xx and odd shapes to server', () => {
    expect(errorFromResponse(response(503, undefined)).code).toBe('server');
    expect(errorFromResponse(response(422, { nope: true })).code).toBe('server');
    expect(errorFromResponse(response(404, { errors: ['nothing found'], status: 404 })).code).toBe(
      'server',
    );
  });

  it('tells the three kinds of 401 apart', () => {
    expect(classifyUnauthorized(response(401, { error: 'Unauthenticated.' }))).toBe(
      'unauthenticated',
    );
    expect(classifyUnauthorized(response(401, { errors: ['unauthorized'], status: 401 }))).toBe(
      'not_owner',
    );
    expect(classifyUnauthorized(response(401, undefined))).toBe('foreign');
    expect(classifyUnauthorized(response(401, { error: 'Unauthenticated.', x: 1 }))).toBe(
      'foreign',
    );
  });
});
