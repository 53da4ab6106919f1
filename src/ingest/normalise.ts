/**
 * @module ingest/normalise
 * An article's identity is the hash of its normalised text: the same report arriving as a file,
 * a feed item and a JSONL line, with curly or straight quotes, CRLF or LF, one space or two,
 * is stored once.
 */
import { createHash } from "node:crypto";
import { normalise as foldTypography } from "../extract/document.js";

/** SHA-256 (hex) of the normalised text. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normaliseForHash(text)).digest("hex");
}

/** NFKC, typography folded to ASCII, whitespace runs to one space, trimmed. Not for display: for identity. */
export function normaliseForHash(text: string): string {
  return foldTypography(text.normalize("NFKC")).replace(/\s+/g, " ").trim();
}

/**
 * The article text as stored and extracted: a leading BOM dropped, and characters PostgreSQL
 * cannot hold (NUL, unpaired UTF-16 surrogates) replaced one for one, so offsets stay true.
 */
export function cleanText(text: string): string {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // eslint-disable-next-line no-control-regex
  return t.replace(/\u0000/g, " ").replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}
