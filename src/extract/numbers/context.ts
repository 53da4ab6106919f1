/**
 * @module extract/numbers/context
 * The words around a number, which tell a count ("49 civilians") from a time, an age, a year,
 * a sum of money, a measure or a name ("10:30", "a 50-year-old", "in 1996", "$50", "M-16").
 */
import type { QuantityLexicon } from "./lexicon.js";
import type { NumberToken } from "./number-words.js";

const MONTHS = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);

/** Words after which a four-digit number in 1800–2099 is a year even before a plural noun. */
const YEAR_LEAD = new Set(["in", "since", "of", "by", "until", "till", "from", "during", "year", "early", "late", "mid", "summer", "winter", "spring", "autumn", "fall", "before", "after", "through", "throughout", "and", "to", "or"]);

/** Words after "one" that make it a pronoun or a set phrase ("one another", "one can", "one way"). */
const ONE_SET_PHRASE = new Set(["another", "by", "way", "can", "cannot", "must", "should", "could", "would", "will", "may", "might", "day", "time"]);

const WORD = /[A-Za-z][A-Za-z.'/]*/y;

/** The word that ends right before `pos` (lower case, without a final period), if any. */
export function wordBefore(text: string, pos: number): string | undefined {
  const slice = text.slice(Math.max(0, pos - 40), pos);
  const m = /([A-Za-z][A-Za-z.']*)\s*$/.exec(slice);
  return m ? m[1]!.toLowerCase() : undefined;
}

/** The next one or two words after `pos`, lower case, skipping spaces only. */
export function wordsAfter(text: string, pos: number): string[] {
  const out: string[] = [];
  let i = pos;
  for (let n = 0; n < 2; n++) {
    while (text[i] === " " || text[i] === "\n") i++;
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (!m) break;
    out.push(m[0].toLowerCase());
    i += m[0].length;
  }
  return out;
}

/** true when the characters right before the number make it part of a code or a sum ("M-16", "$50", "#5"). */
export function touchesBefore(text: string, start: number, lex: QuantityLexicon): boolean {
  const b1 = text[start - 1] ?? " ";
  const b2 = text[start - 2] ?? " ";
  if (lex.currencySymbols.has(b1) || b1 === "#" || b1 === "/" || b1 === ":") return true;
  if (b1 === "-" && /[A-Za-z0-9]/.test(b2)) return true;
  return b1 === " " && (lex.currencySymbols.has(b2) || /\b(?:US|USD|Rs)\.?$/.test(text.slice(Math.max(0, start - 5), start - 1)));
}

/** true when the characters right after the number make it a time, a fraction or a compound ("10:30", "50%", "three-month"). */
export function touchesAfter(text: string, end: number): boolean {
  const a1 = text[end] ?? " ";
  const a2 = text[end + 1] ?? " ";
  if (a1 === "%" || a1 === "/") return true;
  if (a1 === ":" && /\d/.test(a2)) return true;
  // "a 50-year-old", "three-month", "105-mm", "ten-member": a compound word, not a count.
  return a1 === "-" && /[A-Za-z]/.test(a2) && !/^-?plus\b/i.test(text.slice(end, end + 6));
}

/** true when the words after the number make it a time, duration, percentage, sum or measure. */
export function followedByNonCount(after: readonly string[], lex: QuantityLexicon): boolean {
  const [w1, w2] = after;
  if (w1 === undefined) return false;
  const bare = w1.replace(/\.$/, "");
  if (lex.timeUnits.has(w1) || lex.timeUnits.has(bare)) return true;
  if (lex.notCountAfter.has(w1) || lex.notCountAfter.has(bare)) return true;
  if (w2 !== undefined && lex.notCountAfterPairs.has(`${bare} ${w2.replace(/\.$/, "")}`)) return true;
  return MONTHS.has(bare);
}

/** true when the word before the number names what the number identifies, or makes it a date. */
export function precededByNonCount(before: string | undefined, lex: QuantityLexicon): boolean {
  if (before === undefined) return false;
  const bare = before.replace(/\.$/, "");
  return lex.identifiers.has(before) || lex.identifiers.has(bare) || MONTHS.has(bare);
}

/** true for a four-digit number that reads as a year ("in 1996", "1989-1990", "1990."). */
export function looksLikeYear(token: NumberToken, before: string | undefined, after: readonly string[], lex: QuantityLexicon): boolean {
  if (token.words || token.grouped || token.decimal || token.value < 1800 || token.value > 2099) return false;
  if (before !== undefined && YEAR_LEAD.has(before)) return true;
  const next = after[0];
  if (next === undefined) return true;
  return !(next.endsWith("s") || lex.pluralNouns.has(next));
}

/** true for "one" used as a pronoun or in a set phrase ("no one", "the one who", "one another"). */
export function isPronounOne(token: NumberToken, text: string, before: string | undefined, after: readonly string[], lex: QuantityLexicon): boolean {
  if (!token.words || token.value !== 1 || !/^one$/i.test(text.slice(token.start, token.end))) return false;
  if (before !== undefined && lex.pronounOne.has(before)) return true;
  return after[0] !== undefined && ONE_SET_PHRASE.has(after[0].replace(/\.$/, ""));
}

