/**
 * @module extract/attribution/attributions
 * The attribution stage: who the text attributes each sentence's claims to. One attribution
 * per reporting cue ("said", "told", "according to", "reported" …) with the speaker's name,
 * role, organisation, the channel ("on Twitter", "in a statement", "told Reuters") and the
 * quoted words attached to the speaker.
 *
 * Recipe: find cues → read the speaker beside each cue (speaker.ts) → find channels and quotes
 * in the sentence → resolve references across the article: a surname to the full name given
 * earlier, "he said" to the last named speaker, "the ministry" to the ministry named before.
 */
import type { Attribution } from "../annotations.js";
import type { ActorDictionary } from "../actors/dictionary.js";
import { nameTrie } from "../actors/names.js";
import { isCapsText, tokenize } from "../actors/tokens.js";
import { spanOf, type Document } from "../document.js";
import type { Found } from "../stage.js";
import { defineStage } from "../stage.js";
import { ABBREVIATIONS } from "../text/abbreviations.js";
import { attributionLexicon } from "./lexicon.js";
import { findQuotes, type Quote } from "./quotes.js";
import { resolveReferences, type Draft, type Person } from "./references.js";
import { boundaryBefore, gapHas, interpret, titledPeople, type PhraseContext, type Speaker } from "./speaker.js";

export const attributionsStage = defineStage({
  key: "attributions",
  // Places too: the sentence tokens are read with the actors stage's view of countries.
  needs: ["text", "places", "actors"],
  run: (doc, found, resources) => {
    try {
      return findAttributions(doc, found, resources.actors);
    } catch {
      // A stage never fails an article: odd text yields no attributions rather than an error.
      return [];
    }
  },
});

/** The attributions of a document; exported for tests and for callers without a pipeline. */
export function findAttributions(doc: Document, found: Found, dict: ActorDictionary): Attribution[] {
  const lex = attributionLexicon();
  const names = nameTrie(dict);
  const quotes = findQuotes(doc.norm);
  const actors = found.actors ?? [];
  const knownNames = new Set<string>();
  const contexts = sentenceRanges(doc, found).map(([index, start, end]): [number, PhraseContext] => {
    const tokens = tokenize(doc.norm, start, end);
    const inside = actors.filter((m) => m.span.start >= start && m.span.end <= end);
    return [index, { text: doc.text, norm: doc.norm, tokens, caps: isCapsText(tokens), lex, actors: inside, dict, names, abbreviations: ABBREVIATIONS, knownNames }];
  });
  // First pass: people named with a title, so that a bare surname later is known as a name.
  const titled: Person[] = contexts.flatMap(([, ctx]) => titledPeople(ctx));
  for (const p of titled) knownNames.add(p.name.toLowerCase().split(/\s+/).pop()!);
  const drafts = contexts.flatMap(([index, ctx]) => sentenceDrafts(ctx, index, quotes));
  return resolveReferences(drafts, titled).map((d) => toAttribution(doc, d));
}

// --- internal ---

function sentenceRanges(doc: Document, found: Found): [number, number, number][] {
  const sentences = found.text?.sentences ?? [];
  if (sentences.length === 0) return [[0, 0, doc.norm.length]];
  return sentences.map((s) => [s.index, s.span.start, s.span.end]);
}

interface Cue {
  /** Token index of the verb, or of "according". */
  k: number;
  verb: string;
  according: boolean;
}

function sentenceDrafts(ctx: PhraseContext, sentence: number, quotes: readonly Quote[]): Draft[] {
  const out: Draft[] = [];
  const channels = findChannels(ctx, quotes);
  for (const cue of findCues(ctx, quotes)) {
    const found = cue.according ? forward(ctx, cue.k + 2, "attribution/according-to") : sharedSubject(ctx, cue, out) ?? speakerOf(ctx, cue);
    if (!found) continue;
    const t = ctx.tokens[cue.k]!;
    const cueEnd = cue.according ? ctx.tokens[cue.k + 1]!.end : t.end;
    const draft: Draft = { ...found, sentence, verb: cue.verb, cueStart: t.start, cueEnd };
    const channel = channelFor(channels, t.start);
    if (channel) draft.channel = channel;
    const quote = quoteFor(ctx.norm, quotes, Math.min(draft.start, t.start), Math.max(draft.end, cueEnd));
    if (quote) draft.quote = quote;
    out.push(draft);
  }
  return out;
}

