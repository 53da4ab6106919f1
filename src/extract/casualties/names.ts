/**
 * @module extract/casualties/names
 * A person's name where a victim noun could stand: "killing Jan Agha and several other
 * insurgents", "Inspector Luis Flores died", "the murder of Dr. Jose Guerrero". A name is one
 * victim. Case is the main evidence: in mixed-case text every word but a particle is capitalised;
 * in an all-capitals sentence case says nothing, so only the word lists rule words out.
 */
import { isStop, headEndingAt, type Item, type PhraseContext } from "./phrases.js";

export interface NameContext extends PhraseContext {
  /** The document's original text, for capitalisation. */
  text: string;
  /** The sentence is written in capitals, so capitalisation tells nothing. */
  allCaps: boolean;
  /** Where the places stage found place names: "Kabul" is no person. */
  places: readonly { start: number; end: number }[];
}

/** Longest name read, in words. */
const MAX_NAME = 5;
const WORD = /^[a-z][a-z'-]*$/;
const CAPS_VERB = /^[a-z]{3,}(?:ed|ing)$/;

/** Last unit of the name starting at unit b, or -1: "Jan Agha", "Attorney General Roberto Garcia". */
export function nameEndAfter(ctx: NameContext, b: number): number {
  let end = -1;
  for (let k = b; k < ctx.units.length && k - b < MAX_NAME + 1; k++) {
    if (isTitleStop(ctx, k) && end >= 0) continue;
    // "Senator and presidential candidate Luis Galan": two titles of one person
    if (ctx.units[k]!.w === "and" && end >= 0 && isTitle(ctx, end)) continue;
    if (!isNameWord(ctx, k, k === b)) break;
    end = k;
  }
  // "union leaders": words before a plural victim noun modify it, they name nobody
  const after = end >= 0 ? headEndingAt(ctx, end + 1) : undefined;
  if (after !== undefined && (after === "others" || after.plural)) return -1;
  return end >= 0 && isNameEnd(ctx, end) && !isPlace(ctx, b, end) ? end : -1;
}

/** First unit of the name ending at unit e, or -1: "Inspector Luis Flores" before "died". */
export function nameStartBefore(ctx: NameContext, e: number): number {
  if (!isNameEnd(ctx, e)) return -1;
  let start = -1;
  for (let k = e; k >= 0 && e - k < MAX_NAME + 1; k--) {
    if (isTitleStop(ctx, k) && start >= 0 && k > 0) continue;
    if (!isNameWord(ctx, k, false)) break;
    start = k;
  }
  return start >= 0 && !ctx.words.names.particles.has(ctx.units[start]!.w) && !isPlace(ctx, start, e) ? start : -1;
}

/** One victim named at units [first, last], with the category of an actor in it, if any. */
export function nameItem(ctx: NameContext, first: number, last: number): Item {
  const units = ctx.units;
  const start = units[first]!.start;
  const end = units[last]!.end;
  const actor = ctx.actors.find((a) => a.span.start >= start && a.span.end <= end && a.category !== "unknown");
  return {
    firstUnit: first,
    lastUnit: last,
    start,
    end,
    count: { low: 1, best: 1, high: null },
    victims: { start, end },
    category: actor?.category ?? "unknown",
    inherits: false,
  };
}

// --- internal ---

function isNameWord(ctx: NameContext, k: number, first: boolean): boolean {
  const u = ctx.units[k];
  if (!u || u.q || !WORD.test(u.w) || isStop(ctx, k)) return false;
  const names = ctx.words.names;
  if (names.not.has(u.w) || ctx.words.others.has(u.w) || ctx.words.nominals.has(u.w)) return false;
  if (ctx.words.detOne.has(u.w) || ctx.words.pronounOne.has(u.w) || ctx.words.chain.has(u.w)) return false;
  const head = headEndingAt(ctx, k);
  // a victim noun is a title inside a name ("Judge Carlos Valencia"), never a plural
  if (head !== undefined && (head === "others" || head.plural)) return false;
  if (isGroupActor(ctx, k)) return false;
  if (names.particles.has(u.w)) return !first;
  // in capitals, "-ed" and "-ing" words are verbs far more often than names
  if (ctx.allCaps) return !CAPS_VERB.test(u.w);
  return /^\p{Lu}/u.test(ctx.text.slice(u.start, u.end));
}

/** The full stop of an abbreviated title ("Dr." in "Dr. Jose Guerrero"). */
function isTitleStop(ctx: NameContext, k: number): boolean {
  return ctx.units[k]?.w === "." && ctx.words.names.titles.has(ctx.units[k - 1]?.w ?? "") && ctx.units[k - 1]!.end === ctx.units[k]!.start;
}

/** A singular victim noun used as a title ("Judge", "Senator"). */
function isTitle(ctx: NameContext, k: number): boolean {
  const head = headEndingAt(ctx, k);
  return head !== undefined && head !== "others" && !head.plural;
}

/** A name ends on a real name word, not on a title or a bare victim noun ("the judge"). */
function isNameEnd(ctx: NameContext, e: number): boolean {
  const u = ctx.units[e];
  if (!u || headEndingAt(ctx, e) !== undefined) return false;
  return !ctx.words.names.titles.has(u.w) && !ctx.words.names.particles.has(u.w);
}

/** An armed group, force or other collective actor: "killed Taliban", not a person. */
function isGroupActor(ctx: NameContext, k: number): boolean {
  const u = ctx.units[k]!;
  return ctx.actors.some((a) => a.span.start <= u.start && u.end <= a.span.end);
}

/**
 * "Kabul", "Kandahar province": every word of the would-be name is in a place name. A place
 * word inside a longer name ("Bernardo Jaramillo") does not count: people are named after towns.
 */
function isPlace(ctx: NameContext, first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const u = ctx.units[k]!;
    if (!ctx.places.some((p) => p.start <= u.start && u.end <= p.end)) return false;
  }
  return true;
}
