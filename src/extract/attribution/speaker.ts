/**
 * @module extract/attribution/speaker
 * Reads who a phrase next to a reporting verb is: a person's name, the role the text gives
 * them and the organisation they speak for. Without a name tagger, a name is a run of
 * capitalised words next to a title ("Col. Sonny Leggett"), a role noun ("police officer
 * Shafqat Malik") or a reporting verb ("Prachanda said"); roles and organisations come from the
 * word lists and from the actors stage.
 *
 *   "Nasrat Rahimi, a spokesman for the Interior Ministry" → name, role "spokesman", org "Interior Ministry"
 *   "a Taliban spokesman"                                   → role "Taliban spokesman", org "Taliban"
 *   "the U.S. military spokesman in Kabul"                  → role "U.S. military spokesman", org "U.S. military"
 *   "Pakistani officials"                                   → role "Pakistani officials", org "Government of Pakistan"
 *   "Libya"                                                 → role "government", org "Government of Libya"
 */
import type { ActorMention } from "../annotations.js";
import type { ActorDictionary } from "../actors/dictionary.js";
import { countryEntry } from "../actors/dictionary.js";
import { longestName, type Name } from "../actors/names.js";
import { isCapitalised, type Token } from "../actors/tokens.js";
import type { Trie } from "../actors/trie.js";
import type { AttributionLexicon } from "./lexicon.js";

export interface Speaker {
  start: number;
  end: number;
  name?: string;
  role?: string;
  organization?: string;
  /** "he", "she", "they": who it is comes from an earlier speaker. */
  pronoun?: string;
  /** "the spokesman", "the ministry": a definite role that may refer to an earlier speaker. */
  definite?: string;
}

export interface PhraseContext {
  text: string;
  norm: string;
  tokens: readonly Token[];
  caps: boolean;
  lex: AttributionLexicon;
  /** Actor mentions of the sentence. */
  actors: readonly ActorMention[];
  dict: ActorDictionary;
  names: Trie<Name>;
  abbreviations: ReadonlySet<string>;
  /** Lower-cased surnames of people the article names with a title: "PONCE" alone is a name then. */
  knownNames: ReadonlySet<string>;
}

