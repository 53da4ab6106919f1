/**
 * @module extract/triggers/triggers
 * Finds the words that report conflict events ("airstrike", "clashed", "were kidnapped") with
 * their default ACLED type and sub-type, and whether the text asserts the event or only talks
 * about it (modality). Event assembly refines the sub-type with the actors; only asserted
 * triggers make events.
 */
import type { Trigger } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import { defineStage } from "../stage.js";
import { triggerLexicon, type Context, type LexEntry, type Lexicon, type Outcome } from "./lexicon.js";
import { modalityAt } from "./modality.js";
import {
  distanceAfter,
  distanceBefore,
  joinTokens,
  lowerOf,
  matchPhrases,
  type PhraseHit,
  sentenceAt,
  sentencesOf,
  tokensIn,
  type Joined,
  type SentenceRange,
  type Token,
} from "./scan.js";

export const triggersStage = defineStage({
  key: "triggers",
  needs: ["text"],
  run: (doc, found): Trigger[] => findTriggers(doc, sentencesOf(doc, found), triggerLexicon()),
});

/** Every trigger of the document, in text order. */
export function findTriggers(doc: Document, sentences: readonly SentenceRange[], lexicon: Lexicon): Trigger[] {
  const lower = lowerOf(doc);
  const found: Found[] = [];
  for (const hit of matchPhrases(lower, lexicon.entries)) {
    const sentence = sentenceAt(sentences, hit.start);
    if (!sentence || hit.end > sentence.end || !hit.entry.outcome) continue;
    const trigger = triggerOf(doc, lower, sentence, hit);
    if (trigger) found.push({ trigger, generic: hit.entry.generic });
  }
  return mergeCompounds(doc, found);
}

// --- internal ---

type Hit = PhraseHit<LexEntry>;

interface Found {
  trigger: Trigger;
  generic: boolean;
}

/** Tokens read on each side of a trigger for its context tests. */
const CONTEXT_TOKENS = 12;
const CONTEXT_CHARS = 160;
const DEFINITE = new Set(["the", "this", "that", "these", "those"]);
const CLAUSE_PUNCTUATION = new Set([",", ";", ":", "(", ")", '"']);

function triggerOf(doc: Document, lower: string, sentence: SentenceRange, hit: Hit): Trigger | undefined {
  const { entry } = hit;
  const beforeTokens = tokensIn(lower, Math.max(sentence.start, hit.start - CONTEXT_CHARS), hit.start).slice(-CONTEXT_TOKENS);
  const before = joinTokens(beforeTokens);
  const after = joinTokens(tokensIn(lower, hit.end, Math.min(sentence.end, hit.end + CONTEXT_CHARS)).slice(0, CONTEXT_TOKENS));
  if (entry.when && !contextHolds(entry.when, before, after, "all")) return undefined;
  if (entry.unless && contextHolds(entry.unless, before, after, "any")) return undefined;
  const outcome = nearestRefinement(entry, before, after) ?? entry.outcome!;
  const trigger: Trigger = {
    span: spanOf(doc, hit.start, hit.end),
    by: `triggers/${entry.id}`,
    type: outcome.type,
    subType: outcome.subType,
    modality: modalityAt(lower, sentence, hit.start, hit.end),
    sentence: sentence.index,
  };
  if (entry.weapon) trigger.weapon = entry.weapon;
  if (entry.generic && isDefinite(beforeTokens)) trigger.anaphoric = true;
  return trigger;
}

/** "all": every side the context names must match; "any": one side is enough. */
function contextHolds(ctx: Context, before: Joined, after: Joined, mode: "all" | "any"): boolean {
  const sides = sideDistances(ctx, before, after).map((d) => d <= ctx.window);
  return mode === "all" ? sides.every(Boolean) : sides.some(Boolean);
}

/** The refinement whose context is closest to the trigger: "militants, the army said, recaptured" reads the nearer subject. */
function nearestRefinement(entry: LexEntry, before: Joined, after: Joined): Outcome | undefined {
  let best: { distance: number; outcome: Outcome } | undefined;
  for (const r of entry.refine) {
    const distances = sideDistances(r, before, after);
    if (distances.length === 0) continue;
    const distance = Math.max(...distances);
    if (distance <= r.window && (!best || distance < best.distance)) best = { distance, outcome: r };
  }
  return best && { type: best.outcome.type, subType: best.outcome.subType };
}

/** Tokens between the trigger and each side's context phrase (Infinity where it is absent). */
function sideDistances(ctx: Context, before: Joined, after: Joined): number[] {
  const sides: number[] = [];
  if (ctx.before) sides.push(distanceBefore(ctx.before, before) ?? Infinity);
  if (ctx.after) sides.push(distanceAfter(ctx.after, after) ?? Infinity);
  return sides;
}

/** "the attack", "this deadly blast": a definite determiner at most two words before the noun. */
function isDefinite(before: readonly Token[]): boolean {
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    const w = before[i]!.w;
    if (DEFINITE.has(w)) return true;
    if (CLAUSE_PUNCTUATION.has(w) || /^\d/.test(w)) return false;
  }
  return false;
}

/** "car bomb attack", "IED blast": a weapon trigger and the generic noun after it are one trigger. */
function mergeCompounds(doc: Document, found: readonly Found[]): Trigger[] {
  const out: Trigger[] = [];
  let previous: Found | undefined;
  for (const f of found) {
    const p = previous?.trigger;
    if (p && previous && !previous.generic && f.generic && p.type === "Explosions/Remote violence" && /^[\s-]*$/.test(doc.norm.slice(p.span.end, f.trigger.span.start))) {
      p.span = spanOf(doc, p.span.start, f.trigger.span.end);
      continue;
    }
    out.push(f.trigger);
    previous = f;
  }
  return out;
}
