/**
 * @module extract/numbers/qualifiers
 * Qualifiers around a number: "at least 8", "up to 15", "about 50", "10 or more". Their meaning
 * for low/best/high is documented in data/quantities.json.
 */
import type { QualifierKind, QuantityLexicon } from "./lexicon.js";

export interface Qualifier {
  start: number;
  end: number;
  /** As written, lower case, single spaces. */
  text: string;
  kind: QualifierKind;
}

/** The qualifier that ends right before `pos` ("at least " before "8"), if any. */
export function qualifierBefore(norm: string, pos: number, lex: QuantityLexicon): Qualifier | undefined {
  const from = Math.max(0, pos - 40);
  const m = patterns(lex).before.exec(norm.slice(from, pos));
  if (!m) return undefined;
  const text = clean(m[1]!);
  const kind = lex.before.get(text);
  if (!kind) return undefined;
  const start = from + m.index + m[0].length - m[1]!.length - (m[0].length - m[0].trimEnd().length);
  return { start, end: start + m[1]!.length, text, kind };
}

/** The qualifier that starts right after `pos` (" or more" after "10"), if any. */
export function qualifierAfter(norm: string, pos: number, lex: QuantityLexicon): Qualifier | undefined {
  const m = patterns(lex).after.exec(norm.slice(pos, pos + 20));
  if (!m) return undefined;
  const text = m[1] ? clean(m[1]) : "plus";
  const kind = lex.after.get(text);
  if (!kind) return undefined;
  return { start: pos, end: pos + m[0].length, text, kind };
}

// --- internal ---

let cache: { before: RegExp; after: RegExp } | undefined;

function patterns(lex: QuantityLexicon): { before: RegExp; after: RegExp } {
  if (cache) return cache;
  const alt = (phrases: Iterable<string>): string =>
    [...phrases]
      .sort((a, b) => b.length - a.length)
      .map((p) => p.split(" ").map(escape).join(String.raw`\s+`))
      .join("|");
  cache = {
    before: new RegExp(String.raw`(?:^|[^\w.])(${alt(lex.before.keys())})\s+$`, "i"),
    after: new RegExp(String.raw`^(?:\s+(${alt(lex.after.keys())})|(\+)|(-plus))(?!\w)`, "i"),
  };
  return cache;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function clean(s: string): string {
  return s.toLowerCase().replace(/\s+/g, " ");
}
