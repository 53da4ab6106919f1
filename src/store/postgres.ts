/**
 * @module store/postgres
 * The server backend: PostgreSQL through `pg`. `schema` puts every table in its own schema
 * (tests use a throwaway one per run, so parallel suites never meet).
 */
import type { Pool, PoolClient } from "pg";
import { TruceError } from "../errors.js";
import type { Db, Prepared, Row, Tx } from "./db.js";

export interface PostgresOptions {
  /** Schema for the tables, created when missing (default: the server's search_path, usually public). */
  schema?: string;
  /** Connections kept open (default 4). */
  max?: number;
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Db> {
  const { default: pg } = await import("pg");
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(options.schema)) {
    throw new TruceError("E_USAGE", `invalid schema name "${options.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 4,
    connectionTimeoutMillis: 10_000,
    // Prepared statements keep one plan instead of re-planning per run (see Sql.run). Options
    // given in the URL (?options=-c search_path=…) are kept: this setting would replace them.
    options: [urlOptions(url), "-c plan_cache_mode=force_generic_plan", options.schema ? `-c search_path=${options.schema}` : ""].filter(Boolean).join(" "),
  });
  // An idle connection dropped by the server must not crash the process.
  pool.on("error", () => {});
  try {
    const client = await pool.connect();
    try {
      if (options.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new TruceError("E_STORE", `cannot connect to ${redact(url)}: ${describe(err)}`);
  }
  return new PostgresDb(pool);
}

function urlOptions(url: string): string {
  try {
    return new URL(url).searchParams.get("options") ?? "";
  } catch {
    return "";
  }
}

/** The URL without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/, "$1:***@");
}

// --- internal ---

class PostgresDb implements Db {
  readonly backend = "postgres" as const;

  constructor(private readonly pool: Pool) {}

  async query<R extends Row = Row>(text: string, params?: unknown[]): Promise<R[]> {
    return (await this.pool.query(text, params)).rows as R[];
  }

  async run<R extends Row = Row>(statement: Prepared, params: (string | number | null)[]): Promise<R[]> {
    return (await this.pool.query({ name: statement.name, text: statement.text, values: params })).rows as R[];
  }

  async exec(text: string): Promise<void> {
    await this.pool.query(text);
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const client: PoolClient = await this.pool.connect();
    try {
      await client.query("BEGIN");
      const result = await fn({
        query: async <R extends Row = Row>(text: string, params?: unknown[]) => (await client.query(text, params)).rows as R[],
        run: async <R extends Row = Row>(statement: Prepared, params: (string | number | null)[]) =>
          (await client.query({ name: statement.name, text: statement.text, values: params })).rows as R[],
        exec: async (text: string) => {
          await client.query(text);
        },
      });
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

function describe(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { errors?: Error[] };
  if (e.code === "ECONNREFUSED" || e.errors?.some((x) => (x as NodeJS.ErrnoException).code === "ECONNREFUSED")) return "connection refused (is the server running?)";
  if (e.code === "ENOTFOUND") return "host not found";
  if (e.code === "28P01") return "password authentication failed";
  if (e.code === "3D000") return "database does not exist";
  return e.message || String(err);
}
