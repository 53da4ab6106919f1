/**
 * @module store/users
 * Who may write through the HTTP API. Only a token's SHA-256 is stored.
 */
import { TruceError } from "../errors.js";
import { num, type Row, type Sql } from "./db.js";
import type { ApiUser, UserRole } from "./store.js";

const USER_COLUMNS = "id, name, role, revoked_at IS NOT NULL AS revoked, extract(epoch FROM created_at) * 1000 AS ms";

export async function insertUser(db: Sql, name: string, role: UserRole, tokenHash: string): Promise<ApiUser> {
  const clean = name.trim();
  if (!/^[\p{L}\p{N}][\p{L}\p{N} ._@-]{0,63}$/u.test(clean)) {
    throw new TruceError("E_INPUT", `user name "${name}": use 1 to 64 letters, digits, spaces, dots, dashes, underscores or @`);
  }
  const taken = await db.query("SELECT 1 FROM api_users WHERE name = $1", [clean]);
  if (taken.length > 0) throw new TruceError("E_INPUT", `a user named "${clean}" already exists`);
  const rows = await db.query(`INSERT INTO api_users (name, role, token_hash) VALUES ($1, $2, $3) RETURNING ${USER_COLUMNS}`, [clean, role, tokenHash]);
  return userFromRow(rows[0]!);
}

export async function selectUserByTokenHash(db: Sql, tokenHash: string): Promise<ApiUser | null> {
  const rows = await db.query(`SELECT ${USER_COLUMNS} FROM api_users WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
  return rows[0] ? userFromRow(rows[0]) : null;
}

export async function selectUsers(db: Sql): Promise<ApiUser[]> {
  return (await db.query(`SELECT ${USER_COLUMNS} FROM api_users ORDER BY id`)).map(userFromRow);
}

export async function revokeUserByName(db: Sql, name: string): Promise<boolean> {
  const rows = await db.query("UPDATE api_users SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL RETURNING id", [name.trim()]);
  return rows.length > 0;
}

function userFromRow(r: Row): ApiUser {
  return { id: num(r.id), name: String(r.name), role: r.role as UserRole, createdAt: new Date(Number(r.ms)).toISOString(), revoked: r.revoked === true };
}
