/**
 * @module extract/numbers/quantities
 * The quantities stage: counts in the text with UCDP-style low/best/high. Digits, number words,
 * ranges ("10 to 15"), qualifiers ("at least 8") and vague words ("dozens", from the one table
 * in data/quantities.json). Years, times, ages, percentages, money, measures and codes are left
 * out rather than flagged, so every quantity reported is a candidate count.
 */
import type { Quantity } from "../annotations.js";
import type { Document } from "../document.js";
import { spanOf } from "../document.js";
import { defineStage } from "../stage.js";
import { quantityLexicon, type QualifierKind, type QuantityLexicon } from "./lexicon.js";
import { scanNumbers, type NumberToken } from "./number-words.js";
import {
  followedByNonCount,
  isPronounOne,
  looksLikeYear,
  precededByNonCount,
  touchesAfter,
  touchesBefore,
  wordBefore,
  wordsAfter,
} from "./context.js";
import { findVague } from "./vague.js";
import { qualifierAfter, qualifierBefore } from "./qualifiers.js";

export const quantitiesStage = defineStage({
  key: "quantities",
  needs: ["text"],
  run: (doc) => {
    try {
      return findQuantities(doc);
    } catch {
      return [];
    }
  },
});

/** All quantities of the document, in text order. */
export function findQuantities(doc: Pick<Document, "text" | "norm">): Quantity[] {
  const lex = quantityLexicon();
  const vague = findVague(doc, lex);
  const taken = vague.map((q) => [q.span.start, q.span.end] as const);
  const counts = findCounts(doc, scanNumbers(doc.norm), lex).filter(
    (q) => !taken.some(([s, e]) => q.span.start < e && s < q.span.end),
  );
  return [...vague, ...counts].sort((a, b) => a.span.start - b.span.start);
}

// --- internal ---

function findCounts(doc: Pick<Document, "text" | "norm">, tokens: NumberToken[], lex: QuantityLexicon): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const next = tokens[i + 1];
    const range = next ? readRange(doc, token, next, lex) : "none";
    if (range !== "none") {
      if (range !== "skip") out.push(range);
      i++;
      continue;
    }
    if (inNumberList(doc.norm, token) || isLayoutOrTime(doc.norm, token)) continue;
    const single = readSingle(doc, token, lex);
    if (single) out.push(single);
  }
  return out;
}

/**
 * "10 to 15", "10-15", "between 10 and 15", "two or three": low and best the first, high the
 * second. "skip" when the pair is a range of something else ("10 to 15 years", "six to seven a.m.").
 */
function readRange(doc: Pick<Document, "text" | "norm">, a: NumberToken, b: NumberToken, lex: QuantityLexicon): Quantity | "none" | "skip" {
  const norm = doc.norm;
  const gap = norm.slice(a.end, b.start);
  const joiner = /^\s*(to|or|and|-)\s*$/i.exec(gap)?.[1]?.toLowerCase();
  if (!joiner || b.value <= a.value || a.decimal || b.decimal || a.leadingZero || b.leadingZero) return "none";
  if (joiner === "-" && (a.words || b.words || gap.includes("\n"))) return "none";
  const lead = /\b(between|from)\s+$/i.exec(norm.slice(Math.max(0, a.start - 12), a.start));
  if (joiner === "and" && !lead) return "none";
  if (!isCountBefore(doc, a, lex) || !isCountAfter(doc, b, lex)) return "skip";
  if (isYearish(norm, a, lex) || isYearish(norm, b, lex)) return "skip";
  const start = lead ? a.start - lead[0].length : a.start;
  const qualifier = qualifierBefore(norm, start, lex);
  const from = qualifier ? qualifier.start : start;
  return {
    span: spanOf(doc, from, b.end),
    by: "quantities/range",
    low: a.value,
    best: a.value,
    high: b.value,
    ...(qualifier ? { qualifier: qualifier.text } : {}),
    vague: false,
  };
}

