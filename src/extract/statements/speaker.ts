/**
 * @module extract/statements/speaker
 * Who performs the speech act at a cue: the speaker of the quotation the cue sits in, the agent
 * of a passive ("welcomed by India"), the grammatical subject of the cue's clause, the person a
 * pronoun points back to, or the sentence's attribution.
 */
import type { Source } from "../../contract.js";
import type { Attribution, Sentence } from "../annotations.js";
import { clean, inQuote, quoteAt, type DocContext, type Entity } from "./context.js";
import type { Range } from "./people.js";

export interface Speaker {
  source: Source;
  /** What identifies the speaker across sentences: a name, else the organisation. */
  key: string;
  /** The organisation the speaker speaks for, if any. */
  org?: string;
  entity?: Entity;
  /** The quotation the cue was in, if any. */
  quote?: Range;
}

/** Speakers already found, for pronouns and quotations with no speaker of their own. */
export interface SpeakerMemory {
  recent(beforeSentence: number, person: boolean): Speaker | undefined;
}

export function speakerAt(ctx: DocContext, s: Sentence, pos: number, cueEnd: number, memory: SpeakerMemory, participle: boolean): Speaker | undefined {
  const quote = quoteAt(ctx, pos);
  if (quote) {
    const speaker = quoteSpeaker(ctx, quote, memory);
    return speaker && { ...speaker, quote };
  }
  // ", accusing them of …": a participle after a comma belongs to the main clause's subject.
  const detached = participle && /,["']?\s*$/.test(ctx.doc.norm.slice(Math.max(s.span.start, pos - 4), pos));
  const found =
    passiveAgent(ctx, s, cueEnd) ??
    (detached ? undefined : subjectOf(ctx, s, pos)) ??
    pronounSubject(ctx, s, pos, memory) ??
    attributionSpeaker(ctx, s) ??
    (participle ? subjectOf(ctx, s, pos, true) : undefined);
  return found && !isVague(ctx, found) ? enrich(ctx, s, found) : undefined;
}

/** The speaker of the reporting verb at `pos` (for a sentence that only says who said what). */
export function reporterAt(ctx: DocContext, s: Sentence, pos: number, memory: SpeakerMemory): Speaker | undefined {
  if (quoteAt(ctx, pos)) return undefined;
  const found = subjectOf(ctx, s, pos) ?? afterVerb(ctx, s, pos) ?? attributionSpeaker(ctx, s) ?? pronounSubject(ctx, s, pos, memory);
  return found && !isVague(ctx, found) ? enrich(ctx, s, found) : undefined;
}

/** The entity that is the subject of the clause holding `pos`, if one is named there. */
export function subjectEntity(ctx: DocContext, s: Sentence, pos: number): Entity | undefined {
  return subjectOf(ctx, s, pos)?.entity;
}

/** Whether an entity sits in a prepositional phrase ("in Nepal", "between the U.S. and …"). */
export function isInPrepPhrase(ctx: DocContext, e: Entity): boolean {
  return inPrepPhrase(ctx, e, ctx.bySentence[e.sentence] ?? []);
}

/** "Freedonia and Sylvania", "X, Y and Z": the entity with those joined to it, before `limit`. */
export function coordinated(ctx: DocContext, e: Entity, limit: number): Entity[] {
  const list = (ctx.bySentence[e.sentence] ?? []).filter((x) => x.extent.end <= limit);
  const i = list.indexOf(e);
  if (i < 0) return [e];
  const joins = (a: Entity, b: Entity): boolean =>
    /^(?:\s*,)?\s+(?:and|or)\s+(?:the\s+)?$|^\s*,\s+(?:the\s+)?$/i.test(ctx.doc.norm.slice(a.extent.end, b.extent.start));
  let lo = i;
  let hi = i;
  while (lo > 0 && joins(list[lo - 1]!, list[lo]!)) lo--;
  while (hi < list.length - 1 && joins(list[hi]!, list[hi + 1]!)) hi++;
  return list.slice(lo, hi + 1);
}

export function fromEntity(e: Entity): Speaker {
  const org = e.source.organization;
  return { source: e.source, key: e.kind === "person" ? e.name : (org ?? e.name), ...(org !== undefined && { org }), entity: e };
}

// --- internal ---

const BOUNDARY = /(?:[;:]|\s-\s|\b(?:after|before|when|while|as|since|because|but|that|who|which|although|though|if|until|whereas|where)\b)/g;
const FILLER = new Set(["the", "a", "an", "its", "their", "his", "her", "both", "also", "on", "in", "at", "late", "early", "last", "earlier", "later", "then", "meanwhile", "now"]);
const AUX = /^(?:\s+|,\s*|\b(?:has|have|had|is|are|was|were|also|then|later|earlier|again|reportedly|publicly|repeatedly|currently|already|formally|officially|immediately|quickly|strongly|on [A-Z][a-z]+|[A-Z][a-z]+day)\b)*$/;
const PREP_BEFORE = /\b(?:in|of|at|near|against|with|by|for|from|to|into|on|between|among|across|toward|towards|about|over|under|targeting)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?$/i;
const COORD_BEFORE = /(?:\band|\bor|,)\s+(?:the\s+)?$/i;
// "The X-Y truce … called for", "the Taliban attack … killed": the subject is a thing, not the entity before it.
const NOT_A_SPEAKER = /\b(?:deal|agreement|accord|truce|cease-?fire|pact|treaty|plan|process|report|attack|strike|bombing|offensive|operation|war|conflict|law|resolution|document|letter|video|blast|explosion|raid)s?\b/i;
const PRONOUN = /^(?:he|she|they|it|we|i)\s+/i;

/** The entity right before the cue with only auxiliaries between, or the first one opening the clause. */
function subjectOf(ctx: DocContext, s: Sentence, pos: number, wholeSentence = false): Speaker | undefined {
  const clauseStart = wholeSentence ? s.span.start : clauseStartOf(ctx, s, pos);
  const quote = quoteAt(ctx, pos);
  const candidates = (ctx.bySentence[s.index] ?? []).filter(
    (e) => e.extent.start >= clauseStart && e.extent.end <= pos && (inside(e.extent, quote) || !inQuote(ctx, e.extent)),
  );
  const adjacent = candidates[candidates.length - 1];
  if (adjacent && AUX.test(ctx.doc.norm.slice(adjacent.extent.end, pos)) && !inPrepPhrase(ctx, adjacent, candidates)) {
    return fromEntity(adjacent);
  }
  const opening = candidates.find((e) => onlyFiller(ctx.doc.norm.slice(clauseStart, e.extent.start)) && !inPrepPhrase(ctx, e, candidates));
  const gap = opening ? ctx.doc.norm.slice(opening.extent.end, pos) : "";
  if (opening && gap.length < 80 && !NOT_A_SPEAKER.test(gap) && !/^-/.test(gap)) return fromEntity(opening);
  return relativeAntecedent(ctx, s, clauseStart, candidates.length === 0);
}

function inside(r: Range, q: Range | undefined): boolean {
  return q !== undefined && q.start <= r.start && r.end <= q.end;
}

/** Where the clause holding `pos` starts: after the last subordinator or stop, inside its quotation if any. */
function clauseStartOf(ctx: DocContext, s: Sentence, pos: number): number {
  const quote = quoteAt(ctx, pos);
  const from = quote ? Math.max(s.span.start, quote.start + 1) : s.span.start;
  const head = ctx.doc.norm.slice(from, pos);
  let start = from;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(head); m; m = BOUNDARY.exec(head)) {
    const at = from + m.index;
    if (quote || !quoteAt(ctx, at)) start = at + m[0].length;
  }
  return start;
}

