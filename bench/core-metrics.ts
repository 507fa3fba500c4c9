import { randomUUID } from 'node:crypto';
import type { CliqnshipServer } from '../server/index';
import { createAppCore, type AppCore, type CoreDeps } from '../src/main/core/app-core';
import { loadConfig } from '../src/main/core/config';
import { createKeytarVault } from '../src/main/core/keytar-vault';
import type { TokenVault } from '../src/main/core/token-vault';
import { createMemoryVault } from '../src/main/core/token-vault';
import { median } from './startup-time';

const YEAR_MS = 366 * 24 * 3600 * 1000;

function apiRequests(server: CliqnshipServer): string[] {
  return server.requests
    .map((request) => request.path)
    .filter((path) => path === '/oauth/token' || path.startsWith('/api/'));
}

function newCore(server: CliqnshipServer, vault: TokenVault, now?: () => number): AppCore {
  const loaded = loadConfig({ env: { CLIQNSHIP_API_URL: server.url }, argv: [] });
  if (!loaded.ok) throw new Error(loaded.error.message);
  const deps: CoreDeps = {
    fetch: globalThis.fetch,
    vault,
    emit: () => {},
    ...(now ? { now } : {}),
  };
  return createAppCore({ ...loaded.value, apiBaseUrl: server.url }, deps);
}

function expectOk<T>(result: { ok: true; value: T } | { ok: false; error: { code: string } }): T {
  if (!result.ok) throw new Error(`benchmark step failed: ${result.error.code}`);
  return result.value;
}

/** HTTP requests the server answers per user action (each action followed by the profile view). */
export async function requestsPerAction(
  server: CliqnshipServer,
): Promise<Record<string, string[]>> {
  const vault = createMemoryVault();
  const customer = { email: `bench.${randomUUID()}@example.com`, password: 'bench-pass' };

  server.resetRequestLog();
  const registering = newCore(server, createMemoryVault());
  expectOk(
    await registering.handlers['account:register']({
      ...customer,
      firstName: 'Ben',
      lastName: 'Ch',
    }),
  );
  expectOk(await registering.handlers['profile:get'](undefined));
  const register = apiRequests(server);
  registering.dispose();

  server.resetRequestLog();
  const signingIn = newCore(server, vault);
  expectOk(await signingIn.handlers['session:signIn']({ ...customer, rememberMe: true }));
  expectOk(await signingIn.handlers['profile:get'](undefined));
  const signIn = apiRequests(server);
  signingIn.dispose();

  server.resetRequestLog();
  const restoring = newCore(server, vault);
  await restoring.restore();
  expectOk(await restoring.handlers['profile:get'](undefined));
  const restore = apiRequests(server);
  restoring.dispose();

  return { signIn, restore, register };
}

/** 50 concurrent profile calls on an expired access token: how many refreshes reach the server. */
export async function refreshStorm(
  server: CliqnshipServer,
  calls = 50,
): Promise<{ refreshes: number; succeeded: number }> {
  const customer = { email: `storm.${randomUUID()}@example.com`, password: 'storm-pass' };
  let clock = Date.now();
  const core = newCore(server, createMemoryVault(), () => clock);
  expectOk(
    await core.handlers['account:register']({ ...customer, firstName: 'Sam', lastName: 'Storm' }),
  );
  clock += YEAR_MS; // the client now sees its access token as expired
  server.resetRequestLog();
  const results = await Promise.all(
    Array.from({ length: calls }, () => core.handlers['profile:get'](undefined)),
  );
  core.dispose();
  return {
    refreshes: server.requests.filter((request) => request.path === '/oauth/token').length,
    succeeded: results.filter((result) => result.ok).length,
  };
}

/** Median milliseconds of createAppCore + restore from the OS keychain (one remembered session). */
export async function coreStartup(
  server: CliqnshipServer,
  runs = 10,
): Promise<{ medianMs: number; vault: string }> {
  const vault = createKeytarVault({ service: `Cliqnship Desktop bench ${randomUUID()}` });
  const customer = { email: `start.${randomUUID()}@example.com`, password: 'start-pass' };
  const first = newCore(server, vault);
  expectOk(
    await first.handlers['account:register']({ ...customer, firstName: 'Su', lastName: 'Start' }),
  );
  const remembered = expectOk(
    await first.handlers['session:signIn']({ ...customer, rememberMe: true }),
  );
  first.dispose();
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const core = newCore(server, vault);
    const view = await core.restore();
    times.push(performance.now() - started);
    core.dispose();
    if (view.state !== 'signed_in') throw new Error('restore did not sign in');
  }
  await vault.clear(new URL(server.url).origin);
  const where =
    remembered.state === 'signed_in' && remembered.remembered
      ? 'OS keychain'
      : 'keychain unavailable';
  return { medianMs: median(times), vault: where };
}
