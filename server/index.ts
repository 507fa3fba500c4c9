/** The local Cliqnship API server: a faithful stand-in for the real server's contract (API §1–§5). */
import bcrypt from 'bcryptjs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from './app';
import type { ServerContext } from './context';
import { openDatabase } from './db';
import { loadOrCreateKeys } from './keys';
import { DEMO_CUSTOMER } from './seed';
import { revokeTokensOfUser } from './token-store';
import { createCustomer, emailTaken, findUserIdByEmail } from './users';

export { DEMO_CUSTOMER, OAUTH_CLIENTS } from './seed';

/** Options of createServer (all optional). */
export interface ServerOptions {
  host?: string; // default '127.0.0.1'
  port?: number; // default 0 (any free port)
  dataDir?: string; // default: CLIQNSHIP_DATA_DIR or <os.tmpdir()>/cliqnship-server
  seedDemo?: boolean; // default false: adds DEMO_CUSTOMER
  throttlePerMinute?: number | false; // default 60; false = off
  accessTokenTtlSeconds?: number; // default 31536000
  refreshTokenTtlSeconds?: number; // default 31536000 (negative: already expired, for tests)
  refreshErrorMode?: 'passport2' | 'newer'; // 'newer' answers a rejected refresh with 400 invalid_grant
  bcryptRounds?: number; // default 10
  log?: (line: string) => void; // structured log lines; default: stdout; no secrets
}

/** One served request. */
export interface RequestRecord {
  method: string;
  path: string;
  status: number;
}

/** A running server. */
export interface CliqnshipServer {
  url: string; // 'http://127.0.0.1:PORT'
  port: number;
  requests: readonly RequestRecord[]; // every request served since start/reset (path without query)
  resetRequestLog(): void;
  revokeTokensOf(email: string): Promise<number>; // revokes all access+refresh tokens of a user
  close(): Promise<void>; // graceful: finishes in-flight requests, closes DB
}

const ONE_YEAR = 31_536_000;

/** Starts a server; resolves once it accepts connections. */
export async function createServer(options: ServerOptions = {}): Promise<CliqnshipServer> {
  const dataDir =
    options.dataDir ?? process.env.CLIQNSHIP_DATA_DIR ?? join(tmpdir(), 'cliqnship-server');
  await mkdir(dataDir, { recursive: true });
  const write = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const keys = await loadOrCreateKeys(dataDir);
  const db = openDatabase(dataDir);
  const ctx: ServerContext = {
    db,
    keys,
    dataDir,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? ONE_YEAR,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? ONE_YEAR,
    refreshErrorMode: options.refreshErrorMode ?? 'passport2',
    bcryptRounds: options.bcryptRounds ?? 10,
    now: () => Date.now(),
    log: (area, message, fields = {}) =>
      write(`[${area}] ${JSON.stringify({ msg: message, ...fields })}`),
  };
  if (options.seedDemo === true && !emailTaken(ctx, DEMO_CUSTOMER.email)) {
    createCustomer(ctx, {
      email: DEMO_CUSTOMER.email,
      passwordHash: await bcrypt.hash(DEMO_CUSTOMER.password, ctx.bcryptRounds),
      firstName: DEMO_CUSTOMER.firstName,
      lastName: DEMO_CUSTOMER.lastName,
      middleName: '',
      gender: 'female',
      birthdate: null,
    });
  }
  const requests: RequestRecord[] = [];
  const app = await buildApp(ctx, {
    throttlePerMinute: options.throttlePerMinute ?? 60,
    onRequestServed: (method, path, status) => requests.push({ method, path, status }),
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ host, port: options.port ?? 0 });
  } catch (error) {
    db.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.log('server', 'listening', { host, port });
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    requests,
    resetRequestLog: () => {
      requests.length = 0;
    },
    revokeTokensOf: async (email) => {
      const id = findUserIdByEmail(ctx, email);
      return id === null ? 0 : revokeTokensOfUser(ctx, id);
    },
    close: () => {
      closing ??= app.close().then(() => {
        db.close();
        ctx.log('server', 'closed');
      });
      return closing;
    },
  };
}
