/**
 * @module eval/match
 * One-to-one matching of predicted to gold events within a document: every compatible pair is
 * scored by how many gold fields the prediction gets right, and pairs are taken greedily, best
 * first, each event used once. At equal agreement a required gold event goes before an optional one.
 */
import { agreement, compatible, judgeFields, type FieldVerdicts } from "./judge.js";
import type { GoldEvent, PredEvent } from "./types.js";

export interface EventPair {
  gold: number;
  pred: number;
  verdicts: FieldVerdicts;
}

export function matchEvents(gold: readonly GoldEvent[], pred: readonly PredEvent[]): EventPair[] {
  const candidates: (EventPair & { score: number; optional: boolean })[] = [];
  gold.forEach((g, gi) => {
    pred.forEach((p, pi) => {
      if (!compatible(g, p)) return;
      const verdicts = judgeFields(g, p);
      candidates.push({ gold: gi, pred: pi, verdicts, score: agreement(verdicts), optional: g.optional });
    });
  });
  candidates.sort((a, b) => b.score - a.score || Number(a.optional) - Number(b.optional) || a.gold - b.gold || a.pred - b.pred);
  const usedGold = new Set<number>();
  const usedPred = new Set<number>();
  const pairs: EventPair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPred.has(c.pred)) continue;
    usedGold.add(c.gold);
    usedPred.add(c.pred);
    pairs.push({ gold: c.gold, pred: c.pred, verdicts: c.verdicts });
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}
