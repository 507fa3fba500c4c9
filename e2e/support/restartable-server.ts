import { rm } from 'node:fs/promises';
import type { CliqnshipServer, RequestRecord } from '../../server/index';
import { makeTestDataDir, startTestServer } from '../../server/testing';

/** The local API server, which a test can stop and bring back on the same port with the same data. */
export interface RestartableServer extends CliqnshipServer {
  /** Stops accepting connections (the app sees a server that is down). */
  stop(): Promise<void>;
  /** Starts again on the same port with the same database. */
  start(): Promise<void>;
}

/** Starts a test server whose data folder outlives a stop/start. */
export async function startRestartableServer(): Promise<RestartableServer> {
  const dataDir = await makeTestDataDir();
  let current: CliqnshipServer | undefined = await startTestServer({ dataDir });
  const port = current.port;
  const url = current.url;
  const earlier: RequestRecord[] = [];
  const running = (): CliqnshipServer => {
    if (!current) throw new Error('The test server is stopped.');
    return current;
  };
  async function stop(): Promise<void> {
    if (!current) return;
    earlier.push(...current.requests);
    await current.close();
    current = undefined;
  }
  return {
    url,
    port,
    get requests() {
      return [...earlier, ...(current?.requests ?? [])];
    },
    resetRequestLog() {
      earlier.length = 0;
      current?.resetRequestLog();
    },
    revokeTokensOf: (email) => running().revokeTokensOf(email),
    stop,
    async start() {
      current ??= await startTestServer({ dataDir, port });
    },
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
