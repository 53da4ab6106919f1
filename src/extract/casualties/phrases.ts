/**
 * @module extract/casualties/phrases
 * The noun phrases that name victims: "at least eight soldiers", "a 50-year-old journalist",
 * "four civilians, 11 security forces", "no one". A sentence is read as units: word tokens,
 * with each number the quantities stage found folded into one unit.
 */
import type { ActorMention, Quantity } from "../annotations.js";
import { tokensIn, type SentenceRange } from "../triggers/scan.js";
import type { Category, CasualtyWords, Noun } from "./words.js";

export interface Unit {
  start: number;
  end: number;
  /** The token lower-cased; "#" for a quantity. */
  w: string;
  q?: Quantity;
}

export interface Count {
  low: number;
  best: number;
  high: number | null;
}

/** A victim noun phrase with its count. */
export interface Item {
  firstUnit: number;
  lastUnit: number;
  start: number;
  end: number;
  count?: Count;
  /** The unit holding the number, if the count came from one. */
  qUnit?: number;
  /** The noun phrase without its count ("soldiers" in "eight soldiers"). */
  victims?: { start: number; end: number };
  head?: Noun | "others";
  category: Category;
  /** "others": the category comes from the casualties named before it. */
  inherits: boolean;
  /** A name a plural title introduced ("leaders Hector Oqueli and ..."): names may follow it. */
  titled?: boolean;
  actor?: string;
}

export interface PhraseContext {
  units: readonly Unit[];
  words: CasualtyWords;
  actors: readonly ActorMention[];
}

