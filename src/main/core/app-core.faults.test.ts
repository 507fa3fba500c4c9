import { afterEach, describe, expect, it } from 'vitest';
import { createAppCore } from './app-core';
import { loadConfig } from './config';
import { createLogger } from './log';
import {
  closedPortUrl,
  reply,
  startFaultServer,
  type FaultServer,
  type FaultBehaviour,
} from './testing/fault-servers';
import { userBody } from './testing/scripted-api';
import type { SessionView } from '../../shared/views';
import { createMemoryVault, type TokenVault } from './token-vault';

/** The core against real misbehaving sockets: every failure is a typed Result, never a throw. */

let peer: FaultServer | null = null;
afterEach(async () => {
  await peer?.close();
  peer = null;
});

const SIGN_IN = { email: 'maria.santos@example.com', password: 's3cret-pass', rememberMe: true };
const TOKEN = { token_type: 'Bearer', expires_in: 3600, access_token: 'at', refresh_token: 'rt' };

function core(url: string, timeoutMs = 2000) {
  const base = loadConfig({ env: {}, argv: [] });
  if (!base.ok) throw new Error('config');
  const lines: string[] = [];
  const app = createAppCore(
    { ...base.value, apiBaseUrl: url, requestTimeoutMs: timeoutMs },
    {
      fetch: globalThis.fetch,
      vault: createMemoryVault(),
      emit: () => undefined,
      logger: createLogger((l) => lines.push(l)),
    },
  );
  return { app, lines };
}

async function signInAgainst(behave: FaultBehaviour, timeoutMs?: number) {
  peer = await startFaultServer(behave);
  return core(peer.url, timeoutMs).app.handlers['session:signIn'](SIGN_IN);
}

/** Token endpoint fine, `me` answers with `meAnswer`. */
const meFails =
  (meAnswer: (res: Parameters<Exclude<FaultBehaviour, string>>[1]) => void): FaultBehaviour =>
  (req, res) =>
    req.path === '/oauth/token' ? reply(res, 200, TOKEN) : meAnswer(res);

describe('core faults', () => {
  it('server down (closed port) -> network', async () => {
    const { app } = core(await closedPortUrl());
    expect(await app.handlers['session:signIn'](SIGN_IN)).toMatchObject({
      ok: false,
      error: { code: 'network' },
    });
    expect((await app.handlers['session:get'](undefined)).ok).toBe(true);
  });

  it('socket destroyed mid-request -> network', async () => {
    expect(await signInAgainst('destroy')).toMatchObject({ ok: false, error: { code: 'network' } });
  });

  it('a server that never answers hits the timeout -> network', async () => {
    expect(await signInAgainst('hang', 300)).toMatchObject({
      ok: false,
      error: { code: 'network' },
    });
  });

  it('500 HTML page -> server', async () => {
    const result = await signInAgainst((_req, res) =>
      reply(res, 500, '<html>Whoops, looks like something went wrong.</html>'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'server' } });
  });

  it('invalid JSON where JSON was expected -> server', async () => {
    const result = await signInAgainst(
      meFails((res) => {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"data": {"id": 12,');
      }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'server' } });
  });

  it('JSON of the wrong shape -> server', async () => {
    const result = await signInAgainst(
      meFails((res) => reply(res, 200, { data: { id: 'twelve' }, status: 200 })),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'server' } });
  });

  it('429 with Retry-After -> rate_limited with retryAfter', async () => {
    const result = await signInAgainst((_req, res) =>
      reply(res, 429, 'Too Many Attempts.', { 'Retry-After': '42', 'X-RateLimit-Remaining': '0' }),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'rate_limited', retryAfter: 42 } });
  });

  it('a working peer signs in and answers profile:get from the fresh cache', async () => {
    peer = await startFaultServer(meFails((res) => reply(res, 200, userBody())));
    const { app } = core(peer.url);
    const view = await app.handlers['session:signIn'](SIGN_IN);
    expect(view).toMatchObject({
      ok: true,
      value: { state: 'signed_in', user: { id: 12, displayName: 'Maria Santos' } },
    });
    const profile = await app.handlers['profile:get'](undefined);
    expect(profile).toMatchObject({
      ok: true,
      value: { firstName: 'Maria', gender: 'female', birthdate: null },
    });
    expect(peer.seen).toHaveLength(2);
    app.dispose();
  });

  it('a handler that hits a bug answers internal with a correlation id, logged', async () => {
    peer = await startFaultServer(meFails((res) => reply(res, 200, userBody())));
    const base = loadConfig({ env: {}, argv: [] });
    if (!base.ok) throw new Error('config');
    const lines: string[] = [];
    const app = createAppCore(
      { ...base.value, apiBaseUrl: peer.url },
      {
        fetch: globalThis.fetch,
        vault: {
          load: async () => ({ status: 'empty' }),
          save: () => Promise.reject(new Error('vault bug')),
          clear: async () => ({ status: 'ok' }),
        },
        emit: () => undefined,
        logger: createLogger((line) => lines.push(line)),
      },
    );
    const result = await app.handlers['session:signIn'](SIGN_IN);
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    const id = !result.ok ? result.error.correlationId : undefined;
    expect(id).toBeTruthy();
    expect(lines.some((line) => line.startsWith('[core] error:') && line.includes(id!))).toBe(true);
  });
});

describe('core restore edge cases', () => {
  const stored = {
    accessToken: 'a',
    refreshToken: 'r',
    accessTokenExpiresAt: Date.now() + 3_600_000,
    userId: 12,
    email: 'maria.santos@example.com',
    displayName: 'Maria Santos',
  };

  function coreWith(url: string, vault: TokenVault, events: SessionView[] = []) {
    const base = loadConfig({ env: {}, argv: [] });
    if (!base.ok) throw new Error('config');
    return createAppCore(
      { ...base.value, apiBaseUrl: url },
      { fetch: globalThis.fetch, vault, emit: (_e, view) => events.push(view) },
    );
  }

  it('a corrupt vault entry restores as signed out, stored_session_unreadable, with an event', async () => {
    const events: SessionView[] = [];
    const vault: TokenVault = { ...createMemoryVault(), load: async () => ({ status: 'corrupt' }) };
    const app = coreWith(await closedPortUrl(), vault, events);
    const view = await app.restore();
    expect(view).toMatchObject({
      state: 'signed_out',
      reason: 'stored_session_unreadable',
      keychain: 'available',
    });
    expect(events).toEqual([view]);
  });

  it('an unavailable keychain restores as signed out with keychain unavailable', async () => {
    const vault: TokenVault = {
      ...createMemoryVault(),
      load: async () => ({ status: 'unavailable', reason: 'no secret service' }),
    };
    const app = coreWith(await closedPortUrl(), vault);
    expect(await app.restore()).toMatchObject({ state: 'signed_out', keychain: 'unavailable' });
  });

  it('a remembered session survives a restart while the server is down', async () => {
    const url = await closedPortUrl();
    const vault = createMemoryVault();
    await vault.save(new URL(url).origin, stored);
    const app = coreWith(url, vault);
    const pending = app.restore();
    // session:get during the restore waits for its outcome instead of answering "signed out".
    const during = await app.handlers['session:get'](undefined);
    const view = await pending;
    expect(view).toMatchObject({ state: 'signed_in', remembered: true, user: { id: 12 } });
    expect(during).toEqual({ ok: true, value: view });
    expect((await vault.load(new URL(url).origin)).status).toBe('found');
    app.dispose();
  });
});
