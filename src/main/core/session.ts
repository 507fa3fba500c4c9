import { fail, ok, type Result } from '../../shared/result';
import type {
  KeychainStatus,
  ServerInfo,
  SessionUser,
  SessionView,
  SignedOutReason,
} from '../../shared/views';
import {
  classifyUnauthorized,
  unauthorizedFailure,
  type HttpClient,
  type HttpRequest,
  type HttpResponse,
} from './http';
import { createDueTimer, realTimer, type SetTimer } from './expiry-timer';
import type { Logger } from './log';
import { createSerialQueue } from './serial-queue';
import type { OAuthClient, TokenSet } from './oauth-client';
import type { TokenVault, VaultLoadResult, VaultWriteResult } from './token-vault';

/** Dependencies of {@link createSession}. */
export interface SessionOptions {
  http: HttpClient;
  oauth: OAuthClient;
  vault: TokenVault;
  /** Vault key: the API origin, or the stable key of the embedded server (CoreDeps.sessionKey). */
  origin: string;
  server: ServerInfo;
  now: () => number;
  /** Refresh this long before the access token's expiry (at most half the token's life). */
  skewMs: number;
  logger: Logger;
  onChange: (view: SessionView) => void;
  setTimer?: SetTimer;
}

/** The signed-in state machine: tokens, expiry, single-flight refresh, vault, events. */
export interface Session {
  view(): SessionView;
  user(): SessionUser | null;
  /** Starts a session after a password grant; stores it when `rememberMe`. */
  begin(tokens: TokenSet, user: SessionUser, rememberMe: boolean): Promise<SessionView>;
  /** Loads a remembered session from the vault (no request); true when one was found. */
  loadStored(): Promise<boolean>;
  /** Sends a request with the current access token, refreshing before/after as needed. */
  authorized(build: (accessToken: string) => HttpRequest): Promise<Result<HttpResponse>>;
  /** Updates the signed-in user's details (e.g. a new display name). */
  updateUser(user: SessionUser): Promise<void>;
  /** Ends the session locally (vault and memory); there is no logout endpoint. */
  end(reason: SignedOutReason): Promise<SessionView>;
  /** Emits the current view (used after restore even when nothing changed). */
  publish(): void;
  dispose(): void;
}

interface Active {
  tokens: TokenSet;
  /** When to refresh these tokens (epoch ms). */
  refreshAt: number;
  user: SessionUser;
  remembered: boolean;
  rememberFailed: boolean;
}

const EXPIRED = 'Your session has expired. Please sign in again.';

