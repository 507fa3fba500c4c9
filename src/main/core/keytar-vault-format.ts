import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { StoredSession } from './token-vault';

/**
 * How a session is laid out in the OS keychain: a small manifest entry plus numbered chunk entries.
 * Windows Credential Manager refuses secrets over 2560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE), and a
 * 4096-bit RSA access token plus refresh token is close to that, so no single value may carry it.
 * Chunks live in two slots, `a` and `b`: a save writes the slot the manifest does not point at, then
 * the manifest (the commit point), so a save that fails half-way leaves the previous session whole.
 * The set of possible entry names is fixed, so a clear can sweep all of them without listing any.
 */

/** Largest value (UTF-8 bytes) ever handed to setPassword. */
export const MAX_SECRET_BYTES = 2560;
/** Payload bytes per chunk; the rest of MAX_SECRET_BYTES is headroom for the chunk header. */
export const CHUNK_DATA_BYTES = 2048;
/** Upper bound on chunks per session (16 KiB); also how far a purge of an unknown set reaches. */
export const MAX_CHUNKS = 8;

const MANIFEST_FORMAT = 'cliqnship-session';
const FORMAT_VERSION = 2;
const CHUNK_PREFIX = 'cq1';

/** The two chunk slots; a save always writes the one not in use. */
export const SLOTS = ['a', 'b'] as const;
/** One chunk slot. */
export type Slot = (typeof SLOTS)[number];

/** The manifest entry: which chunk set is current and how to check it. */
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof FORMAT_VERSION;
  id: string;
  slot: Slot;
  chunks: number;
  sha256: string;
}

const manifestSchema = z.strictObject({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(FORMAT_VERSION),
  id: z.string().regex(/^[0-9a-f]{16}$/),
  slot: z.enum(SLOTS),
  chunks: z.number().int().min(1).max(MAX_CHUNKS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const sessionSchema = z.strictObject({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  accessTokenExpiresAt: z.number().finite(),
  userId: z.number().int(),
  email: z.string(),
  displayName: z.string(),
});

/** Account name of the manifest entry for one server origin. */
export function manifestAccount(origin: string): string {
  return origin;
}

/** Account name of chunk `index` in `slot` for one server origin. */
export function chunkAccount(origin: string, slot: Slot, index: number): string {
  return `${origin}#${slot}#${index}`;
}

/** Account name of chunk `index` in the version 1 layout (one slot), swept when one is found. */
export function legacyChunkAccount(origin: string, index: number): string {
  return `${origin}#chunk-${index}`;
}

/** The slot a save should write, given the current manifest (if any). */
export function freeSlot(current: Manifest | null): Slot {
  return current?.slot === 'a' ? 'b' : 'a';
}

/** UTF-8 size of a string. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** Splits text into pieces of at most `maxBytes` UTF-8 bytes without cutting a code point. */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let currentBytes = 0;
  for (const codePoint of text) {
    const size = utf8Bytes(codePoint);
    if (currentBytes + size > maxBytes) {
      pieces.push(current);
      current = '';
      currentBytes = 0;
    }
    current += codePoint;
    currentBytes += size;
  }
  if (current.length > 0 || pieces.length === 0) pieces.push(current);
  return pieces;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function chunkHeader(id: string, index: number): string {
  return `${CHUNK_PREFIX}.${id}.${index}.`;
}

/** The entries to write for one session: manifest value plus chunk values, all within the cap. */
export interface EncodedSession {
  manifest: string;
  chunks: string[];
}

/** Serialises a session into keychain values; null if it would need more than MAX_CHUNKS. */
export function encodeSession(
  session: StoredSession,
  slot: Slot = 'a',
  id = randomBytes(8).toString('hex'),
): EncodedSession | null {
  const payload = JSON.stringify(sessionSchema.parse(session));
  const pieces = splitUtf8(payload, CHUNK_DATA_BYTES);
  if (pieces.length > MAX_CHUNKS) return null;
  const manifest: Manifest = {
    format: MANIFEST_FORMAT,
    version: FORMAT_VERSION,
    id,
    slot,
    chunks: pieces.length,
    sha256: sha256(payload),
  };
  return {
    manifest: JSON.stringify(manifest),
    chunks: pieces.map((piece, index) => chunkHeader(id, index) + piece),
  };
}

/** Parses a manifest value; null when it is not ours (foreign, old or damaged). */
export function parseManifest(raw: string): Manifest | null {
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Reassembles a session from its manifest and chunk values; null when anything does not fit. */
export function decodeSession(
  manifest: Manifest,
  chunks: readonly (string | null)[],
): StoredSession | null {
  if (chunks.length !== manifest.chunks) return null;
  let payload = '';
  for (const [index, chunk] of chunks.entries()) {
    const header = chunkHeader(manifest.id, index);
    if (chunk === null || !chunk.startsWith(header)) return null;
    payload += chunk.slice(header.length);
  }
  if (sha256(payload) !== manifest.sha256) return null;
  try {
    const parsed = sessionSchema.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
