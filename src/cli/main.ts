/**
 * @module cli/main
 * The `truce` command. Subcommands live in `cli/commands/<verb>.ts` and load lazily. This is
 * the only place that calls `process.exit`: it maps errors to a one-line message and an exit code.
 */
import { defineCommand, runCommand, showUsage, type CommandDef } from "citty";
import { TruceError, type ErrorCode } from "../errors.js";

const EXIT: Record<ErrorCode, number> = {
  E_INPUT: 1,
  E_PARTIAL: 1,
  E_NOT_FOUND: 1,
  E_DATA: 1,
  E_STORE: 3,
  E_USAGE: 2,
};

export const main = defineCommand({
  meta: { name: "truce", version: "0.1.0", description: "Evidence-linked conflict event data from news reports" },
  subCommands: {
    extract: () => import("./commands/extract.js").then((m) => m.default),
    eval: () => import("./commands/eval.js").then((m) => m.default),
    ingest: () => import("./commands/ingest.js").then((m) => m.default),
    events: () => import("./commands/events.js").then((m) => m.default),
    export: () => import("./commands/export.js").then((m) => m.default),
    db: () => import("./commands/db.js").then((m) => m.default),
    start: () => import("./commands/start.js").then((m) => m.default),
    serve: () => import("./commands/serve.js").then((m) => m.default),
    users: () => import("./commands/users.js").then((m) => m.default),
  },
});

export async function run(rawArgs: string[]): Promise<number> {
  try {
    if (rawArgs.length === 0 || rawArgs.includes("--help") || rawArgs.includes("-h")) {
      await showUsage(...(await commandFor(main, rawArgs)));
      return rawArgs.length === 0 ? 2 : 0;
    }
    if (rawArgs.length === 1 && (rawArgs[0] === "--version" || rawArgs[0] === "-v")) {
      process.stdout.write("0.1.0\n");
      return 0;
    }
    await runCommand(main, { rawArgs });
    return 0;
  } catch (error) {
    return report(error, rawArgs);
  }
}

// --- internal ---

function report(error: unknown, rawArgs: string[]): number {
  if (error instanceof TruceError) {
    process.stderr.write(`truce: ${error.message}\n`);
    return EXIT[error.code];
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === "string" && code.startsWith("E_")) {
    // citty's own usage errors (unknown command, missing argument)
    process.stderr.write(`truce: ${(error as Error).message.replace(/\u001b\[[0-9;]*m/g, "")} (see truce ${rawArgs[0] ?? ""} --help)\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`truce: internal error: ${message}\n`);
  if (process.env.TRUCE_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 70;
}

/** The (sub)command named by the arguments, for --help. */
async function commandFor(cmd: CommandDef, rawArgs: string[]): Promise<[CommandDef, CommandDef?]> {
  const name = rawArgs.find((a) => !a.startsWith("-"));
  const subs = typeof cmd.subCommands === "function" ? await cmd.subCommands() : cmd.subCommands;
  const lazy = name && subs ? (subs as Record<string, unknown>)[name] : undefined;
  if (!lazy) return [cmd];
  const sub = typeof lazy === "function" ? await (lazy as () => Promise<CommandDef>)() : (lazy as CommandDef);
  return [sub, cmd];
}

/** Runs the CLI on this process's arguments and exits with its code. */
export async function cli(): Promise<void> {
  // Writes to a closed pipe (`truce extract … | head`) end the program quietly.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
  });
  const code = await run(process.argv.slice(2));
  process.exitCode = code;
}
