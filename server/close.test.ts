/** Graceful close: an in-flight request completes, then the port stops accepting. */
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import { DEMO_CUSTOMER } from './index';
import { passwordGrant } from './test-support/scenario';
import { makeTestDataDir, startTestServer } from './testing';

describe('close()', () => {
  it('finishes a request whose body is still arriving, then refuses connections', async () => {
    let markReceived: () => void = () => {};
    const received = new Promise<void>((resolve) => (markReceived = resolve));
    const server = await startTestServer({
      log: (line) => {
        if (line.includes('"msg":"received"') && line.includes('/api/v1/customers')) markReceived();
      },
    });
    const body = JSON.stringify({
      email: 'late@example.com',
      password: 'abc',
      first_name: 'L',
      last_name: 'A',
    });
    const half = Math.floor(body.length / 2);
    let closed = false;
    const response = new Promise<{ status: number; text: string; closedBefore: boolean }>(
      (resolve, reject) => {
        const req = request(
          `${server.url}/api/v1/customers`,
          {
            method: 'POST',
            headers: {
              Accept: 'application/json',
              'Content-Type': 'application/json',
              'Content-Length': Buffer.byteLength(body),
            },
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text, closedBefore: closed }),
            );
          },
        );
        req.on('error', reject);
        // Send half the body; once the server has the request in flight, start closing, then finish it.
        req.write(body.slice(0, half));
        void received.then(() => {
          void server.close().then(() => {
            closed = true;
          });
          req.end(body.slice(half));
        });
      },
    );
    const result = await response;
    expect(result.status).toBe(201);
    expect(result.closedBefore).toBe(false);
    expect(JSON.parse(result.text)).toMatchObject({
      data: { email: 'late@example.com' },
      status: 201,
    });
    await server.close();
    await expect(fetch(`${server.url}/api/user`)).rejects.toThrow();
  });

  it('keeps users, keys and tokens across a restart on the same data folder', async () => {
    const dataDir = await makeTestDataDir();
    try {
      const first = await startTestServer({ dataDir, seedDemo: true });
      const tokens = await passwordGrant(first.url, DEMO_CUSTOMER.email, DEMO_CUSTOMER.password);
      await first.close();
      const second = await startTestServer({ dataDir, seedDemo: true, port: first.port });
      expect(second.url).toBe(first.url);
      const me = await fetch(`${second.url}/api/v1/customers/me`, {
        headers: { Accept: 'application/json', Authorization: `Bearer ${tokens.access_token}` },
      });
      expect(me.status).toBe(200);
      await second.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
