/**
 * @module eval/fold
 * How the scorer compares names (data/README.md, "How the gold is meant to be read"): case,
 * accents and punctuation are folded away; places also lose words such as "province"; actors lose
 * ACLED year ranges. Places then match on whole-word containment or a one- or two-letter spelling
 * difference with the same first letter (Paktya/Paktia); actors on whole-word containment only.
 */

/** Level words that say what kind of place a name is, not which place. */
const PLACE_LEVEL_WORDS = new Set([
  "province", "provincia", "provinces", "department", "departamento", "district", "city", "town",
  "village", "municipality", "governorate", "state", "region", "county", "prefecture", "oblast",
]);

/** Words that cannot name an actor on their own ("the" is contained in many names). */
const FUNCTION_WORDS = new Set(["the", "of", "and", "a", "an", "in", "for", "de", "la", "el", "al"]);

/** "(2014-2021)", "(2017-)", "( 1989 - 1990 )": ACLED's period of an actor name. */
const YEAR_RANGE = /\(\s*\d{4}\s*[-\u2013\u2014]\s*(?:\d{4})?\s*\)/g;
const MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Lower case, no accents, punctuation to spaces: the words of a name. */
export function foldWords(name: string): string[] {
  const folded = name.normalize("NFD").replace(MARKS, "").toLowerCase().replace(NOT_WORD, " ").trim();
  return folded === "" ? [] : folded.split(" ");
}

export function placeWords(name: string): string[] {
  return foldWords(name).filter((w) => !PLACE_LEVEL_WORDS.has(w));
}

export function actorWords(name: string): string[] {
  return foldWords(name.replace(YEAR_RANGE, " "));
}

/** True when `needle` occurs in `haystack` as a run of whole words. */
export function containsWords(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > haystack.length) return false;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let j = 0;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return true;
  }
  return false;
}

/** Two place names for the same place, allowing the spelling variants transliteration produces. */
export function samePlace(a: string, b: string): boolean {
  const wa = placeWords(a);
  const wb = placeWords(b);
  if (wa.length === 0 || wb.length === 0) return false;
  if (containsWords(wa, wb) || containsWords(wb, wa)) return true;
  const sa = wa.join("");
  const sb = wb.join("");
  // Very short names two letters apart are different places (Gao/Goa), not spellings of one.
  if (sa[0] !== sb[0] || Math.min(sa.length, sb.length) < 4) return false;
  return editDistanceAtMost(sa, sb, 2);
}

export function sameCountry(a: string, b: string): boolean {
  const wa = foldWords(a).filter((w) => w !== "the");
  const wb = foldWords(b).filter((w) => w !== "the");
  return wa.length > 0 && wa.join(" ") === wb.join(" ");
}

/**
 * A predicted actor string names a gold actor when one contains the other as whole words, and
 * the contained part has at least 3 letters and is more than function words.
 */
export function sameActor(predicted: string, gold: string): boolean {
  const wp = actorWords(predicted);
  const wg = actorWords(gold);
  const [short, long] = wp.length <= wg.length ? [wp, wg] : [wg, wp];
  if (!meaningful(short)) return false;
  return containsWords(long, short);
}

// --- internal ---

function meaningful(words: readonly string[]): boolean {
  return words.join("").length >= 3 && words.some((w) => !FUNCTION_WORDS.has(w) && w.length >= 3);
}

/** Levenshtein distance ≤ max, with an early exit once every cell of a row exceeds it. */
function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    prev = row;
  }
  return prev[b.length]! <= max;
}
