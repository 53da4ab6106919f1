/**
 * @module extract/actors/scan
 * Finds actor phrases in one sentence, left to right, longest first. What a phrase names is
 * left open where it depends on the whole article (the main country, the group the article is
 * about); actors.ts settles it.
 *
 * The rules, in the order they are tried at a word:
 * 1. a dictionary name: "the Taliban", "Taliban fighters" (group + member noun), "Maoist
 *    rebels" (group adjective + fighter noun), "FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]";
 * 2. a country or demonym before a force phrase ("Afghan security forces", "Pakistan's army",
 *    "Afghan and coalition forces"), a government noun ("Pakistani officials"), or a people
 *    noun ("Syrian civilians"); a country name as the subject of a clause ("Libya suspended");
 * 3. a place before police ("Kabul police");
 * 4. generic words: force phrases ("security forces", "troops"), unidentified attackers
 *    ("unknown gunmen"), fighters of no named group ("insurgents"), civilians, protesters,
 *    rioters, "the government".
 *
 * "police station", "army base": the force word is kept as an actor (police, army), since the
 * station is attacked as the police's; the place word is left out of the span.
 */
import type { PlaceMention } from "../annotations.js";
import type { ActorEntry, CountryActorKind } from "./dictionary.js";
import type { ForceRole, Lexicon, Word } from "./lexicon.js";
import { longestName, type Name, type NameHit } from "./names.js";
import type { Token } from "./tokens.js";
import type { Trie } from "./trie.js";

export type Target =
  | { type: "entries"; entries: readonly ActorEntry[] }
  | { type: "country"; iso3?: string; role: CountryActorKind }
  | { type: "militant" };

/** A phrase found, before the article's context settles its actor. */
export interface Proto {
  start: number;
  end: number;
  by: string;
  target: Target;
}

export interface ScanContext {
  norm: string;
  tokens: readonly Token[];
  caps: boolean;
  lex: Lexicon;
  names: Trie<Name>;
  /** Places found by the places stage, by start offset (towns and provinces only). */
  places: ReadonlyMap<number, PlaceMention>;
  /** Token indexes inside a blocker phrase ("forces of nature"). */
  blocked: ReadonlySet<number>;
}

interface Found {
  protos: Proto[];
  /** Index of the first token after the phrase. */
  next: number;
}

export function scanSentence(ctx: ScanContext): Proto[] {
  const out: Proto[] = [];
  let i = 0;
  while (i < ctx.tokens.length) {
    const f = atName(ctx, i) ?? atPlace(ctx, i) ?? atWords(ctx, i);
    if (f && f.next > i) {
      out.push(...f.protos);
      i = f.next;
    } else i++;
  }
  return out;
}

/** Token indexes covered by blocker phrases, computed once per sentence. */
export function blockedTokens(tokens: readonly Token[], lex: Lexicon): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!lex.words.starts(tokens[i]!.lower)) continue;
    for (const hit of lex.words.matchAt(tokens, i)) {
      if (hit.values.some((w) => w.type === "blocker")) for (let k = i; k <= hit.last; k++) out.add(k);
    }
  }
  return out;
}

// --- internal: rule 1 and 2, dictionary names ---

function atName(ctx: ScanContext, i: number): Found | undefined {
  const hit = longestName(ctx.names, ctx.tokens, i, ctx.caps, ctx.lex.capsStop);
  if (!hit) return undefined;
  return atAlias(ctx, i, hit) ?? atAdjective(ctx, i, hit) ?? atCountry(ctx, i, hit);
}

function atAlias(ctx: ScanContext, i: number, hit: NameHit): Found | undefined {
  const entries = entriesOf(hit.names, "alias");
  if (entries.length === 0) return undefined;
  const member = wordAfter(ctx, hit.last, "member");
  const last = member ?? hit.last;
  const end = bracketEnd(ctx, entries, closeParen(ctx, i, ctx.tokens[last]!.end));
  const by = member !== undefined ? "actors/group-member" : "actors/dictionary";
  return { protos: [proto(ctx, i, end, by, { type: "entries", entries })], next: tokenAfter(ctx, end) };
}

