/** Persistence and minting of OAuth tokens (Passport's token repositories). */
import { manilaTimestamp, numericPrefix, tokenIdentifier } from './php';
import type { ServerContext } from './context';
import { encryptRefreshToken, signAccessToken } from './tokens';

/** An oauth_clients row. */
export interface ClientRow {
  id: number;
  secret: string;
  redirect: string;
  personal_access_client: number;
  password_client: number;
  revoked: number;
}

/** Finds an active client the way `Client::find($id)` does (MySQL numeric coercion of the id). */
export function findActiveClient(ctx: ServerContext, clientId: string | number): ClientRow | null {
  const id = typeof clientId === 'number' ? clientId : numericPrefix(clientId);
  if (!Number.isInteger(id)) return null;
  const row = ctx.db
    .prepare(
      'SELECT id, secret, redirect, personal_access_client, password_client, revoked FROM oauth_clients WHERE id = ? AND revoked = 0',
    )
    .get(id) as ClientRow | undefined;
  return row ?? null;
}

/** True when the client exists and is not revoked (the guard rejects tokens of revoked clients). */
export function isClientActive(ctx: ServerContext, clientId: number): boolean {
  const row = ctx.db.prepare('SELECT revoked FROM oauth_clients WHERE id = ?').get(clientId) as
    { revoked: number } | undefined;
  return row !== undefined && row.revoked === 0;
}

/** What a grant hands out. */
export interface IssuedTokens {
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

/** Mints and stores an access token (and optionally a refresh token) in one transaction. */
export async function issueTokens(
  ctx: ServerContext,
  args: { clientId: unknown; clientRowId: number; userId: number | null; scopes: string[] },
  withRefresh: boolean,
): Promise<IssuedTokens> {
  const nowMs = ctx.now();
  const now = Math.floor(nowMs / 1000);
  const jti = tokenIdentifier();
  const exp = now + ctx.accessTokenTtlSeconds;
  const accessToken = await signAccessToken(ctx.keys, {
    aud: String(args.clientId),
    jti,
    iat: now,
    nbf: now,
    exp,
    sub: args.userId === null ? '' : String(args.userId),
    scopes: args.scopes,
  });
  let refreshToken: string | undefined;
  const refreshId = tokenIdentifier();
  const refreshExpire = now + ctx.refreshTokenTtlSeconds;
  if (withRefresh) {
    refreshToken = encryptRefreshToken(ctx.keys, {
      client_id: args.clientId,
      refresh_token_id: refreshId,
      access_token_id: jti,
      scopes: args.scopes,
      user_id: args.userId,
      expire_time: refreshExpire,
    });
  }
  const stamp = manilaTimestamp(nowMs);
  ctx.db.transaction(() => {
    ctx.db
      .prepare(
        `INSERT INTO oauth_access_tokens (id, user_id, client_id, name, scopes, revoked, created_at, updated_at, expires_at)
         VALUES (?, ?, ?, NULL, ?, 0, ?, ?, ?)`,
      )
      .run(
        jti,
        args.userId,
        args.clientRowId,
        JSON.stringify(args.scopes),
        stamp,
        stamp,
        manilaTimestamp(exp * 1000),
      );
    if (withRefresh) {
      ctx.db
        .prepare(
          'INSERT INTO oauth_refresh_tokens (id, access_token_id, revoked, expires_at) VALUES (?, ?, 0, ?)',
        )
        .run(refreshId, jti, manilaTimestamp(refreshExpire * 1000));
    }
  })();
  const result: IssuedTokens = { accessToken, expiresIn: exp - Math.floor(ctx.now() / 1000) };
  if (refreshToken !== undefined) result.refreshToken = refreshToken;
  return result;
}

/** True when the refresh token id is revoked (or unknown: it cannot have been issued here). */
export function isRefreshTokenRevoked(ctx: ServerContext, refreshTokenId: unknown): boolean {
  if (typeof refreshTokenId !== 'string') return true;
  const row = ctx.db
    .prepare('SELECT revoked FROM oauth_refresh_tokens WHERE id = ?')
    .get(refreshTokenId) as { revoked: number } | undefined;
  return row === undefined || row.revoked !== 0;
}

/** Revokes an access token and a refresh token together (refresh rotation). */
export function revokePair(
  ctx: ServerContext,
  accessTokenId: unknown,
  refreshTokenId: unknown,
): void {
  ctx.db.transaction(() => {
    ctx.db
      .prepare('UPDATE oauth_access_tokens SET revoked = 1 WHERE id = ?')
      .run(String(accessTokenId));
    ctx.db
      .prepare('UPDATE oauth_refresh_tokens SET revoked = 1 WHERE id = ?')
      .run(String(refreshTokenId));
  })();
}

/** True when an access token id exists and is not revoked. */
export function isAccessTokenActive(ctx: ServerContext, jti: string): boolean {
  const row = ctx.db.prepare('SELECT revoked FROM oauth_access_tokens WHERE id = ?').get(jti) as
    { revoked: number } | undefined;
  return row !== undefined && row.revoked === 0;
}

/** Revokes every access and refresh token of a user; returns how many rows changed. */
export function revokeTokensOfUser(ctx: ServerContext, userId: number): number {
  return ctx.db.transaction(() => {
    const refresh = ctx.db
      .prepare(
        `UPDATE oauth_refresh_tokens SET revoked = 1 WHERE revoked = 0 AND access_token_id IN
           (SELECT id FROM oauth_access_tokens WHERE user_id = ?)`,
      )
      .run(userId);
    const access = ctx.db
      .prepare('UPDATE oauth_access_tokens SET revoked = 1 WHERE revoked = 0 AND user_id = ?')
      .run(userId);
    return Number(access.changes) + Number(refresh.changes);
  })();
}