/** The gap before token k ends a phrase: punctuation, or a period that is not an abbreviation's. */
export function boundaryBefore(ctx: PhraseContext, k: number): boolean {
  const prev = ctx.tokens[k - 1];
  const t = ctx.tokens[k];
  if (!prev || !t) return true;
  const gap = ctx.norm.slice(prev.end, t.start);
  if (/[,;:"()[\]!?]|\n\s*\n/.test(gap)) return true;
  return gap.includes(".") && !(prev.raw.length === 1 || ctx.abbreviations.has(prev.lower));
}

export function gapHas(ctx: PhraseContext, k: number, chars: RegExp): boolean {
  const prev = ctx.tokens[k - 1];
  const t = ctx.tokens[k];
  return prev !== undefined && t !== undefined && chars.test(ctx.norm.slice(prev.end, t.start));
}

const ARTICLES = new Set(["a", "an", "the"]);
const DETERMINERS = new Set(["a", "an", "the", "one", "another", "two", "three", "four", "several", "some", "many", "its", "his", "her", "their", "both"]);
const ORG_PREPS = new Set(["for", "of", "with", "at", "from"]);
const CUT_WORDS = new Set(["in", "near", "on", "during", "outside", "inside", "who", "which", "that", "speaking", "working", "living", "based", "when", "while", "after", "before", "as", "to", "by", "and"]);
const OPENERS = new Set(["meanwhile", "however", "separately", "still", "but", "yet", "now", "today", "yesterday", "overnight", "elsewhere"]);
const FORCE_WORDS = new Set(["military", "army", "police", "navy", "security", "intelligence", "border", "forces"]);
const PRONOUNS = new Set(["he", "she", "they"]);
const GOVERNMENT_ROLES = /\b(?:officials?|government|authorities|ministers?|ministry|spokes(?:man|woman|person)|president|diplomats?|envoy|ambassador|leaders?)\b/i;

/** Who tokens a..b (inclusive) name, if they name a speaker at all. */
export function interpret(ctx: PhraseContext, a: number, b: number): Speaker | undefined {
  // "Later the ministry said": a sentence adverb is not part of the speaker.
  while (a < b && (ctx.lex.adverbs.has(ctx.tokens[a]!.lower) || OPENERS.has(ctx.tokens[a]!.lower))) a++;
  if (a > b) return undefined;
  const first = ctx.tokens[a]!;
  if (a === b && PRONOUNS.has(first.lower)) return { start: first.start, end: first.end, pronoun: first.lower };
  const definite = first.lower === "the";
  let shown = a;
  while (shown <= b && ARTICLES.has(ctx.tokens[shown]!.lower)) shown++;
  let s = a;
  while (s <= b && DETERMINERS.has(ctx.tokens[s]!.lower)) s++;
  if (s > b) return undefined;
  const { head, org } = splitPhrase(ctx, s, b);
  const speaker = readHead(ctx, s, head, org);
  // "One eyewitness", "Two officials": the span keeps the number, not the article.
  if (speaker && !speaker.name && shown < s) speaker.start = ctx.tokens[shown]!.start;
  if (!speaker) return undefined;
  if (definite && !speaker.name && speaker.role && !/\s/.test(speaker.role)) speaker.definite = speaker.role.toLowerCase();
  return speaker;
}

/** People the sentence names with a title ("President Donald Trump", "Col. Sonny Leggett"). */
export function titledPeople(ctx: PhraseContext): { at: number; name: string; role?: string }[] {
  const out: { at: number; name: string; role?: string }[] = [];
  for (let k = 0; k < ctx.tokens.length; k++) {
    const title = titleAt(ctx, k);
    const last = title ? nameEnd(ctx, title.last + 1, ctx.tokens.length - 1, true) : undefined;
    if (!title || last === undefined || boundaryBefore(ctx, title.last + 1)) continue;
    out.push({ at: ctx.tokens[k]!.start, name: textOf(ctx, title.last + 1, last), ...(title.honorific ? {} : { role: textOf(ctx, k, title.last) }) });
    k = last;
  }
  return out;
}

/** Is a run of capitalised tokens from k a person's name? Returns its last token. */
export function nameEnd(ctx: PhraseContext, k: number, max: number, anchored = false): number | undefined {
  const t = ctx.tokens[k];
  if (!t || !nameWord(ctx, t)) return undefined;
  let last = k;
  for (let j = k + 1; j <= max && j - k < 5 && !boundaryBefore(ctx, j); j++) {
    const w = ctx.tokens[j]!;
    const particle = ctx.lex.nameParticles.has(w.lower) && j < max;
    if (!particle && !nameWord(ctx, w)) break;
    if (!particle) last = j;
  }
  if (coveredByActorOrCountry(ctx, k, last)) return undefined;
  // Upper-case copy cannot show a name by its capitals: a lone word must be known as a surname.
  if (ctx.caps && !anchored && last === k && !ctx.knownNames.has(t.lower)) return undefined;
  return last;
}

/** A word that may be part of a name; in capitals, not a function word or a common-noun ending. */
function nameWord(ctx: PhraseContext, t: Token): boolean {
  if (!looksNamey(ctx, t) || ctx.lex.notNames.has(t.lower) || isOrgWord(ctx, t)) return false;
  if (!ctx.caps) return true;
  if (CAPS_NOT_NAMES.has(t.lower) || COMMON_ENDINGS.test(t.lower)) return false;
  return !ctx.lex.verbs.has(t.lower) && !ctx.lex.roleModifiers.has(t.lower) && !ctx.lex.roleNouns.starts(t.lower);
}

const CAPS_NOT_NAMES = new Set([
  "the", "a", "an", "of", "and", "or", "was", "were", "is", "are", "had", "has", "have", "be", "been", "will", "would", "to", "in",
  "on", "at", "by", "for", "from", "with", "that", "this", "who", "which", "it", "its", "they", "their", "he", "his", "she", "her",
  "not", "no", "also", "as", "but", "if", "so", "than", "then", "there", "these", "those", "today", "yesterday", "made", "said",
  "could", "can", "may", "must", "should", "did", "do", "does", "all", "other", "such", "only", "new", "last", "next", "after",
]);
const COMMON_ENDINGS = /(?:ed|ing|tion|tions|ment|ments|ness|ity|ities|ies|ers|ors|ism|ist|ists|ance|ence|ship|ous|ive|ful|less|ly)$/;
const RANKS = new Set(["col", "colonel", "gen", "general", "lt", "lieutenant", "maj", "major", "capt", "captain", "sgt", "sergeant", "adm", "admiral", "brig", "brigadier", "cmdr", "commander", "marshal", "cpl", "corporal", "pvt", "private"]);

export function textOf(ctx: PhraseContext, a: number, b: number): string {
  return ctx.text.slice(ctx.tokens[a]!.start, ctx.tokens[b]!.end);
}

/**
 * A role as written, with an abbreviated title's period ("Col.") and without the capital a
 * sentence start gives a common word ("Officials said" → "officials").
 */
function roleText(ctx: PhraseContext, a: number, b: number): string {
  const last = ctx.tokens[b]!;
  let text = textOf(ctx, a, b);
  if (ctx.norm[last.end] === "." && ctx.abbreviations.has(last.lower)) text += ".";
  const first = ctx.tokens[a]!;
  const common = ctx.lex.roleModifiers.has(first.lower) || ctx.lex.roleNouns.starts(first.lower);
  const opens = a === 0 || gapHas(ctx, a, /["(]/);
  if (!ctx.caps && common && opens && /^[A-Z][a-z]/.test(first.raw) && !titleAt(ctx, a)) text = text[0]!.toLowerCase() + text.slice(1);
  return text;
}

// --- internal ---

/** "a spokesman for the Interior Ministry in Kabul": head "spokesman", org "Interior Ministry". */
function splitPhrase(ctx: PhraseContext, s: number, b: number): { head: number; org?: [number, number] } {
  const title = titleAt(ctx, s);
  const from = title ? title.last + 1 : s + 1;
  for (let k = from; k <= b; k++) {
    const w = ctx.tokens[k]!;
    if (!ctx.caps && w.raw !== w.lower) continue;
    if (ORG_PREPS.has(w.lower)) {
      let e = k + 1;
      while (e <= b && !(CUT_WORDS.has(ctx.tokens[e]!.lower) && (ctx.caps || ctx.tokens[e]!.raw === ctx.tokens[e]!.lower))) e++;
      let o = k + 1;
      while (o < e && DETERMINERS.has(ctx.tokens[o]!.lower)) o++;
      return o < e ? { head: k - 1, org: [o, e - 1] } : { head: k - 1 };
    }
    if (CUT_WORDS.has(w.lower)) return { head: k - 1 };
  }
  return { head: b };
}

function readHead(ctx: PhraseContext, s: number, e: number, org: [number, number] | undefined): Speaker | undefined {
  if (e < s) return undefined;
  const span = { start: ctx.tokens[s]!.start, end: ctx.tokens[e]!.end };
  const orgName = org ? organisationOf(ctx, org[0], org[1]) : undefined;
  const role = roleEnd(ctx, s, e);
  if (role) return withRole(ctx, s, e, role, orgName, span);
  const nameLast = nameEnd(ctx, s, e);
  if (nameLast === e) return { ...span, name: textOf(ctx, s, e), ...(orgName ? { organization: orgName } : {}) };
  return actorSpeaker(ctx, s, e, span) ?? outletSpeaker(ctx, s, e, span) ?? orgSpeaker(ctx, s, e, span);
}

/** "Reuters reported", "Xinhua said": a news outlet speaks for itself. */
function outletSpeaker(ctx: PhraseContext, s: number, e: number, span: { start: number; end: number }): Speaker | undefined {
  const hit = ctx.lex.outlets.matchAt(ctx.tokens, s).find((h) => h.last === e);
  return hit ? { ...span, role: "media", organization: hit.values[0]! } : undefined;
}

/** The last title or role noun in s..e after which the rest is a name or nothing. */
function roleEnd(ctx: PhraseContext, s: number, e: number): { last: number; title?: boolean; honorific?: boolean } | undefined {
  let found: { last: number; title?: boolean; honorific?: boolean } | undefined;
  for (let k = s; k <= e; k++) {
    const title = titleAt(ctx, k);
    if (title && title.last <= e && (title.last === e || nameEnd(ctx, title.last + 1, e, true) === e)) {
      found = { last: title.last, title: true, honorific: title.honorific };
      continue;
    }
    const noun = roleNounAt(ctx, k);
    if (noun !== undefined && noun <= e && (noun === e || nameEnd(ctx, noun + 1, e, true) === e)) found = { last: noun };
  }
  return found;
}

function withRole(ctx: PhraseContext, s: number, e: number, role: { last: number; title?: boolean; honorific?: boolean }, orgName: string | undefined, span: { start: number; end: number }): Speaker {
  const out: Speaker = { ...span };
  if (role.last < e) out.name = textOf(ctx, role.last + 1, e);
  if (!role.honorific) out.role = roleText(ctx, s, role.last);
  const org = orgName ?? (role.title ? titleOrganisation(ctx, s, role.last) ?? actorOrganisation(ctx, ctx.tokens[s]!.start, ctx.tokens[role.last]!.end) : modifierOrganisation(ctx, s, role.last));
  if (org) out.organization = org;
  return out;
}

/** "Taliban spokesman" → "Taliban"; "U.S. military spokesman" → "U.S. military"; "Pakistani officials" → the actor. */
function modifierOrganisation(ctx: PhraseContext, s: number, last: number): string | undefined {
  let m = s;
  while (m < last && ctx.lex.roleModifiers.has(ctx.tokens[m]!.lower) && !isCapsName(ctx, m)) m++;
  const headStart = roleNounStart(ctx, m, last);
  if (headStart > m) {
    const mods = textOf(ctx, m, headStart - 1);
    const country = leadingCountry(ctx, m, headStart - 1);
    if (country) return GOVERNMENT_ROLES.test(textOf(ctx, m, last)) ? countryEntry(ctx.dict, country, "government").name : undefined;
    // "Maoist rebels": a group named by an adjective is the group, not the word.
    const group = groupOrganisation(ctx, ctx.tokens[m]!.start, ctx.tokens[headStart - 1]!.end);
    if (group) return group;
    if (/[A-Z]/.test(mods) && !ctx.caps) return mods;
  }
  return actorOrganisation(ctx, ctx.tokens[s]!.start, ctx.tokens[last]!.end);
}

/** "Italian Reforms Minister": a government office; its organisation is the country's government. */
function titleOrganisation(ctx: PhraseContext, s: number, last: number): string | undefined {
  // "Salvadoran Colonel X" serves in the army; "Italian Reforms Minister X" in the government.
  const kind = RANKS.has(ctx.tokens[last]!.lower) ? "military" : "government";
  for (let k = s; k <= last; k++) {
    const hit = longestName(ctx.names, ctx.tokens, k, ctx.caps, new Set());
    const country = hit?.names.find((n) => n.type === "demonym" || n.type === "country");
    if (country && (country.type === "demonym" || country.type === "country")) return countryEntry(ctx.dict, country.iso3, kind).name;
  }
  return undefined;
}

/** The organisation after "for/of/at": a country is its government, a known actor its name. */
function organisationOf(ctx: PhraseContext, a: number, b: number): string | undefined {
  const country = countryOf(ctx, a, b);
  if (country) return countryEntry(ctx.dict, country, "government").name;
  const actor = exactActor(ctx, a, b);
  if (actor && actor.kind !== "civilians" && actor.kind !== "protesters") return actor.kind === "state" || actor.kind === "external" ? textOf(ctx, a, b) : actor.name;
  return textOf(ctx, a, b);
}

/** A speaker that is an actor: "Libya", "the Taliban", "police", "the military". */
function actorSpeaker(ctx: PhraseContext, s: number, e: number, span: { start: number; end: number }): Speaker | undefined {
  const actor = exactActor(ctx, s, e);
  if (!actor) return undefined;
  if (actor.kind === "government") return { ...span, role: "government", organization: actor.name };
  if (actor.kind === "civilians" || actor.kind === "protesters" || actor.kind === "rioters") return { ...span, role: roleText(ctx, s, e) };
  return { ...span, organization: actor.name };
}

/** "the Interior Ministry", "Human Rights Watch": a capitalised name ending in an organisation word. */
function orgSpeaker(ctx: PhraseContext, s: number, e: number, span: { start: number; end: number }): Speaker | undefined {
  const words = ctx.tokens.slice(s, e + 1);
  const lastOrg = words.map((w) => isOrgWord(ctx, w)).lastIndexOf(true);
  if (lastOrg < 0 || words.some((w) => !ctx.caps && !isCapitalised(w.raw) && !ctx.lex.nameParticles.has(w.lower) && w.lower !== "of")) return undefined;
  // Only a name may follow the organisation word ("Ministry of Defence"), not "POLICE ARE CONTINUING".
  if (words.slice(lastOrg + 1).some((w) => w.lower !== "of" && w.lower !== "the" && !nameWord(ctx, w))) return undefined;
  return { ...span, organization: textOf(ctx, s, e) };
}

function titleAt(ctx: PhraseContext, k: number): { last: number; honorific: boolean } | undefined {
  const t = ctx.tokens[k];
  if (!t || (!ctx.caps && !isCapitalised(t.raw)) || !ctx.lex.titles.starts(t.lower)) return undefined;
  // Titles may be abbreviated: "Lt. Col.", "Maj. Gen."
  const hits = ctx.lex.titles.matchAt(ctx.tokens, k, (j) => /^\.?\s{1,2}$|^-$/.test(ctx.norm.slice(ctx.tokens[j - 1]!.end, ctx.tokens[j]!.start)));
  const hit = hits[hits.length - 1];
  return hit ? { last: hit.last, honorific: hit.values[0]!.honorific } : undefined;
}

/** A role noun is lower case, except in capitals or where a sentence or quote opens ("Officials said"). */
function roleNounAt(ctx: PhraseContext, k: number): number | undefined {
  const t = ctx.tokens[k];
  if (!t || !ctx.lex.roleNouns.starts(t.lower)) return undefined;
  if (!ctx.caps && t.raw !== t.lower && k > 0 && !gapHas(ctx, k, /["(]/)) return undefined;
  const hits = ctx.lex.roleNouns.matchAt(ctx.tokens, k);
  return hits[hits.length - 1]?.last;
}

/** Where the role noun ending at `last` starts ("news agency" is two words). */
function roleNounStart(ctx: PhraseContext, m: number, last: number): number {
  for (let k = m; k <= last; k++) if (roleNounAt(ctx, k) === last) return k;
  return last;
}

function looksNamey(ctx: PhraseContext, t: Token): boolean {
  return /^\p{L}/u.test(t.raw) && (ctx.caps || isCapitalised(t.raw));
}

function isCapsName(ctx: PhraseContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  return !ctx.caps && k > 0 && isCapitalised(t.raw) && !DETERMINERS.has(t.lower);
}

function isOrgWord(ctx: PhraseContext, t: Token): boolean {
  return ctx.lex.orgHeads.has(t.lower) && (ctx.caps || isCapitalised(t.raw));
}

/** "Indian foreign": a country or demonym followed only by lower-case role words. */
function leadingCountry(ctx: PhraseContext, a: number, b: number): string | undefined {
  const hit = longestName(ctx.names, ctx.tokens, a, ctx.caps, new Set());
  const c = hit?.names.find((n) => n.type === "country" || n.type === "demonym");
  if (!hit || !c || (c.type !== "country" && c.type !== "demonym")) return undefined;
  // "Burma's government": the possessive "s" is no word of the role.
  const from = ctx.tokens[hit.last + 1]?.lower === "s" && ctx.norm[ctx.tokens[hit.last]!.end] === "'" ? hit.last + 2 : hit.last + 1;
  for (let k = from; k <= b; k++) {
    const w = ctx.tokens[k]!.lower;
    // "U.S. military", "Afghan police": a force, not the government.
    if (!ctx.lex.roleModifiers.has(w) || FORCE_WORDS.has(w)) return undefined;
  }
  return c.iso3;
}

function countryOf(ctx: PhraseContext, a: number, b: number): string | undefined {
  const hit = longestName(ctx.names, ctx.tokens, a, ctx.caps, new Set());
  if (!hit || hit.last !== b) return undefined;
  const c = hit.names.find((n) => n.type === "country" || n.type === "demonym");
  return c && (c.type === "country" || c.type === "demonym") ? c.iso3 : undefined;
}

/** The actor mention that covers exactly tokens a..b (a leading "the" aside). */
function exactActor(ctx: PhraseContext, a: number, b: number): ActorMention | undefined {
  const start = ctx.tokens[a]!.start;
  const end = ctx.tokens[b]!.end;
  return ctx.actors.find((m) => m.span.end === end && (m.span.start === start || ctx.norm.slice(m.span.start, start).toLowerCase() === "the "));
}

function groupOrganisation(ctx: PhraseContext, start: number, end: number): string | undefined {
  const m = ctx.actors.find((x) => x.span.start < end && x.span.end > start && ["rebel", "militia", "identity"].includes(x.kind));
  return m?.name;
}

function actorOrganisation(ctx: PhraseContext, start: number, end: number): string | undefined {
  const m = ctx.actors.find((x) => x.span.start < end && x.span.end > start && x.kind !== "civilians" && x.kind !== "protesters" && x.kind !== "rioters" && x.kind !== "unidentified");
  return m?.name;
}

function coveredByActorOrCountry(ctx: PhraseContext, a: number, b: number): boolean {
  const start = ctx.tokens[a]!.start;
  const end = ctx.tokens[b]!.end;
  if (ctx.actors.some((m) => m.span.start <= start && m.span.end >= end)) return true;
  return countryOf(ctx, a, b) !== undefined || ctx.lex.outlets.matchAt(ctx.tokens, a).some((h) => h.last === b);
}
