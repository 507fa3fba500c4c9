/** Users and profiles in the database, and the User representation of API §10.1. */
import type { ServerContext } from './context';
import { manilaTimestamp, uniqid } from './php';
import { CUSTOMER_GROUP_ID } from './seed';

/** Finds a non-deleted user by email (case-insensitive, like utf8mb4_unicode_ci for ASCII). */
export function findLoginUser(
  ctx: ServerContext,
  email: string,
): { id: number; password: string } | null {
  const row = ctx.db
    .prepare('SELECT id, password FROM users WHERE email = ? COLLATE NOCASE AND deleted_at IS NULL')
    .get(email) as { id: number; password: string } | undefined;
  return row ?? null;
}

/** Looks up a user id by email, deleted or not (used by test hooks). */
export function findUserIdByEmail(ctx: ServerContext, email: string): number | null {
  const row = ctx.db.prepare('SELECT id FROM users WHERE email = ? COLLATE NOCASE').get(email) as
    { id: number } | undefined;
  return row?.id ?? null;
}

/** True when a non-deleted user with this id exists. */
export function userExists(ctx: ServerContext, id: number): boolean {
  return (
    ctx.db.prepare('SELECT 1 FROM users WHERE id = ? AND deleted_at IS NULL').get(id) !== undefined
  );
}

/** True when the email is taken (case-insensitively, soft-deleted users included). */
export function emailTaken(ctx: ServerContext, email: string): boolean {
  return (
    ctx.db.prepare('SELECT 1 FROM users WHERE email = ? COLLATE NOCASE').get(email) !== undefined
  );
}

/** Fields a registration stores. */
export interface NewCustomer {
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  middleName: string;
  gender: string;
  birthdate: string | null;
}

/** Inserts user + profile in one transaction (a profile failure rolls the user back); returns the id. */
export function createCustomer(ctx: ServerContext, customer: NewCustomer): number {
  const stamp = manilaTimestamp(ctx.now());
  return ctx.db.transaction(() => {
    const user = ctx.db
      .prepare(
        `INSERT INTO users (account_id, user_group_id, email, password, account_type, login_type, can_use_api, created_at, updated_at)
         VALUES (?, ?, ?, ?, 'individual', 'email', 0, ?, ?)`,
      )
      .run(
        uniqid(ctx.now()),
        CUSTOMER_GROUP_ID,
        customer.email,
        customer.passwordHash,
        stamp,
        stamp,
      );
    const id = Number(user.lastInsertRowid);
    ctx.db
      .prepare(
        `INSERT INTO user_profiles (user_id, first_name, last_name, middle_name, gender, birthdate, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        customer.firstName,
        customer.lastName,
        customer.middleName,
        customer.gender,
        customer.birthdate,
        stamp,
        stamp,
      );
    return id;
  })();
}

/** Profile/user changes of an update; undefined = keep the old value. */
export interface CustomerChanges {
  passwordHash?: string;
  profile: Partial<
    Record<'first_name' | 'last_name' | 'middle_name' | 'gender' | 'birthdate' | 'image', string>
  >;
}

/** Applies an update in one transaction. */
export function updateCustomer(ctx: ServerContext, userId: number, changes: CustomerChanges): void {
  const stamp = manilaTimestamp(ctx.now());
  ctx.db.transaction(() => {
    if (changes.passwordHash !== undefined) {
      ctx.db
        .prepare('UPDATE users SET password = ?, updated_at = ? WHERE id = ?')
        .run(changes.passwordHash, stamp, userId);
    }
    const entries = Object.entries(changes.profile);
    if (entries.length > 0) {
      const sets = entries.map(([column]) => `${column} = ?`).join(', ');
      ctx.db
        .prepare(`UPDATE user_profiles SET ${sets}, updated_at = ? WHERE user_id = ?`)
        .run(...entries.map(([, value]) => value), stamp, userId);
    }
  })();
}

interface UserJoinRow {
  id: number;
  account_id: string;
  email: string;
  group_name: string;
  image: string | null;
  first_name: string;
  last_name: string;
  middle_name: string | null;
  gender: string;
}

const ADDRESS_COLUMNS = `id, user_id, identifier, type, first_name, last_name, middle_name, contact_number,
  email, address_line_1, address_line_2, barangay, city, province, zip_code, country, address_type,
  landmarks, "primary", created_at, updated_at, deleted_at`;

/** Copies only the named columns (libsql rows carry an extra `_metadata` key). */
function pick(row: Record<string, unknown>, columns: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of columns.split(',')) {
    const key = name.trim().replace(/"/g, '');
    out[key] = row[key] ?? null;
  }
  return out;
}

/** The User representation (API §10.1); links and image URLs use the request's base URL. */
export function userView(
  ctx: ServerContext,
  userId: number,
  baseUrl: string,
): Record<string, unknown> | null {
  const row = ctx.db
    .prepare(
      `SELECT u.id, u.account_id, u.email, g.name AS group_name, p.image, p.first_name, p.last_name,
              p.middle_name, p.gender
         FROM users u JOIN user_groups g ON g.id = u.user_group_id
         LEFT JOIN user_profiles p ON p.user_id = u.id
        WHERE u.id = ? AND u.deleted_at IS NULL`,
    )
    .get(userId) as UserJoinRow | undefined;
  if (row === undefined) return null;
  const address = ctx.db
    .prepare(
      `SELECT ${ADDRESS_COLUMNS} FROM user_addressbooks
        WHERE user_id = ? AND type = 'booking' AND "primary" = 1 AND deleted_at IS NULL ORDER BY id LIMIT 1`,
    )
    .get(userId) as Record<string, unknown> | undefined;
  const self = `${baseUrl}/api/v1/customers/${row.id}`;
  return {
    id: row.id,
    account_id: row.account_id,
    email: row.email,
    user_group: row.group_name,
    image: row.image === null ? null : `${baseUrl}/files/${row.image}`,
    primary_address: address === undefined ? null : pick(address, ADDRESS_COLUMNS),
    profile: {
      first_name: row.first_name,
      last_name: row.last_name,
      middle_name: row.middle_name,
      gender: row.gender,
    },
    links: [
      { rel: 'self', uri: self },
      { rel: 'addressbooks', uri: `${self}/addressbooks` },
      { rel: 'bookings', uri: `${self}/bookings` },
      { rel: 'shipments', uri: `${self}/shipments` },
    ],
  };
}

/** The bare user row of `GET /api/user` (hidden columns removed). */
export function apiUserRow(ctx: ServerContext, userId: number): Record<string, unknown> | null {
  const row = ctx.db
    .prepare(
      'SELECT id, account_id, user_group_id, email, created_at, updated_at, deleted_at FROM users WHERE id = ?',
    )
    .get(userId) as Record<string, unknown> | undefined;
  return row === undefined
    ? null
    : pick(row, 'id, account_id, user_group_id, email, created_at, updated_at, deleted_at');
}