/** Creates the session for one server origin. */
export function createSession(options: SessionOptions): Session {
  const { http, oauth, vault, origin, logger, now } = options;
  const timer = createDueTimer(options.setTimer ?? realTimer, now);
  let active: Active | null = null;
  let keychain: KeychainStatus = 'available';
  let reason: SignedOutReason = 'not_signed_in';
  let inflight: { owner: Active; promise: Promise<Result<void>> } | null = null;
  // Bumped by every sign-in and sign-out: a vault read started before one must not be adopted.
  let generation = 0;

  // Vault calls run one at a time, in order: a slow save must never land after a later clear.
  const serial = createSerialQueue();

  function view(): SessionView {
    if (!active) return { state: 'signed_out', server: options.server, keychain, reason };
    return {
      state: 'signed_in',
      server: options.server,
      keychain,
      user: { ...active.user },
      remembered: active.remembered,
      rememberFailed: active.rememberFailed,
    };
  }

  function publish() {
    options.onChange(view());
  }

  /** Records the keychain's health from a vault answer; true when it worked. */
  function noteVault(result: VaultWriteResult | VaultLoadResult, action: string): boolean {
    if (result.status !== 'unavailable') {
      keychain = 'available';
      return true;
    }
    keychain = 'unavailable';
    logger.warn('session', `keychain unavailable on ${action}`, { cause: result.reason });
    return false;
  }

  async function persist(session: Active): Promise<void> {
    if (!session.remembered) return;
    // Checked inside the queue: a sign-out queued before this save wins.
    const saved = await serial(async () =>
      active === session && session.remembered
        ? vault.save(origin, {
            ...session.tokens,
            userId: session.user.id,
            email: session.user.email,
            displayName: session.user.displayName,
          })
        : null,
    );
    if (!saved) return;
    const before = keychain;
    if (!noteVault(saved, 'save') && active === session) {
      session.remembered = false;
      session.rememberFailed = true;
      publish();
    } else if (keychain !== before) {
      publish();
    }
  }

  /**
   * When to refresh: `skewMs` before expiry, but at most half the token's remaining life, so a
   * short-lived token is not refreshed on every call.
   */
  function refreshAtFor(tokens: TokenSet): number {
    const life = Math.max(0, tokens.accessTokenExpiresAt - now());
    return tokens.accessTokenExpiresAt - Math.min(options.skewMs, life / 2);
  }

  function isDue(session: Active): boolean {
    return now() >= session.refreshAt;
  }

  function arm(session: Active) {
    timer.schedule(session.refreshAt, () => {
      if (active !== session) return;
      void refresh(session).then((result) => {
        if (!result.ok) {
          logger.warn('session', 'background refresh failed', { code: result.error.code });
        }
      });
    });
  }

  async function end(why: SignedOutReason): Promise<SessionView> {
    const had = active !== null;
    generation += 1;
    active = null;
    reason = why;
    timer.stop();
    noteVault(await serial(() => vault.clear(origin)), 'clear');
    if (had) logger.info('session', 'signed out', { reason: why });
    publish();
    return view();
  }

  // Exactly one refresh in flight: a refresh revokes the old pair (API §2.5).
  function refresh(session: Active): Promise<Result<void>> {
    if (inflight?.owner === session) return inflight.promise;
    const promise = (async (): Promise<Result<void>> => {
      const result = await oauth.refreshGrant(session.tokens.refreshToken);
      if (active !== session) return fail('session_expired', EXPIRED);
      if (result.ok) {
        session.tokens = result.value;
        session.refreshAt = refreshAtFor(result.value);
        logger.info('session', 'tokens refreshed');
        await persist(session);
        arm(session);
        return ok(undefined);
      }
      if (result.error.code === 'session_expired') {
        logger.warn('session', 'refresh rejected; session ended');
        await end('session_expired');
      }
      return result;
    })().finally(() => {
      if (inflight?.promise === promise) inflight = null;
    });
    inflight = { owner: session, promise };
    return promise;
  }

  async function authorized(build: (token: string) => HttpRequest) {
    const session = active;
    if (!session) return fail<HttpResponse>('session_expired', 'You are not signed in.');
    if (isDue(session)) {
      const refreshed = await refresh(session);
      if (!refreshed.ok) return refreshed;
    }
    const first = session.tokens.accessToken;
    const sent = await http.send(build(first));
    if (!sent.ok || sent.value.status !== 401) return sent;
    if (classifyUnauthorized(sent.value) !== 'unauthenticated')
      return unauthorizedFailure(sent.value, logger);
    if (active !== session) return fail<HttpResponse>('session_expired', EXPIRED);
    // Only refresh when the rejected token is still the current one; else retry with the new one.
    if (session.tokens.accessToken === first) {
      const refreshed = await refresh(session);
      if (!refreshed.ok) return refreshed;
    }
    const retry = await http.send(build(session.tokens.accessToken));
    if (!retry.ok || retry.value.status !== 401) return retry;
    if (classifyUnauthorized(retry.value) !== 'unauthenticated')
      return unauthorizedFailure(retry.value, logger);
    // A fresh token refused: the account or its tokens are gone. Stop here, no loop.
    if (active === session) await end('session_expired');
    return fail<HttpResponse>('session_expired', EXPIRED);
  }

  return {
    view,
    user: () => (active ? { ...active.user } : null),
    publish,
    async begin(tokens, user, rememberMe) {
      const session: Active = {
        tokens,
        refreshAt: refreshAtFor(tokens),
        user,
        remembered: false,
        rememberFailed: false,
      };
      generation += 1;
      active = session;
      if (rememberMe) {
        session.remembered = true;
        await persist(session);
      } else {
        // Forget any older remembered session so a restart does not bring it back.
        noteVault(await serial(() => vault.clear(origin)), 'clear');
      }
      arm(session);
      logger.info('session', 'signed in', { remembered: session.remembered });
      publish();
      return view();
    },
    async loadStored() {
      const started = generation;
      const loaded = await serial(() => vault.load(origin));
      noteVault(loaded, 'load');
      // A sign-in or sign-out happened while the keychain was read: that one wins.
      if (started !== generation) return false;
      if (loaded.status === 'found') {
        const { accessToken, refreshToken, accessTokenExpiresAt, userId, ...user } = loaded.session;
        const tokens = { accessToken, refreshToken, accessTokenExpiresAt };
        const session: Active = {
          tokens,
          refreshAt: refreshAtFor(tokens),
          user: { id: userId, email: user.email, displayName: user.displayName },
          remembered: true,
          rememberFailed: false,
        };
        active = session;
        arm(session);
        return true;
      }
      reason = loaded.status === 'corrupt' ? 'stored_session_unreadable' : 'not_signed_in';
      return false;
    },
    authorized,
    async updateUser(user) {
      const session = active;
      if (!session) return;
      const same =
        session.user.id === user.id &&
        session.user.email === user.email &&
        session.user.displayName === user.displayName;
      if (same) return;
      session.user = { ...user };
      await persist(session);
      publish();
    },
    end,
    dispose() {
      timer.stop();
    },
  };
}