/** "X, who …": the clause has no subject of its own, so the entity before "who" is it. */
function relativeAntecedent(ctx: DocContext, s: Sentence, clauseStart: number, empty: boolean): Speaker | undefined {
  if (!empty || !/\b(?:who|which)$/.test(ctx.doc.norm.slice(Math.max(0, clauseStart - 6), clauseStart))) return undefined;
  const before = (ctx.bySentence[s.index] ?? []).filter((e) => e.extent.end <= clauseStart && clauseStart - e.extent.end <= 12);
  const e = before[before.length - 1];
  return e ? fromEntity(e) : undefined;
}

/** "between the U.S. and the Taliban called for": an entity inside a prepositional phrase is no subject. */
function inPrepPhrase(ctx: DocContext, e: Entity, candidates: readonly Entity[]): boolean {
  const head = ctx.doc.norm.slice(Math.max(0, e.extent.start - 40), e.extent.start);
  if (PREP_BEFORE.test(head)) return true;
  const coord = COORD_BEFORE.exec(head);
  if (!coord) return false;
  const i = candidates.indexOf(e);
  const prev = candidates[i - 1];
  if (prev === undefined || e.extent.start - prev.extent.end >= 12) return false;
  // "the Inspector General of Police, Chandra Fernando": a comma between a body and a person is an apposition.
  if (coord[0].trim().startsWith(",") && prev.kind !== e.kind) return false;
  return inPrepPhrase(ctx, prev, candidates.slice(0, i));
}

