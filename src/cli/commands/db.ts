/**
 * @module cli/commands/db
 * `truce db migrate` brings the schema up to date; `truce db status` says where the data is,
 * which schema version it has and how much it holds.
 */
import { defineCommand } from "citty";
import { resolveTarget, withStore } from "../../store/open.js";
import type { StoreStatus } from "../../store/store.js";
import { announceNewDatabase } from "./ingest.js";
import { DB_ARG } from "../args.js";


const migrate = defineCommand({
  meta: { name: "migrate", description: "Create the database or bring its schema up to date" },
  args: { db: DB_ARG },
  async run({ args }) {
    const target = resolveTarget(args.db);
    announceNewDatabase(target);
    await withStore(target, {}, async (store) => {
      const applied = await store.migrate();
      const status = await store.status();
      process.stdout.write(
        applied.length > 0
          ? `${store.location}: applied ${applied.join(", ")}; schema version ${status.schemaVersion}\n`
          : `${store.location}: schema up to date (version ${status.schemaVersion})\n`,
      );
    });
  },
});

const status = defineCommand({
  meta: { name: "status", description: "Schema version, pending migrations and what the database holds" },
  args: { db: DB_ARG, json: { type: "boolean", description: "as JSON" } },
  async run({ args }) {
    await withStore(resolveTarget(args.db), { mustExist: true }, async (store) => {
      const s = await store.status();
      process.stdout.write(args.json ? `${JSON.stringify(s, null, 2)}\n` : formatStatus(s));
    });
  },
});

export default defineCommand({
  meta: { name: "db", description: "Database schema and status (migrate | status)" },
  subCommands: { migrate, status },
});

// --- internal ---

function formatStatus(s: StoreStatus): string {
  const lines = [
    `database   ${s.location} (${s.backend === "pglite" ? "embedded PGlite" : "PostgreSQL"})`,
    `schema     version ${s.schemaVersion}${s.pending.length > 0 ? `, pending: ${s.pending.join(", ")} (run truce db migrate)` : " (up to date)"}`,
  ];
  if (s.sizeBytes !== null) lines.push(`size       ${(s.sizeBytes / 1024 / 1024).toFixed(1)} MB`);
  if (s.counts) {
    const c = s.counts;
    lines.push(
      `articles   ${c.articles} (${c.extracted} extracted, ${c.notExtracted} not extracted)`,
      `events     ${c.events}`,
      `tallies    ${c.tallies}`,
      `statements ${c.statements}`,
      `agreements ${c.agreements}`,
      `reviews    ${c.reviews}${c.conflicts > 0 ? ` (${c.conflicts} conflicts with newer pipelines)` : ""}`,
    );
  }
  if (s.pipelineVersions.length > 0) lines.push(`pipeline   ${s.pipelineVersions.map((p) => `${p.version}: ${p.articles} articles`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
