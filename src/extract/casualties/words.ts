/**
 * @module extract/casualties/words
 * Loads data/casualty-words.json: victim nouns with their casualty category, the verbs that
 * report killed and injured, and the small words of the noun phrases around them.
 */
import { z } from "zod";
import type { CasualtyMention } from "../annotations.js";
import { TruceError } from "../../errors.js";
import { phraseSource, readDataFile, wordRegex } from "../triggers/scan.js";

export type Category = CasualtyMention["category"];
export type Kind = CasualtyMention["kind"];
/** "generic" heads ("leader") take their category from an actor in the noun phrase. */
export type HeadClass = Category | "generic";
export type VerbForm = "passive" | "intransitive" | "active";

export interface Noun {
  words: string[];
  head: HeadClass;
  plural: boolean;
}

export interface Verb {
  words: string[];
  kind: Kind;
  form: VerbForm;
}

export interface CasualtyWords {
  /** Victim nouns by their last word, longest first. */
  nouns: ReadonlyMap<string, Noun[]>;
  /** Verb phrases by their first word, longest first. */
  verbs: ReadonlyMap<string, Verb[]>;
  others: ReadonlySet<string>;
  adjectives: ReadonlyMap<string, Kind>;
  chain: ReadonlySet<string>;
  passiveMarkers: ReadonlySet<string>;
  detOne: ReadonlySet<string>;
  detZero: ReadonlySet<string>;
  pronounOne: ReadonlySet<string>;
  pronounZero: ReadonlySet<string>;
  npStops: ReadonlySet<string>;
  /** Words after which a verb is not a casualty ("shot at", "shot down"). */
  notAfter: ReadonlyMap<string, ReadonlySet<string>>;
  zero: { both: RegExp[]; killed: RegExp[]; injured: RegExp[]; notZero: RegExp[] };
  toll: RegExp;
}

const Forms = z.object({ sg: z.array(z.string()), pl: z.array(z.string()) });
const VerbForms = z.object({ passive: z.array(z.string()), intransitive: z.array(z.string()), active: z.array(z.string()) });
const FileSchema = z.object({
  victims: z.object({ civilians: Forms, security: Forms, militants: Forms, unknown: Forms, generic: Forms }),
  others: z.array(z.string()),
  verbs: z.object({ killed: VerbForms, injured: VerbForms }),
  adjectives: z.object({ killed: z.array(z.string()), injured: z.array(z.string()) }),
  chain: z.array(z.string()),
  passiveMarkers: z.array(z.string()),
  determiners: z.object({ one: z.array(z.string()), zero: z.array(z.string()) }),
  pronouns: z.object({ one: z.array(z.string()), zero: z.array(z.string()) }),
  npStops: z.array(z.string()),
  notAfter: z.record(z.string(), z.array(z.string())),
  zero: z.object({ both: z.array(z.string()), killed: z.array(z.string()), injured: z.array(z.string()), notZero: z.array(z.string()) }),
  toll: z.string(),
});

let shipped: CasualtyWords | undefined;

export function casualtyWords(): CasualtyWords {
  shipped ??= compileCasualtyWords(readDataFile("casualty-words.json"));
  return shipped;
}

export function compileCasualtyWords(raw: unknown): CasualtyWords {
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) throw new TruceError("E_DATA", `data/casualty-words.json: ${parsed.error.message}`);
  const d = parsed.data;
  const regexes = (phrases: string[]): RegExp[] => phrases.map((p) => wordRegex(phraseSource(p, {}), "g"));
  return {
    nouns: nounIndex(d.victims),
    verbs: verbIndex(d.verbs),
    others: new Set(d.others),
    adjectives: new Map([...d.adjectives.killed.map((w) => [w, "killed"] as const), ...d.adjectives.injured.map((w) => [w, "injured"] as const)]),
    chain: new Set(d.chain),
    passiveMarkers: new Set(d.passiveMarkers),
    detOne: new Set(d.determiners.one),
    detZero: new Set(d.determiners.zero),
    pronounOne: new Set(d.pronouns.one),
    pronounZero: new Set(d.pronouns.zero),
    npStops: new Set(d.npStops),
    notAfter: new Map(Object.entries(d.notAfter).map(([k, v]) => [k, new Set(v)])),
    zero: { both: regexes(d.zero.both), killed: regexes(d.zero.killed), injured: regexes(d.zero.injured), notZero: regexes(d.zero.notZero) },
    toll: wordRegex(phraseSource(d.toll, {}), "g"),
  };
}

// --- internal ---

type Victims = z.infer<typeof FileSchema>["victims"];

function nounIndex(victims: Victims): Map<string, Noun[]> {
  const index = new Map<string, Noun[]>();
  for (const [head, forms] of Object.entries(victims) as [HeadClass, z.infer<typeof Forms>][]) {
    for (const [plural, list] of [[false, forms.sg], [true, forms.pl]] as const) {
      for (const phrase of list) addLongestFirst(index, lastOf(phrase), { words: phrase.split(" "), head, plural });
    }
  }
  return index;
}

function verbIndex(verbs: z.infer<typeof FileSchema>["verbs"]): Map<string, Verb[]> {
  const index = new Map<string, Verb[]>();
  for (const kind of ["killed", "injured"] as const) {
    for (const form of ["passive", "intransitive", "active"] as const) {
      for (const phrase of verbs[kind][form]) {
        const words = phrase.split(" ");
        addLongestFirst(index, words[0]!, { words, kind, form });
      }
    }
  }
  return index;
}

function addLongestFirst<T extends { words: string[] }>(index: Map<string, T[]>, key: string, item: T): void {
  const list = index.get(key) ?? [];
  list.push(item);
  list.sort((a, b) => b.words.length - a.words.length);
  index.set(key, list);
}

function lastOf(phrase: string): string {
  const words = phrase.split(" ");
  return words[words.length - 1]!;
}