const NOUN_BEFORE = new Set(["a", "an", "the", "this", "that", "his", "her", "its", "their", "any", "no", "every", "each", "of", "to"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);

function findCues(ctx: PhraseContext, quotes: readonly Quote[]): Cue[] {
  const out: Cue[] = [];
  ctx.tokens.forEach((t, k) => {
    if (inQuote(quotes, t.start)) return;
    if (t.lower === "according" && ctx.tokens[k + 1]?.lower === "to") {
      out.push({ k, verb: "according to", according: true });
      return;
    }
    const verb = ctx.lex.verbs.get(t.lower);
    if (!verb || (!ctx.caps && t.raw !== t.lower && k > 0)) return;
    // "a report", "the claim": a base form after a determiner is a noun.
    if (NOUN_BEFORE.has(ctx.tokens[k - 1]?.lower ?? "") && !/(?:ed|s)$/.test(t.lower)) return;
    // "were reported killed", "is said to": a passive verb reports no speaker.
    if (BE.has(skipAdverbs(ctx, k - 1) >= 0 ? ctx.tokens[skipAdverbs(ctx, k - 1)]!.lower : "")) return;
    out.push({ k, verb, according: false });
  });
  return out;
}

type Found1 = Speaker & { by: string };

/** The speaker of a verb: before it ("officials said"), or after it ("…," said Col. Leggett). */
function speakerOf(ctx: PhraseContext, cue: Cue): Found1 | undefined {
  const e = skipAdverbs(ctx, cue.k - 1);
  if (e >= 0 && !boundaryBefore(ctx, e + 1)) return before(ctx, e);
  if (e >= 0 && gapHas(ctx, e + 1, /,/) && !gapHas(ctx, e + 1, /"/)) return appositiveBefore(ctx, e) ?? (cue.verb === "tell" ? undefined : forward(ctx, cue.k + 1, "attribution/verb-subject"));
  return cue.verb === "tell" ? undefined : forward(ctx, cue.k + 1, "attribution/verb-subject");
}

/** "X said … and said …": the second verb shares the first one's speaker. */
function sharedSubject(ctx: PhraseContext, cue: Cue, earlier: readonly Draft[]): Found1 | undefined {
  const e = skipAdverbs(ctx, cue.k - 1);
  const prev = earlier[earlier.length - 1];
  if (e < 0 || ctx.tokens[e]!.lower !== "and" || !prev) return undefined;
  const { sentence: _s, verb: _v, cueStart: _a, cueEnd: _b, channel: _c, quote: _q, ...speaker } = prev;
  return { ...speaker, by: "attribution/shared-subject" };
}

function skipAdverbs(ctx: PhraseContext, e: number): number {
  let k = e;
  while (k >= 0 && ctx.lex.adverbs.has(ctx.tokens[k]!.lower) && !boundaryBefore(ctx, k + 1)) k--;
  return k;
}

const CLAUSE = new Set(["that", "and", "but", "while", "when", "which", "who", "because", "after", "before", "if", "as", "where", "since", "or", "although", "though", "so", "than", "whom", "whose"]);

/** The first token of the phrase ending at token e, read leftwards up to a boundary. */
function segmentBack(ctx: PhraseContext, e: number): number {
  let k = e;
  while (k > 0 && e - k < 12 && !boundaryBefore(ctx, k)) {
    const prev = ctx.tokens[k - 1]!;
    const lowerCase = ctx.caps || prev.raw === prev.lower;
    if (lowerCase && (CLAUSE.has(prev.lower) || ctx.lex.verbs.has(prev.lower))) break;
    k--;
  }
  return k;
}

function before(ctx: PhraseContext, e: number): Found1 | undefined {
  return appositiveBefore(ctx, e);
}

/**
 * The phrase before a verb, joined with the phrase before it when the two are one person:
 * "Zabiullah Mujahid, a Taliban spokesman, said", "Leggett, the U.S. military spokesman said",
 * "The Inspector General of Police, Chandra Fernando told".
 */
function appositiveBefore(ctx: PhraseContext, e: number): Found1 | undefined {
  const s = segmentBack(ctx, e);
  if (isClauseStart(ctx, s)) return undefined;
  const role = interpret(ctx, s, e);
  if (s > 0 && gapHas(ctx, s, /,/) && !gapHas(ctx, s, /"/)) {
    const s0 = segmentBack(ctx, s - 1);
    const person = interpret(ctx, s0, s - 1);
    if (person?.name && role && !role.name && role.role && ARTICLES.has(ctx.tokens[s]!.lower)) return merge(person, role, "attribution/appositive");
    if (role?.name && !role.role && person?.role && !person.name && ctx.tokens[s0]!.lower === "the") return merge(role, person, "attribution/appositive");
  }
  return role ? { ...role, by: "attribution/subject-verb" } : undefined;
}

const ARTICLES = new Set(["a", "an", "the"]);

/** "In Kabul, …": a phrase that opens with a preposition or a participle is no speaker. */
function isClauseStart(ctx: PhraseContext, s: number): boolean {
  const t = ctx.tokens[s]!;
  return /^(?:in|on|at|with|for|from|of|to|by|under|over|against|after|before|during|speaking|asked|meanwhile|however)$/.test(t.lower) || /ing$/.test(t.lower);
}

const STOP_FORWARD = new Set(["in", "on", "at", "during", "who", "adding", "after", "before", "when", "while", "as", "to", "that", "from", "today", "yesterday", "earlier", "later", "last", "this", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "via", "by", "and"]);

/** The speaker after a verb or "according to", with an appositive after a comma. */
function forward(ctx: PhraseContext, k: number, by: string): Found1 | undefined {
  const e = segmentForward(ctx, k);
  if (e < k) return undefined;
  const head = interpret(ctx, k, e);
  if (!head) return undefined;
  if (e + 1 < ctx.tokens.length && gapHas(ctx, e + 1, /,/) && !gapHas(ctx, e + 1, /"/) && head.name) {
    const role = interpret(ctx, e + 1, segmentForward(ctx, e + 1, true));
    // The appositive's role is better than a rank: "Col. Rene Ponce, the defense minister".
    if (role && !role.name && role.role && ARTICLES.has(ctx.tokens[e + 1]!.lower)) return merge(head, role, by);
  }
  return { ...head, by };
}

function segmentForward(ctx: PhraseContext, k: number, keepPreps = false): number {
  let e = k - 1;
  for (let j = k; j < ctx.tokens.length && j - k < 12; j++) {
    if (j > k && boundaryBefore(ctx, j)) break;
    const t = ctx.tokens[j]!;
    const lowerCase = ctx.caps || t.raw === t.lower;
    if (j > k && lowerCase && (keepPreps ? CLAUSE.has(t.lower) || STOP_AFTER_ROLE.has(t.lower) : STOP_FORWARD.has(t.lower))) break;
    if (j > k && lowerCase && ctx.lex.verbs.has(t.lower)) break;
    e = j;
  }
  return e;
}

/** In an appositive, "for"/"of" belong to the role ("a spokesman for the ministry"); these end it. */
const STOP_AFTER_ROLE = new Set(["said", "told", "on", "in", "during", "today", "yesterday"]);

function merge(person: Speaker, role: Speaker | undefined, by: string): Found1 {
  const out: Found1 = { ...person, by };
  if (role?.role) out.role = role.role;
  const org = role?.organization ?? person.organization;
  if (org) out.organization = org;
  return out;
}

// --- internal: channels and quotes ---

interface Channel {
  at: number;
  rank: number;
  name: string;
}

function findChannels(ctx: PhraseContext, quotes: readonly Quote[]): Channel[] {
  const out: Channel[] = [];
  ctx.tokens.forEach((t, k) => {
    if (inQuote(quotes, t.start)) return;
    const prev = ctx.tokens[k - 1]?.lower ?? "";
    const platform = ctx.lex.platforms.starts(t.lower) ? ctx.lex.platforms.matchAt(ctx.tokens, k).pop() : undefined;
    if (platform && /^(?:on|via|to|its|his|her|their|official)$/.test(prev)) out.push({ at: t.start, rank: 0, name: platform.values[0]! });
    if (t.lower === "tweeted" || t.lower === "tweet") out.push({ at: t.start, rank: 1, name: "Twitter" });
    const outlet = /^(?:told|to|with|the)$/.test(prev) && ctx.lex.outlets.starts(t.lower) ? ctx.lex.outlets.matchAt(ctx.tokens, k).pop() : undefined;
    const told = prev === "told" || (prev === "the" && ctx.tokens[k - 2]?.lower === "told") || /^(?:to|with)$/.test(prev);
    if (outlet && told) out.push({ at: t.start, rank: 1, name: outlet.values[0]! });
  });
  const start = ctx.tokens[0]?.start ?? 0;
  const sentence = ctx.norm.slice(start, ctx.tokens[ctx.tokens.length - 1]?.end ?? start);
  ctx.lex.channelPhrases.forEach((c, i) => {
    c.pattern.lastIndex = 0;
    for (const m of sentence.matchAll(c.pattern)) if (!inQuote(quotes, start + m.index)) out.push({ at: start + m.index, rank: 2 + i, name: c.channel });
  });
  return out;
}

/** The best-ranked channel of the sentence, the nearest to the cue on a tie. */
function channelFor(channels: readonly Channel[], at: number): string | undefined {
  let best: Channel | undefined;
  for (const c of channels) {
    if (!best || c.rank < best.rank || (c.rank === best.rank && Math.abs(c.at - at) < Math.abs(best.at - at))) best = c;
  }
  return best?.name;
}

function inQuote(quotes: readonly Quote[], at: number): boolean {
  return quotes.some((q) => q.open < at && at < q.close);
}

/** The quote right before the speaker and verb ('"…," said X') or right after them ('X said: "…"'). */
function quoteFor(norm: string, quotes: readonly Quote[], start: number, end: number): { start: number; end: number } | undefined {
  // '"…," said X', '"…?" the rebels asked': a quote ending a sentence of its own is not the speaker's.
  const prior = quotes.find((q) => q.close <= start && /^[\s,]*(?:the |a |an )?$/i.test(norm.slice(q.close, start)) && (/[,?!-]\s*$/.test(norm.slice(q.close - 3, q.close - 1)) || norm.slice(q.close, start).includes(",")));
  if (prior) return prior;
  // 'X said: "…"', 'X said that "…"', 'X said in a statement: "…"', 'X told reporters, "…"'.
  return quotes.find((q) => q.open >= end && FOLLOWING.test(norm.slice(end, q.open)));
}

const FOLLOWING = /^(?:\s*[,:]?\s*(?:(?:that|the)\s+)?|\s+[^".;!?]{1,50}?[,:]\s*)$/;

function toAttribution(doc: Document, d: Draft): Attribution {
  const a: Attribution = { span: spanOf(doc, d.start, d.end), by: d.by, sentence: d.sentence, verb: d.verb };
  if (d.name) a.name = d.name;
  if (d.role) a.role = d.role;
  if (d.organization) a.organization = d.organization;
  if (d.channel) a.channel = d.channel;
  if (d.quote) a.quote = spanOf(doc, d.quote.start, d.quote.end);
  return a;
}
