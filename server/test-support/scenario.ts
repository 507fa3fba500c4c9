/** The examples' world on a live server: Maria (id 12) with address 31, Juan (id 13), Maria's tokens. */
import Database from 'libsql';
import { afterEach } from 'vitest';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { CliqnshipServer, ServerOptions } from '../index';
import { OAUTH_CLIENTS } from '../seed';
import { makeTestDataDir, startTestServer } from '../testing';
import { loadFixture } from './fixtures';

/** Maria's credentials as in the examples. */
export const MARIA = { email: 'maria.santos@example.com', password: 's3cret-pass' };

/** A prepared server. */
export interface Scenario {
  server: CliqnshipServer;
  dataDir: string;
  /** Runs SQL against the server's database file (a second connection; WAL allows it). */
  sql: (statement: string, ...params: unknown[]) => void;
  close: () => Promise<void>;
}

/** Token response of a password or refresh grant. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
}

/** Registers a customer through the API. */
export async function register(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(`${url}/api/v1/customers`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: JSON.stringify(fields),
  });
}

/** Password grant with client 2 (multipart). */
export async function passwordGrant(url: string, email: string, password: string): Promise<Tokens> {
  const form = new FormData();
  form.set('grant_type', 'password');
  form.set('client_id', OAUTH_CLIENTS.password.id);
  form.set('client_secret', OAUTH_CLIENTS.password.secret);
  form.set('username', email);
  form.set('password', password);
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    body: form,
    headers: { Accept: 'application/json' },
  });
  if (response.status !== 200) throw new Error(`password grant failed: ${response.status}`);
  return (await response.json()) as Tokens;
}

/** Refresh grant with client 2 (multipart); returns the raw response. */
export function refreshGrant(
  url: string,
  refreshToken: string,
  clientId: string = OAUTH_CLIENTS.password.id,
): Promise<Response> {
  const form = new FormData();
  form.set('grant_type', 'refresh_token');
  form.set('client_id', clientId);
  form.set(
    'client_secret',
    clientId === '1' ? OAUTH_CLIENTS.personal.secret : OAUTH_CLIENTS.password.secret,
  );
  form.set('refresh_token', refreshToken);
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    body: form,
    headers: { Accept: 'application/json' },
  });
}

/** Starts a server whose next user ids are 12, 13, ... and (optionally) registers Maria and Juan. */
export async function startScenario(options: ServerOptions = {}, people = true): Promise<Scenario> {
  const dataDir = await makeTestDataDir();
  const server = await startTestServer({ ...options, dataDir });
  const db = new Database(join(dataDir, 'cliqnship.sqlite'));
  db.exec('PRAGMA busy_timeout = 5000');
  const sql = (statement: string, ...params: unknown[]): void => {
    db.prepare(statement).run(...params);
  };
  sql("INSERT INTO sqlite_sequence (name, seq) VALUES ('users', 11)");
  if (people) {
    const maria = { ...MARIA, first_name: 'Maria', last_name: 'Santos', gender: 'female' };
    if ((await register(server.url, maria)).status !== 201)
      throw new Error('could not register Maria');
    const juan = {
      email: 'juan.delacruz@example.com',
      password: 'juan-pass',
      first_name: 'Juan',
      last_name: 'Dela Cruz',
    };
    if ((await register(server.url, juan)).status !== 201)
      throw new Error('could not register Juan');
    insertExampleAddress(sql);
  }
  return {
    server,
    dataDir,
    sql,
    close: async () => {
      db.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Inserts the examples' address 31 (Maria's primary booking address) with its exact column values. */
function insertExampleAddress(sql: Scenario['sql']): void {
  const body = loadFixture('customer_show_self').response.body as {
    data: { primary_address: Record<string, unknown> };
  };
  const address = body.data.primary_address;
  const columns = Object.keys(address);
  sql(
    `INSERT INTO user_addressbooks (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ...columns.map((c) => address[c]),
  );
}

/** The password-grant client as body fields. */
export const PASSWORD_CLIENT = { client_id: '2', client_secret: OAUTH_CLIENTS.password.secret };

/** GET /api/v1/customers/me with a bearer token. */
export function showMe(url: string, accessToken: string): Promise<Response> {
  return fetch(`${url}/api/v1/customers/me`, {
    headers: { Accept: 'application/json', Authorization: `Bearer ${accessToken}` },
  });
}

/** POST /oauth/token with a JSON body. */
export function tokenRequest(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

/** The claims of a JWT (no verification: tests read what the server put there). */
export function jwtClaims(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()) as Record<
    string,
    unknown
  >;
}

/** Returns `start(options)`: a scenario for the current test, closed after it. */
export function scenarioPerTest(): (options?: ServerOptions) => Promise<Scenario> {
  let current: Scenario | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (options = {}) => {
    current = await startScenario(options);
    return current;
  };
}
