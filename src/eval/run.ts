/**
 * @module eval/run
 * `evaluate(paths)`: reads each dataset, gets a prediction for every gold document (by running
 * `extract()`, or from saved extractions), and scores it. Bad gold and failed extractions are
 * reported and skipped or scored as empty; the caller decides what that means for the exit code.
 */
import { performance } from "node:perf_hooks";
import { extract } from "../extract/extract.js";
import { openDataset, type DatasetInput } from "./datasets.js";
import { addDocument, newScore, type DatasetScore } from "./metrics.js";
import type { GoldDoc, PredDoc } from "./types.js";

export interface EvalOptions {
  /** Score only the first N documents of each dataset. */
  limit?: number;
  /** Saved extractions by article id; without them `predict` runs. */
  predictions?: Map<string, PredDoc>;
  /** How a gold document's text becomes a prediction (default: `extract()`). */
  predict?: (doc: GoldDoc) => PredDoc;
  /** Called with each problem as it is found ("file:line: what is wrong"). */
  onProblem?: (problem: string) => void;
}

export interface EvalResult {
  datasets: DatasetScore[];
  problems: string[];
  seconds: number;
  /** Loading extraction resources before the first document; not in any dataset's time. */
  startupSeconds: number;
  /** Saved extractions whose article id no scored gold document has. */
  unusedPredictions: number;
}

export async function evaluate(paths: readonly string[], options: EvalOptions = {}): Promise<EvalResult> {
  const inputs = paths.map(openDataset); // every path checked before any work starts
  const startupSeconds = options.predictions || options.predict ? 0 : warmUp();
  const started = performance.now();
  const problems: string[] = [];
  const report = (p: string): void => {
    problems.push(p);
    options.onProblem?.(p);
  };
  const used = new Set<string>();
  const datasets: DatasetScore[] = [];
  for (const input of inputs) datasets.push(await scoreDataset(input, options, report, used));
  const unusedPredictions = options.predictions ? [...options.predictions.keys()].filter((id) => !used.has(id)).length : 0;
  return { datasets, problems, seconds: (performance.now() - started) / 1000, startupSeconds, unusedPredictions };
}

/** Runs `extract()` on a gold document's text with the metadata the gold gives. */
export function extractGold(doc: GoldDoc): PredDoc {
  return extract(doc.text, {
    id: doc.id,
    ...(doc.published && { published: doc.published }),
    ...(doc.source && { source: doc.source }),
    ...(doc.title && { title: doc.title }),
  });
}

// --- internal ---

/** Loads the dictionaries once up front, so docs/s measures extraction rather than start-up. */
function warmUp(): number {
  const started = performance.now();
  try {
    extract("Gunmen attacked a police post on Monday, officials said.", { id: "warm-up", published: "2020-01-01" });
  } catch {
    // A real failure shows up again, with its document, when the datasets run.
  }
  return (performance.now() - started) / 1000;
}

async function scoreDataset(input: DatasetInput, options: EvalOptions, report: (p: string) => void, used: Set<string>): Promise<DatasetScore> {
  const score = newScore(input.name, input.path, input.kind);
  const started = performance.now();
  const limit = options.limit ?? Infinity;
  let seen = 0;
  for await (const item of input.read()) {
    if (score.docs >= limit) break;
    seen++;
    if ("problem" in item) {
      report(item.problem);
      continue;
    }
    addDocument(score, item, predictionFor(item, options, score, report, used));
  }
  if (seen === 0) report(`${input.path}: no gold documents`);
  score.seconds = (performance.now() - started) / 1000;
  return score;
}

function predictionFor(doc: GoldDoc, options: EvalOptions, score: DatasetScore, report: (p: string) => void, used: Set<string>): PredDoc {
  if (options.predictions) {
    const saved = options.predictions.get(doc.id);
    if (saved) used.add(doc.id);
    else score.withoutPrediction++;
    return saved ?? {};
  }
  try {
    return (options.predict ?? extractGold)(doc);
  } catch (err) {
    score.extractFailed++;
    report(`${doc.where}: extract failed on "${doc.id}": ${err instanceof Error ? err.message : String(err)} (scored as no events)`);
    return {};
  }
}