function atAdjective(ctx: ScanContext, i: number, hit: NameHit): Found | undefined {
  const entries = entriesOf(hit.names, "adjective");
  const noun = entries.length > 0 ? wordAfter(ctx, hit.last, "adjNoun") : undefined;
  if (noun === undefined) return undefined;
  const end = ctx.tokens[noun]!.end;
  return { protos: [proto(ctx, i, end, "actors/group-adjective", { type: "entries", entries })], next: noun + 1 };
}

function atCountry(ctx: ScanContext, i: number, hit: NameHit): Found | undefined {
  const country = hit.names.find((n) => n.type === "demonym") ?? hit.names.find((n) => n.type === "country");
  if (!country || (country.type !== "country" && country.type !== "demonym")) return undefined;
  const iso3 = country.iso3;
  const k = possessive(ctx, hit.last) ? hit.last + 2 : hit.last + 1;
  const target = (role: CountryActorKind): Target => ({ type: "country", iso3, role });
  const force = joinedAt(ctx, k) ? forcePhrase(ctx, k, true) : undefined;
  if (force) return { protos: [proto(ctx, i, ctx.tokens[force.last]!.end, "actors/country-force", target(force.role))], next: force.last + 1 };
  const shared = country.type === "demonym" ? coordinated(ctx, k) : undefined;
  if (shared) return { protos: [proto(ctx, i, ctx.tokens[hit.last]!.end, "actors/country-force-coordinated", target(shared))], next: k + 1 };
  const people = joinedAt(ctx, k) ? peopleAt(ctx, k) : undefined;
  if (people) {
    const t: Target = people.role === "militant" ? { type: "militant" } : target(people.role);
    return { protos: [proto(ctx, i, ctx.tokens[people.last]!.end, `actors/country-${people.role}`, t)], next: people.last + 1 };
  }
  const gov = joinedAt(ctx, k) ? longestWord(ctx, k, (w) => w.type === "government") : undefined;
  if (gov) return { protos: [proto(ctx, i, ctx.tokens[gov.last]!.end, "actors/country-government", target("government"))], next: gov.last + 1 };
  if (country.type === "country" && isSubject(ctx, i, hit.last)) {
    return { protos: [proto(ctx, i, ctx.tokens[hit.last]!.end, "actors/country-subject", target("government"))], next: hit.last + 1 };
  }
  return undefined;
}

/** "Afghan and coalition forces": the first country shares the force noun of the second. */
function coordinated(ctx: ScanContext, k: number): ForceRole | undefined {
  const and = ctx.tokens[k];
  if (!and || !and.spaced || and.lower !== "and") return undefined;
  for (let j = k + 1; j < Math.min(ctx.tokens.length, k + 6); j++) {
    if (!ctx.tokens[j]!.joined) return undefined;
    const force = forcePhrase(ctx, j, true);
    if (force) return force.role;
  }
  return undefined;
}

// --- internal: rule 3, places ---

function atPlace(ctx: ScanContext, i: number): Found | undefined {
  const place = ctx.places.get(ctx.tokens[i]!.start);
  if (!place) return undefined;
  let last = i;
  while (last + 1 < ctx.tokens.length && ctx.tokens[last + 1]!.end <= place.span.end) last++;
  const force = joinedAt(ctx, last + 1) ? forcePhrase(ctx, last + 1, true) : undefined;
  if (!force || force.role !== "police") return undefined;
  const target: Target = { type: "country", iso3: place.iso3, role: "police" };
  return { protos: [proto(ctx, i, ctx.tokens[force.last]!.end, "actors/place-police", target)], next: force.last + 1 };
}

// --- internal: rule 4, generic words ---

