/**
 * @module extract/attribution/lexicon
 * The words of data/attribution-words.json, compiled once: reporting verbs with their lemma,
 * titles, role nouns, organisation heads, channels.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../../data-path.js";
import { TruceError } from "../../errors.js";
import { phraseWords } from "../actors/tokens.js";
import { Trie } from "../actors/trie.js";

export type Title = { honorific: boolean };

export interface AttributionLexicon {
  verbs: ReadonlyMap<string, string>;
  titles: Trie<Title>;
  roleNouns: Trie<true>;
  roleModifiers: ReadonlySet<string>;
  orgHeads: ReadonlySet<string>;
  nameParticles: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  platforms: Trie<string>;
  outlets: Trie<string>;
  channelPhrases: readonly { pattern: RegExp; channel: string }[];
  adverbs: ReadonlySet<string>;
}

let cached: AttributionLexicon | undefined;

export function attributionLexicon(): AttributionLexicon {
  cached ??= compile(read());
  return cached;
}

// --- internal ---

const List = z.array(z.string().min(1));
const Schema = z.object({
  verbs: z.record(z.string(), z.string()),
  titles: List,
  honorifics: List,
  roleNouns: List,
  roleModifiers: List,
  orgHeads: List,
  nameParticles: List,
  notNames: List,
  platforms: List,
  outlets: List,
  channelPhrases: z.array(z.object({ pattern: z.string(), channel: z.string() })),
  adverbs: List,
});

type File = z.infer<typeof Schema>;

function read(): File {
  const file = dataPath("attribution-words.json");
  const result = Schema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!result.success) throw new TruceError("E_DATA", `${file}: ${result.error.issues[0]?.path.join(".")}: ${result.error.issues[0]?.message}`);
  return result.data;
}

function compile(f: File): AttributionLexicon {
  const titles = new Trie<Title>();
  for (const t of f.titles) titles.add(phraseWords(t), { honorific: false });
  for (const t of f.honorifics) titles.add(phraseWords(t), { honorific: true });
  const roleNouns = new Trie<true>();
  for (const r of f.roleNouns) roleNouns.add(phraseWords(r), true);
  const named = (list: readonly string[]): Trie<string> => {
    const trie = new Trie<string>();
    // "the Voice of America" is told; the channel is "Voice of America".
    for (const p of list) trie.add(phraseWords(p), p.replace(/^the /i, ""));
    return trie;
  };
  const lower = (l: readonly string[]): Set<string> => new Set(l.map((w) => w.toLowerCase()));
  return {
    verbs: new Map(Object.entries(f.verbs)),
    titles,
    roleNouns,
    roleModifiers: lower(f.roleModifiers),
    orgHeads: lower(f.orgHeads),
    nameParticles: lower(f.nameParticles),
    notNames: lower(f.notNames),
    platforms: named(f.platforms),
    outlets: named(f.outlets),
    channelPhrases: f.channelPhrases.map((c) => ({ pattern: new RegExp(c.pattern, "gi"), channel: c.channel })),
    adverbs: lower(f.adverbs),
  };
}
