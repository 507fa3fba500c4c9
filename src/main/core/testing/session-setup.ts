import type { SessionView } from '../../../shared/views';
import { DEFAULT_CLIENT_CREDENTIALS_CLIENT, DEFAULT_PASSWORD_CLIENT } from '../config';
import type { SetTimer } from '../expiry-timer';
import { createHttpClient } from '../http';
import { silentLogger } from '../log';
import { createOAuthClient } from '../oauth-client';
import { createSession } from '../session';
import { createMemoryVault, type TokenVault } from '../token-vault';
import { startScriptedApi } from './scripted-api';

/** A session on a scripted API with a hand-driven clock, for the session unit tests. */

/** The signed-in user the scripted API's tokens belong to. */
export const USER = { id: 12, email: 'maria.santos@example.com', displayName: 'Maria Santos' };
/** The path of `customers/me`. */
export const ME = '/api/v1/customers/me';

/** Options of {@link startSession}; by default it signs in with rememberMe. */
export interface SessionSetupOptions {
  vault?: TokenVault;
  setTimer?: SetTimer;
  /** `expires_in` of the tokens the API issues (seconds). */
  expiresIn?: number;
  signIn?: boolean;
}

/** Starts the scripted API and a session on it; the caller closes `api`. */
export async function startSession(options: SessionSetupOptions = {}) {
  const api = await startScriptedApi();
  if (options.expiresIn !== undefined) api.expiresIn = options.expiresIn;
  const clock = { now: 1_000_000 };
  const events: SessionView[] = [];
  const vault = options.vault ?? createMemoryVault();
  const http = createHttpClient({ baseUrl: api.url, fetch: globalThis.fetch, timeoutMs: 2000 });
  const oauth = createOAuthClient({
    http,
    passwordClient: DEFAULT_PASSWORD_CLIENT,
    clientCredentialsClient: DEFAULT_CLIENT_CREDENTIALS_CLIENT,
    now: () => clock.now,
    skewMs: 60_000,
  });
  const session = createSession({
    http,
    oauth,
    vault,
    origin: api.url,
    server: { url: api.url, isLocal: true },
    now: () => clock.now,
    skewMs: 60_000,
    logger: silentLogger,
    onChange: (view) => events.push(view),
    setTimer: options.setTimer,
  });
  const grant = async () => {
    const tokens = await oauth.passwordGrant('maria.santos@example.com', 'pw');
    if (!tokens.ok) throw new Error('password grant failed');
    return tokens.value;
  };
  if (options.signIn !== false) await session.begin(await grant(), USER, true);
  const me = () =>
    session.authorized((token) => ({ method: 'GET', path: ME.slice(1), bearer: token }));
  return { api, session, clock, events, vault, me, oauth, grant };
}
