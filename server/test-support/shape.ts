/** Compares a live response body with an example: exact values, except volatile ones checked by format. */

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function decodeJwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Checks an access token's structure against the example's (same header/claim keys in order). */
function checkJwt(expected: string, actual: string, path: string): string[] {
  const [eh = '', ep = ''] = expected.split('.');
  const parts = actual.split('.');
  if (parts.length !== 3) return [`${path}: not a JWT`];
  const [ah = '', ap = ''] = parts;
  const errors: string[] = [];
  const [expHeader, actHeader] = [decodeJwtPart(eh), decodeJwtPart(ah)];
  const [expClaims, actClaims] = [decodeJwtPart(ep), decodeJwtPart(ap)];
  if (Object.keys(expHeader).join() !== Object.keys(actHeader).join())
    errors.push(`${path}: JWT header keys`);
  if (actHeader.alg !== 'RS256' || !/^[0-9a-f]{80}$/.test(String(actHeader.jti)))
    errors.push(`${path}: JWT header`);
  if (Object.keys(expClaims).join() !== Object.keys(actClaims).join())
    errors.push(`${path}: JWT claim keys`);
  for (const key of ['aud', 'sub', 'scopes']) {
    if (JSON.stringify(expClaims[key]) !== JSON.stringify(actClaims[key]))
      errors.push(`${path}: claim ${key}`);
  }
  if (actClaims.jti !== actHeader.jti)
    errors.push(`${path}: jti differs between header and claims`);
  const lifetime = Number(actClaims.exp) - Number(actClaims.iat);
  if (lifetime !== Number(expClaims.exp) - Number(expClaims.iat))
    errors.push(`${path}: lifetime ${lifetime}`);
  return errors;
}

type Check = (expected: unknown, actual: unknown, path: string) => string[];

const formatChecks: Record<string, Check> = {
  access_token: (e, a, p) =>
    typeof e === 'string' && e.startsWith('eyJ') && typeof a === 'string'
      ? checkJwt(e, a, p)
      : typeof a === 'string' && /^[\w-]+\.[\w-]+\.[\w-]+$/.test(a)
        ? []
        : [`${p}: not a JWT`],
  refresh_token: (_e, a, p) =>
    typeof a === 'string' && /^[A-Za-z0-9+/]+={0,2}$/.test(a) && a.length === 684
      ? []
      : [`${p}: refresh token format`],
  expires_in: (_e, a, p) =>
    typeof a === 'number' && a >= 31_535_999 && a <= 31_622_400
      ? []
      : [`${p}: expires_in ${String(a)}`],
  account_id: (_e, a, p) =>
    typeof a === 'string' && /^[0-9a-f]{13}$/.test(a) ? [] : [`${p}: account_id`],
  created_at: (_e, a, p) => (typeof a === 'string' && TIMESTAMP.test(a) ? [] : [`${p}: timestamp`]),
  updated_at: (_e, a, p) => (typeof a === 'string' && TIMESTAMP.test(a) ? [] : [`${p}: timestamp`]),
  image: (e, a, p) =>
    e === null
      ? a === null
        ? []
        : [`${p}: expected null`]
      : typeof a === 'string' &&
          /^http:\/\/127\.0\.0\.1:\d+\/files\/prod\/users\/[A-Za-z0-9]{40}\.jpeg$/.test(a)
        ? []
        : [`${p}: image url ${String(a)}`],
};

/** Returns a list of differences (empty = same shape); `rebase` maps example URLs to live ones. */
export function compareBody(
  expected: unknown,
  actual: unknown,
  rebase: (s: string) => string,
  path = 'body',
): string[] {
  const key = path.slice(path.lastIndexOf('.') + 1);
  const check = formatChecks[key];
  if (check !== undefined) return check(expected, actual, path);
  if (typeof expected === 'string') {
    return actual === rebase(expected)
      ? []
      : [`${path}: expected ${JSON.stringify(rebase(expected))}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return [`${path}: array length`];
    return expected.flatMap((item, i) => compareBody(item, actual[i], rebase, `${path}[${i}]`));
  }
  if (typeof expected === 'object' && expected !== null) {
    if (typeof actual !== 'object' || actual === null || Array.isArray(actual))
      return [`${path}: not an object`];
    const [ek, ak] = [Object.keys(expected), Object.keys(actual)];
    if (ek.join() !== ak.join()) return [`${path}: keys ${ak.join()} instead of ${ek.join()}`];
    return ek.flatMap((k) =>
      compareBody(
        (expected as Record<string, unknown>)[k],
        (actual as Record<string, unknown>)[k],
        rebase,
        `${path}.${k}`,
      ),
    );
  }
  return Object.is(expected, actual)
    ? []
    : [`${path}: expected ${String(expected)}, got ${String(actual)}`];
}
