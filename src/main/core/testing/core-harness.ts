import { afterEach } from 'vitest';
import type { CliqnshipServer, ServerOptions } from '../../../../server/index';
import { startTestServer } from '../../../../server/testing';
import type { SessionView } from '../../../shared/views';
import { createAppCore, type AppCore } from '../app-core';
import { loadConfig } from '../config';
import { createLogger } from '../log';
import { createMemoryPreferences, type PreferenceStore } from '../preferences';
import { createMemoryVault, type TokenVault } from '../token-vault';

/** Builds cores against a running server with a shared vault, clock, event and log capture. */

/** Shared pieces two cores (an app "restart") can have in common. */
export interface Harness {
  vault: TokenVault;
  preferences: PreferenceStore;
  clock: { now: number };
  events: SessionView[];
  logs: string[];
  cores: AppCore[];
  /** Creates a core (a fresh app start) on the same vault/prefs/clock; `sessionKey` as CoreDeps. */
  start(options?: { sessionKey?: string }): AppCore;
  dispose(): void;
}

/** Creates a harness for `server`. */
export function createHarness(server: CliqnshipServer): Harness {
  const base = loadConfig({ env: {}, argv: [] });
  if (!base.ok) throw new Error('default config must load');
  const harness: Harness = {
    vault: createMemoryVault(),
    preferences: createMemoryPreferences(),
    clock: { now: Date.now() },
    events: [],
    logs: [],
    cores: [],
    start(options = {}) {
      const core = createAppCore(
        { ...base.value, apiBaseUrl: server.url, requestTimeoutMs: 10_000 },
        {
          fetch: globalThis.fetch,
          vault: harness.vault,
          preferences: harness.preferences,
          now: () => harness.clock.now,
          emit: (_event, view) => harness.events.push(view),
          logger: createLogger((line) => harness.logs.push(line)),
          sessionKey: options.sessionKey,
        },
      );
      harness.cores.push(core);
      return core;
    },
    dispose() {
      for (const core of harness.cores) core.dispose();
    },
  };
  return harness;
}

/** Counts server requests matching method and path (path may be a RegExp). */
export function countRequests(server: CliqnshipServer, method: string, path: string | RegExp) {
  return server.requests.filter(
    (r) => r.method === method && (typeof path === 'string' ? r.path === path : path.test(r.path)),
  ).length;
}

/**
 * Returns `start(options)`: a real local server (demo customer seeded) and a harness on it for the
 * current test, both disposed of after it.
 */
export function serverHarnessPerTest(): (
  options?: ServerOptions,
) => Promise<{ server: CliqnshipServer; harness: Harness }> {
  let running: { server: CliqnshipServer; harness: Harness } | null = null;
  afterEach(async () => {
    running?.harness.dispose();
    await running?.server.close();
    running = null;
  });
  return async (options = {}) => {
    const server = await startTestServer({ seedDemo: true, ...options });
    running = { server, harness: createHarness(server) };
    return running;
  };
}
