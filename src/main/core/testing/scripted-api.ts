import type { ServerResponse } from 'node:http';
import { reply, startFaultServer, type FaultServer, type SeenRequest } from './fault-servers';

/** A tiny scripted stand-in for the token endpoint and `customers/me`, for session unit tests. */

/** The User body (API §10.1) the scripted peer answers with. */
export function userBody(id = 12, status = 200) {
  return {
    data: {
      id,
      account_id: '59d1a2b3c4d5e',
      email: 'maria.santos@example.com',
      user_group: 'Customer',
      image: null,
      primary_address: null,
      profile: { first_name: 'Maria', last_name: 'Santos', middle_name: '', gender: 'female' },
      links: [],
    },
    status,
  };
}

/** The peer's state; tests change `meOverride` to make `me` misbehave. */
export interface ScriptedApi extends FaultServer {
  /** Access token the peer currently accepts. */
  current: { access: string; refresh: string; issued: number };
  /** `expires_in` of the tokens issued from now on (seconds); default 3600. */
  expiresIn: number;
  /** When set, answers `GET /api/v1/customers/me` instead of the normal logic. */
  meOverride: ((req: SeenRequest, res: ServerResponse) => void) | null;
  /** When set, answers refresh grants instead of the normal rotation. */
  refreshOverride: ((req: SeenRequest, res: ServerResponse) => void) | null;
  count(path: string): number;
}

/** Starts the scripted peer: rotates tokens like the real server (old pair dies on refresh). */
export async function startScriptedApi(): Promise<ScriptedApi> {
  const api = {
    current: { access: '', refresh: '', issued: 0 },
    expiresIn: 3600,
    meOverride: null,
    refreshOverride: null,
  } as Omit<ScriptedApi, keyof FaultServer> & Partial<FaultServer>;
  const issue = (res: ServerResponse) => {
    api.current.issued += 1;
    api.current.access = `access-${api.current.issued}`;
    api.current.refresh = `refresh+${api.current.issued}/=`;
    reply(res, 200, {
      token_type: 'Bearer',
      expires_in: api.expiresIn,
      access_token: api.current.access,
      refresh_token: api.current.refresh,
    });
  };
  const server = await startFaultServer((req, res) => {
    if (req.path === '/oauth/token') {
      const params = new URLSearchParams(req.body);
      if (params.get('grant_type') === 'password') return issue(res);
      if (api.refreshOverride) return api.refreshOverride(req, res);
      if (params.get('refresh_token') === api.current.refresh) return issue(res);
      return reply(res, 400, {
        error: 'invalid_request',
        message: 'The refresh token is invalid.',
      });
    }
    if (req.path === '/api/v1/customers/me') {
      if (api.meOverride) return api.meOverride(req, res);
      if (req.headers.authorization !== `Bearer ${api.current.access}`) {
        return reply(res, 401, { error: 'Unauthenticated.' });
      }
      return reply(res, 200, userBody());
    }
    reply(res, 404, '<html>not found</html>');
  });
  return Object.assign(api, server, {
    count: (path: string) => server.seen.filter((seen) => seen.path === path).length,
  }) as ScriptedApi;
}