function readSingle(doc: Pick<Document, "text" | "norm">, token: NumberToken, lex: QuantityLexicon): Quantity | undefined {
  const norm = doc.norm;
  if (token.decimal || token.leadingZero) return undefined;
  if (!isCountBefore(doc, token, lex) || isYearish(norm, token, lex)) return undefined;
  const after = qualifierAfter(norm, token.end, lex);
  if (!after && touchesAfter(norm, token.end)) return undefined;
  if (followedByNonCount(wordsAfter(norm, after ? after.end : token.end), lex)) return undefined;
  if (isPronounOne(token, norm, wordBefore(norm, token.start), wordsAfter(norm, token.end), lex)) return undefined;
  const before = qualifierBefore(norm, token.start, lex);
  const qualifier = before ?? after;
  const start = before ? before.start : token.start;
  const end = after ? after.end : token.end;
  return {
    span: spanOf(doc, start, end),
    by: token.words ? "quantities/words" : "quantities/digits",
    ...bounds(token.value, qualifier?.kind),
    ...(qualifier ? { qualifier: qualifier.text } : {}),
    vague: false,
  };
}

/** UCDP-style bounds for a figure and its qualifier (documented in data/quantities.json). */
export function bounds(n: number, kind: QualifierKind | undefined): { low: number; best: number; high: number | null } {
  if (kind === "min") return { low: n, best: n, high: null };
  if (kind === "max") return { low: Math.min(1, n), best: n, high: n };
  return { low: n, best: n, high: n };
}

function isCountBefore(doc: Pick<Document, "norm">, token: NumberToken, lex: QuantityLexicon): boolean {
  return !touchesBefore(doc.norm, token.start, lex) && !precededByNonCount(wordBefore(doc.norm, token.start), lex);
}

function isCountAfter(doc: Pick<Document, "norm">, token: NumberToken, lex: QuantityLexicon): boolean {
  return !touchesAfter(doc.norm, token.end) && !followedByNonCount(wordsAfter(doc.norm, token.end), lex);
}

/**
 * Numbers that the layout or the words around them make something else: list markers ("2. The"),
 * an age in apposition ("Lopez, 63, was"), a clock time ("at 2100"), a day in "29 and 30 January",
 * a fraction ("2 and 1/2"), a name ("Cadena 1)").
 */
function isLayoutOrTime(norm: string, token: NumberToken): boolean {
  const before = norm.slice(Math.max(0, token.start - 40), token.start);
  const after = norm.slice(token.end, token.end + 40);
  if (/(?:^|\n)[ ]*$/.test(before) && /^[.)]/.test(after)) return true;
  if (/^\)/.test(after)) return true;
  if (!token.words && /[A-Za-z]\s*,\s*$/.test(before) && /^\s*,/.test(after) && token.value <= 120) return true;
  if (!token.words && !token.grouped && /\bat\s+$/i.test(before) && /^\d{4}$/.test(norm.slice(token.start, token.end)) && isClock(token.value)) return true;
  if (MONTH_AFTER_PAIR.test(after) || MONTH_BEFORE_PAIR.test(before)) return true;
  return /^\s+and\s+\d+\/\d/i.test(after);
}

const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_AFTER_PAIR = new RegExp(String.raw`^\s*(?:and|or|to|-|,)\s*\d{1,2}\s+${MONTH}(?![a-z])`, "i");
const MONTH_BEFORE_PAIR = new RegExp(String.raw`\b${MONTH}\s+\d{1,2}\s*(?:and|or|to|-|,)\s*$`, "i");

function isClock(v: number): boolean {
  return v < 2400 && v % 100 < 60;
}

/** "1314,1198, 1173, 1341": a list of codes, not counts. */
function inNumberList(norm: string, token: NumberToken): boolean {
  if (token.words) return false;
  const from = Math.max(0, token.start - 30);
  const window = norm.slice(from, token.end + 30);
  for (const m of window.matchAll(/\d+(?:,\s*\d+){2,}/g)) {
    const s = from + m.index;
    if (s <= token.start && token.end <= s + m[0].length && /,\s|,\d{1,2}(?!\d)|,\d{4}/.test(m[0])) return true;
  }
  return false;
}

function isYearish(norm: string, token: NumberToken, lex: QuantityLexicon): boolean {
  return looksLikeYear(token, wordBefore(norm, token.start), wordsAfter(norm, token.end), lex);
}
