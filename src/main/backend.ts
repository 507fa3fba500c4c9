import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { CliqnshipServer, ServerOptions } from '../../server/index';
import type { EventName, EventPayloads } from '../shared/contract';
import type { AppCore } from './core/app-core';
import { createAppCore } from './core/app-core';
import type { AppConfig } from './core/config';
import { CONFIG_FILE_NAME, loadConfig, withApiBaseUrl } from './core/config';
import type { Logger } from './core/log';
import { createFilePreferences } from './core/preferences';
import type { TokenVault } from './core/token-vault';

/** Everything behind the window: config, the embedded server when no API URL is set, the core. */

/** What the backend is built from (Electron objects in the app, Node ones in tests). */
export interface BackendOptions {
  env: Record<string, string | undefined>;
  argv: readonly string[];
  /** Electron's userData folder: config file, preferences, the embedded server's data. */
  userDataDir: string;
  fetch: typeof globalThis.fetch;
  vault: TokenVault;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  logger: Logger;
  /** server/index.ts createServer (injected so tests can use the test server). */
  startServer: (options: ServerOptions) => Promise<CliqnshipServer>;
  /** Where the embedded server's own log lines go; default: dropped. */
  serverLog?: (line: string) => void;
}

/** A running backend. */
export interface Backend {
  core: AppCore;
  config: AppConfig & { apiBaseUrl: string };
  /** The embedded server, or null when a remote API is configured. */
  server: CliqnshipServer | null;
  /** Stops timers and the embedded server (idempotent). */
  stop(): Promise<void>;
}

/** A configuration the user must fix (bad URL, unreadable config file). */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The embedded server's options: loopback, any free port, demo account, data under userData. */
export function embeddedServerOptions(
  userDataDir: string,
  log?: (line: string) => void,
): ServerOptions {
  return {
    host: '127.0.0.1',
    port: 0,
    dataDir: join(userDataDir, 'local-server'),
    seedDemo: true,
    log: log ?? (() => {}),
  };
}

/**
 * The vault key of the embedded server's session. Its port changes on every start, so its origin
 * cannot be the key; its data folder is what its tokens belong to (hashed: no path in the keychain).
 */
export function embeddedSessionKey(dataDir: string): string {
  const digest = createHash('sha256').update(resolve(dataDir)).digest('hex');
  return `local-server:${digest.slice(0, 16)}`;
}

/** Loads config, starts the embedded server if needed, and creates the core. */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const loaded = loadConfig({
    env: options.env,
    argv: options.argv,
    configFilePath: join(options.userDataDir, CONFIG_FILE_NAME),
  });
  if (!loaded.ok) throw new ConfigError(loaded.error.message);

  let server: CliqnshipServer | null = null;
  let config: AppConfig & { apiBaseUrl: string };
  let sessionKey: string | undefined;
  if (loaded.value.apiBaseUrl === null) {
    const serverOptions = embeddedServerOptions(options.userDataDir, options.serverLog);
    server = await options.startServer(serverOptions);
    config = withApiBaseUrl(loaded.value, server.url);
    sessionKey = embeddedSessionKey(serverOptions.dataDir ?? options.userDataDir);
    options.logger.info('app', 'embedded server started', { port: server.port });
  } else {
    config = withApiBaseUrl(loaded.value, loaded.value.apiBaseUrl);
  }

  const core = createAppCore(config, {
    fetch: options.fetch,
    vault: options.vault,
    emit: options.emit,
    logger: options.logger,
    preferences: createFilePreferences(join(options.userDataDir, 'preferences.json')),
    sessionKey,
  });

  let stopping: Promise<void> | undefined;
  return {
    core,
    config,
    server,
    stop() {
      stopping ??= (async () => {
        core.dispose();
        await server?.close();
      })();
      return stopping;
    },
  };
}
