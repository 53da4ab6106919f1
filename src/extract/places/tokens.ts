/**
 * @module extract/places/tokens
 * Words of a sentence as the place matcher sees them: offsets into the document, the folded
 * form, and how the word is capitalised. Upper-case wire copy ("IN SAN MIGUEL DEPARTMENT") is
 * told apart from mixed-case text per sentence, because capitals carry no signal there.
 */
import { foldWord, JOINING } from "./fold.js";

export interface Token {
  start: number;
  end: number;
  /** Folded word ("kunduz"). */
  key: string;
  /** Starts with a capital letter. */
  cap: boolean;
  /** Every letter is a capital (and there are at least two). */
  upper: boolean;
  /** The characters between the previous token and this one. */
  before: string;
}

export interface Segment {
  /** Index of the sentence in found.text.sentences (or of the fallback split). */
  index: number;
  start: number;
  end: number;
  tokens: Token[];
  /** Upper-case text: capitals are no cue and the stage relies on context words. */
  caps: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const LETTER = /\p{L}/u;

export function tokenize(norm: string, start: number, end: number): Token[] {
  const text = norm.slice(start, end);
  const tokens: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const at = m.index ?? 0;
    const first = word[0] ?? "";
    tokens.push({
      start: start + at,
      end: start + at + word.length,
      key: foldWord(word),
      cap: LETTER.test(first) && first !== first.toLowerCase(),
      upper: word.length > 1 && LETTER.test(word) && word === word.toUpperCase(),
      before: text.slice(last, at),
    });
    last = at + word.length;
  }
  return tokens;
}

/** True when the sentence is upper-case wire copy (few lower-case letters among many). */
export function isCaps(tokens: readonly Token[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    if (t.upper) upper++;
    else if (!t.cap && /[a-z]/.test(t.key)) lower++;
  }
  return upper >= 3 && lower <= upper * 0.1;
}

/** How two adjacent words join inside one name: "" (U.S., Ma'rib), " " (Lashkar Gah, Nad 'Ali), or not at all. */
export function joiner(tokens: readonly Token[], i: number): string | undefined {
  const sep = tokens[i]?.before ?? "";
  if (JOINING.test(sep)) return "";
  const bare = sep.replace(APOSTROPHES, "");
  if (!/^(?: {1,3}|\n {0,6}| ?- ?)$/.test(bare)) return undefined;
  // "St. Louis": a period before a space joins only after a short abbreviation, not across sentences.
  if (sep.includes(".") && (tokens[i - 1]?.key.length ?? 9) > 3) return undefined;
  return " ";
}

const APOSTROPHES = /['`\u00B4\u02BB\u02BC.]/g;

/** Sentences from the text stage, or a plain split when it found none. */
export function segments(norm: string, sentences: readonly { span: { start: number; end: number } }[]): { start: number; end: number }[] {
  if (sentences.length) return sentences.map((s) => ({ start: s.span.start, end: s.span.end }));
  const out: { start: number; end: number }[] = [];
  const BREAK = /[.!?]["')\]]*\s+(?=["'(\[]?[A-Z0-9])|\n\s*\n/g;
  let start = 0;
  for (const m of norm.matchAll(BREAK)) {
    // "Mr. Pizarro", "Gen. Smith", "J. Smith": a period after a short word or an initial ends no sentence.
    const before = /([A-Za-z]+)$/.exec(norm.slice(Math.max(0, (m.index ?? 0) - 6), m.index ?? 0))?.[1] ?? "";
    if (m[0].startsWith(".") && before.length > 0 && (before.length === 1 || ABBREVIATIONS.has(before.toLowerCase()))) continue;
    const end = (m.index ?? 0) + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < norm.length) out.push({ start, end: norm.length });
  return out;
}

const ABBREVIATIONS = new Set(["mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "pvt", "adm", "gov", "sen", "rep", "rev", "fr", "st", "ft", "mt", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "brig", "cmdr", "prof", "messrs"]);

/**
 * The place named by a dateline at the top of the article when the text stage gave none:
 * "KABUL, Afghanistan (Jan. 25, 2013)", "SAN SALVADOR, 3 JAN 90 --".
 */
export function datelinePlace(norm: string): { start: number; end: number } | undefined {
  const head = norm.slice(0, 400);
  const m = /(?:^|\n)[ \t]*([A-Z][A-Z'.\-]*(?: [A-Z][A-Z'.\-]*){0,4})(?=,| \(| -| \u2014|\n)/.exec(head);
  if (!m?.[1] || m[1].length < 3) return undefined;
  const start = (m.index ?? 0) + m[0].length - m[1].length;
  return { start, end: start + m[1].length };
}
