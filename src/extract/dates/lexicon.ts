/**
 * @module extract/dates/lexicon
 * Loads data/dates-en.json: the cues that make a date refer to the future, and the lead words
 * hidden from chrono.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../../data-path.js";

interface DatesFile {
  futureCues: { words: string[] };
  futureNear: { words: string[]; timesOfDay: string[] };
  futureDirect: { words: string[] };
  maskBefore: { words: string[] };
}

export interface DateLexicon {
  /** Future cues anywhere in the text it is run on (global: use with matchAll). */
  future: RegExp;
  /** A near future cue at the end of the text it is run on (a few words before the date). */
  futureNear: RegExp;
  /** A future cue right before the date ("by"). */
  futureDirect: RegExp;
  /** Lead words to hide from chrono (global). */
  mask: RegExp;
}

let cached: DateLexicon | undefined;

export function dateLexicon(): DateLexicon {
  if (cached) return cached;
  const file = JSON.parse(readFileSync(dataPath("dates-en.json"), "utf8")) as DatesFile;
  const alt = (words: string[]): string => words.map((w) => w.replace(/ /g, String.raw`\s+`)).join("|");
  cached = {
    future: new RegExp(String.raw`(?:^|[^\w'])(?:${alt(file.futureCues.words)})(?![\w])`, "gi"),
    futureNear: new RegExp(
      String.raw`\b(?:${alt(file.futureNear.words)})\b(?:\s+(?!(?:${alt(file.futureNear.timesOfDay)})\b)\S+){0,3}\s*$`,
      "i",
    ),
    futureDirect: new RegExp(String.raw`\b(?:${alt(file.futureDirect.words)})\s+$`, "i"),
    mask: new RegExp(String.raw`\b(?:the\s+)?(?:${alt(file.maskBefore.words)})\b`, "gi"),
  };
  return cached;
}
