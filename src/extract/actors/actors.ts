/**
 * @module extract/actors/actors
 * The actors stage: every phrase that names a party to violence ("Afghan security forces",
 * "Taliban fighters", "U.S. forces", "soldiers", "the Taliban", "villagers"), with its canonical
 * ACLED-style actor, inter code and casualty category.
 *
 * scan.ts finds the phrases sentence by sentence; here the article's context settles them:
 * bare nouns ("troops", "police") take the article's main country; state forces of another
 * country are external (inter 8); fighters of no named group ("insurgents") take the group the
 * article names most, else the country's unidentified armed group; a group with a branch in the
 * article's country becomes the branch ("Islamic State" in Afghanistan).
 */
import type { ActorMention, PlaceMention, TextAnnotations } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import type { Found } from "../stage.js";
import { defineStage } from "../stage.js";
import { countryEntry, type ActorDictionary, type ActorEntry } from "./dictionary.js";
import { lexicon } from "./lexicon.js";
import { nameTrie } from "./names.js";
import { blockedTokens, scanSentence, type Proto, type ScanContext } from "./scan.js";
import { isCapsText, tokenize } from "./tokens.js";

export const actorsStage = defineStage({
  key: "actors",
  needs: ["text", "places"],
  run: (doc, found, resources) => {
    try {
      return findActors(doc, found, resources.actors);
    } catch {
      // A stage never fails an article: odd text yields no actors rather than an error.
      return [];
    }
  },
});

/** The actors of a document; exported for tests and for callers without a pipeline. */
export function findActors(doc: Document, found: Found, dict: ActorDictionary): ActorMention[] {
  const protos = scanDocument(doc, found, dict);
  const main = found.places?.country?.iso3 ?? mostNamedCountry(protos);
  const settled = supported(doc, protos.map((p) => settle(p, main, dict)), main);
  const group = dominantGroup(settled);
  return settled.map((s) => toMention(doc, s, main, group, dict));
}

// --- internal ---

interface Settled {
  proto: Proto;
  /** Undefined for fighters of no named group until the article's group is known. */
  entry?: ActorEntry;
}

function scanDocument(doc: Document, found: Found, dict: ActorDictionary): Proto[] {
  const lex = lexicon();
  const names = nameTrie(dict);
  const places = placeIndex(found.places?.mentions ?? []);
  const out: Proto[] = [];
  for (const [start, end] of sentenceRanges(doc, found.text)) {
    const tokens = tokenize(doc.norm, start, end);
    const ctx: ScanContext = { norm: doc.norm, tokens, caps: isCapsText(tokens), lex, names, places, blocked: blockedTokens(tokens, lex) };
    out.push(...scanSentence(ctx));
  }
  return out;
}

function sentenceRanges(doc: Document, text: TextAnnotations | undefined): [number, number][] {
  const sentences = text?.sentences ?? [];
  if (sentences.length === 0) return [[0, doc.norm.length]];
  return sentences.map((s) => [s.span.start, s.span.end]);
}

/** Towns and provinces by start offset: "Kabul police" is the police of Kabul's country. */
function placeIndex(mentions: readonly PlaceMention[]): Map<number, PlaceMention> {
  const out = new Map<number, PlaceMention>();
  for (const m of mentions) if (m.kind !== "country" && m.kind !== "demonym" && m.iso3) out.set(m.span.start, m);
  return out;
}

/** Without a places stage: the country named most by the phrases themselves. */
function mostNamedCountry(protos: readonly Proto[]): string | undefined {
  const votes = new Map<string, number>();
  for (const p of protos) if (p.target.type === "country" && p.target.iso3) votes.set(p.target.iso3, (votes.get(p.target.iso3) ?? 0) + 1);
  let best: string | undefined;
  let n = 0;
  for (const [iso3, v] of votes) if (v > n) { best = iso3; n = v; }
  return best;
}

function settle(proto: Proto, main: string | undefined, dict: ActorDictionary): Settled {
  const t = proto.target;
  if (t.type === "militant") return { proto };
  if (t.type === "country") return { proto, entry: countryEntry(dict, t.iso3 ?? main, t.role) };
  return { proto, entry: chooseEntry(t.entries, main, dict) };
}

/**
 * A short acronym of another country's group ("PDF" in an Afghan press release) needs support:
 * the group named in full somewhere in the article.
 */
function supported(doc: Document, settled: readonly Settled[], main: string | undefined): Settled[] {
  const isAcronym = (s: Settled): boolean => /^(?:the )?[A-Z]{2,4}$/i.test(doc.text.slice(s.proto.start, s.proto.end)) && /[A-Z]{2}/.test(doc.text.slice(s.proto.start, s.proto.end));
  const spelledOut = new Set(settled.filter((s) => s.entry && s.proto.target.type === "entries" && !isAcronym(s)).map((s) => s.entry));
  return settled.filter((s) => {
    const e = s.entry;
    if (!e || s.proto.target.type !== "entries" || !e.iso3 || e.iso3 === main || !isAcronym(s)) return true;
    return spelledOut.has(e);
  });
}

/** Of the groups an alias names ("Maoists"), the one of the article's country, then a global one. */
function chooseEntry(entries: readonly ActorEntry[], main: string | undefined, dict: ActorDictionary): ActorEntry {
  const entry = entries.find((e) => main !== undefined && e.iso3 === main) ?? entries.find((e) => !e.iso3) ?? entries[0]!;
  return (main && dict.branch(entry.name, main)) || entry;
}

const GROUP_KINDS = new Set(["rebel", "militia", "identity"]);

/** The non-state group the article names most: what its "insurgents" and "rebels" are. */
function dominantGroup(settled: readonly Settled[]): ActorEntry | undefined {
  const votes = new Map<ActorEntry, number>();
  for (const s of settled) if (s.entry && GROUP_KINDS.has(s.entry.kind)) votes.set(s.entry, (votes.get(s.entry) ?? 0) + 1);
  let best: ActorEntry | undefined;
  let n = 0;
  for (const [e, v] of votes) if (v > n) { best = e; n = v; }
  return best;
}

function toMention(doc: Document, s: Settled, main: string | undefined, group: ActorEntry | undefined, dict: ActorDictionary): ActorMention {
  let by = s.proto.by;
  let entry = s.entry;
  if (!entry) {
    entry = group ?? countryEntry(dict, main, "unidentified");
    by = group ? `${by}/group` : `${by}/unidentified`;
  }
  const mention: ActorMention = { span: spanOf(doc, s.proto.start, s.proto.end), by, name: entry.name, inter: entry.inter, kind: entry.kind, category: entry.category };
  if (entry.iso3) mention.iso3 = entry.iso3;
  return foreign(mention, entry, main);
}

/** State forces and governments of another country than the article's are external (inter 8). */
function foreign(m: ActorMention, entry: ActorEntry, main: string | undefined): ActorMention {
  if (!main || !entry.iso3 || entry.iso3 === main) return m;
  if (entry.kind === "state") return { ...m, inter: 8, kind: "external" };
  if (entry.kind === "government") return { ...m, inter: 8 };
  return m;
}
