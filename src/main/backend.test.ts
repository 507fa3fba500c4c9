import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerOptions } from '../../server/index';
import { DEMO_CUSTOMER } from '../../server/index';
import { PRIVATE_KEY_FILE, PUBLIC_KEY_FILE } from '../../server/keys';
import { startTestServer, testKeyDir } from '../../server/testing';
import type { Backend, BackendOptions } from './backend';
import { ConfigError, embeddedSessionKey, startBackend } from './backend';
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

  it('restores a remembered session after a restart on the same data folder (new port)', async () => {
    const vault = createMemoryVault();
    const { options: opts, userDataDir } = await options({
      vault,
      // The real embedded data folder, so the second start sees the first one's accounts and tokens.
      startServer: (serverOptions) => startTestServer(serverOptions),
    });
    // The cached test key pair, so the embedded server skips 4096-bit key generation.
    const serverDir = join(userDataDir, 'local-server');
    await mkdir(serverDir, { recursive: true });
    for (const file of [PRIVATE_KEY_FILE, PUBLIC_KEY_FILE]) {
      await copyFile(join(await testKeyDir(), file), join(serverDir, file));
    }

    const first = await started(opts);
    const signIn = await first.core.handlers['session:signIn']({
      email: DEMO_CUSTOMER.email,
      password: DEMO_CUSTOMER.password,
      rememberMe: true,
    });
    expect(signIn).toMatchObject({ ok: true, value: { state: 'signed_in', remembered: true } });
    const firstPort = first.server?.port;
    await first.stop();
    // Hold the old port so the second start cannot get it back: the premise is a new origin.
    const placeholder = createNetServer();
    await new Promise<void>((resolve) => placeholder.listen(firstPort, '127.0.0.1', resolve));
    cleanups.push(() => new Promise<void>((resolve) => placeholder.close(() => resolve())));

    const second = await started(opts);
    expect(second.server?.port).not.toBe(firstPort);
    expect(await second.core.restore()).toMatchObject({
      state: 'signed_in',
      remembered: true,
      user: { email: DEMO_CUSTOMER.email },
    });
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

describe('embeddedSessionKey', () => {
  it('is stable per data folder, differs between folders and names no path', () => {
    const key = embeddedSessionKey('/home/dana/.config/Cliqnship Desktop/local-server');
    expect(key).toBe(embeddedSessionKey('/home/dana/.config/Cliqnship Desktop/./local-server'));
    expect(key).not.toBe(embeddedSessionKey('/home/eli/.config/Cliqnship Desktop/local-server'));
    expect(key).toMatch(/^local-server:[0-9a-f]{16}$/);
  });
});
