/** The SQLite database: schema (tables of API §11 this server needs) and seed rows. */
import Database from 'libsql';
import { join } from 'node:path';
import { CLIENT_ROWS, USER_GROUPS } from './seed';

/** The libsql (better-sqlite3 compatible) database handle. */
export type Db = InstanceType<typeof Database>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS user_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  user_group_id INTEGER NOT NULL REFERENCES user_groups(id),
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  password TEXT NOT NULL,
  account_type TEXT NOT NULL CHECK (account_type IN ('company','individual')),
  login_type TEXT NOT NULL DEFAULT 'email' CHECK (login_type IN ('email','facebook','google')),
  can_use_api INTEGER NOT NULL DEFAULT 0,
  remember_token TEXT,
  created_at TEXT, updated_at TEXT, deleted_at TEXT
);
CREATE TABLE IF NOT EXISTS user_profiles (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  first_name TEXT NOT NULL CHECK (length(first_name) <= 255),
  last_name TEXT NOT NULL CHECK (length(last_name) <= 255),
  middle_name TEXT CHECK (middle_name IS NULL OR length(middle_name) <= 255),
  company_name TEXT,
  gender TEXT NOT NULL CHECK (gender IN ('male','female')),
  birthdate TEXT,
  image TEXT,
  created_at TEXT, updated_at TEXT, deleted_at TEXT
);
CREATE TABLE IF NOT EXISTS user_addressbooks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users(id),
  identifier TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('booking','shipment')),
  first_name TEXT NOT NULL, last_name TEXT NOT NULL, middle_name TEXT,
  contact_number TEXT NOT NULL, email TEXT,
  address_line_1 TEXT NOT NULL, address_line_2 TEXT, barangay TEXT,
  city TEXT NOT NULL, province TEXT NOT NULL, zip_code TEXT NOT NULL,
  country TEXT NOT NULL DEFAULT 'ph',
  address_type TEXT NOT NULL CHECK (address_type IN ('office','residential')),
  landmarks TEXT, "primary" INTEGER NOT NULL DEFAULT 0,
  created_at TEXT, updated_at TEXT, deleted_at TEXT
);
CREATE TABLE IF NOT EXISTS oauth_clients (
  id INTEGER PRIMARY KEY AUTOINCREMENT, user_id INTEGER, name TEXT NOT NULL, secret TEXT NOT NULL,
  redirect TEXT NOT NULL, personal_access_client INTEGER NOT NULL, password_client INTEGER NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT, updated_at TEXT
);
CREATE TABLE IF NOT EXISTS oauth_access_tokens (
  id TEXT PRIMARY KEY, user_id INTEGER, client_id INTEGER NOT NULL, name TEXT, scopes TEXT,
  revoked INTEGER NOT NULL DEFAULT 0, created_at TEXT, updated_at TEXT, expires_at TEXT
);
CREATE INDEX IF NOT EXISTS oauth_access_tokens_user ON oauth_access_tokens(user_id);
CREATE TABLE IF NOT EXISTS oauth_refresh_tokens (
  id TEXT PRIMARY KEY, access_token_id TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0,
  expires_at TEXT
);
CREATE INDEX IF NOT EXISTS oauth_refresh_tokens_access ON oauth_refresh_tokens(access_token_id);
`;

/** Opens (creating if needed) `<dataDir>/cliqnship.sqlite`, applies the schema and seeds lookups. */
export function openDatabase(dataDir: string): Db {
  const db = new Database(join(dataDir, 'cliqnship.sqlite'));
  // Reuse compiled statements: every request runs the same handful of queries.
  const prepare = db.prepare.bind(db);
  const statements = new Map<string, ReturnType<typeof prepare>>();
  db.prepare = ((sql: string) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }) as typeof db.prepare;
  db.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;');
  db.exec(SCHEMA);
  const group = db.prepare('INSERT OR IGNORE INTO user_groups (id, name) VALUES (?, ?)');
  USER_GROUPS.forEach((name, index) => group.run(index + 1, name));
  const client = db.prepare(
    `INSERT OR IGNORE INTO oauth_clients
       (id, user_id, name, secret, redirect, personal_access_client, password_client, revoked)
     VALUES (?, ?, ?, ?, 'http://localhost/', ?, ?, 0)`,
  );
  for (const row of CLIENT_ROWS) {
    client.run(row.id, row.id === 3 ? 66 : null, row.name, row.secret, row.personal, row.password);
  }
  return db;
}
