/**
 * @module cli/commands/start
 * `truce start` (what `npm start` runs): creates the embedded database, ingests the example
 * corpus shipped with Truce, says where the data is and what to try next, then serves the
 * dashboard and the API (on a terminal, or with --serve; --no-serve only loads). Running it
 * again is cheap: the corpus is already stored, so every article is a duplicate.
 */
import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineCommand } from "citty";
import { DEFAULT_FETCH } from "../../ingest/fetch.js";
import { ingest, type IngestSummary } from "../../ingest/ingest.js";
import { planInputs } from "../../ingest/inputs.js";
import { formatSummary, progressReporter } from "../../ingest/report.js";
import { describeTarget, openStore, resolveTarget, withStore } from "../../store/open.js";
import type { Store, StoreStatus } from "../../store/store.js";
import { DEFAULT_MAX_BYTES } from "../input.js";
import { announceNewDatabase } from "./ingest.js";
import { SERVE_ARGS, serveUntilStopped } from "./serve.js";
import { DB_ARG } from "../args.js";

/** examples/corpus at the package root: three levels up from dist/cli/commands (and src/cli/commands). */
const SHIPPED_CORPUS = fileURLToPath(new URL("../../../examples/corpus", import.meta.url));

export default defineCommand({
  meta: { name: "start", description: "Set up the embedded database with the example corpus and show what to do next" },
  args: {
    db: DB_ARG,
    corpus: { type: "string", description: "folder of articles to load (default: the example corpus shipped with Truce)" },
    serve: { type: "boolean", description: "then serve the dashboard and the API (default: when run on a terminal; --no-serve only loads)" },
    ...SERVE_ARGS,
  },
  async run({ args }) {
    const target = resolveTarget(args.db);
    const corpus = args.corpus ?? SHIPPED_CORPUS;
    announceNewDatabase(target);
    const { summary, status, example } = await withStore(target, { migrate: true }, async (store) => {
      let summary: IngestSummary | undefined;
      if (hasFiles(corpus)) {
        const sources = await planInputs([corpus], [], { maxBytes: DEFAULT_MAX_BYTES, fetch: DEFAULT_FETCH });
        const progress = progressReporter(process.stderr);
        try {
          summary = await ingest(sources, { store, onStart: (t) => progress.start(t), onItem: (r, s) => progress.item(r, s) });
        } finally {
          progress.stop();
        }
      }
      return { summary, status: await store.status(), example: await exampleQuery(store) };
    });
    const out: string[] = [];
    if (summary) out.push(`Example corpus (${corpus}):`, formatSummary(summary, describeTarget(target)).trimEnd());
    else out.push(`No example corpus at ${corpus}: nothing loaded (ingest your own articles, see below).`);
    out.push("", whereAndNext(status, target.kind === "pglite", example));
    process.stdout.write(`${out.join("\n")}\n`);
    // Scripts and tests that run `truce start` for its data must get their prompt back.
    if (args.serve ?? process.stdout.isTTY === true) await serveUntilStopped(await openStore(target, { migrate: true }), args);
  },
});

// --- internal ---

function hasFiles(dir: string): boolean {
  try {
    return existsSync(dir) && readdirSync(dir).some((f) => !f.startsWith("."));
  } catch {
    return false;
  }
}

/** "--country SOM --from 2024-05-01 --to 2024-05-31": the country with most events, in its latest month. */
async function exampleQuery(store: Store): Promise<string> {
  const events = await store.events({ limit: 5000 });
  const byCountry = new Map<string, string[]>();
  for (const e of events) {
    const iso = e.event.location?.iso3;
    if (iso && e.event.date.start) byCountry.set(iso, [...(byCountry.get(iso) ?? []), e.event.date.start]);
  }
  const top = [...byCountry.entries()].sort((a, b) => b[1].length - a[1].length)[0];
  if (!top) return "--country AFG --from 2020-03-01 --to 2020-03-31";
  const month = top[1].sort().at(-1)!.slice(0, 7);
  const [y, m] = month.split("-").map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `--country ${top[0]} --from ${month}-01 --to ${month}-${String(last).padStart(2, "0")}`;
}

function whereAndNext(s: StoreStatus, embedded: boolean, example: string): string {
  const c = s.counts;
  const db = embedded ? `--db ${s.location}` : "";
  const dbHint = embedded && s.location !== "./truce-data" ? ` ${db}` : "";
  return [
    `Your data: ${s.location} (${embedded ? "embedded PGlite database; set DATABASE_URL=postgres://… to use a server" : "PostgreSQL"})`,
    c ? `  ${c.articles} articles, ${c.events} events, ${c.tallies} tallies, ${c.statements} statements, ${c.agreements} agreements` : "",
    "",
    "Next:",
    `  npx truce events${dbHint} ${example}   # what is stored, as a table`,
    `  npx truce ingest${dbHint} my-articles/                 # your own .txt/.html/.json/.jsonl files or feeds (--feed URL)`,
    `  npx truce export${dbHint} --format acled-csv --bom > events.csv   # for a spreadsheet; also geojson, jsonl`,
    `  npx truce db status${dbHint}`,
  ]
    .filter((l, i, all) => l !== "" || (all[i - 1] ?? "") !== "")
    .join("\n");
}
