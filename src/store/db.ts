/**
 * @module store/db
 * The little a store needs from a database driver. PGlite and `pg` both speak PostgreSQL with
 * `$1` parameters, so one SQL store runs on either through this interface.
 */
import { createHash } from "node:crypto";

export type Row = Record<string, unknown>;

/** A statement prepared once per connection and planned once (generic plan). */
export interface Prepared {
  name: string;
  text: string;
}

/** Named after its text's hash: a changed statement never meets its old plan under the same name. */
export function prepared(label: string, text: string): Prepared {
  return { name: `truce_${label}_${createHash("sha1").update(text).digest("hex").slice(0, 10)}`, text };
}

export interface Sql {
  /** One statement with `$n` parameters; JS arrays bind as PostgreSQL arrays. */
  query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]>;
  /**
   * Runs a prepared statement; parameters are strings, finite numbers or null. For a statement
   * run once per article, planning costs more than executing on PGlite: preparing saves it.
   */
  run<R extends Row = Row>(statement: Prepared, params: (string | number | null)[]): Promise<R[]>;
}

export interface Tx extends Sql {
  /** Several statements without parameters (a migration file). */
  exec(text: string): Promise<void>;
}

export interface Db extends Tx {
  readonly backend: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Drivers return bigint columns as numbers (PGlite) or strings (pg): one way to read them. */
export function num(value: unknown): number {
  return typeof value === "number" ? value : Number(value);
}

export function numOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : num(value);
}

export function strOrUndef(value: unknown): string | undefined {
  return value === null || value === undefined ? undefined : String(value);
}
