/**
 * @module extract/text/sentences
 * Sentence boundaries and the dateline. Works on the folded text (`doc.norm`), so spans are
 * offsets into the original. Handles abbreviations ("Col.", "U.S.", "Jan."), quotations that
 * hold several sentences, hard-wrapped wire copy (MUC lines end mid-sentence) and header lines.
 */
import type { Dateline, Sentence, TextAnnotations } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import { defineStage } from "../stage.js";
import { ABBREVIATIONS } from "./abbreviations.js";

export const textStage = defineStage({
  key: "text",
  needs: [],
  run: (doc): TextAnnotations => {
    const sentences = splitSentences(doc);
    const dateline = findDateline(doc);
    return dateline ? { sentences, dateline } : { sentences };
  },
});

/** Words that start a new sentence after an ambiguous period ("… the U.S. The Taliban …"). */
const SENTENCE_STARTERS = new Set([
  "the", "a", "an", "but", "and", "in", "on", "at", "he", "she", "it", "they", "we", "i", "this", "that",
  "these", "those", "there", "his", "her", "their", "its", "after", "before", "meanwhile", "however",
  "officials", "police", "witnesses", "according", "some", "no", "one", "two", "three",
]);

/** A hard-wrapped line is long; a short line without final punctuation is a heading or header. */
const WRAP_MIN = 55;

export function splitSentences(doc: Document): Sentence[] {
  const text = doc.norm;
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);
  const push = (end: number, by: string): void => {
    let e = end;
    while (e > start && /\s/.test(text[e - 1]!)) e--;
    if (e > start) sentences.push({ index: sentences.length, span: spanOf(doc, start, e), by });
    start = skipSpace(text, end);
  };
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      if (isParagraphBreak(text, i)) push(i, "text/line-break");
      continue;
    }
    if (c !== "." && c !== "!" && c !== "?") continue;
    let j = i + 1;
    while (j < text.length && /[.!?"')\]]/.test(text[j]!)) j++;
    if (j < text.length && !/\s/.test(text[j]!)) continue;
    const next = skipSpace(text, j);
    if (next >= text.length) break;
    if (c === "." && !endsSentence(text, i, next)) continue;
    if (!/["'(\[A-Z0-9]/.test(text[next]!)) continue;
    push(j, "text/punctuation");
    i = start - 1;
  }
  if (start < text.length) push(text.length, "text/end");
  return sentences;
}

/** The dateline at the top of a report: "KABUL, Afghanistan —", "SAN SALVADOR, 3 JAN 90 (RADIO …) --". */
export function findDateline(doc: Document): Dateline | undefined {
  const head = doc.norm.slice(0, 600);
  const m = DATELINE.exec(head);
  if (!m || m.index === undefined) return undefined;
  const placeStart = m.index + m[1]!.length;
  const place = m[2]!;
  return {
    span: spanOf(doc, placeStart, m.index + m[0].replace(/\s+$/, "").length),
    place: spanOf(doc, placeStart, placeStart + place.length),
    by: "text/dateline",
  };
}

// --- internal ---

// A line start, an upper-case place, optionally ", Country" or ", 3 JAN 90", optionally
// "(AP)" or "(Jan. 25, 2013)", then a dash or the end of the line.
const DATELINE =
  /(^|\n)[ \t]*([A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3})((?:, ?[A-Za-z0-9][A-Za-z0-9 .']{0,30}){0,2})(?: ?\([^()\n]{1,60}\))?(?: ?-{1,2} ?| ?:|[ \t]*(?=\n))/;

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function isParagraphBreak(text: string, i: number): boolean {
  const line = text.slice(text.lastIndexOf("\n", i - 1) + 1, i).trimEnd();
  if (line.length === 0) return false;
  const nextLine = text.slice(i + 1, i + 3);
  if (/^\s*\n/.test(nextLine) || nextLine.startsWith("\n")) return true; // blank line
  if (/^\s{2,}/.test(text.slice(i + 1, i + 4))) return true; // indented paragraph (wire copy)
  if (/[.!?:"']$/.test(line)) return true;
  return line.length < WRAP_MIN && !/[,;-]$/.test(line);
}

/** Whether the period at `i` ends the sentence, given the next word starts at `next`. */
function endsSentence(text: string, i: number, next: number): boolean {
  const wordStart = lastWordStart(text, i);
  const word = text.slice(wordStart, i).toLowerCase();
  const nextWord = /^[A-Za-z']+/.exec(text.slice(next, next + 20))?.[0]?.toLowerCase() ?? "";
  if (/^\d+$/.test(word) && /^\d/.test(text[next] ?? "")) return true;
  if (ABBREVIATIONS.has(word)) return isInitialism(word) && SENTENCE_STARTERS.has(nextWord);
  // Initials and initialisms: "U.S.", "Abdul G. Baradar", "U.N."
  if (/^[a-z]$/.test(word) || isInitialism(word)) return SENTENCE_STARTERS.has(nextWord) && /^[a-z]$/.test(word) === false;
  return true;
}

function isInitialism(word: string): boolean {
  return /^(?:[a-z]\.)+[a-z]$/.test(word);
}

function lastWordStart(text: string, i: number): number {
  let k = i;
  while (k > 0 && /[A-Za-z'.-]/.test(text[k - 1]!)) k--;
  return k;
}