function onlyFiller(text: string): boolean {
  const afterComma = text.slice(text.lastIndexOf(",") + 1);
  return afterComma
    .split(/\s+/)
    .filter((w) => w.length > 0)
    // Capitalised words ("On Monday the …") may open a clause; upper-case wire copy gives no such hint.
    .every((w) => /^(?:[A-Z][a-z]|[0-9])/.test(w) || FILLER.has(w.toLowerCase()));
}

/** "welcomed by India", "was claimed by the group". */
function passiveAgent(ctx: DocContext, s: Sentence, cueEnd: number): Speaker | undefined {
  const m = /^\s+by\s+(?:the\s+)?/i.exec(ctx.doc.norm.slice(cueEnd, cueEnd + 12));
  if (!m) return undefined;
  const at = cueEnd + m[0].length;
  const e = (ctx.bySentence[s.index] ?? []).find((x) => x.extent.start >= at - 4 && x.extent.start <= at + 2);
  return e ? fromEntity(e) : undefined;
}

/** "said Col. Sonny Leggett": the speaker written after the reporting verb. */
function afterVerb(ctx: DocContext, s: Sentence, pos: number): Speaker | undefined {
  const m = /^[a-z]+\s+/i.exec(ctx.doc.norm.slice(pos, pos + 20));
  if (!m) return undefined;
  const at = pos + m[0].length;
  const e = (ctx.bySentence[s.index] ?? []).find((x) => x.extent.start >= at && x.extent.start <= at + 4);
  return e ? fromEntity(e) : undefined;
}

function pronounSubject(ctx: DocContext, s: Sentence, pos: number, memory: SpeakerMemory): Speaker | undefined {
  const clause = ctx.doc.norm.slice(clauseStartOf(ctx, s, pos), pos).replace(/^[\s,]+/, "");
  const m = PRONOUN.exec(clause);
  if (!m || !AUX.test(clause.slice(m[0].length))) return undefined;
  const word = m[0].trim().toLowerCase();
  if (word === "we" || word === "i") return undefined;
  return memory.recent(s.index, word === "he" || word === "she");
}

