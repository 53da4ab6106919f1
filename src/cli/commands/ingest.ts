/**
 * @module cli/commands/ingest
 * `truce ingest PATH… | - | --feed URL`: articles from files, folders, JSONL, HTML pages and
 * feeds into the database, extracted on the way, each in its own transaction.
 */
import { existsSync } from "node:fs";
import { defineCommand } from "citty";
import { inputError, TruceError } from "../../errors.js";
import { DEFAULT_FETCH } from "../../ingest/fetch.js";
import { ingest, type IngestSummary } from "../../ingest/ingest.js";
import { planInputs } from "../../ingest/inputs.js";
import { formatSummary, progressReporter } from "../../ingest/report.js";
import { isPgliteDir } from "../../store/pglite.js";
import { describeTarget, resolveTarget, withStore, type StoreTarget } from "../../store/open.js";
import { parseMaxBytes } from "../input.js";
import { DB_ARG, checkPublished } from "../args.js";

export default defineCommand({
  meta: { name: "ingest", description: "Store and extract articles: files, folders, JSONL, HTML pages, RSS/Atom feeds, stdin (-)" },
  args: {
    inputs: { type: "positional", required: false, description: "files or folders (.txt .html .json .jsonl .xml/.rss/.atom); - reads stdin" },
    feed: { type: "string", description: "fetch and ingest an RSS or Atom feed (several: comma-separated URLs)" },
    db: DB_ARG,
    published: { type: "string", description: "publication date YYYY-MM-DD for articles that do not carry one" },
    source: { type: "string", description: "publication name for articles that do not carry one" },
    title: { type: "string", description: "title for articles that do not carry one" },
    url: { type: "string", description: "URL for articles that do not carry one" },
    actors: { type: "string", description: "your own actor dictionary (JSON or YAML), merged over the shipped one" },
    "max-bytes": { type: "string", description: "refuse inputs (files, feed downloads, JSONL lines) larger than this (default 5M)" },
    timeout: { type: "string", description: "seconds to wait for a feed (default 30)" },
    json: { type: "boolean", description: "print the summary as JSON" },
    verbose: { type: "boolean", description: "one line per article" },
  },
  async run({ args }) {
    checkPublished(args.published);
    const paths = (args._ as string[]).map(String);
    const feeds = (args.feed ?? "").split(",").map((u) => u.trim()).filter(Boolean);
    if (paths.length === 0 && feeds.length === 0) {
      throw new TruceError("E_USAGE", "nothing to ingest: give files or folders, - for stdin, or --feed URL (see truce ingest --help)");
    }
    if (paths.length === 1 && feeds.length === 0 && paths[0] !== "-" && !existsSync(paths[0]!)) {
      throw inputError(`${paths[0]}: no such file or folder`);
    }
    const maxBytes = parseMaxBytes(args["max-bytes"]);
    const sources = await planInputs(paths, feeds, { maxBytes, fetch: { timeoutMs: parseTimeout(args.timeout), maxBytes: args["max-bytes"] ? maxBytes : DEFAULT_FETCH.maxBytes } });
    const target = resolveTarget(args.db);
    announceNewDatabase(target);
    const summary = await withStore(target, { migrate: true }, async (store) => {
      const progress = progressReporter(process.stderr, { verbose: args.verbose });
      try {
        return await ingest(sources, {
          store,
          defaults: { published: args.published, source: args.source, title: args.title, url: args.url },
          actorsFile: args.actors,
          onStart: (total) => progress.start(total),
          onItem: (result, s) => progress.item(result, s),
        });
      } finally {
        progress.stop();
      }
    });
    printSummary(summary, target, args.json === true);
    if (summary.failed > 0) {
      throw new TruceError("E_PARTIAL", `${summary.failed} of ${summary.read} items failed (listed above); the others were stored`);
    }
  },
});

// --- internal ---

function parseTimeout(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_FETCH.timeoutMs;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw inputError(`--timeout "${value}": expected a number of seconds such as 30`);
  return Math.round(seconds * 1000);
}

/** Creating the embedded database takes seconds: say so, or the first run looks hung. */
export function announceNewDatabase(target: StoreTarget): void {
  if (target.kind === "pglite" && target.dir !== undefined && !isPgliteDir(target.dir)) {
    process.stderr.write(`truce: creating the embedded database in ${target.dir} (the first time takes a few seconds)\n`);
  }
}

function printSummary(summary: IngestSummary, target: StoreTarget, json: boolean): void {
  if (json) {
    process.stdout.write(`${JSON.stringify({ database: describeTarget(target), ...summary }, null, 2)}\n`);
    return;
  }
  process.stdout.write(formatSummary(summary, describeTarget(target)));
}
