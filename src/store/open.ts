/**
 * @module store/open
 * Which database a command uses: `--db DIR|URL`, else DATABASE_URL, else ./truce-data (PGlite).
 */
import { existsSync } from "node:fs";
import { TruceError } from "../errors.js";
import type { Db } from "./db.js";
import { migrationState } from "./migrate.js";
import { isPgliteDir, openPglite } from "./pglite.js";
import { openPostgres, redact, type PostgresOptions } from "./postgres.js";
import { createStore } from "./sql-store.js";
import type { Store } from "./store.js";

export const DEFAULT_DB_DIR = "./truce-data";

export type StoreTarget = { kind: "pglite"; dir: string | undefined } | { kind: "postgres"; url: string };

export interface OpenOptions extends PostgresOptions {
  /** Apply pending migrations on open (commands that write). */
  migrate?: boolean;
  /** Refuse to create a new embedded database, and a database without the current schema (commands that only read). */
  mustExist?: boolean;
}

/** `--db` wins over DATABASE_URL, which wins over ./truce-data. "memory://" is an in-memory PGlite. */
export function resolveTarget(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): StoreTarget {
  const value = flag?.trim() || env.DATABASE_URL?.trim() || DEFAULT_DB_DIR;
  if (/^postgres(ql)?:\/\//i.test(value)) return { kind: "postgres", url: value };
  if (value === "memory://") return { kind: "pglite", dir: undefined };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) {
    throw new TruceError("E_USAGE", `--db ${value}: expected a folder for the embedded database or a postgres:// URL`);
  }
  return { kind: "pglite", dir: value };
}

export function describeTarget(target: StoreTarget): string {
  return target.kind === "postgres" ? redact(target.url) : (target.dir ?? "memory");
}

export async function openStore(target: StoreTarget, options: OpenOptions = {}): Promise<Store> {
  if (target.kind === "pglite" && target.dir !== undefined && options.mustExist && !isPgliteDir(target.dir)) {
    const why = existsSync(target.dir) ? "holds no database" : "does not exist";
    throw new TruceError("E_NOT_FOUND", `${target.dir}: ${why}; run truce ingest (or truce start) first, or point --db / DATABASE_URL at a database`);
  }
  const db = target.kind === "postgres" ? await openPostgres(target.url, options) : await openPglite(target.dir);
  const store = createStore(db, describeTarget(target));
  try {
    if (options.migrate) await store.migrate();
    else if (options.mustExist) await requireSchema(db, store.location);
  } catch (err) {
    await store.close();
    throw err instanceof TruceError ? err : new TruceError("E_STORE", `${store.location}: cannot update the schema: ${(err as Error).message}`);
  }
  return store;
}

async function requireSchema(db: Db, location: string): Promise<void> {
  const state = await migrationState(db);
  if (state.version === 0) throw new TruceError("E_NOT_FOUND", `${location}: no Truce data here yet; run truce ingest (or truce db migrate) first`);
  if (state.pending.length > 0) {
    throw new TruceError("E_STORE", `${location}: the database schema (version ${state.version}) is older than this Truce (version ${state.latest}); run truce db migrate`);
  }
}

/** Opens, runs `fn`, and always closes, so that the process can exit. */
export async function withStore<T>(target: StoreTarget, options: OpenOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(target, options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
