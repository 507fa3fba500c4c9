/** The CLI, spawned for real through tsx. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CUSTOMER, OAUTH_CLIENTS } from './index';
import { makeTestDataDir } from './testing';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules/.bin/tsx');

function spawnCli(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(tsx, ['server/cli.ts', ...args], { cwd: root, env: { ...process.env } });
}

function exitOf(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

/** Resolves with the URL once the listening line appears on stdout. */
function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Cliqnship API listening on (http:\/\/\S+)\n/.exec(out);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('close', (code) => reject(new Error(`exited early with ${String(code)}`)));
  });
}

let dataDir: string | undefined;
afterEach(async () => {
  if (dataDir !== undefined) await rm(dataDir, { recursive: true, force: true });
});

describe('npm run server', () => {
  it('prints usage for --help and exits 0', async () => {
    const result = await exitOf(spawnCli(['--help']));
    expect(result.code).toBe(0);
    expect(result.out).toContain('--refresh-error-mode passport2|newer');
  });

  it('rejects a bad option with a clear message and exit code 2', async () => {
    const result = await exitOf(spawnCli(['--throttle', 'fast']));
    expect(result.code).toBe(2);
    expect(result.err).toContain('[server] --throttle must be a positive integer or off, got fast');
  });

  it('serves with the given options and shuts down cleanly on SIGTERM', async () => {
    dataDir = await makeTestDataDir();
    const child = spawnCli([
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed-demo',
      '--throttle',
      '5',
      '--token-ttl',
      '120',
    ]);
    const exit = exitOf(child);
    const url = await listeningUrl(child);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const form = new FormData();
    form.set('grant_type', 'password');
    form.set('client_id', OAUTH_CLIENTS.password.id);
    form.set('client_secret', OAUTH_CLIENTS.password.secret);
    form.set('username', DEMO_CUSTOMER.email);
    form.set('password', DEMO_CUSTOMER.password);
    const response = await fetch(`${url}/oauth/token`, { method: 'POST', body: form });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-limit')).toBe('5');
    expect(((await response.json()) as { expires_in: number }).expires_in).toBeLessThanOrEqual(120);
    child.kill('SIGTERM');
    const result = await exit;
    expect(result.code).toBe(0);
    expect(result.out).toContain('SIGTERM: shutting down');
    // Logs carry no secrets or emails.
    expect(result.out).not.toContain(DEMO_CUSTOMER.email);
    expect(result.out).not.toContain(DEMO_CUSTOMER.password);
  });
});
