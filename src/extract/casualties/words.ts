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
  /** "both": two, before a plural victim noun. */
  detTwo: ReadonlySet<string>;
  pronounOne: ReadonlySet<string>;
  pronounZero: ReadonlySet<string>;
  npStops: ReadonlySet<string>;
  /** Words after which a verb is not a casualty ("shot at", "shot down"). */
  notAfter: ReadonlyMap<string, ReadonlySet<string>>;
  zero: { both: RegExp[]; killed: RegExp[]; injured: RegExp[]; notZero: RegExp[] };
  toll: RegExp;
  /** Nouns that report a killing or wounding of whoever follows "of" ("the murder of two judges"). */
  nominals: ReadonlyMap<string, Kind>;
  /** Nominals whose "of" phrase must name victims or a number, never a bare name ("the death of"). */
  nominalNeedsVictims: ReadonlySet<string>;
  /** Nominals that take a name only where capitals mark it ("the death of Ahmed Shah"). */
  nominalNamesInCase: ReadonlySet<string>;
  /** Words after a nominal that make it a modifier of something else ("death squads", "death threats"). */
  nominalNotBefore: ReadonlySet<string>;
  /** Nominals whose number before them counts the dead ("12 deaths"). */
  countedNominals: ReadonlySet<string>;
  /** Words just before a nominal that say nobody died ("the attempted murder of"). */
  nominalBlockers: ReadonlySet<string>;
  names: NameWords;
  /** Words ending in "-ly" that are not adverbs ("family", "Italy"). */
  notAdverbs: ReadonlySet<string>;
  /** What joins the victims of a list, as token sequences (",", "and", "as well as"), longest first. */
  joiners: readonly (readonly string[])[];
}

/** Small words for reading a person's name where a victim noun would stand ("killing Jan Agha"). */
export interface NameWords {
  /** Words that are never (part of) a name: "everyone", "many", "them", days of the week. */
  not: ReadonlySet<string>;
  /** Lower-case words inside a name ("de", "bin"). */
  particles: ReadonlySet<string>;
  /** Abbreviated titles written with a full stop ("Dr.", "Msgr."). */
  titles: ReadonlySet<string>;
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
  determiners: z.object({ one: z.array(z.string()), zero: z.array(z.string()), two: z.array(z.string()) }),
  pronouns: z.object({ one: z.array(z.string()), zero: z.array(z.string()) }),
  npStops: z.array(z.string()),
  notAfter: z.record(z.string(), z.array(z.string())),
  zero: z.object({ both: z.array(z.string()), killed: z.array(z.string()), injured: z.array(z.string()), notZero: z.array(z.string()) }),
  toll: z.string(),
  nominals: z.object({ killed: z.array(z.string()), injured: z.array(z.string()), needVictims: z.array(z.string()), namesInCase: z.array(z.string()), counted: z.array(z.string()), notBefore: z.array(z.string()), blockers: z.array(z.string()) }),
  names: z.object({ not: z.array(z.string()), particles: z.array(z.string()), titles: z.array(z.string()) }),
  joiners: z.array(z.string()),
  notAdverbs: z.array(z.string()),
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
    detTwo: new Set(d.determiners.two),
    pronounOne: new Set(d.pronouns.one),
    pronounZero: new Set(d.pronouns.zero),
    npStops: new Set(d.npStops),
    notAfter: new Map(Object.entries(d.notAfter).map(([k, v]) => [k, new Set(v)])),
    zero: { both: regexes(d.zero.both), killed: regexes(d.zero.killed), injured: regexes(d.zero.injured), notZero: regexes(d.zero.notZero) },
    toll: wordRegex(phraseSource(d.toll, {}), "g"),
    nominals: new Map([...d.nominals.killed.map((w) => [w, "killed"] as const), ...d.nominals.injured.map((w) => [w, "injured"] as const)]),
    nominalNeedsVictims: new Set(d.nominals.needVictims),
    nominalNamesInCase: new Set(d.nominals.namesInCase),
    countedNominals: new Set(d.nominals.counted),
    nominalNotBefore: new Set(d.nominals.notBefore),
    nominalBlockers: new Set(d.nominals.blockers),
    names: { not: new Set(d.names.not), particles: new Set(d.names.particles), titles: new Set(d.names.titles) },
    notAdverbs: new Set(d.notAdverbs),
    joiners: d.joiners.map((j) => j.replace(/,/g, " , ").trim().split(/\s+/)).sort((a, b) => b.length - a.length),
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