/** The speaker of a quotation: written after it (`," said X`), before it (`X said: "`), or the last one. */
function quoteSpeaker(ctx: DocContext, q: Range, memory: SpeakerMemory): Speaker | undefined {
  const attribution = ctx.attributions.flat().find((a) => a.quote && a.quote.start < q.end && q.start < a.quote.end);
  if (attribution) return fromAttribution(attribution);
  const close = ctx.sentences[sentenceOf(ctx, q.end - 1)];
  const open = ctx.sentences[sentenceOf(ctx, q.start)];
  if (!close || !open) return undefined;
  const tail = (ctx.bySentence[close.index] ?? []).find((e) => e.extent.start >= q.end && e.extent.start - q.end < 60 && !inQuote(ctx, e.extent));
  if (tail) return enrich(ctx, close, fromEntity(tail));
  const head = subjectOf(ctx, open, q.start);
  if (head) return enrich(ctx, open, head);
  const afterQuote = ctx.doc.norm.slice(q.end, Math.min(close.span.end, q.end + 30));
  const pronoun = /^[,\s]*(?:(he|she|they|it)\s+(?:said|says|added|told|wrote)|(?:said|says|added)\s+(he|she|they|it))\b/i.exec(afterQuote);
  if (pronoun) return memory.recent(close.index, /^(?:he|she)$/i.test(pronoun[1] ?? pronoun[2] ?? ""));
  return ctx.doc.norm.slice(open.span.start, q.start).trim() === "" ? memory.recent(open.index, false) : undefined;
}

function sentenceOf(ctx: DocContext, pos: number): number {
  const i = ctx.sentences.findIndex((s) => s.span.start <= pos && pos < s.span.end);
  return i < 0 ? ctx.sentences.length - 1 : i;
}

function attributionSpeaker(ctx: DocContext, s: Sentence): Speaker | undefined {
  const a = (ctx.attributions[s.index] ?? []).find((x) => !inQuote(ctx, x.span) && (x.name !== undefined || x.organization !== undefined));
  return a ? fromAttribution(a) : undefined;
}

function fromAttribution(a: Attribution): Speaker {
  const source = clean<Source>({ name: a.name, role: a.role, organization: a.organization, channel: a.channel, quote: a.quote, mention: a.span });
  const key = a.name ?? a.organization ?? a.span.text;
  return { source, key, ...(a.organization !== undefined && { org: a.organization }) };
}

/** Fills in what the sentence's attribution knows about the same speaker (role, organisation, channel). */
export function enrich(ctx: DocContext, s: Sentence, speaker: Speaker): Speaker {
  const e = speaker.entity;
  const a = e && (ctx.attributions[s.index] ?? []).find((x) => (x.name !== undefined && x.name === e.name) || (x.span.start < e.extent.end && e.extent.start < x.span.end));
  // The attribution stage reads roles and organisations with more care than the fallbacks here.
  const source = clean<Source>({
    ...speaker.source,
    name: a?.name ?? speaker.source.name,
    role: a?.role ?? speaker.source.role,
    organization: a?.organization ?? speaker.source.organization,
    channel: a?.channel ?? speaker.source.channel ?? channelOf(ctx, s),
  });
  const org = source.organization;
  return { ...speaker, source, ...(org !== undefined && { org }) };
}

/** "on Twitter", "in a statement": where the sentence says the words were given, outside quotations. */
function channelOf(ctx: DocContext, s: Sentence): string | undefined {
  let text = ctx.doc.norm.slice(s.span.start, s.span.end);
  for (const q of ctx.quotes) {
    if (q.end <= s.span.start || q.start >= s.span.end) continue;
    const a = Math.max(q.start, s.span.start) - s.span.start;
    const b = Math.min(q.end, s.span.end) - s.span.start;
    text = text.slice(0, a) + " ".repeat(b - a) + text.slice(b);
  }
  return ctx.lex.channels.find((c) => c.re.test(text))?.channel;
}

function isVague(ctx: DocContext, sp: Speaker): boolean {
  if (sp.source.name !== undefined) return false;
  const head = (sp.source.role ?? sp.source.mention.text).toLowerCase().split(/\s+/).pop() ?? "";
  return ctx.lex.vagueSpeakers.has(head);
}