function atWords(ctx: ScanContext, i: number): Found | undefined {
  if (!ctx.lex.words.starts(ctx.tokens[i]!.lower)) return undefined;
  const force = forcePhrase(ctx, i, false);
  if (force) return forceFound(ctx, i, force);
  const people = peopleAt(ctx, i) ?? unidentifiedAt(ctx, i);
  if (people) {
    const target: Target = people.role === "militant" ? { type: "militant" } : { type: "country", role: people.role };
    return { protos: [proto(ctx, i, ctx.tokens[people.last]!.end, `actors/${people.role}`, target)], next: people.last + 1 };
  }
  const gov = governmentAt(ctx, i);
  if (gov !== undefined) {
    const target: Target = { type: "country", role: "government" };
    return { protos: [proto(ctx, i, ctx.tokens[gov]!.end, "actors/government-noun", target)], next: gov + 1 };
  }
  return undefined;
}

function forceFound(ctx: ScanContext, i: number, force: { last: number; role: ForceRole }): Found {
  const end = ctx.tokens[force.last]!.end;
  // "Kosovo Liberation Army": a force noun in a group's name is the group's, not a state's.
  if (inRebelName(ctx, i)) return { protos: [proto(ctx, i, end, "actors/militant-name", { type: "militant" })], next: force.last + 1 };
  return { protos: [proto(ctx, i, end, "actors/force-noun", { type: "country", role: force.role })], next: force.last + 1 };
}

function inRebelName(ctx: ScanContext, i: number): boolean {
  const t = ctx.tokens[i]!;
  const prev = ctx.tokens[i - 1];
  if (ctx.caps || !prev || !t.spaced || !/^[A-Z]/.test(t.raw) || !/^[A-Z]/.test(prev.raw)) return false;
  return ctx.lex.rebelNameWords.has(prev.lower);
}

interface Phrase {
  last: number;
  role: ForceRole;
}

/**
 * Force modifiers and nouns from token k ("special forces", "army officers", "security
 * personnel"): the phrase ends at its last noun whose needs are met; the first strong noun
 * gives the role, else the head noun does.
 */
function forcePhrase(ctx: ScanContext, k: number, hasCountry: boolean): Phrase | undefined {
  let best: Phrase | undefined;
  let strong: ForceRole | undefined;
  let before = false;
  for (let j = k; j < ctx.tokens.length && (j === k || ctx.tokens[j]!.joined); ) {
    const hit = longestWord(ctx, j, (w) => w.type === "force" || w.type === "forceMod");
    if (!hit) break;
    const noun = hit.words.find((w): w is Extract<Word, { type: "force" }> => w.type === "force");
    if (noun && needsMet(noun.needs, hasCountry, before) && !ctx.blocked.has(hit.last)) {
      if (noun.strong && !strong) strong = noun.role;
      best = { last: hit.last, role: strong ?? noun.role };
    }
    before = true;
    j = hit.last + 1;
  }
  return best;
}

function needsMet(needs: "modifier" | "country" | undefined, hasCountry: boolean, before: boolean): boolean {
  if (needs === "country") return hasCountry;
  if (needs === "modifier") return hasCountry || before;
  return true;
}

type PeopleRole = "civilians" | "protesters" | "rioters" | "unidentified" | "militant";

/** Civilians, protesters, rioters and fighters of no named group ("villagers", "insurgents"). */
function peopleAt(ctx: ScanContext, k: number): { last: number; role: PeopleRole } | undefined {
  const hit = longestWord(ctx, k, (w) => ["civilian", "protester", "rioter", "militant", "unidentified"].includes(w.type));
  if (!hit || !standsAlone(ctx, hit.last)) return undefined;
  const type = hit.words[0]!.type;
  // "the People's Liberation Army": a capitalised common noun mid-sentence is part of a name.
  if ((type === "civilian" || type === "protester") && midSentenceCapital(ctx, k)) return undefined;
  if (type === "civilian") return { last: hit.last, role: wordAfter(ctx, hit.last, "protestVerb") !== undefined ? "protesters" : "civilians" };
  if (type === "protester") return { last: hit.last, role: "protesters" };
  if (type === "rioter") return { last: hit.last, role: "rioters" };
  return { last: hit.last, role: type === "militant" ? "militant" : "unidentified" };
}

