/**
 * @module extract/actors/lexicon
 * The generic words of data/actors-words.json ("soldiers", "security", "gunmen", "villagers"),
 * compiled once into a word trie whose values say what each phrase is.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../../data-path.js";
import { TruceError } from "../../errors.js";
import { phraseWords } from "./tokens.js";
import { Trie } from "./trie.js";

export type ForceRole = "military" | "police";

export type Word =
  | { type: "force"; role: ForceRole; strong: boolean; needs?: "modifier" | "country" }
  | { type: "forceMod" | "member" | "adjNoun" | "militant" | "unidentified" | "unidMod" | "unidHead" }
  | { type: "civilian" | "protester" | "protestVerb" | "rioter" | "government" | "blocker"; words: number };

export interface Lexicon {
  words: Trie<Word>;
  notBefore: ReadonlySet<string>;
  subjectVerbs: ReadonlySet<string>;
  notVerbs: ReadonlySet<string>;
  capsStop: ReadonlySet<string>;
  rebelNameWords: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  cached ??= compile(readWords());
  return cached;
}

// --- internal ---

const List = z.array(z.string().min(1));
const WordsSchema = z.object({
  forceNouns: z.array(z.object({ phrase: z.string().min(1), role: z.enum(["military", "police"]), strong: z.boolean().optional(), needs: z.enum(["modifier", "country"]).optional() })),
  forceModifiers: List,
  memberNouns: List,
  adjectiveNouns: List,
  militantNouns: List,
  unidentifiedNouns: List,
  unidentifiedModifiers: List,
  unidentifiedHeads: List,
  civilianNouns: List,
  notBefore: List,
  protesterNouns: List,
  protestVerbs: List,
  rioterNouns: List,
  governmentNouns: List,
  blockers: List,
  subjectVerbs: List,
  notVerbs: List,
  capsStop: List,
  rebelNameWords: List,
});

type WordsFile = z.infer<typeof WordsSchema>;

function readWords(): WordsFile {
  const file = dataPath("actors-words.json");
  const result = WordsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!result.success) throw new TruceError("E_DATA", `${file}: ${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`);
  return result.data;
}

function compile(f: WordsFile): Lexicon {
  const words = new Trie<Word>();
  for (const n of f.forceNouns) {
    const w: Word = { type: "force", role: n.role, strong: n.strong ?? false };
    if (n.needs) w.needs = n.needs;
    words.add(phraseWords(n.phrase), w);
  }
  const simple: [readonly string[], "forceMod" | "member" | "adjNoun" | "militant" | "unidentified" | "unidMod" | "unidHead"][] = [
    [f.forceModifiers, "forceMod"], [f.memberNouns, "member"], [f.adjectiveNouns, "adjNoun"], [f.militantNouns, "militant"],
    [f.unidentifiedNouns, "unidentified"], [f.unidentifiedModifiers, "unidMod"], [f.unidentifiedHeads, "unidHead"],
  ];
  for (const [list, type] of simple) for (const p of list) words.add(phraseWords(p), { type });
  const counted: [readonly string[], "civilian" | "protester" | "protestVerb" | "rioter" | "government" | "blocker"][] = [
    [f.civilianNouns, "civilian"], [f.protesterNouns, "protester"], [f.protestVerbs, "protestVerb"], [f.rioterNouns, "rioter"],
    [f.governmentNouns, "government"], [f.blockers, "blocker"],
  ];
  for (const [list, type] of counted) for (const p of list) words.add(phraseWords(p), { type, words: phraseWords(p).length });
  const lower = (l: readonly string[]): Set<string> => new Set(l.map((w) => w.toLowerCase()));
  return { words, notBefore: lower(f.notBefore), subjectVerbs: lower(f.subjectVerbs), notVerbs: lower(f.notVerbs), capsStop: new Set(f.capsStop), rebelNameWords: lower(f.rebelNameWords) };
}
