/**
 * @module extract/places/fold
 * The one spelling place names are compared in: case, accents and punctuation folded. It must
 * agree with `fold` in scripts/build-gazetteer.mjs, which folded every key of the data file;
 * fold.test.ts checks that the two agree.
 */

const LETTERS: Record<string, string> = {
  ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", đ: "d", Đ: "D", ł: "l", Ł: "L", ı: "i",
  þ: "th", Þ: "TH", ð: "d", Ð: "D", ħ: "h", Ħ: "H", ŧ: "t", ŉ: "n",
};
const SPECIAL = /[ßæÆœŒøØđĐłŁıþÞðÐħĦŧŉ]/g;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF\u0060\u00B4.]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const PLAIN = /^[a-z0-9]*$/;

/** "Deir ez-Zor" → "deir ez zor", "U.S." → "us", "Lashkar Gāh" → "lashkar gah". */
export function fold(s: string): string {
  return s
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(MARKS, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(NON_ALNUM, " ")
    .trim();
}

/** Folds one word (a run of letters and digits); plain ASCII words skip the Unicode work. */
export function foldWord(word: string): string {
  const lower = word.toLowerCase();
  return PLAIN.test(lower) ? lower : fold(word).replace(/ /g, "");
}

/** Characters that vanish between two words when folding ("U.S.", "Ma'rib"). */
export const JOINING = /^['\u2018\u2019\u02BB\u02BC`\u00B4.]$/;
