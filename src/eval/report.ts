/**
 * @module eval/report
 * Turns the counts into the report an analyst reads (text) or a script reads (JSON). Every rate
 * is printed with the counts it comes from, "0.72 (237/329)", so each number can be checked.
 */
import { classify, NO_EVENT, type Classification } from "./classify.js";
import type { Found } from "./extras.js";
import { FIELDS, type Field } from "./judge.js";
import type { DatasetScore } from "./metrics.js";
import type { EvalResult } from "./run.js";

/** Where values start, so the longest label ("commitments recall", indented) still has a gap. */
const LABEL_WIDTH = 24;

export interface Rate {
  value: number | null;
  hit: number;
  of: number;
}

export interface DatasetReport {
  name: string;
  path: string;
  documents: { total: number; relevant: number; irrelevant: number; extractFailed: number; withoutPrediction: number };
  seconds: number;
  docsPerSecond: number | null;
  events: { gold: { required: number; optional: number }; predicted: number; matched: { required: number; optional: number } };
  precision: Rate;
  recall: Rate;
  f1: number | null;
  fields: Record<Field, Rate>;
  sources: Rate | null;
  falsePositiveRate: Rate | null;
  classification: { all: Classification; acledOnly: Classification } | null;
  examples: { tallies: Rate; statements: Rate; agreements: Rate; commitments: Rate } | null;
}

export interface EvalReport {
  datasets: DatasetReport[];
  seconds: number;
  startupSeconds: number;
  unusedPredictions: number;
  problems: string[];
}

export function buildReport(result: EvalResult): EvalReport {
  return {
    datasets: result.datasets.map(datasetReport),
    seconds: round(result.seconds, 3),
    startupSeconds: round(result.startupSeconds, 3),
    unusedPredictions: result.unusedPredictions,
    problems: result.problems,
  };
}

export function rate(hit: number, of: number): Rate {
  return { value: of === 0 ? null : hit / of, hit, of };
}

export function f1(precision: Rate, recall: Rate): number | null {
  if (precision.value === null || recall.value === null) return null;
  const sum = precision.value + recall.value;
  return sum === 0 ? 0 : (2 * precision.value * recall.value) / sum;
}

export function formatReport(report: EvalReport): string {
  const out: string[] = [];
  for (const d of report.datasets) out.push(...formatDataset(d), "");
  const docs = report.datasets.reduce((n, d) => n + d.documents.total, 0);
  const startup = report.startupSeconds > 0 ? `, after ${report.startupSeconds.toFixed(2)} s loading dictionaries` : "";
  out.push(`total: ${docs} documents in ${report.seconds.toFixed(2)} s (${perSecond(docs, report.seconds)})${startup}`);
  if (report.unusedPredictions > 0) out.push(`note: ${report.unusedPredictions} saved extractions match no scored gold document`);
  if (report.problems.length > 0) out.push(`problems: ${report.problems.length} (listed on stderr)`);
  return `${out.join("\n")}\n`;
}

// --- internal ---

function datasetReport(s: DatasetScore): DatasetReport {
  const precision = rate(s.matchedRequired + s.matchedOptional, s.predicted);
  const recall = rate(s.matchedRequired, s.goldRequired);
  const labelled = s.labelled.length > 0;
  return {
    name: s.name,
    path: s.path,
    documents: { total: s.docs, relevant: s.relevantDocs, irrelevant: s.irrelevantDocs, extractFailed: s.extractFailed, withoutPrediction: s.withoutPrediction },
    seconds: round(s.seconds, 3),
    docsPerSecond: s.seconds > 0 ? round(s.docs / s.seconds, 1) : null,
    events: {
      gold: { required: s.goldRequired, optional: s.goldOptional },
      predicted: s.predicted,
      matched: { required: s.matchedRequired, optional: s.matchedOptional },
    },
    precision,
    recall,
    f1: f1(precision, recall),
    fields: Object.fromEntries(FIELDS.map((f) => [f, rate(s.fields[f].hit, s.fields[f].of)])) as Record<Field, Rate>,
    sources: s.kind === "examples" ? toRate(s.sources) : null,
    falsePositiveRate: s.irrelevantDocs > 0 ? rate(s.irrelevantWithEvents, s.irrelevantDocs) : null,
    classification: labelled ? { all: classify(s.labelled), acledOnly: classify(s.labelled.filter((l) => l.gold !== NO_EVENT)) } : null,
    examples: s.extras
      ? { tallies: toRate(s.extras.tallies), statements: toRate(s.extras.statements), agreements: toRate(s.extras.agreements), commitments: toRate(s.extras.commitments) }
      : null,
  };
}

