/**
 * @module eval/predictions
 * Saved extractions (`truce extract --jsonl` output: one v1 JSON per line), keyed by `article.id`
 * so they can be scored against the gold document with the same id.
 */
import { createReadStream, statSync } from "node:fs";
import { createInterface } from "node:readline";
import { inputError } from "../errors.js";
import { firstIssue, Prediction } from "./schemas.js";
import type { PredDoc } from "./types.js";

export interface Predictions {
  byId: Map<string, PredDoc>;
  problems: string[];
}

export async function readPredictions(path: string): Promise<Predictions> {
  checkFile(path);
  const byId = new Map<string, PredDoc>();
  const problems: string[] = [];
  const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    const parsed = parsePrediction(line);
    if (typeof parsed === "string") {
      problems.push(`${path}:${lineNo}: ${parsed}`);
      continue;
    }
    const id = parsed.article?.id ?? "";
    if (byId.has(id)) problems.push(`${path}:${lineNo}: a second extraction for article "${id}" (the later one is scored)`);
    byId.set(id, parsed);
  }
  if (byId.size === 0 && problems.length === 0) throw inputError(`${path}: no extractions in the file`);
  return { byId, problems };
}

/** One line as an extraction, or what is wrong with it. */
export function parsePrediction(line: string): PredDoc | string {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return `invalid JSON (${(err as Error).message})`;
  }
  const parsed = Prediction.safeParse(raw);
  return parsed.success ? parsed.data : `not a v1 extraction: ${firstIssue(parsed.error)}`;
}

// --- internal ---

function checkFile(path: string): void {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw inputError(`${path}: is a folder; --predictions takes a JSONL file of extractions`);
    size = st.size;
  } catch (err) {
    if ((err as { code?: string }).code === "E_INPUT") throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(`${path}: ${code === "ENOENT" ? "no such file" : "cannot be read"}`);
  }
  if (size === 0) throw inputError(`${path}: empty file, no extractions to score`);
}
