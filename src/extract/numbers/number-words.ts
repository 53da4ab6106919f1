/**
 * @module extract/numbers/number-words
 * Finds written numbers: digits ("49", "1,000", "2.5 million") and number words ("eight",
 * "thirty-two", "a dozen", "one hundred and twenty"), with their value. Says nothing about
 * whether a number is a count: that is the quantities stage's business.
 */
import { quantityLexicon, type QuantityLexicon } from "./lexicon.js";

export interface NumberToken {
  start: number;
  end: number;
  value: number;
  /** Written in words rather than digits. */
  words: boolean;
  /** A decimal fraction with no scale after it ("7.62"): never a count. */
  decimal: boolean;
  /** Digits written with a leading zero ("0730"): a time or a code. */
  leadingZero: boolean;
  /** Digits with thousands separators ("1,000"). */
  grouped: boolean;
}

/** Every number in the text, in order. Offsets index `text`. */
export function scanNumbers(text: string): NumberToken[] {
  const { pattern, lexicon } = compiled();
  const out: NumberToken[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const token = m[1] !== undefined ? digitsToken(m, lexicon) : wordsToken(m.index, m[0], lexicon);
    if (!token) continue;
    out.push(token);
    // A word sequence that is only partly a number ("two three") is scanned again after it.
    if (token.end < m.index + m[0].length) pattern.lastIndex = token.end;
  }
  return out;
}

/** The value of a whole string that is one number ("14", "fourteen", "a", "a dozen"), if it is one. */
export function numberValue(text: string): number | undefined {
  const t = text.trim();
  if (/^(a|an|one)$/i.test(t)) return 1;
  const tokens = scanNumbers(t);
  const only = tokens[0];
  if (tokens.length !== 1 || !only || only.start !== 0 || only.end !== t.length || only.decimal) return undefined;
  return only.value;
}

// --- internal ---

interface Compiled {
  pattern: RegExp;
  lexicon: QuantityLexicon;
}

let cache: Compiled | undefined;

function compiled(): Compiled {
  if (cache) return cache;
  const lexicon = quantityLexicon();
  const words = [...lexicon.units.keys(), ...lexicon.tens.keys(), ...lexicon.scales.keys(), "dozen"]
    .sort((a, b) => b.length - a.length)
    .join("|");
  const scales = [...lexicon.scales.keys()].join("|");
  const digits = String.raw`(\d{1,3}(?:,\d{3})+(?![,\d])|\d+(?:\.\d+)?)(?:\s+(${scales})\b)?`;
  const wordNumber = String.raw`(?:(?:half\s+)?an?\s+)?(?:${words})(?:(?:\s+and\s+|\s+|-)(?:${words}))*`;
  const pattern = new RegExp(String.raw`(?<![\w.,])(?:${digits}|${wordNumber})(?!\w|[.,]\d)`, "gi");
  cache = { pattern, lexicon };
  return cache;
}

function digitsToken(m: RegExpExecArray, lexicon: QuantityLexicon): NumberToken {
  const raw = m[1]!;
  const scale = m[2] ? lexicon.scales.get(m[2].toLowerCase()) ?? 1 : 1;
  const grouped = raw.includes(",");
  const base = Number(raw.replace(/,/g, ""));
  return {
    start: m.index,
    end: m.index + m[0].length,
    value: Math.round(base * scale),
    words: false,
    decimal: raw.includes(".") && !m[2],
    leadingZero: raw.length > 1 && raw.startsWith("0") && !raw.startsWith("0."),
    grouped,
  };
}

type Last = "none" | "a" | "unit" | "teen" | "tens" | "hundred" | "scale" | "and" | "dozen";

interface WordState {
  total: number;
  current: number;
  last: Last;
}

/** Reads the longest valid number at the start of a run of number words. */
function wordsToken(start: number, text: string, lexicon: QuantityLexicon): NumberToken | undefined {
  const parts = [...text.matchAll(/[a-z]+/gi)];
  const state: WordState = { total: 0, current: 0, last: "none" };
  let end = -1;
  let value = 0;
  let firstAt = 0;
  for (let i = 0; i < parts.length; i++) {
    const word = parts[i]![0].toLowerCase();
    const next = parts[i + 1]?.[0].toLowerCase();
    if (!step(state, word, next, i === 0, lexicon)) break;
    if (state.last === "a" && word === "half") continue;
    if (state.last !== "a" && state.last !== "and") {
      end = parts[i]!.index! + parts[i]![0].length;
      value = state.total + state.current;
    }
  }
  if (end < 0) {
    // "a" or "an" that no scale followed: the number, if any, starts after it.
    firstAt = parts[1]?.index ?? -1;
    return firstAt < 0 ? undefined : wordsToken(start + firstAt, text.slice(firstAt), lexicon);
  }
  return { start, end: start + end, value, words: true, decimal: false, leadingZero: false, grouped: false };
}

/** Advances the word-number state by one word; false when the word cannot continue the number. */
function step(s: WordState, word: string, next: string | undefined, first: boolean, lex: QuantityLexicon): boolean {
  if (word === "half") return first && next === "a" ? ((s.last = "a"), (s.current = 0.5), true) : false;
  if (word === "a" || word === "an") return acceptArticle(s, next, lex);
  if (word === "and") return acceptAnd(s, next, lex);
  if (word === "dozen") return acceptDozen(s, lex);
  const unit = lex.units.get(word);
  if (unit !== undefined) return acceptUnit(s, unit);
  const tens = lex.tens.get(word);
  if (tens !== undefined) return acceptTens(s, tens);
  const scale = lex.scales.get(word);
  if (scale !== undefined) return acceptScale(s, scale);
  return false;
}

function acceptArticle(s: WordState, next: string | undefined, lex: QuantityLexicon): boolean {
  if (!(s.last === "none" || (s.last === "a" && s.current === 0.5))) return false;
  if (next === undefined || !(next === "dozen" || lex.scales.has(next))) return false;
  if (s.current !== 0.5) s.current = 1;
  s.last = "a";
  return true;
}

function acceptAnd(s: WordState, next: string | undefined, lex: QuantityLexicon): boolean {
  if (s.last !== "hundred" && s.last !== "scale") return false;
  if (next === undefined || !(lex.units.has(next) || lex.tens.has(next))) return false;
  s.last = "and";
  return true;
}

function acceptDozen(s: WordState, lex: QuantityLexicon): boolean {
  if (!["none", "a", "unit", "teen", "tens"].includes(s.last)) return false;
  s.current = (s.current === 0 ? 1 : s.current) * lex.dozen;
  s.last = "dozen";
  return true;
}

function acceptUnit(s: WordState, unit: number): boolean {
  const teen = unit === 0 || unit >= 10;
  if (s.last === "tens" && !teen) {
    s.current += unit;
    s.last = "unit";
    return true;
  }
  if (!["none", "hundred", "scale", "and"].includes(s.last)) return false;
  s.current += unit;
  s.last = teen ? "teen" : "unit";
  return true;
}

function acceptTens(s: WordState, tens: number): boolean {
  if (!["none", "hundred", "scale", "and"].includes(s.last)) return false;
  s.current += tens;
  s.last = "tens";
  return true;
}

function acceptScale(s: WordState, scale: number): boolean {
  if (scale === 100) {
    if (!["a", "unit", "teen"].includes(s.last) || s.current >= 100) return false;
    s.current *= 100;
    s.last = "hundred";
    return true;
  }
  if (!["a", "unit", "teen", "tens", "hundred"].includes(s.last) || s.current === 0) return false;
  s.total += s.current * scale;
  s.current = 0;
  s.last = "scale";
  return true;
}
