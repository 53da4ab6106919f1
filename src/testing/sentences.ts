/** Test helper: sentence ranges of a text from the real text stage, for stages tested alone. */
import { makeDocument } from "../extract/document.js";
import { splitSentences } from "../extract/text/sentences.js";
import type { SentenceRange } from "../extract/triggers/scan.js";

export function sentenceRanges(text: string): SentenceRange[] {
  return splitSentences(makeDocument(text, { id: "test" })).map((s) => ({ index: s.index, start: s.span.start, end: s.span.end }));
}
