/** Shared state of one running server instance, handed to every route module. */
import type { Db } from './db';
import type { ServerKeys } from './keys';

/** Resolved settings plus the live resources of a server. */
export interface ServerContext {
  db: Db;
  keys: ServerKeys;
  dataDir: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  refreshErrorMode: 'passport2' | 'newer';
  bcryptRounds: number;
  /** Current time in milliseconds. */
  now: () => number;
  log: (area: string, message: string, fields?: Record<string, unknown>) => void;
}
