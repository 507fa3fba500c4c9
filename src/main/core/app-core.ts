import { fail, ok, type AppError, type Result } from '../../shared/result';
import type { ChannelHandlers, EventName, EventPayloads } from '../../shared/contract';
import type { RegisterRequest, SignInRequest } from '../../shared/schemas';
import type { SessionView } from '../../shared/views';
import type { ApiUser } from './api-schemas';
import { withClearRetry } from './clear-retry-vault';
import { isLoopbackHost, type AppConfig } from './config';
import { readUser, registerRequest, showMeRequest, updateRequest } from './customers';
import type { SetTimer } from './expiry-timer';
import { createHttpClient } from './http';
import { createImageFetcher } from './image-fetcher';
import { correlationId, silentLogger, type Logger } from './log';
import { createOAuthClient } from './oauth-client';
import { createMemoryPreferences, type PreferenceStore } from './preferences';
import { createProfileService } from './profile-service';
import { toSessionUser } from './profile-view';
import { createSession } from './session';
import type { TokenVault } from './token-vault';

/** What the core needs from its host (Electron in the app, Node in tests). */
export interface CoreDeps {
  /** Electron net.fetch in the app, Node fetch in tests. */
  fetch: typeof globalThis.fetch;
  vault: TokenVault;
  emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  /** Epoch ms; default Date.now. */
  now?: () => number;
  logger?: Logger;
  /** Non-secret per-account prefs (birthdate); default in-memory. */
  preferences?: PreferenceStore;
  /** Timer for the proactive refresh; tests inject one. */
  setTimer?: SetTimer;
  /**
   * Key of the remembered session in the vault and preferences; default: the API origin. The
   * embedded server gets a new port on every start, so the backend passes a stable key for it.
   */
  sessionKey?: string;
}

/** The main process's logic behind every IPC channel. */
export interface AppCore {
  /** One per contract channel; requests are already zod-validated by ipc.ts. */
  handlers: ChannelHandlers;
  /** Reads the vault, verifies the token (GET customers/me), emits session:changed. */
  restore(): Promise<SessionView>;
  /** Clears timers. */
  dispose(): void;
}

/** Refresh this long before the access token expires. */
const SKEW_MS = 60_000;

