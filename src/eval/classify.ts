/**
 * @module eval/classify
 * CASE 2021: a snippet's predicted class is the sub-type of its most confident predicted event,
 * or "no event"; a snippet labelled outside ACLED is right when nothing is predicted. Reported as
 * accuracy and support-weighted F1, over all snippets and over the ACLED-labelled ones (the
 * shared task's subtask 1 figure).
 */
import type { GoldDoc, PredEvent } from "./types.js";

export const NO_EVENT = "(no event)";

export interface Labelled {
  gold: string;
  pred: string;
}

export interface ClassScore {
  label: string;
  support: number;
  predicted: number;
  correct: number;
  f1: number;
}

export interface Classification {
  n: number;
  correct: number;
  weightedF1: number;
  classes: ClassScore[];
}

export function goldLabel(doc: GoldDoc): string {
  return doc.relevant ? (doc.events[0]?.subType ?? NO_EVENT) : NO_EVENT;
}

export function predLabel(events: readonly PredEvent[]): string {
  let best: PredEvent | undefined;
  for (const e of events) if (!best || (e.confidence ?? 0) > (best.confidence ?? 0)) best = e;
  return best?.subType ?? (best ? "(no sub-type)" : NO_EVENT);
}

export function classify(items: readonly Labelled[]): Classification {
  const labels = new Set(items.flatMap((i) => [i.gold, i.pred]));
  const classes: ClassScore[] = [];
  for (const label of labels) {
    const support = items.filter((i) => i.gold === label).length;
    const predicted = items.filter((i) => i.pred === label).length;
    const correct = items.filter((i) => i.gold === label && i.pred === label).length;
    classes.push({ label, support, predicted, correct, f1: support + predicted === 0 ? 0 : (2 * correct) / (support + predicted) });
  }
  classes.sort((a, b) => b.support - a.support || a.label.localeCompare(b.label));
  const n = items.length;
  const weightedF1 = n === 0 ? 0 : classes.reduce((sum, c) => sum + c.support * c.f1, 0) / n;
  return { n, correct: items.filter((i) => i.gold === i.pred).length, weightedF1, classes };
}
