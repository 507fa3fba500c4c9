import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerOptions } from '../../server/index';
import { DEMO_CUSTOMER } from '../../server/index';
import { startTestServer } from '../../server/testing';
import type { Backend, BackendOptions } from './backend';
import { ConfigError, startBackend } from './backend';
import { silentLogger } from './core/log';
import { createMemoryVault } from './core/token-vault';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function options(overrides: Partial<BackendOptions> = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'cliqnship-userdata-'));
  cleanups.push(() => rm(userDataDir, { recursive: true, force: true }));
  const seen: ServerOptions[] = [];
  const base: BackendOptions = {
    env: {},
    argv: [],
    userDataDir,
    fetch: globalThis.fetch,
    vault: createMemoryVault(),
    emit: vi.fn(),
    logger: silentLogger,
    // The real server, minus its 4096-bit key generation and bcrypt cost (startTestServer).
    startServer: (serverOptions) => {
      seen.push(serverOptions);
      return startTestServer({ ...serverOptions, dataDir: undefined });
    },
  };
  return { options: { ...base, ...overrides }, seen, userDataDir };
}

async function started(backendOptions: BackendOptions): Promise<Backend> {
  const backend = await startBackend(backendOptions);
  cleanups.push(() => backend.stop());
  return backend;
}

describe('startBackend', () => {
  it('starts the embedded server with the demo account when no API URL is configured', async () => {
    const { options: opts, seen, userDataDir } = await options();
    const backend = await started(opts);
    expect(seen).toEqual([
      expect.objectContaining({
        host: '127.0.0.1',
        port: 0,
        seedDemo: true,
        dataDir: join(userDataDir, 'local-server'),
      }),
    ]);
    expect(backend.config.apiBaseUrl).toBe(backend.server?.url);
    const signIn = await backend.core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: true,
    });
    expect(signIn).toMatchObject({
      ok: true,
      value: { state: 'signed_in', server: { isLocal: true } },
    });

    const url = backend.config.apiBaseUrl;
    await backend.stop();
    await backend.stop();
    await expect(fetch(url)).rejects.toThrow();
  });

  it('uses a configured API URL (argv beats the config file) without starting a server', async () => {
    const startServer = vi.fn();
    const { options: opts, userDataDir } = await options({
      startServer,
      argv: ['--api-url=https://api.example.com'],
    });
    await writeFile(
      join(userDataDir, 'cliqnship.config.json'),
      JSON.stringify({ apiUrl: 'https://other.example.com' }),
    );
    const backend = await started(opts);
    expect(startServer).not.toHaveBeenCalled();
    expect(backend.server).toBeNull();
    expect(backend.config.apiBaseUrl).toBe('https://api.example.com');
  });

  it('reads the API URL from the config file in userData', async () => {
    const { options: opts, userDataDir } = await options({ startServer: vi.fn() });
    await writeFile(
      join(userDataDir, 'cliqnship.config.json'),
      JSON.stringify({ apiUrl: 'https://file.example.com' }),
    );
    expect((await started(opts)).config.apiBaseUrl).toBe('https://file.example.com');
  });

  it('refuses plain http to a remote host with a ConfigError, starting nothing', async () => {
    const startServer = vi.fn();
    const { options: opts } = await options({
      startServer,
      env: { CLIQNSHIP_API_URL: 'http://api.example.com' },
    });
    await expect(startBackend(opts)).rejects.toBeInstanceOf(ConfigError);
    expect(startServer).not.toHaveBeenCalled();
  });
});
