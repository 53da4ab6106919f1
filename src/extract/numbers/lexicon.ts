/**
 * @module extract/numbers/lexicon
 * Loads data/quantities.json: number words, the table of vague quantities, qualifiers and the
 * words that make a number something other than a count. The data file documents each choice.
 */
import { readFileSync } from "node:fs";
import { dataPath } from "../../data-path.js";

export type QualifierKind = "min" | "max" | "approx";
export type VagueNeeds = "of" | "word" | "plural" | null;

export interface VagueEntry {
  phrase: string;
  /** null: listed to document that the word is not taken as a quantity. */
  best: number | null;
  needs: VagueNeeds;
}

interface QuantitiesFile {
  numbers: {
    units: Record<string, number>;
    tens: Record<string, number>;
    hundred: Record<string, number>;
    scales: Record<string, number>;
    dozen: number;
  };
  vague: { entries: VagueEntry[]; pluralNouns: string[] };
  qualifiers: { min: string[]; max: string[]; approx: string[]; after: Record<string, QualifierKind> };
  nonCounts: {
    timeUnits: string[];
    percent: string[];
    currencies: string[];
    currencySymbols: string[];
    measures: string[];
    identifiers: string[];
    pronounOne: string[];
  };
}

export interface QuantityLexicon {
  units: ReadonlyMap<string, number>;
  tens: ReadonlyMap<string, number>;
  /** "hundred", "thousand", "million", "billion" with their value. */
  scales: ReadonlyMap<string, number>;
  dozen: number;
  vague: ReadonlyMap<string, VagueEntry>;
  pluralNouns: ReadonlySet<string>;
  /** Qualifier phrase (lower case, single spaces) before a number → its kind. */
  before: ReadonlyMap<string, QualifierKind>;
  after: ReadonlyMap<string, QualifierKind>;
  timeUnits: ReadonlySet<string>;
  /** Words after a number that make it a percentage, a sum of money or a measure. */
  notCountAfter: ReadonlySet<string>;
  /** Two-word units after a number ("per cent"). */
  notCountAfterPairs: ReadonlySet<string>;
  currencySymbols: ReadonlySet<string>;
  identifiers: ReadonlySet<string>;
  pronounOne: ReadonlySet<string>;
}

let cached: QuantityLexicon | undefined;

/** The shipped lexicon, read once per process. */
export function quantityLexicon(): QuantityLexicon {
  cached ??= buildLexicon(JSON.parse(readFileSync(dataPath("quantities.json"), "utf8")) as QuantitiesFile);
  return cached;
}

// --- internal ---

function buildLexicon(file: QuantitiesFile): QuantityLexicon {
  const { numbers, vague, qualifiers, nonCounts } = file;
  const before = new Map<string, QualifierKind>();
  for (const kind of ["min", "max", "approx"] as const) for (const q of qualifiers[kind]) before.set(q, kind);
  const single = [...nonCounts.percent, ...nonCounts.currencies, ...nonCounts.measures].filter((w) => !w.includes(" "));
  const pairs = [...nonCounts.percent, ...nonCounts.currencies, ...nonCounts.measures].filter((w) => w.includes(" "));
  return {
    units: new Map(Object.entries(numbers.units)),
    tens: new Map(Object.entries(numbers.tens)),
    scales: new Map([...Object.entries(numbers.hundred), ...Object.entries(numbers.scales)]),
    dozen: numbers.dozen,
    vague: new Map(vague.entries.map((e) => [e.phrase, e])),
    pluralNouns: new Set(vague.pluralNouns),
    before,
    after: new Map(Object.entries(qualifiers.after)),
    timeUnits: new Set(nonCounts.timeUnits),
    notCountAfter: new Set(single),
    notCountAfterPairs: new Set(pairs),
    currencySymbols: new Set(nonCounts.currencySymbols),
    identifiers: new Set(nonCounts.identifiers),
    pronounOne: new Set(nonCounts.pronounOne),
  };
}
