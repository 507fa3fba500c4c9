/** Token formats of league/oauth2-server 5.1: RS256 JWT access tokens, RSA-"encrypted" refresh tokens. */
import { constants, privateEncrypt, publicDecrypt } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import type { ServerKeys } from './keys';

/** Claims of an access token, in the order the real server emits them. */
export interface AccessClaims {
  aud: string;
  jti: string;
  iat: number;
  nbf: number;
  exp: number;
  sub: string;
  scopes: string[];
}

/** Signs an access token JWT (header `{typ, alg, jti}` like lcobucci/jwt 3.2). */
export function signAccessToken(keys: ServerKeys, claims: AccessClaims): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ typ: 'JWT', alg: 'RS256', jti: claims.jti })
    .sign(keys.privateKey);
}

/** Verifies signature and time claims; returns the claims or null (any failure). */
export async function verifyAccessToken(
  keys: ServerKeys,
  jwt: string,
  nowSeconds: number,
): Promise<AccessClaims | null> {
  try {
    const { payload } = await jwtVerify(jwt, keys.publicKey, {
      algorithms: ['RS256'],
      currentDate: new Date(nowSeconds * 1000),
    });
    const { aud, jti, iat, nbf, exp, sub, scopes } = payload as Record<string, unknown>;
    if (typeof jti !== 'string' || typeof sub !== 'string' || typeof aud !== 'string') return null;
    if (typeof iat !== 'number' || typeof nbf !== 'number' || typeof exp !== 'number') return null;
    if (iat > nowSeconds || nbf > nowSeconds || exp < nowSeconds) return null;
    return { aud, jti, iat, nbf, exp, sub, scopes: Array.isArray(scopes) ? scopes : [] };
  } catch {
    return null;
  }
}

/** Payload inside a refresh token; `client_id` keeps the JSON type it was requested with. */
export interface RefreshPayload {
  client_id: unknown;
  refresh_token_id: string;
  access_token_id: string;
  scopes: string[];
  user_id: number | null;
  expire_time: number;
}

const CHUNK = 501; // 512-byte RSA block minus 11 bytes of PKCS#1 v1.5 padding
const BLOCK = 512;

/** Encrypts a refresh-token payload with the private key (CryptTrait::encrypt) -> base64. */
export function encryptRefreshToken(keys: ServerKeys, payload: RefreshPayload): string {
  const plain = Buffer.from(JSON.stringify(payload), 'utf8');
  const blocks: Buffer[] = [];
  for (let offset = 0; offset < plain.length; offset += CHUNK) {
    const chunk = plain.subarray(offset, offset + CHUNK);
    blocks.push(
      privateEncrypt({ key: keys.privateKey, padding: constants.RSA_PKCS1_PADDING }, chunk),
    );
  }
  return Buffer.concat(blocks).toString('base64');
}

/** Outcome of decrypting a presented refresh token. */
export type RefreshDecryption =
  { kind: 'ok'; payload: Partial<RefreshPayload> | null } | { kind: 'undecryptable' };

/** Reverses encryptRefreshToken; base64 is decoded leniently like PHP's base64_decode. */
export function decryptRefreshToken(keys: ServerKeys, token: string): RefreshDecryption {
  const bytes = Buffer.from(token.replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
  // An empty decoding "decrypts" to nothing: json_decode('') is null (API §2.6 edge).
  if (bytes.length === 0) return { kind: 'ok', payload: null };
  const parts: Buffer[] = [];
  for (let offset = 0; offset < bytes.length; offset += BLOCK) {
    try {
      const block = bytes.subarray(offset, offset + BLOCK);
      parts.push(
        publicDecrypt({ key: keys.publicKey, padding: constants.RSA_PKCS1_PADDING }, block),
      );
    } catch {
      return { kind: 'undecryptable' };
    }
  }
  try {
    const parsed: unknown = JSON.parse(Buffer.concat(parts).toString('utf8'));
    return {
      kind: 'ok',
      payload: typeof parsed === 'object' ? (parsed as Partial<RefreshPayload> | null) : null,
    };
  } catch {
    return { kind: 'ok', payload: null };
  }
}