function formatDataset(d: DatasetReport): string[] {
  const doc = d.documents;
  const lines = [
    `${d.name}  (${d.path})`,
    row("documents", `${doc.total} (${doc.relevant} relevant, ${doc.irrelevant} irrelevant) in ${d.seconds.toFixed(2)} s, ${perSecond(doc.total, d.seconds)}`),
  ];
  if (doc.extractFailed > 0) lines.push(row("extract failed", `${doc.extractFailed} documents (scored as no events)`));
  if (doc.withoutPrediction > 0) lines.push(row("no prediction", `${doc.withoutPrediction} documents (scored as no events)`));
  const ev = d.events;
  lines.push(
    row("gold events", `${ev.gold.required + ev.gold.optional} (${ev.gold.required} required, ${ev.gold.optional} optional)`),
    row("predicted events", String(ev.predicted)),
    row("matched", `${ev.matched.required + ev.matched.optional} (${ev.matched.required} required, ${ev.matched.optional} optional)`),
    row("precision", fmt(d.precision)),
    row("recall", fmt(d.recall)),
    row("F1", d.f1 === null ? "n/a" : d.f1.toFixed(2)),
    "  fields, over matched events where the gold gives them:",
    ...FIELDS.map((f) => row(f, fmt(d.fields[f]), 4)),
  );
  if (d.sources) lines.push(row("sources (named)", fmt(d.sources), 4));
  lines.push(row("false positives", d.falsePositiveRate ? `${fmt(d.falsePositiveRate)} of irrelevant documents have a predicted event` : "n/a (no irrelevant documents)"));
  if (d.classification) lines.push(...formatClassification(d.classification));
  if (d.examples) {
    lines.push("  beyond events:");
    for (const [key, r] of Object.entries(d.examples)) lines.push(row(`${key} recall`, fmt(r), 4));
  }
  return lines;
}

function formatClassification(c: { all: Classification; acledOnly: Classification }): string[] {
  const lines = [
    `  classification (sub-type of the most confident predicted event; ${NO_EVENT} when none):`,
    row("accuracy", fmt(rate(c.all.correct, c.all.n)), 4),
    row("weighted F1", c.all.n === 0 ? "n/a" : c.all.weightedF1.toFixed(2), 4),
    row("ACLED labels", `accuracy ${fmt(rate(c.acledOnly.correct, c.acledOnly.n))}, weighted F1 ${c.acledOnly.n === 0 ? "n/a" : c.acledOnly.weightedF1.toFixed(2)}`, 4),
    `    ${"class".padEnd(40)} gold  pred  right    F1`,
  ];
  for (const k of c.all.classes) {
    lines.push(`    ${k.label.padEnd(40)} ${pad(k.support, 4)}  ${pad(k.predicted, 4)}  ${pad(k.correct, 5)}  ${k.f1.toFixed(2)}`);
  }
  return lines;
}

function toRate(f: Found): Rate {
  return rate(f.hit, f.of);
}

function fmt(r: Rate): string {
  return `${r.value === null ? "n/a" : r.value.toFixed(2)} (${r.hit}/${r.of})`;
}

function row(label: string, value: string, indent = 2): string {
  return `${" ".repeat(indent)}${label.padEnd(LABEL_WIDTH - indent)}${value}`;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

function perSecond(docs: number, seconds: number): string {
  return seconds > 0 ? `${(docs / seconds).toFixed(1)} docs/s` : "n/a docs/s";
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
