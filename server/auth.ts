/** Bearer authentication of `/api/*` routes (Passport's TokenGuard, API §3). */
import type { ServerContext } from './context';
import { jsonResult, redirect, type HttpResult } from './responses';
import { isAccessTokenActive, isClientActive } from './token-store';
import { verifyAccessToken } from './tokens';
import { userExists } from './users';

/** Returns the authenticated user id, or null for any failure (no distinction, by design). */
export async function authenticate(
  ctx: ServerContext,
  authorization: string | undefined,
): Promise<number | null> {
  // Only the exact, case-sensitive "Bearer " prefix counts (Request::bearerToken()).
  if (authorization === undefined || !authorization.startsWith('Bearer ')) return null;
  const jwt = authorization.slice(7).trim();
  if (jwt === '') return null;
  const claims = await verifyAccessToken(ctx.keys, jwt, Math.floor(ctx.now() / 1000));
  if (claims === null || !/^\d+$/.test(claims.sub)) return null;
  const userId = Number(claims.sub);
  if (!isAccessTokenActive(ctx, claims.jti) || !userExists(ctx, userId)) return null;
  return isClientActive(ctx, Number(claims.aud)) ? userId : null;
}

/** Laravel's expectsJson(): XHR, or the highest-quality Accept entry contains /json or +json. */
export function expectsJson(
  accept: string | undefined,
  requestedWith: string | undefined,
): boolean {
  if (requestedWith === 'XMLHttpRequest') return true;
  if (accept === undefined || accept.trim() === '') return false;
  const ranked = accept
    .split(',')
    .map((entry, index) => {
      const [type = '', ...params] = entry.split(';').map((s) => s.trim());
      const q = params.find((p) => p.startsWith('q='));
      return { type, q: q === undefined ? 1 : Number(q.slice(2)) || 0, index };
    })
    .sort((a, b) => b.q - a.q || a.index - b.index);
  const first = ranked[0]?.type ?? '';
  return first.includes('/json') || first.includes('+json');
}

/** The auth middleware's answer: 401 `{"error":"Unauthenticated."}` or 302 to /login. */
export function unauthenticated(wantsJson: boolean, baseUrl: string): HttpResult {
  return wantsJson
    ? jsonResult(401, { error: 'Unauthenticated.' })
    : redirect(302, `${baseUrl}/login`);
}
