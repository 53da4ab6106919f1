/**
 * @module store/pglite
 * The embedded backend: PGlite (PostgreSQL compiled to WebAssembly) in a directory on disk, or
 * in memory. One process at a time may open a directory, so a lock file guards it.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import type { PGlite, Results } from "@electric-sql/pglite";
import { TruceError } from "../errors.js";
import type { Db, Prepared, Row, Tx } from "./db.js";

const LOCK = "truce.lock";

/** Opens (creating when missing) the PGlite database in `dir`; `undefined` keeps it in memory. */
export async function openPglite(dir: string | undefined): Promise<Db> {
  if (dir !== undefined) checkDataDir(dir);
  const release = dir !== undefined ? lock(dir) : () => {};
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create(dir === undefined ? undefined : resolve(dir));
    // Prepared statements keep one plan instead of re-planning per run (see Sql.run).
    await pg.exec("SET plan_cache_mode = force_generic_plan");
    return new PgliteDb(pg, release);
  } catch (err) {
    release();
    if (err instanceof TruceError) throw err;
    throw new TruceError("E_STORE", `cannot open the database in ${dir ?? "memory"}: ${(err as Error).message}`);
  }
}

/** True when `dir` already holds a PostgreSQL data directory. */
export function isPgliteDir(dir: string): boolean {
  return existsSync(join(dir, "PG_VERSION"));
}

// --- internal ---

class PgliteDb implements Db {
  readonly backend = "pglite" as const;
  /** Prepared statements outlive a rolled-back transaction, so one set serves the session. */
  private readonly prepared = new Set<string>();

  constructor(
    private readonly pg: PGlite,
    private readonly release: () => void,
  ) {}

  async query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]> {
    return (await this.pg.query<R>(text, params)).rows;
  }

  run<R extends Row = Row>(statement: Prepared, params: (string | number | null)[]): Promise<R[]> {
    return this.execute<R>((sql) => this.pg.exec(sql), statement, params);
  }

  async exec(text: string): Promise<void> {
    await this.pg.exec(text);
  }

  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.pg.transaction((tx) =>
      fn({
        query: async <R extends Row = Row>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows,
        run: <R extends Row = Row>(statement: Prepared, params: (string | number | null)[]) => this.execute<R>((sql) => tx.exec(sql), statement, params),
        exec: async (text: string) => {
          await tx.exec(text);
        },
      }),
    );
  }

  /**
   * PGlite has no named statements in its query API, so: SQL PREPARE once, then EXECUTE with
   * the parameters as literals over the simple protocol (one round trip, no describe step).
   */
  private async execute<R extends Row>(exec: (sql: string) => Promise<Results[]>, statement: Prepared, params: (string | number | null)[]): Promise<R[]> {
    if (!this.prepared.has(statement.name)) {
      await exec(`PREPARE ${statement.name} AS ${statement.text}`);
      this.prepared.add(statement.name);
    }
    const results = await exec(`EXECUTE ${statement.name}(${params.map(literal).join(", ")})`);
    return (results.at(-1)?.rows ?? []) as R[];
  }

  async close(): Promise<void> {
    try {
      if (!this.pg.closed) await this.pg.close();
    } finally {
      this.release();
    }
  }
}

/** Refuses a folder that has files in it but is not a database, so we never initdb into it. */
function checkDataDir(dir: string): void {
  if (!existsSync(dir) || isPgliteDir(dir)) return;
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new TruceError("E_STORE", `${dir}: not a folder, cannot hold a database`);
  }
  if (entries.some((e) => e !== LOCK && !e.startsWith("."))) {
    throw new TruceError("E_STORE", `${dir}: this folder is not empty and holds no Truce database; give an empty or new folder with --db`);
  }
}

/**
 * PGlite is single-process: a second process writing the same directory would corrupt it. The
 * lock names its owner's pid; a lock left by a process that died (kill -9) is taken over.
 */
function lock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return once(() => {
        try {
          unlinkSync(path);
        } catch {
          // already gone: nothing to release
        }
      });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new TruceError("E_STORE", `${dir}: cannot lock the database (${(err as Error).message})`);
      }
      const owner = Number(readFileSync(path, "utf8").trim());
      if (owner && owner !== process.pid && alive(owner)) {
        throw new TruceError("E_STORE", `${dir}: the database is in use by another truce process (pid ${owner}); the embedded database allows one process at a time (use PostgreSQL with DATABASE_URL for several)`);
      }
      unlinkSync(path);
    }
  }
  throw new TruceError("E_STORE", `${dir}: cannot lock the database`);
}

/** A SQL literal: standard_conforming_strings is on, so doubling quotes is the whole escape. */
function literal(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`not a finite number: ${value}`);
    return String(value);
  }
  return `'${value.replace(/'/g, "''")}'`;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      fn();
    }
  };
}
