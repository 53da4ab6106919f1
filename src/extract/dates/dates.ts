/**
 * @module extract/dates/dates
 * The dates stage: every date, period and duration the text mentions, resolved against the
 * reference date (the publication date, else the dateline's). Our own rules run first
 * (periods.ts: "overnight", "over the past 24 hours", "within 14 months", "since 1996"); chrono
 * then reads the rest of the text with those spans blanked (chrono-dates.ts). Without a
 * reference, relative expressions are kept unresolved (no start/end); absolute dates still are.
 */
import type { DateAnnotations, DateMention } from "../annotations.js";
import type { Document } from "../document.js";
import { defineStage, type Found } from "../stage.js";
import { iso } from "./calendar.js";
import { chronoHits } from "./chrono-dates.js";
import { isFuture, SentenceStarts } from "./future.js";
import { overlaps, toMention, type Hit } from "./hits.js";
import { dateLexicon } from "./lexicon.js";
import { periodHits } from "./periods.js";
import { findReference, type Reference } from "./reference.js";

export const datesStage = defineStage({
  key: "dates",
  needs: ["text"],
  run: (doc, found) => {
    try {
      return findDates(doc, found);
    } catch {
      return { mentions: [] };
    }
  },
});

export function findDates(doc: Pick<Document, "text" | "norm" | "published">, found: Found = {}): DateAnnotations {
  const reference = findReference(doc, found.text?.dateline);
  const sentences = new SentenceStarts(doc.norm, found.text?.sentences);
  const resolve = { ref: reference?.day, future: (pos: number) => isFuture(doc.norm, pos, sentences) };
  const own = periodHits(doc.norm, resolve);
  const fromChrono = chronoHits(maskFor(doc.norm, own), { ...resolve, caps: isCapitals(doc.text), norm: doc.norm, text: doc.text });
  const hits = [...own, ...fromChrono.filter((h) => !own.some((o) => overlaps(o, h)))].sort((a, b) => a.start - b.start);
  const mentions = hits.map((h) => toMention(doc, markDateline(h, reference)));
  return { ...referenceFields(reference), mentions: mentions.filter(isSound) };
}

// --- internal ---

/** The text with our own rules' spans and chrono-confusing lead words blanked, offsets unchanged. */
function maskFor(norm: string, hits: readonly Hit[]): string {
  let masked = norm.replace(dateLexicon().mask, (m) => " ".repeat(m.length));
  for (const h of hits) masked = masked.slice(0, h.start) + " ".repeat(h.end - h.start) + masked.slice(h.end);
  return masked;
}

/** Wire copy in capitals: mostly upper-case letters. */
function isCapitals(text: string): boolean {
  const sample = text.slice(0, 2000);
  const lower = sample.replace(/[^a-z]/g, "").length;
  const upper = sample.replace(/[^A-Z]/g, "").length;
  return upper > 0 && lower < upper * 0.05;
}

/** The date in the dateline is the reference itself, not something the article reports. */
function markDateline(hit: Hit, reference: Reference | undefined): Hit {
  const at = reference?.at;
  return at && overlaps(hit, at) ? { ...hit, by: "dates/dateline" } : hit;
}

function referenceFields(reference: Reference | undefined): Pick<DateAnnotations, "reference" | "referenceFrom"> {
  return reference ? { reference: iso(reference.day), referenceFrom: reference.from } : {};
}

/** A last guard: start on or before end, both real dates (they are built from day numbers). */
function isSound(m: DateMention): boolean {
  if (m.start === undefined || m.end === undefined) return m.start === m.end;
  return m.start <= m.end;
}
