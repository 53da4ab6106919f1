/**
 * @module eval/metrics
 * Counts per dataset, added one document at a time (so documents need not be kept): events
 * matched, per-field verdicts over matched events, false positives on irrelevant documents, CASE
 * labels, and for the examples sources, tallies, statements, agreements and commitments.
 */
import { goldLabel, predLabel, type Labelled } from "./classify.js";
import { findExtras, type ExtrasFound, type Found } from "./extras.js";
import { FIELDS, sourcesFound, type Field } from "./judge.js";
import { matchEvents } from "./match.js";
import type { GoldDoc, PredDoc } from "./types.js";

export interface DatasetScore {
  name: string;
  path: string;
  kind: "gold-lite" | "examples";
  docs: number;
  relevantDocs: number;
  irrelevantDocs: number;
  /** Irrelevant documents with at least one predicted event. */
  irrelevantWithEvents: number;
  goldRequired: number;
  goldOptional: number;
  predicted: number;
  matchedRequired: number;
  matchedOptional: number;
  fields: Record<Field, Found>;
  /** Named gold sources of matched events that the prediction names too (examples). */
  sources: Found;
  extras: ExtrasFound | null;
  /** CASE-style single-label documents: gold and predicted class, one per document. */
  labelled: Labelled[];
  /** Documents whose extraction failed (scored as predicting nothing). */
  extractFailed: number;
  /** Documents with no saved extraction under --predictions (scored as predicting nothing). */
  withoutPrediction: number;
  seconds: number;
}

export function newScore(name: string, path: string, kind: DatasetScore["kind"]): DatasetScore {
  const fields = Object.fromEntries(FIELDS.map((f) => [f, { hit: 0, of: 0 }])) as Record<Field, Found>;
  return {
    name, path, kind,
    docs: 0, relevantDocs: 0, irrelevantDocs: 0, irrelevantWithEvents: 0,
    goldRequired: 0, goldOptional: 0, predicted: 0, matchedRequired: 0, matchedOptional: 0,
    fields, sources: { hit: 0, of: 0 }, extras: null, labelled: [],
    extractFailed: 0, withoutPrediction: 0, seconds: 0,
  };
}

export function addDocument(score: DatasetScore, gold: GoldDoc, pred: PredDoc): void {
  const events = pred.events ?? [];
  score.docs++;
  score.predicted += events.length;
  if (gold.relevant) score.relevantDocs++;
  else {
    score.irrelevantDocs++;
    if (events.length > 0) score.irrelevantWithEvents++;
  }
  for (const g of gold.events) g.optional ? score.goldOptional++ : score.goldRequired++;
  for (const pair of matchEvents(gold.events, events)) {
    const g = gold.events[pair.gold]!;
    g.optional ? score.matchedOptional++ : score.matchedRequired++;
    for (const [field, right] of Object.entries(pair.verdicts) as [Field, boolean][]) add(score.fields[field], right ? 1 : 0, 1);
    const s = sourcesFound(g, events[pair.pred]!);
    add(score.sources, s.hit, s.of);
  }
  if (gold.label !== undefined) score.labelled.push({ gold: goldLabel(gold), pred: predLabel(events) });
  if (gold.extras) addExtras(score, findExtras(gold.extras, pred));
}

// --- internal ---

function add(into: Found, hit: number, of: number): void {
  into.hit += hit;
  into.of += of;
}

function addExtras(score: DatasetScore, found: ExtrasFound): void {
  if (!score.extras) {
    score.extras = { tallies: { hit: 0, of: 0 }, statements: { hit: 0, of: 0 }, agreements: { hit: 0, of: 0 }, commitments: { hit: 0, of: 0 } };
  }
  for (const key of Object.keys(found) as (keyof ExtrasFound)[]) add(score.extras[key], found[key].hit, found[key].of);
}
