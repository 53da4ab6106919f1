/**
 * @module eval/extras
 * Recall of what the examples annotate beside events: tallies, statements (by kind and speaker),
 * agreements, and commitments (by kind). Each gold item is found by at most one predicted item.
 */
import { sameActor, sameCountry } from "./fold.js";
import type { GoldAgreement, GoldExtras, GoldStatement, GoldTally, PredAgreement, PredDoc, PredStatement, PredTally } from "./types.js";

export interface Found {
  hit: number;
  of: number;
}

export interface ExtrasFound {
  tallies: Found;
  statements: Found;
  agreements: Found;
  commitments: Found;
}

export function findExtras(gold: GoldExtras, pred: PredDoc): ExtrasFound {
  return {
    tallies: findEach(gold.tallies, pred.tallies ?? [], tallyFound),
    statements: findEach(gold.statements, pred.statements ?? [], statementFound),
    agreements: findEach(gold.agreements, pred.agreements ?? [], agreementFound),
    commitments: commitmentsFound(gold.agreements, pred.agreements ?? []),
  };
}

/** Same country, overlapping period, and at least one of the figures the gold gives. */
export function tallyFound(gold: GoldTally, pred: PredTally): boolean {
  const country = pred.area?.country;
  if (gold.country && country && !sameCountry(gold.country, country)) return false;
  const start = pred.period?.start ?? pred.period?.end;
  const end = pred.period?.end ?? pred.period?.start;
  if (start && end && (start > gold.period.end || end < gold.period.start)) return false;
  const figures: [number | null, number | undefined][] = [
    [gold.count, pred.count],
    [gold.fatalities, pred.fatalities?.best],
    [gold.injuries, pred.injuries?.best],
  ];
  const given = figures.filter(([g]) => g !== null);
  return given.length === 0 || given.some(([g, p]) => g === p);
}

/** Same kind, and the same speaker when the gold names one (by name, else organisation). */
export function statementFound(gold: GoldStatement, pred: PredStatement): boolean {
  if (pred.kind !== gold.kind) return false;
  if (gold.speaker === null) return true;
  const speaker = gold.speaker;
  return [pred.speaker?.name, pred.speaker?.organization].some((s) => s !== undefined && sameActor(s, speaker));
}

/** The same name (whole words), or every gold party among the predicted parties. */
export function agreementFound(gold: GoldAgreement, pred: PredAgreement): boolean {
  if (pred.name && sameActor(pred.name, gold.name)) return true;
  const parties = pred.parties ?? [];
  return gold.parties.length > 0 && gold.parties.every((g) => parties.some((p) => sameActor(p, g)));
}

// --- internal ---

function findEach<G, P>(gold: readonly G[], pred: readonly P[], found: (g: G, p: P) => boolean): Found {
  const used = new Set<number>();
  let hit = 0;
  for (const g of gold) {
    const i = pred.findIndex((p, j) => !used.has(j) && found(g, p));
    if (i < 0) continue;
    used.add(i);
    hit++;
  }
  return { hit, of: gold.length };
}

/** Commitments are pooled over the article's agreements, so one misnamed agreement does not hide them. */
function commitmentsFound(gold: readonly GoldAgreement[], pred: readonly PredAgreement[]): Found {
  const left = new Map<string, number>();
  for (const a of pred) for (const c of a.commitments ?? []) if (c.kind) left.set(c.kind, (left.get(c.kind) ?? 0) + 1);
  let hit = 0;
  let of = 0;
  for (const kind of gold.flatMap((a) => a.commitments)) {
    of++;
    const n = left.get(kind) ?? 0;
    if (n > 0) {
      hit++;
      left.set(kind, n - 1);
    }
  }
  return { hit, of };
}
