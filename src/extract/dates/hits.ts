/**
 * @module extract/dates/hits
 * What a date rule finds, before it becomes a DateMention: offsets, the days it covers (absent
 * when there is no reference to resolve it against) and how sure the text is.
 */
import type { Precision } from "../../contract.js";
import type { DateMention } from "../annotations.js";
import type { Document } from "../document.js";
import { spanOf } from "../document.js";
import { iso, type Day } from "./calendar.js";

export interface Hit {
  start: number;
  end: number;
  by: string;
  kind: DateMention["kind"];
  first?: Day;
  last?: Day;
  precision?: Precision;
  duration?: string;
  certain: boolean;
}

/** What every rule knows while resolving: the reference day and whether a position is future. */
export interface Resolve {
  ref: Day | undefined;
  future(pos: number): boolean;
}

/** Precision of a period from its length: a day, within a week, within a month (or longer). */
export function precisionOf(first: Day, last: Day): Precision {
  const days = last - first;
  if (days <= 0) return 1;
  return days <= 7 ? 2 : 3;
}

/** A hit for the days first…last (a single day when they are equal). */
export function daysHit(start: number, end: number, by: string, first: Day | undefined, last: Day | undefined, certain: boolean, precision?: Precision, kind?: DateMention["kind"]): Hit {
  const hit: Hit = { start, end, by, kind: kind ?? (first !== undefined && first === last ? "date" : "range"), certain };
  if (first !== undefined && last !== undefined) {
    hit.first = Math.min(first, last);
    hit.last = Math.max(first, last);
    hit.precision = precision ?? precisionOf(hit.first, hit.last);
  } else if (precision !== undefined) {
    hit.precision = precision;
  }
  return hit;
}

export function toMention(doc: Pick<Document, "text">, hit: Hit): DateMention {
  const mention: DateMention = { span: spanOf(doc, hit.start, hit.end), by: hit.by, kind: hit.kind, certain: hit.certain };
  if (hit.first !== undefined && hit.last !== undefined) {
    mention.start = iso(hit.first);
    mention.end = iso(hit.last);
  }
  if (hit.precision !== undefined) mention.precision = hit.precision;
  if (hit.duration !== undefined) mention.duration = hit.duration;
  return mention;
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}
