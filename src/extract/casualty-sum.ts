/**
 * @module extract/casualty-sum
 * Adds casualty mentions into one `Casualties` figure with categories (UCDP low/best/high).
 * Shared by events and tallies: the same rules must hold for both.
 */
import type { ByCategory, Casualties } from "../contract.js";
import type { CasualtyMention } from "./annotations.js";

/**
 * Sums killed (or injured) mentions. Mentions in different sentences that restate the same
 * victims ("at least 11 died … eleven people were killed") are a restatement, not more dead: for
 * one category the larger figure is kept unless the later sentence says "also", "another" or "more".
 */
export function sumCasualties(mentions: readonly CasualtyMention[], kind: CasualtyMention["kind"], text: string): Casualties | null {
  const own = mentions.filter((m) => m.kind === kind);
  if (own.length === 0) return null;
  const bySentence = new Map<number, CasualtyMention[]>();
  for (const m of own) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m]);
  let total: Casualties | null = null;
  for (const group of bySentence.values()) {
    const sentenceSum = group.reduce<Casualties | null>((acc, m) => add(acc, fromMention(m)), null)!;
    total = total === null ? sentenceSum : combine(total, sentenceSum, isAdditive(group, text));
  }
  if (total && own.length === 1) total.mention = own[0]!.span;
  return total;
}

// --- internal ---

function fromMention(m: CasualtyMention): Casualties {
  // UCDP's high is an upper bound the text states ("8 to 10", "up to 15"); a plain count has none.
  const high = m.high !== null && m.high === m.best && m.low === m.best ? null : m.high;
  return { low: m.low, best: m.best, high, byCategory: { [m.category]: m.best } };
}

function add(a: Casualties | null, b: Casualties): Casualties {
  if (!a) return { ...b, byCategory: { ...b.byCategory } };
  const byCategory: ByCategory = { ...a.byCategory };
  for (const [k, v] of Object.entries(b.byCategory) as [keyof ByCategory, number][]) byCategory[k] = (byCategory[k] ?? 0) + v;
  return {
    low: a.low + b.low,
    best: a.best + b.best,
    high: a.high === null || b.high === null ? null : a.high + b.high,
    byCategory,
  };
}

/** Same categories again in a later sentence: a restatement (keep the larger) unless additive. */
function combine(a: Casualties, b: Casualties, additive: boolean): Casualties {
  const overlap = Object.keys(b.byCategory).some((k) => k in a.byCategory && k !== "unknown") ||
    (Object.keys(b.byCategory).length === 1 && "unknown" in b.byCategory) ||
    (Object.keys(a.byCategory).length === 1 && "unknown" in a.byCategory);
  if (additive || !overlap) return add(a, b);
  return b.best > a.best ? b : a;
}

const ADDITIVE = /\b(also|another|other|more|as well|in addition|additional)\b/i;

function isAdditive(group: readonly CasualtyMention[], text: string): boolean {
  return group.some((m) => ADDITIVE.test(sameSentence(text.slice(Math.max(0, m.span.start - 40), m.span.end))));
}

/** The window cut at the last sentence end: an "also" in the sentence before says nothing here. */
function sameSentence(window: string): string {
  const end = window.search(/[.!?]["')\]]?\s+(?=\S)[^.!?]*$/);
  return end < 0 ? window : window.slice(end + 1);
}
