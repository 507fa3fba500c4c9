/** PHP's request limits over HTTP: post_max_size (8 MiB) for every encoding, max_input_vars (1000). */
import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register, startScenario, type Scenario } from './test-support/scenario';

let s: Scenario;
beforeEach(async () => {
  s = await startScenario({}, false);
});
afterEach(async () => {
  await s.close();
});

const newcomer = {
  email: 'pedro@example.com',
  password: 'abc',
  first_name: 'Pedro',
  last_name: 'Garcia',
};
const MIB = 1024 * 1024;

function post(body: FormData | string, contentType?: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType !== undefined) headers['Content-Type'] = contentType;
  return fetch(`${s.server.url}/api/v1/customers`, { method: 'POST', headers, body });
}

async function answer(response: Response): Promise<[number, string | null, string, string]> {
  return [
    response.status,
    response.headers.get('content-type'),
    response.headers.get('connection') ?? '',
    await response.text(),
  ];
}

function form(entries: [string, string][]): FormData {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
}

const pads = (count: number): [string, string][] =>
  Array.from({ length: count }, (_, i): [string, string] => [`pad${i}`, 'x']);

describe('post_max_size', () => {
  it('answers an over-size multipart body exactly like an over-size urlencoded one, writing nothing', async () => {
    const urlencoded = await answer(
      await post(
        `${new URLSearchParams(newcomer).toString()}&pad=${'x'.repeat(9 * MIB)}`,
        'application/x-www-form-urlencoded',
      ),
    );
    expect(urlencoded[0]).toBe(500);
    const big = 'x'.repeat(1000 * 1000);
    const many = await post(
      form([...Object.entries(newcomer), ...pads(24).map(([n]) => [n, big] as [string, string])]),
    );
    expect(await answer(many)).toEqual(urlencoded);
    // One field past 8 MiB (no per-field cap in PHP: it must not be cut to size and accepted).
    const one = await post(form([...Object.entries(newcomer), ['pad', 'x'.repeat(9 * MIB)]]));
    expect(await answer(one)).toEqual(urlencoded);
    expect((await register(s.server.url, newcomer)).status).toBe(201);
  });

  it('stops reading a chunked multipart body past 8 MiB and answers at once (never buffers it whole)', async () => {
    const boundary = 'limitsboundary';
    const cap = 48 * MIB;
    const url = new URL(s.server.url);
    const result = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
      let sent = 0;
      let answered = false;
      const req = request({
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/v1/customers',
        headers: {
          Accept: 'application/json',
          'Content-Type': `multipart/form-data; boundary=${boundary}`,
          'Transfer-Encoding': 'chunked',
        },
      });
      req.on('response', (res) => {
        answered = true;
        res.resume();
        resolve({ status: res.statusCode ?? 0, sent });
        req.destroy();
      });
      req.on('error', (error) => {
        if (!answered) reject(error);
      });
      const chunk = Buffer.alloc(256 * 1024, 'x');
      const pump = (): void => {
        while (!answered && sent < cap) {
          sent += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        if (!answered) req.end(`\r\n--${boundary}--\r\n`);
      };
      req.write(`--${boundary}\r\nContent-Disposition: form-data; name="pad"\r\n\r\n`);
      pump();
    });
    expect(result.status).toBe(500);
    // 8 MiB read, plus what the kernel's socket buffers took in before the answer came back.
    expect(result.sent).toBeLessThan(24 * MIB);
    expect((await register(s.server.url, newcomer)).status).toBe(201);
  });
});

describe('max_input_vars', () => {
  it('keeps the first 1000 urlencoded variables and drops the rest', async () => {
    const late = new URLSearchParams([...pads(1000), ...Object.entries(newcomer)]);
    const dropped = await post(late.toString(), 'application/x-www-form-urlencoded');
    expect(dropped.status).toBe(422);
    expect(Object.keys(((await dropped.json()) as { errors: object }).errors)).toEqual(
      Object.keys(newcomer),
    );
    const early = new URLSearchParams([...Object.entries(newcomer), ...pads(1200)]);
    expect((await post(early.toString(), 'application/x-www-form-urlencoded')).status).toBe(201);
  });

  it('keeps the first 1000 multipart fields and drops the rest (no empty body)', async () => {
    const late = await post(form([...pads(1000), ...Object.entries(newcomer)]));
    expect(late.status).toBe(422);
    const early = await post(form([...Object.entries(newcomer), ...pads(1200)]));
    expect(early.status).toBe(201);
  });
});
