/**
 * @module cli/commands/events
 * `truce events [filters] [--format table|csv|json|jsonl]`: what is stored, filtered by
 * country, dates, type, actor, admin1 or bounding box.
 */
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
import { recordOf } from "../../export/record.js";
import { writeExport } from "../../export/write.js";
import { parseEventFilter, type FilterText } from "../../store/filters.js";
import { resolveTarget, withStore } from "../../store/open.js";
import type { EventFilter, Store, StoredEvent } from "../../store/store.js";
import { DB_ARG } from "../args.js";

const FORMATS = ["table", "csv", "json", "jsonl"] as const;
type Format = (typeof FORMATS)[number];

/** The filter options, shared with `truce export`. */
export const FILTER_ARGS = {
  country: { type: "string", description: "ISO 3166 alpha-3 code (AFG) or country name" },
  admin1: { type: "string", description: "first-level division (province, state)" },
  from: { type: "string", description: "events starting on or after YYYY-MM-DD" },
  to: { type: "string", description: "events starting on or before YYYY-MM-DD" },
  type: { type: "string", description: "ACLED event type (\"Battles\")" },
  "sub-type": { type: "string", description: "ACLED sub-event type (\"Air/drone strike\")" },
  actor: { type: "string", description: "part of an actor's name, any role" },
  bbox: { type: "string", description: "minLon,minLat,maxLon,maxLat" },
  limit: { type: "string", description: "at most this many events" },
  "include-rejected": { type: "boolean", description: "also events a reviewer rejected" },
  db: DB_ARG,
} as const;

/** Rows shown by the table format when no --limit is given. */
const TABLE_LIMIT = 50;

export default defineCommand({
  meta: { name: "events", description: "List stored events (table on a terminal, else JSONL)" },
  args: {
    ...FILTER_ARGS,
    format: { type: "string", description: "table | csv (ACLED columns) | json | jsonl (default: table on a terminal, else jsonl)" },
  },
  async run({ args }) {
    const format = parseFormat(args.format);
    const filter = parseEventFilter(args as FilterText);
    await withStore(resolveTarget(args.db), { mustExist: true }, async (store) => {
      if (format === "table") await printTable(store, filter);
      else await writeExport(format === "csv" ? "acled-csv" : format, records(store, filter), process.stdout);
    });
  },
});

// --- internal ---

function parseFormat(value: string | undefined): Format {
  if (value === undefined) return process.stdout.isTTY ? "table" : "jsonl";
  const f = value.trim().toLowerCase();
  if (!(FORMATS as readonly string[]).includes(f)) throw new TruceError("E_USAGE", `--format "${value}": expected one of ${FORMATS.join(", ")}`);
  return f as Format;
}

async function* records(store: Store, filter: EventFilter) {
  for await (const e of store.streamEvents(filter)) yield recordOf(e);
}

async function printTable(store: Store, filter: EventFilter): Promise<void> {
  const limit = filter.limit ?? TABLE_LIMIT;
  const [events, total] = await Promise.all([store.events({ ...filter, limit }), filter.limit === undefined ? store.countEvents(filter) : Promise.resolve(-1)]);
  if (events.length === 0) {
    process.stdout.write("No events match.\n");
    return;
  }
  process.stdout.write(table(events, process.stdout.columns || 120));
  if (total > events.length) process.stdout.write(`(${events.length} of ${total} events shown; use --limit N, or --format csv|jsonl for all)\n`);
}

function table(events: StoredEvent[], width: number): string {
  const rows = events.map((s) => {
    const e = s.event;
    const a1 = e.actors.find((a) => a.role === "actor1")?.name ?? "";
    const a2 = e.actors.find((a) => a.role === "actor2")?.name;
    const where = e.location ? [e.location.name, e.location.admin1, e.location.iso3].filter((x, i, all) => x && all.indexOf(x) === i).join(", ") : "";
    return [String(s.id), e.date.start, e.subType, where, a2 ? `${a1} vs ${a2}` : a1, e.fatalities ? String(e.fatalities.best) : "-", s.status === "machine" ? "" : s.status];
  });
  const head = ["ID", "DATE", "TYPE", "WHERE", "ACTORS", "KILLED", "REVIEW"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  // Shrink the two free-text columns until the table fits the terminal.
  const fixed = widths.reduce((n, w, i) => (i === 3 || i === 4 ? n : n + w), 0) + 2 * (head.length - 1);
  const room = Math.max(20, width - fixed);
  if (widths[3]! + widths[4]! > room) {
    widths[3] = Math.max(5, Math.min(widths[3]!, Math.floor(room * 0.4)));
    widths[4] = Math.max(6, room - widths[3]!);
  }
  const fit = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
  const line = (cells: string[]) => `${cells.map((c, i) => (i === 5 ? c.padStart(widths[i]!) : fit(c, widths[i]!))).join("  ").trimEnd()}\n`;
  return line(head) + rows.map(line).join("");
}
