/**
 * @module extract/actors/tokens
 * Word tokens for phrase matching. A token is a run of letters and digits; what lies between
 * two tokens decides whether a phrase may run across it: a space, a hyphen or an apostrophe
 * may ("al-Shabaab", "Workers' Party", "Nepal (Maoist)"), a period only after a single letter ("U.S. forces"),
 * anything else (a comma, a sentence end) may not.
 */

export interface Token {
  start: number;
  end: number;
  /** The token as written (from the folded text). */
  raw: string;
  lower: string;
  /** The phrase may continue from the previous token to this one. */
  joined: boolean;
  /** Only spaces separate it from the previous token. */
  spaced: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const JOIN_GAP = /^(?:'?\s{1,2}|\s?-\s?|'|\.-|\s\()$/;
const DOT_GAP = /^\.(?:\s{1,2}|-)?$/;

/** The tokens of `text` between start and end (offsets into `text`). */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(slice)) !== null) {
    const s = start + m.index;
    const prev = out[out.length - 1];
    const gap = prev ? text.slice(prev.end, s) : "";
    out.push({
      start: s,
      end: s + m[0].length,
      raw: m[0],
      lower: m[0].toLowerCase(),
      joined: prev !== undefined && joins(gap, prev.raw),
      spaced: prev !== undefined && /^ {1,2}$|^\s$/.test(gap),
    });
  }
  return out;
}

/** Splits a phrase from a data file the way the text is split: lower-cased words. */
export function phraseWords(phrase: string): string[] {
  return (phrase.match(WORD) ?? []).map((w) => w.toLowerCase());
}

/** The words of a phrase as written, to check their case against the text. */
export function phraseRaw(phrase: string): string[] {
  return phrase.match(WORD) ?? [];
}

/** Upper-case copy (wire services, MUC): case says nothing about names there. */
export function isCapsText(tokens: readonly Token[]): boolean {
  let upper = 0;
  let lower = 0;
  for (const t of tokens) {
    for (const c of t.raw) {
      if (c >= "a" && c <= "z") lower++;
      else if (c >= "A" && c <= "Z") upper++;
    }
  }
  return upper >= 8 && lower <= upper * 0.1;
}

export function isCapitalised(raw: string): boolean {
  const c = raw[0] ?? "";
  return c !== c.toLowerCase();
}

// --- internal ---

function joins(gap: string, prev: string): boolean {
  if (JOIN_GAP.test(gap)) return true;
  // "U.S. forces", "U.N.-backed": a period ends an initial, not the sentence.
  return DOT_GAP.test(gap) && prev.length === 1;
}
