/**
 * @module store/migrate
 * Versioned SQL migrations (`migrations/NNNN_name.sql`), the same files on PGlite and
 * PostgreSQL. Each migration runs in its own transaction under an advisory lock, so two
 * processes migrating one server never apply a file twice. An applied file that was later
 * edited is refused: its checksum no longer matches.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { TruceError } from "../errors.js";
import { num, type Db } from "./db.js";

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationState {
  /** Highest applied version, 0 for an empty database. */
  version: number;
  latest: number;
  pending: string[];
}

// Any fixed number: every Truce process migrating a server takes the same advisory lock.
const LOCK_KEY = 72_623_001;

/** The migration files shipped with this version of Truce, in order. */
export function loadMigrations(): Migration[] {
  const dir = migrationsDir();
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, "utf8");
      return { version: Number(file.slice(0, 4)), name: file.replace(/\.sql$/, ""), sql, checksum: sha256(sql) };
    });
}

/** Applies the pending migrations; returns the names applied. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(
    "CREATE TABLE IF NOT EXISTS truce_migrations (version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const applied: string[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
      const rows = await tx.query<{ checksum: string }>("SELECT checksum FROM truce_migrations WHERE version = $1", [m.version]);
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) {
          throw new TruceError("E_STORE", `migration ${m.name} was changed after it was applied to this database; restore the original file`);
        }
        return false;
      }
      await tx.exec(m.sql);
      await tx.query("INSERT INTO truce_migrations (version, name, checksum) VALUES ($1, $2, $3)", [m.version, m.name, m.checksum]);
      return true;
    });
    if (done) applied.push(m.name);
  }
  return applied;
}

/** Where the database stands against the shipped migrations, without changing anything. */
export async function migrationState(db: Db, migrations = loadMigrations()): Promise<MigrationState> {
  const latest = migrations.at(-1)?.version ?? 0;
  const exists = await db.query<{ t: string | null }>("SELECT to_regclass('truce_migrations')::text AS t");
  if (!exists[0]?.t) return { version: 0, latest, pending: migrations.map((m) => m.name) };
  const rows = await db.query<{ version: unknown }>("SELECT version FROM truce_migrations ORDER BY version");
  const done = new Set(rows.map((r) => num(r.version)));
  return {
    version: Math.max(0, ...done),
    latest,
    pending: migrations.filter((m) => !done.has(m.version)).map((m) => m.name),
  };
}

// --- internal ---

/**
 * The .sql files stay in src/store/migrations (tsc copies no .sql to dist), so from dist/store
 * they are found two levels up.
 */
function migrationsDir(): string {
  for (const rel of ["./migrations", "../../src/store/migrations"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(dir)) return dir;
  }
  throw new TruceError("E_STORE", "the schema migrations (src/store/migrations/*.sql) are missing from this installation");
}

function sha256(text: string): string {
  return createHash("sha256").update(text.replace(/\r\n/g, "\n")).digest("hex");
}
