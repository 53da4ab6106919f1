/**
 * @module export/write
 * Streams records in any export format to a writable (stdout, a file), respecting
 * back-pressure, so an export of millions of events runs in constant memory.
 */
import type { Writable } from "node:stream";
import { once } from "node:events";
import { acledCsvHeader, acledCsvLine } from "./acled.js";
import { GEOJSON_HEAD, GEOJSON_TAIL, toFeature } from "./geojson.js";
import { jsonlLine, toEventJson } from "./jsonl.js";
import type { ExportRecord } from "./record.js";

export const EXPORT_FORMATS = ["acled-csv", "geojson", "jsonl"] as const;
/** "json": one JSON array of the events (for `truce events --format json`). */
export type ExportFormat = (typeof EXPORT_FORMATS)[number] | "json";

export interface WriteOptions {
  bom?: boolean;
}

/** Writes every record; returns how many. */
export async function writeExport(format: ExportFormat, records: AsyncIterable<ExportRecord> | Iterable<ExportRecord>, out: Writable, options: WriteOptions = {}): Promise<number> {
  const put = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  let n = 0;
  if (format === "acled-csv") await put(acledCsvHeader({ bom: options.bom }));
  if (format === "geojson") await put(GEOJSON_HEAD);
  if (format === "json") await put("[");
  for await (const r of records) {
    if (format === "acled-csv") await put(acledCsvLine(r));
    else if (format === "geojson") await put(`${n > 0 ? ",\n" : ""}${JSON.stringify(toFeature(r))}`);
    else if (format === "json") await put(`${n > 0 ? "," : ""}\n  ${JSON.stringify(toEventJson(r), null, 2).replace(/\n/g, "\n  ")}`);
    else await put(jsonlLine(r));
    n++;
  }
  if (format === "geojson") await put(GEOJSON_TAIL);
  if (format === "json") await put(n > 0 ? "\n]\n" : "]\n");
  return n;
}
