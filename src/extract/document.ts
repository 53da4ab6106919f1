/**
 * @module extract/document
 * The article as the stages see it. `norm` is the text with typographic quotes, dashes and
 * odd spaces folded to ASCII one code unit for one code unit, so that rules match one spelling
 * while every offset found in `norm` is also an offset in `text`.
 */
import type { Span } from "../contract.js";

export interface Document {
  id: string;
  /** The article exactly as given: spans index into it. */
  text: string;
  /** Same length as `text`; quotes, dashes and spaces folded. */
  norm: string;
  /** YYYY-MM-DD given by the caller, if any. */
  published?: string;
  title?: string;
  source?: string;
  url?: string;
  language: string;
}

const FOLD: Record<string, string> = {
  "\u2018": "'", "\u2019": "'", "\u201A": "'", "\u201B": "'", "\u2032": "'",
  "\u201C": '"', "\u201D": '"', "\u201E": '"', "\u201F": '"', "\u2033": '"', "\u00AB": '"', "\u00BB": '"',
  "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-", "\u2010": "-", "\u2011": "-",
  "\u00A0": " ", "\u2007": " ", "\u202F": " ", "\u2009": " ", "\u200A": " ", "\u2002": " ", "\u2003": " ",
  "\u2028": "\n", "\u2029": "\n", "\t": " ", "\r": " ", "\f": " ", "\v": " ", "\u0000": " ",
};

const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join("")}]`, "g");

/** Folds typography to ASCII without changing the length, so offsets survive. */
export function normalise(text: string): string {
  // one regex pass: building the string a character at a time makes a rope ~32 bytes a character
  return text.replace(FOLD_RE, (c) => FOLD[c] ?? c);
}

export function makeDocument(text: string, meta: Omit<Document, "text" | "norm" | "language"> & { language?: string }): Document {
  return { ...meta, text, norm: normalise(text), language: meta.language ?? "en" };
}

/** The span of `text` from start to end, with the covered text. */
export function spanOf(doc: Pick<Document, "text">, start: number, end: number): Span {
  return { start, end, text: doc.text.slice(start, end) };
}
