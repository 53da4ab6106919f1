/**
 * @module export/jsonl
 * JSON Lines: one full v1 event per line, with the optional fields a stored event adds
 * (`article`, and `ref`/`status` from the store), so each line stands on its own.
 */
import type { ArticleMeta, ConflictEvent } from "../contract.js";
import type { EventStatus } from "../store/store.js";
import type { ExportRecord } from "./record.js";

export type EventJson = ConflictEvent & { article: ArticleMeta; ref?: number; status?: EventStatus };

export function toEventJson(record: ExportRecord): EventJson {
  return {
    ...record.event,
    article: record.article,
    ...(record.ref !== undefined && { ref: record.ref }),
    ...(record.status !== undefined && { status: record.status }),
  };
}

export function jsonlLine(record: ExportRecord): string {
  return `${JSON.stringify(toEventJson(record))}\n`;
}

export function toJsonl(records: Iterable<ExportRecord>): string {
  let out = "";
  for (const r of records) out += jsonlLine(r);
  return out;
}