/** Creates the core for one API server. */
export function createAppCore(config: AppConfig & { apiBaseUrl: string }, deps: CoreDeps): AppCore {
  const now = deps.now ?? Date.now;
  const logger = deps.logger ?? silentLogger;
  const preferences = deps.preferences ?? createMemoryPreferences();
  const base = new URL(config.apiBaseUrl);
  const sessionKey = deps.sessionKey ?? base.origin;
  const server = { url: config.apiBaseUrl, isLocal: isLoopbackHost(base.hostname) };

  const http = createHttpClient({
    baseUrl: config.apiBaseUrl,
    fetch: deps.fetch,
    timeoutMs: config.requestTimeoutMs,
    logger,
  });
  const oauth = createOAuthClient({
    http,
    passwordClient: config.passwordClient,
    clientCredentialsClient: config.clientCredentialsClient,
    now,
    skewMs: SKEW_MS,
  });
  const images = createImageFetcher({
    fetch: deps.fetch,
    timeoutMs: config.requestTimeoutMs,
    logger,
  });
  const session = createSession({
    http,
    oauth,
    // A clear that failed (keychain locked at sign-out) is retried before the next restore.
    vault: withClearRetry(deps.vault, preferences),
    origin: sessionKey,
    server,
    now,
    skewMs: SKEW_MS,
    logger,
    onChange: (view) => deps.emit('session:changed', view),
    setTimer: deps.setTimer,
  });

  const profiles = createProfileService({
    session,
    preferences,
    images,
    origin: sessionKey,
    now,
  });

  async function signIn(request: SignInRequest): Promise<Result<SessionView>> {
    const tokens = await oauth.passwordGrant(request.email, request.password);
    if (!tokens.ok) return signInFailed(tokens);
    const me = await fetchMeWith(tokens.value.accessToken);
    if (!me.ok) return signInFailed(me);
    profiles.keep(me.value);
    return ok(await session.begin(tokens.value, toSessionUser(me.value), request.rememberMe));
  }

  function signInFailed(result: { ok: false; error: AppError }): Result<SessionView> {
    logger.info('session', 'sign-in failed', { code: result.error.code });
    return result;
  }

  // Before the session exists: one plain request with the fresh token.
  async function fetchMeWith(accessToken: string): Promise<Result<ApiUser>> {
    const sent = await http.send(showMeRequest(accessToken));
    if (!sent.ok) return sent;
    return readUser(sent.value, 200);
  }

  async function register(request: RegisterRequest): Promise<Result<SessionView>> {
    const clientToken = await oauth.clientCredentialsToken();
    if (!clientToken.ok) return clientToken;
    const created = await http.send(registerRequest(request, clientToken.value));
    if (!created.ok) return created;
    const user = readUser(created.value, 201);
    if (!user.ok) return user;
    logger.info('account', 'registered', { userId: user.value.id });

    const tokens = await oauth.passwordGrant(request.email, request.password);
    if (!tokens.ok) {
      const { code, message, ...extra } = tokens.error;
      return fail(code, `Your account was created, but signing in failed: ${message}`, extra);
    }
    let profile: Result<ApiUser> | null = null;
    if (request.photo) {
      const sent = await http.send(
        updateRequest(tokens.value.accessToken, user.value.id, {}, request.photo),
      );
      profile = sent.ok ? readUser(sent.value, 201) : sent;
      if (!profile.ok)
        logger.warn('account', 'photo upload after registration failed', {
          code: profile.error.code,
        });
    }
    if (!profile?.ok) profile = await fetchMeWith(tokens.value.accessToken);
    const me = profile.ok ? profile.value : user.value;
    if (profile.ok) profiles.keep(me);
    else profiles.forget();
    return ok(await session.begin(tokens.value, toSessionUser(me), request.rememberMe ?? false));
  }

  // Handlers never throw: a bug becomes `internal` with an id that points at the log line.
  function guard<A extends unknown[], T>(
    name: string,
    run: (...args: A) => Promise<Result<T>>,
  ): (...args: A) => Promise<Result<T>> {
    return async (...args) => {
      try {
        return await run(...args);
      } catch (error) {
        const id = correlationId();
        logger.error('core', `${name} failed unexpectedly`, { id, error });
        return fail('internal', 'Something went wrong in the app.', { correlationId: id });
      }
    };
  }

  const handlers: ChannelHandlers = {
    // While the remembered session is being restored, answer with its outcome, not a flash of
    // "signed out".
    'session:get': guard('session:get', async () =>
      ok(restoring ? await restoring : session.view()),
    ),
    'session:signIn': guard('session:signIn', signIn),
    'session:signOut': guard('session:signOut', async () => {
      profiles.forget();
      return ok(await session.end('user_signed_out'));
    }),
    'account:register': guard('account:register', register),
    'profile:get': guard('profile:get', () => profiles.get()),
    'profile:update': guard('profile:update', (request) => profiles.update(request)),
  };

  let restoring: Promise<SessionView> | null = null;

  function restore(): Promise<SessionView> {
    restoring ??= restoreOnce().finally(() => {
      restoring = null;
    });
    return restoring;
  }

  async function restoreOnce(): Promise<SessionView> {
    try {
      if (await session.loadStored()) {
        const me = await profiles.refreshMe();
        if (!me.ok && me.error.code !== 'session_expired') {
          // Offline or server trouble: keep the remembered session; calls retry later.
          logger.warn('session', 'could not verify the remembered session', {
            code: me.error.code,
          });
        }
      }
    } catch (error) {
      logger.error('session', 'restore failed unexpectedly', { id: correlationId(), error });
    }
    session.publish();
    return session.view();
  }

  return { handlers, restore, dispose: () => session.dispose() };
}
