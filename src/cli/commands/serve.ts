/**
 * @module cli/commands/serve
 * `truce serve [--port N] [--host H] [--db DIR|URL]`: the HTTP API and the dashboard on the
 * embedded or PostgreSQL store. Runs until interrupted.
 */
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from "../../server/serve.js";
import { openStore, resolveTarget } from "../../store/open.js";
import type { Store } from "../../store/store.js";
import { announceNewDatabase } from "./ingest.js";
import { DB_ARG } from "../args.js";

export const SERVE_ARGS = {
  port: { type: "string", description: `port to listen on (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one)` },
  host: { type: "string", description: `address to listen on (default: ${DEFAULT_HOST}; 0.0.0.0 for every interface)` },
  private: { type: "boolean", description: "read routes need a token too (default: anyone who reaches the server may read)" },
  "writes-per-minute": { type: "string", description: "writes a minute per user before 429 (default: 120)" },
} as const;

export interface ServeArgs {
  port?: string;
  host?: string;
  private?: boolean;
  "writes-per-minute"?: string;
}

export default defineCommand({
  meta: { name: "serve", description: "Serve the HTTP API (/api) and the web dashboard (/)" },
  args: {
    ...SERVE_ARGS,
    db: DB_ARG,
  },
  async run({ args }) {
    const target = resolveTarget(args.db);
    announceNewDatabase(target);
    const store = await openStore(target, { migrate: true });
    await serveUntilStopped(store, args);
  },
});

/** Serves on an open store until SIGINT/SIGTERM, then closes both. Shared with `truce start`. */
export async function serveUntilStopped(store: Store, args: ServeArgs): Promise<void> {
  const port = portOf(args.port ?? process.env.PORT);
  const perMinute = args["writes-per-minute"] === undefined ? undefined : positive("--writes-per-minute", args["writes-per-minute"]);
  let server;
  try {
    server = await startServer({ store, readAccess: args.private ? "token" : "open", ...(perMinute !== undefined && { writesPerMinute: perMinute }) }, { port, host: args.host ?? DEFAULT_HOST });
  } catch (err) {
    await store.close();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE") throw new TruceError("E_USAGE", `port ${port} is already in use; pick another with --port N`);
    if (code === "EACCES") throw new TruceError("E_USAGE", `not allowed to listen on port ${port}; use a port above 1023`);
    throw err;
  }
  const users = (await store.users()).filter((u) => !u.revoked).length;
  process.stderr.write(
    [
      `Truce is serving ${store.location} (${store.backend}) at ${server.url}/`,
      `  dashboard ${server.url}/   API ${server.url}/api/docs   reads: ${args.private ? "token needed" : "open"}`,
      users === 0 ? "  no users yet: writing needs a token, create one with: npx truce users add NAME --role analyst" : `  ${users} user(s) may write`,
      "  Ctrl-C stops.",
      "",
    ].join("\n"),
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stderr.write("truce serve: stopping\n");
  await server.close();
  await store.close();
}

// --- internal ---

function portOf(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return DEFAULT_PORT;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new TruceError("E_USAGE", `--port "${value}": expected a whole number from 0 to 65535`);
  return n;
}

function positive(option: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new TruceError("E_USAGE", `${option} "${value}": expected a positive whole number`);
  return n;
}
