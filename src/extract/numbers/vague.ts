/**
 * @module extract/numbers/vague
 * Vague quantities ("dozens", "several", "tens of thousands") from the one table in
 * data/quantities.json. A vague word is a minimum: low = best = its value, high = null.
 */
import type { Quantity } from "../annotations.js";
import type { Document } from "../document.js";
import { spanOf } from "../document.js";
import type { QuantityLexicon, VagueEntry } from "./lexicon.js";
import { followedByNonCount, wordsAfter } from "./context.js";
import { qualifierBefore } from "./qualifiers.js";

/** Words ending in -s that are not plural nouns, so "some is" or "some has" is no quantity. */
const NOT_PLURAL = new Set(["is", "was", "has", "this", "us", "its", "as", "his", "thus", "yes", "does", "less", "across", "unless", "always", "perhaps", "towards", "afterwards"]);

export function findVague(doc: Pick<Document, "text" | "norm">, lex: QuantityLexicon): Quantity[] {
  const out: Quantity[] = [];
  const pattern = vaguePattern(lex);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(doc.norm); m; m = pattern.exec(doc.norm)) {
    const entry = lex.vague.get(m[1]!.toLowerCase().replace(/\s+/g, " "));
    if (!entry || entry.best === null) continue;
    const q = readVague(doc, m.index, m.index + m[0].length, entry, lex);
    if (!q) continue;
    out.push(q);
    // "tens of thousands" is one quantity: "thousands" is not read again.
    pattern.lastIndex = Math.max(pattern.lastIndex, q.span.end);
  }
  return out;
}

// --- internal ---

let cache: RegExp | undefined;

function vaguePattern(lex: QuantityLexicon): RegExp {
  cache ??= new RegExp(
    String.raw`\b(${[...lex.vague.keys()]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.split(" ").join(String.raw`\s+`))
      .join("|")})\b`,
    "gi",
  );
  return cache;
}

function readVague(doc: Pick<Document, "text" | "norm">, start: number, end: number, entry: VagueEntry, lex: QuantityLexicon): Quantity | undefined {
  const norm = doc.norm;
  const next = wordsAfter(norm, end);
  if (!satisfies(entry, next, lex)) return undefined;
  const scaled = applyScales(norm, end, entry.best!, lex);
  const after = wordsAfter(norm, scaled.end);
  if (followedByNonCount(after, lex)) return undefined;
  if (after[0] === "of" && followedByNonCount(wordsAfter(norm, norm.indexOf("of", scaled.end) + 2), lex)) return undefined;
  const qualifier = qualifierBefore(norm, start, lex);
  return {
    span: spanOf(doc, qualifier ? qualifier.start : start, scaled.end),
    by: "quantities/vague",
    low: scaled.value,
    best: scaled.value,
    high: null,
    ...(qualifier ? { qualifier: qualifier.text } : {}),
    vague: true,
  };
}

/** Whether what follows lets the word be a quantity (see `needs` in the data file). */
function satisfies(entry: VagueEntry, next: readonly string[], lex: QuantityLexicon): boolean {
  const word = next[0];
  if (word !== undefined && (lex.units.has(word) || lex.tens.has(word))) return false;
  switch (entry.needs) {
    case "of":
      return word === "of";
    case "word":
      return word !== undefined;
    case "plural":
      return word !== undefined && (word === "of" || lex.pluralNouns.has(word) || isPluralLooking(word));
    default:
      return true;
  }
}

function isPluralLooking(word: string): boolean {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !NOT_PLURAL.has(word);
}

/** "several hundred" → ×100, "tens of thousands" → ×1000, "a few dozen" → ×12. */
function applyScales(norm: string, end: number, value: number, lex: QuantityLexicon): { value: number; end: number } {
  let v = value;
  let e = end;
  for (;;) {
    const m = /^\s+(?:of\s+)?([a-z]+)\b/i.exec(norm.slice(e, e + 30));
    if (!m) break;
    const word = m[1]!.toLowerCase();
    const hasOf = /\bof\b/i.test(m[0]);
    const singular = hasOf ? (word.endsWith("s") ? word.slice(0, -1) : "") : word;
    const scale = singular === "dozen" ? lex.dozen : lex.scales.get(singular);
    if (scale === undefined || (hasOf && !word.endsWith("s")) || (!hasOf && word.endsWith("s"))) break;
    v *= scale;
    e += m[0].length;
  }
  return { value: v, end: e };
}
