/**
 * @module eval/gold-lite
 * Reads gold-lite JSONL (shared/data/README.md) one line at a time, so a large file is never
 * held whole; each line becomes a `GoldDoc` or a problem naming the file and line.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { firstIssue, GoldLiteLine, type GoldLiteEvent } from "./schemas.js";
import type { GoldDoc, GoldEvent } from "./types.js";

export interface LoadProblem {
  problem: string;
}

export async function* readGoldLite(path: string): AsyncGenerator<GoldDoc | LoadProblem> {
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    yield parseGoldLiteLine(line, `${path}:${lineNo}`);
  }
}

export function parseGoldLiteLine(line: string, where: string): GoldDoc | LoadProblem {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return { problem: `${where}: invalid JSON (${(err as Error).message})` };
  }
  const parsed = GoldLiteLine.safeParse(raw);
  if (!parsed.success) return { problem: `${where}: not a gold-lite document: ${firstIssue(parsed.error)}` };
  return goldLiteDoc(parsed.data, where);
}

export function goldLiteDoc(line: GoldLiteLine, where: string): GoldDoc {
  const label = line.gold.labels?.case_label;
  return {
    id: line.id,
    dataset: line.dataset ?? line.id.split("/")[0] ?? "",
    text: line.text,
    published: line.published ?? null,
    title: line.title ?? null,
    source: null,
    relevant: line.gold.relevant,
    events: line.gold.events.map(goldLiteEvent),
    ...(label !== undefined && { label }),
    where,
  };
}

// --- internal ---

function goldLiteEvent(e: GoldLiteEvent): GoldEvent {
  return {
    type: e.type ?? null,
    subType: e.subType ?? null,
    date: e.date ? { start: e.date.start ?? null, end: e.date.end } : null,
    location: e.location
      ? { country: e.location.country ?? null, admin1: e.location.admin1 ?? null, names: e.location.names ?? [] }
      : null,
    actors: (e.actors ?? []).flatMap((a) => {
      const match = a.match.filter((m) => m.trim() !== "");
      // An actor without a role is not annotated; one without strings cannot be checked.
      return a.role && match.length > 0 ? [{ role: a.role, match }] : [];
    }),
    fatalities: e.fatalities?.best ?? null,
    injuries: e.injuries?.best ?? null,
    optional: e.optional ?? false,
  };
}