function midSentenceCapital(ctx: ScanContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  return !ctx.caps && k > 0 && /^[A-Z]/.test(t.raw) && !/["(:]/.test(ctx.norm.slice(ctx.tokens[k - 1]!.end, t.start));
}

/** "unknown assailants", "armed men": modifiers that make any head an unidentified group. */
function unidentifiedAt(ctx: ScanContext, k: number): { last: number; role: PeopleRole } | undefined {
  let j = k;
  let mods = 0;
  for (let hit = longestWord(ctx, j, (w) => w.type === "unidMod"); hit; hit = longestWord(ctx, j, (w) => w.type === "unidMod")) {
    mods++;
    j = hit.last + 1;
    if (j >= ctx.tokens.length || !ctx.tokens[j]!.joined) return undefined;
  }
  if (mods === 0) return undefined;
  const head = longestWord(ctx, j, (w) => w.type === "unidHead" || w.type === "unidentified" || w.type === "militant");
  if (!head || !standsAlone(ctx, head.last)) return undefined;
  // "armed insurgents" are still the article's insurgents; "unknown insurgents" are not.
  const unknown = ctx.tokens.slice(k, j).some((t) => t.lower === "unknown" || t.lower === "unidentified");
  const militant = head.words.every((w) => w.type === "militant");
  return { last: head.last, role: militant && !unknown ? "militant" : "unidentified" };
}

/** "the government", "the authorities", "the regime": the article's country's government. */
function governmentAt(ctx: ScanContext, k: number): number | undefined {
  const prev = ctx.tokens[k - 1];
  if (!prev || prev.lower !== "the" || !ctx.tokens[k]!.spaced) return undefined;
  const hit = longestWord(ctx, k, (w) => w.type === "government");
  if (!hit || ctx.tokens[k]!.lower === "officials" || !standsAlone(ctx, hit.last)) return undefined;
  return hit.last;
}

/** A people word not used as an adjective ("civilian casualties", "rebel-held"). */
function standsAlone(ctx: ScanContext, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (ctx.blocked.has(last)) return false;
  if (!next || !next.joined) return true;
  if (ctx.norm[ctx.tokens[last]!.end] === "-") return false;
  if (possessive(ctx, last)) return !ctx.lex.notBefore.has(ctx.tokens[last + 2]?.lower ?? "");
  return !ctx.lex.notBefore.has(next.lower);
}

// --- internal: helpers ---

interface WordHit {
  last: number;
  words: readonly Word[];
}

function longestWord(ctx: ScanContext, k: number, keep: (w: Word) => boolean): WordHit | undefined {
  const t = ctx.tokens[k];
  if (!t || !ctx.lex.words.starts(t.lower)) return undefined;
  const hits = ctx.lex.words.matchAt(ctx.tokens, k);
  for (let h = hits.length - 1; h >= 0; h--) {
    const words = hits[h]!.values.filter(keep);
    if (words.length > 0) return { last: hits[h]!.last, words };
  }
  return undefined;
}

/** The last token of a word of this type right after token `last`, if any. */
function wordAfter(ctx: ScanContext, last: number, type: Word["type"]): number | undefined {
  if (!joinedAt(ctx, last + 1) || possessive(ctx, last)) return undefined;
  return longestWord(ctx, last + 1, (w) => w.type === type)?.last;
}

function joinedAt(ctx: ScanContext, k: number): boolean {
  const t = ctx.tokens[k];
  return t !== undefined && t.joined && t.lower !== "s";
}

/** "Pakistan's army": the token after `last` is the "s" of a possessive. */
function possessive(ctx: ScanContext, last: number): boolean {
  const t = ctx.tokens[last + 1];
  return t !== undefined && t.lower === "s" && ctx.norm[t.start - 1] === "'" && t.start - 1 === ctx.tokens[last]!.end;
}

/** Is the country at tokens i..last the subject of a clause ("The United States conducted")? */
function isSubject(ctx: ScanContext, i: number, last: number): boolean {
  const next = ctx.tokens[last + 1];
  if (!next || !next.spaced || !isVerbish(ctx, next)) return false;
  const b = ctx.tokens[i - 1]?.lower === "the" && ctx.tokens[i]!.spaced ? i - 1 : i;
  if (b === 0) return true;
  const prev = ctx.tokens[b - 1]!;
  // a comma, a colon, a quote, or a spaced dash after a dateline ("KABUL, Afghanistan - The U.S. …")
  if (/[,;:"(]|\s-{1,2}\s/.test(ctx.norm.slice(prev.end, ctx.tokens[b]!.start))) return true;
  return CLAUSE_OPENERS.has(prev.lower);
}

const CLAUSE_OPENERS = new Set(["and", "but", "while", "that", "as", "when", "after", "since", "because", "where", "although", "though", "meanwhile", "then", "so", "whereas"]);

const AUXILIARIES = new Set(["has", "have", "had", "will", "would", "could", "can", "may", "might", "must", "should"]);
const NOT_ACTIVE = new Set(["be", "been", "become", "not", "a", "an", "the", "no", "to"]);

function isVerbish(ctx: ScanContext, t: Token): boolean {
  if (AUXILIARIES.has(t.lower)) {
    // "India has welcomed", not "Afghanistan has been hit" (the country is no actor there).
    const k = ctx.tokens.indexOf(t);
    const after = ctx.tokens[k + 1];
    return after !== undefined && after.spaced && !NOT_ACTIVE.has(after.lower) && (ctx.caps || after.raw === after.lower);
  }
  if (ctx.lex.subjectVerbs.has(t.lower)) return true;
  if (!ctx.caps && t.raw !== t.lower) return false;
  return t.lower.length > 4 && t.lower.endsWith("ed") && !ctx.lex.notVerbs.has(t.lower);
}

function entriesOf(names: readonly Name[], type: "alias" | "adjective"): ActorEntry[] {
  const out: ActorEntry[] = [];
  for (const n of names) if (n.type === type && !out.includes(n.entry)) out.push(n.entry);
  return out;
}

/** A phrase from token i to offset end, taking a "the" right before it into the span. */
function proto(ctx: ScanContext, i: number, end: number, by: string, target: Target): Proto {
  const t = ctx.tokens[i]!;
  const prev = ctx.tokens[i - 1];
  const start = prev && prev.lower === "the" && t.spaced ? prev.start : t.start;
  return { start, end, by, target };
}

/** "Communist Party of Nepal (Maoist": take the closing parenthesis too. */
function closeParen(ctx: ScanContext, i: number, end: number): number {
  const text = ctx.norm.slice(ctx.tokens[i]!.start, end);
  return text.includes("(") && !text.includes(")") && ctx.norm[end] === ")" ? end + 1 : end;
}

/** "NATIONAL LIBERATION FRONT [FMLN]": an acronym of the same group in brackets joins the name. */
function bracketEnd(ctx: ScanContext, entries: readonly ActorEntry[], end: number): number {
  const m = /^\s?[[(]([A-Za-z][A-Za-z0-9-]{1,11})[\])]/.exec(ctx.norm.slice(end, end + 16));
  if (!m) return end;
  const inner = m[1]!.toLowerCase();
  const same = entries.some((e) => e.aliases.some((a) => a.toLowerCase() === inner));
  return same ? end + m[0].length : end;
}

function tokenAfter(ctx: ScanContext, end: number): number {
  let k = 0;
  while (k < ctx.tokens.length && ctx.tokens[k]!.start < end) k++;
  return k;
}
