/**
 * @module extract/actors/names
 * The names of the actor dictionary (aliases, group adjectives, country names, demonyms)
 * compiled into a word trie, once per dictionary. Case matters where the data says so: an
 * alias written in capitals ("ELN") matches only capitals, a capitalised word ("Tigers") only a
 * capitalised one, a lower-case word any case; in upper-case copy only capitals that are also
 * English words ("IS", "US") are refused.
 */
import type { ActorDictionary, ActorEntry } from "./dictionary.js";
import { isCapitalised, phraseRaw, phraseWords, type Token } from "./tokens.js";
import { Trie } from "./trie.js";

export type Name =
  | { type: "alias" | "adjective"; entry: ActorEntry; raw: readonly string[] }
  | { type: "country" | "demonym"; iso3: string; raw: readonly string[] };

export interface NameHit {
  last: number;
  names: readonly Name[];
}

const compiled = new WeakMap<ActorDictionary, Trie<Name>>();

export function nameTrie(dict: ActorDictionary): Trie<Name> {
  let trie = compiled.get(dict);
  if (!trie) {
    trie = compile(dict);
    compiled.set(dict, trie);
  }
  return trie;
}

/**
 * The longest name starting at token i whose case fits the text, with every name of that
 * length. `caps`: the sentence is in capitals.
 */
export function longestName(trie: Trie<Name>, tokens: readonly Token[], i: number, caps: boolean, capsStop: ReadonlySet<string>): NameHit | undefined {
  if (!trie.starts(tokens[i]!.lower)) return undefined;
  const hits = trie.matchAt(tokens, i);
  for (let h = hits.length - 1; h >= 0; h--) {
    const hit = hits[h]!;
    const names = hit.values.filter((n) => caseFits(n, tokens, i, caps, capsStop));
    if (names.length > 0) return { last: hit.last, names };
  }
  return undefined;
}

// --- internal ---

function compile(dict: ActorDictionary): Trie<Name> {
  const trie = new Trie<Name>();
  for (const entry of dict.entries) {
    for (const a of entry.aliases) trie.add(phraseWords(a), { type: "alias", entry, raw: phraseRaw(a) });
    for (const a of entry.adjectives) trie.add(phraseWords(a), { type: "adjective", entry, raw: phraseRaw(a) });
  }
  for (const c of dict.countries) {
    for (const a of c.aliases) trie.add(phraseWords(a), { type: "country", iso3: c.iso3, raw: phraseRaw(a) });
    for (const d of c.demonyms) trie.add(phraseWords(d), { type: "demonym", iso3: c.iso3, raw: phraseRaw(d) });
  }
  return trie;
}

function caseFits(name: Name, tokens: readonly Token[], i: number, caps: boolean, capsStop: ReadonlySet<string>): boolean {
  const raw = name.raw;
  if (caps) {
    // A demonym still needs a force noun after it ("US TROOPS"), so it may be a stop word.
    return name.type === "demonym" || !(raw.length === 1 && capsStop.has(raw[0]!));
  }
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k]!;
    const t = tokens[i + k]!.raw;
    if (w === w.toLowerCase()) continue;
    if (isAcronymLike(w) ? t !== w : !isCapitalised(t)) return false;
  }
  return true;
}

/** "ELN", "FAMa", "IS": letters after the first in capitals, so the text must match exactly. */
function isAcronymLike(w: string): boolean {
  return w.length > 1 && w.slice(1) !== w.slice(1).toLowerCase();
}