/** Longest noun phrase read without reaching a stop word. */
const MAX_NP = 7;
const PUNCTUATION = /^[^a-z0-9#]/;
/** A number followed by these words is an age, a time or a distance, not a count of people. */
const NOT_PEOPLE = /^(?:years?|yrs?|year-old|years-old|months?|weeks?|days?|hours?|minutes?|km|kms|kilometres?|kilometers?|miles?|metres?|meters?|percent|per|%|am|pm|a\.m|p\.m|o'clock|times)$/;
const ONE: Count = { low: 1, best: 1, high: null };
const ZERO: Count = { low: 0, best: 0, high: null };
const TWO: Count = { low: 2, best: 2, high: null };
const REPORTING = new Set(["said", "says", "say", "told", "reported", "reports", "added", "stated"]);

/** The units of a sentence: tokens, with each quantity of `quantities` as one unit. */
export function unitsOf(lower: string, sentence: SentenceRange, quantities: readonly Quantity[]): Unit[] {
  const tokens = tokensIn(lower, sentence.start, sentence.end);
  const qs = quantities.filter((q) => q.span.start >= sentence.start && q.span.end <= sentence.end);
  const out: Unit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const q = qs.find((x) => x.span.start === t.start);
    const last = q ? lastTokenWithin(tokens, i, q.span.end) : -1;
    if (q && last >= 0 && !NOT_PEOPLE.test(tokens[last + 1]?.w ?? "")) {
      out.push({ start: q.span.start, end: q.span.end, w: "#", q });
      i = last;
    } else out.push({ start: t.start, end: t.end, w: t.w });
  }
  return out;
}

export function isStop(ctx: PhraseContext, k: number): boolean {
  const u = ctx.units[k];
  return !u || PUNCTUATION.test(u.w) || ctx.words.npStops.has(u.w) || ctx.words.verbs.has(u.w);
}

/** True if a victim phrase can start at unit k ("eight", "a", "him", "no"). */
export function isItemStart(ctx: PhraseContext, k: number): boolean {
  const u = ctx.units[k];
  if (!u) return false;
  const w = ctx.words;
  return u.q !== undefined || w.detOne.has(u.w) || w.detZero.has(u.w) || w.detTwo.has(u.w) || w.pronounOne.has(u.w) || w.pronounZero.has(u.w);
}

/** The victim phrase that ends at unit e, read leftwards: "at least eight soldiers" before "were killed". */
export function itemBefore(ctx: PhraseContext, e: number): Item | undefined {
  const { units, words } = ctx;
  const head = headEndingAt(ctx, e);
  for (let k = e; k >= 0 && e - k < MAX_NP; k--) {
    const u = units[k]!;
    // "no one": the quantities stage may read "one" as a number
    if ((u.w === "one" || u.q?.best === 1) && words.detZero.has(units[k - 1]?.w ?? "")) return makeItem(ctx, k - 1, e, head, ZERO);
    if (u.q) return makeItem(ctx, k, e, head, countOf(u.q), k);
    if (words.detZero.has(u.w) || words.pronounZero.has(u.w)) return makeItem(ctx, k, e, head, ZERO);
    // "both soldiers": two, but only with a plural victim noun ("both sides" is no count)
    if (words.detTwo.has(u.w)) return head !== undefined && head !== "others" && head.plural ? makeItem(ctx, k, e, head, TWO) : undefined;
    if (words.pronounOne.has(u.w) && k === e) return makeItem(ctx, k, e, undefined, ONE);
    // "the soldiers": a determiner inside a plural phrase; read on for "two of the soldiers"
    if (words.detOne.has(u.w) && !(head !== undefined && head !== "others" && head.plural)) {
      // "two members of the mayor's escort": the count before "of" counts the victims
      const outer = ctx.units[k - 1]?.w === "of" ? itemBefore(ctx, k - 2) : undefined;
      if (outer?.qUnit !== undefined) return outer;
      return head && head !== "others" ? makeItem(ctx, k, e, head, ONE) : undefined;
    }
    if (k !== e && isStop(ctx, k)) break;
    if (k === e && PUNCTUATION.test(u.w)) return undefined;
  }
  return head ? makeItem(ctx, npStartBefore(ctx, e), e, head, undefined) : undefined;
}

/** The victim phrase that starts at unit b, read rightwards: "four civilians" after "killed". */
export function itemAfter(ctx: PhraseContext, b: number): Item | undefined {
  const { units, words } = ctx;
  const u = units[b];
  if (!u) return undefined;
  if (words.pronounOne.has(u.w)) return makeItem(ctx, b, b, undefined, ONE);
  if (words.pronounZero.has(u.w)) return makeItem(ctx, b, b, undefined, ZERO);
  // "his two sons": the number after a determiner is the count
  if (words.detOne.has(u.w) && units[b + 1]?.q) {
    const counted = itemAfter(ctx, b + 1);
    return counted && makeItem(ctx, b, counted.lastUnit, counted.head, counted.count, b + 1);
  }
  if (words.detTwo.has(u.w)) {
    const end = headAfter(ctx, b + 1);
    const head = end < 0 ? undefined : headEndingAt(ctx, end);
    return head !== undefined && head !== "others" && head.plural ? makeItem(ctx, b, end, head, TWO) : undefined;
  }
  const count = u.q ? countOf(u.q) : words.detZero.has(u.w) ? ZERO : undefined;
  const isDet = !u.q && words.detOne.has(u.w);
  if (count === undefined && !isDet) return undefined;
  const headEnd = headAfter(ctx, b + 1);
  if (headEnd < 0) return u.q ? makeItem(ctx, b, b, undefined, count, b) : undefined;
  const head = headEndingAt(ctx, headEnd);
  if (isDet && (head === undefined || head === "others" || head.plural)) return undefined;
  return makeItem(ctx, b, headEnd, head, count ?? ONE, u.q ? b : undefined);
}

/** Index of the last unit of the victim noun after `from` ("Afghan soldiers", "security forces"), or -1. */
export function headAfter(ctx: PhraseContext, from: number): number {
  for (let j = from; j < ctx.units.length && j - from < MAX_NP; j++) {
    if (isStop(ctx, j) || ctx.units[j]!.q) return -1;
    if (headEndingAt(ctx, j) === undefined) continue;
    // "Taliban fighters", "police officers": a following noun is part of the same phrase
    let end = j;
    while (headEndingAt(ctx, end + 1) !== undefined && !isStop(ctx, end + 1) && !REPORTING.has(ctx.units[end + 2]?.w ?? "")) end++;
    return end;
  }
  return -1;
}

/** The victim noun, "others", or (as a noun of unknown class) an actor, ending at unit k. */
export function headEndingAt(ctx: PhraseContext, k: number): Noun | "others" | undefined {
  const u = ctx.units[k];
  if (!u || u.q) return undefined;
  if (ctx.words.others.has(u.w)) return "others";
  for (const noun of ctx.words.nouns.get(u.w) ?? []) {
    if (noun.words.every((w, i) => ctx.units[k - noun.words.length + 1 + i]?.w === w)) return noun;
  }
  const actor = ctx.actors.find((a) => a.span.end === u.end);
  return actor ? { words: [u.w], head: "generic", plural: /s$/.test(u.w) } : undefined;
}

export function countOf(q: Quantity): Count {
  return { low: q.low, best: q.best, high: q.high };
}

// --- internal ---

function lastTokenWithin(tokens: readonly { start: number; end: number }[], from: number, end: number): number {
  let last = -1;
  for (let j = from; j < tokens.length && tokens[j]!.start < end; j++) {
    if (tokens[j]!.end > end) return -1;
    last = j;
  }
  return last;
}

/** Where the noun phrase ending at e starts when no count or determiner opens it. */
function npStartBefore(ctx: PhraseContext, e: number): number {
  let k = e;
  while (k - 1 >= 0 && e - (k - 1) < MAX_NP && !isStop(ctx, k - 1) && !ctx.units[k - 1]!.q) k--;
  return k;
}

function makeItem(ctx: PhraseContext, first: number, last: number, head: Noun | "others" | undefined, count: Count | undefined, qUnit?: number): Item {
  const units = ctx.units;
  let npFirst = first;
  const opener = (u: Unit): boolean => u.q !== undefined || ctx.words.detOne.has(u.w) || ctx.words.detZero.has(u.w) || ctx.words.detTwo.has(u.w);
  while (npFirst < last && (opener(units[npFirst]!) || (units[npFirst]!.w === "of" && npFirst > first))) npFirst++;
  const item: Item = {
    firstUnit: first,
    lastUnit: last,
    start: units[first]!.start,
    end: units[last]!.end,
    count,
    qUnit,
    head,
    category: "unknown",
    inherits: head === "others",
  };
  if (head !== undefined && npFirst <= last) item.victims = { start: units[npFirst]!.start, end: units[last]!.end };
  Object.assign(item, categoryOf(ctx, item));
  return item;
}

/**
 * The category from the head noun. For "leader", "people" or no noun, an actor in the phrase or
 * another victim noun before the head decides ("the Taliban leader", "civilian men").
 */
function categoryOf(ctx: PhraseContext, item: Item): { category: Category; actor?: string } {
  const inPhrase = ctx.actors.filter((a) => a.span.start >= item.start && a.span.end <= item.end);
  const actor = inPhrase[0]?.name;
  const head = item.head === "others" ? undefined : item.head;
  if (head && head.head !== "generic" && head.head !== "unknown") return { category: head.head, actor };
  const headFirst = head ? item.lastUnit - head.words.length + 1 : item.lastUnit + 1;
  // an actor found on "people" itself does not make them civilians: only one before the noun counts
  const known = inPhrase.find((a) => a.category !== "unknown" && (head?.head !== "unknown" || a.span.end <= ctx.units[headFirst]!.start));
  if (known) return { category: known.category, actor };
  return { category: modifierCategory(ctx, item.firstUnit, headFirst) ?? "unknown", actor };
}

/** The class of a specific victim noun among the units before the head ("Taliban" in "Taliban leader"). */
function modifierCategory(ctx: PhraseContext, from: number, to: number): Category | undefined {
  for (let k = to - 1; k >= from; k--) {
    const noun = headEndingAt(ctx, k);
    if (noun && noun !== "others" && noun.head !== "generic" && noun.head !== "unknown") return noun.head;
  }
  return undefined;
}
