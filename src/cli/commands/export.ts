/**
 * @module cli/commands/export
 * `truce export --format acled-csv|geojson|jsonl [filters] [--out FILE] [--bom]`: every stored
 * event (or those matching the filters), streamed in constant memory.
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import type { Writable } from "node:stream";
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
import { recordOf } from "../../export/record.js";
import { EXPORT_FORMATS, writeExport, type ExportFormat } from "../../export/write.js";
import { parseEventFilter, type FilterText } from "../../store/filters.js";
import { resolveTarget, withStore } from "../../store/open.js";
import { FILTER_ARGS } from "./events.js";

export default defineCommand({
  meta: { name: "export", description: "Export stored events: ACLED-compatible CSV, GeoJSON or JSONL" },
  args: {
    format: { type: "string", description: `${EXPORT_FORMATS.join(" | ")} (default acled-csv)` },
    out: { type: "string", description: "write to this file instead of stdout" },
    bom: { type: "boolean", description: "start the CSV with a UTF-8 byte order mark (Excel then reads accents right)" },
    ...FILTER_ARGS,
  },
  async run({ args }) {
    const format = parseFormat(args.format);
    const filter = parseEventFilter(args as FilterText);
    await withStore(resolveTarget(args.db), { mustExist: true }, async (store) => {
      const out: Writable = args.out ? createWriteStream(args.out) : process.stdout;
      const opened = args.out ? openedOrFailed(out, args.out) : Promise.resolve();
      await opened;
      const records = (async function* () {
        for await (const e of store.streamEvents(filter)) yield recordOf(e);
      })();
      const n = await writeExport(format, records, out, { bom: args.bom === true });
      if (args.out) {
        out.end();
        await once(out, "finish");
        process.stderr.write(`truce: wrote ${n} event${n === 1 ? "" : "s"} to ${args.out}\n`);
      }
    });
  },
});

// --- internal ---

function parseFormat(value: string | undefined): ExportFormat {
  const f = (value ?? "acled-csv").trim().toLowerCase();
  if (!(EXPORT_FORMATS as readonly string[]).includes(f)) throw new TruceError("E_USAGE", `--format "${value}": expected one of ${EXPORT_FORMATS.join(", ")}`);
  return f as ExportFormat;
}

/** A file that cannot be created is a one-line error, not a crash. */
function openedOrFailed(out: Writable, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    out.once("open", () => resolve());
    out.once("error", (err: NodeJS.ErrnoException) => reject(new TruceError("E_INPUT", `--out ${path}: ${err.code === "ENOENT" ? "no such folder" : err.code === "EACCES" ? "permission denied" : err.message}`)));
  });
}
