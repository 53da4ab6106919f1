/**
 * @module extract/extract
 * `extract(text, options)`: the library entry point, the same function the CLI calls.
 */
import type { Extraction } from "../contract.js";
import { inputError } from "../errors.js";
import { makeDocument } from "./document.js";
import { toExtraction } from "./output.js";
import { runPipeline } from "./pipeline.js";
import { loadResources, type ResourceOptions } from "./resources.js";

export interface ExtractOptions extends ResourceOptions {
  id?: string;
  /** Publication date, YYYY-MM-DD: relative dates ("Monday", "overnight") resolve against it. */
  published?: string;
  title?: string;
  source?: string;
  url?: string;
  language?: string;
}

export function extract(text: string, options: ExtractOptions = {}): Extraction {
  if (typeof text !== "string") throw inputError("extract: text must be a string");
  if (options.published !== undefined && !isIsoDate(options.published)) {
    throw inputError(`invalid publication date "${options.published}": expected a real calendar date as YYYY-MM-DD`);
  }
  const doc = makeDocument(text, {
    id: options.id ?? "article",
    published: options.published,
    title: options.title,
    source: options.source,
    url: options.url,
    language: options.language,
  });
  const found = runPipeline(doc, loadResources(options));
  return toExtraction(doc, found);
}

/** True for a YYYY-MM-DD string naming a day that exists (no 2020-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}
