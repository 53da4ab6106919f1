/**
 * @module extract/dates/reference
 * The date relative expressions resolve against: the publication date the caller gave, else a
 * full date in the dateline near the top ("SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) --",
 * "KABUL, Afghanistan (Jan. 25, 2013)", "ISAF Joint Command Operational Update, Jan. 10, 2011").
 */
import * as chrono from "chrono-node";
import type { Dateline } from "../annotations.js";
import type { Document } from "../document.js";
import { dayOf, parseIso, type Day } from "./calendar.js";

export interface Reference {
  day: Day;
  from: "published" | "dateline";
  /** Where the dateline's date is written, when the reference came from the text. */
  at?: { start: number; end: number };
}

/** How far into the text a dateline may start. */
const HEAD = 300;

export function findReference(doc: Pick<Document, "norm" | "published">, dateline: Dateline | undefined): Reference | undefined {
  const published = parseIso(doc.published);
  if (published !== undefined) return { day: published, from: "published" };
  const given = parseIso(dateline?.date);
  if (given !== undefined) return { day: given, from: "dateline", ...(dateline ? { at: dateline.span } : {}) };
  const end = Math.max(HEAD, dateline ? Math.min(dateline.span.end, 1000) : 0);
  return datelineIn(doc.norm.slice(0, end));
}

// --- internal ---

/** Text before a dateline's date on its line: a place or a title, no sentence yet. */
const BEFORE = /(?:^|\n)[ \t]*(?:[^.!?\n]{0,100}?(?:[,(]|--)[ \t]*)?$/;
/** What follows a dateline's date: a bracket, a dash, a line end, a slash (wire style "/EFE/"). */
const AFTER = /^[ \t]*(?:\(|\)|\[|--|-|\u2014|:|\/|\n|$)/;
/** A short title line that ends with the date ("… Operational Update March 10, 2011"), not a sentence ("… on April 25, 2017"). */
const TITLE_BEFORE = /(?:^|\n)[^.!?\n]{0,100}$/;
const TITLE_NOT = /\b(?:on|in|since|by|until|from|of|at|before|after)\s+$/i;
const TITLE_AFTER = /^[ \t]*(?:\n|$)/;

function datelineIn(head: string): Reference | undefined {
  let results: chrono.ParsedResult[];
  try {
    results = chrono.strict.parse(head, new Date(2000, 0, 1, 12));
  } catch {
    return undefined;
  }
  for (const r of results) {
    const c = r.start;
    if (!c.isCertain("day") || !c.isCertain("month") || !c.isCertain("year")) continue;
    const day = dayOf(c.get("year")!, c.get("month")!, c.get("day")!);
    if (day === undefined) continue;
    const end = r.index + r.text.length;
    const before = head.slice(0, r.index);
    const after = head.slice(end);
    const title = TITLE_BEFORE.test(before) && !TITLE_NOT.test(before) && TITLE_AFTER.test(after);
    const dateline = (BEFORE.test(before) && AFTER.test(after)) || title;
    if (dateline) return { day, from: "dateline", at: { start: r.index, end } };
  }
  return undefined;
}
