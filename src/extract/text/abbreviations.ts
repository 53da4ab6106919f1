import { readFileSync } from "node:fs";
import { dataPath } from "../../data-path.js";

interface AbbreviationFile {
  titles: string[];
  months: string[];
  other: string[];
}

const file = JSON.parse(readFileSync(dataPath("abbreviations.json"), "utf8")) as AbbreviationFile;

/** Lower-cased words (without their final period) after which a period does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([...file.titles, ...file.months, ...file.other]);
