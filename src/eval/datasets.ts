/**
 * @module eval/datasets
 * What a path on the command line is: a gold-lite JSONL file, one example folder, or a folder of
 * example folders. Each is one dataset in the report.
 */
import { statSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { inputError } from "../errors.js";
import { exampleDirs, isExampleDir, readExamples } from "./examples.js";
import { readGoldLite, type LoadProblem } from "./gold-lite.js";
import type { GoldDoc } from "./types.js";

export interface DatasetInput {
  /** "isaf/dev", "examples", "seed". */
  name: string;
  path: string;
  kind: "gold-lite" | "examples";
  read(): AsyncIterable<GoldDoc | LoadProblem>;
}

export function openDataset(path: string): DatasetInput {
  const kind = pathKind(path);
  if (kind === "file") {
    // expected.json given directly means its example folder.
    if (basename(path) === "expected.json") return examplesDataset(dirname(path), [dirname(path)]);
    return { name: fileDatasetName(path), path, kind: "gold-lite", read: () => readGoldLite(path) };
  }
  if (isExampleDir(path)) return examplesDataset(path, [path]);
  const dirs = exampleDirs(path);
  if (dirs.length === 0) throw inputError(`${path}: no example folders here (folders with article.txt and expected.json)`);
  return examplesDataset(path, dirs);
}

// --- internal ---

function pathKind(path: string): "file" | "folder" {
  try {
    const st = statSync(path);
    if (st.isDirectory()) return "folder";
    if (st.size === 0) throw inputError(`${path}: empty file, no gold documents`);
    return "file";
  } catch (err) {
    if ((err as { code?: string }).code === "E_INPUT") throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(`${path}: ${code === "ENOENT" ? "no such file or folder" : "cannot be read"}`);
  }
}

function examplesDataset(path: string, dirs: string[]): DatasetInput {
  return { name: basename(resolve(path)), path, kind: "examples", read: () => toAsync(readExamples(dirs)) };
}

/** "data/isaf/dev.jsonl" → "isaf/dev": the folder names the dataset, the file its split. */
function fileDatasetName(path: string): string {
  const file = basename(path, extname(path));
  const folder = basename(dirname(resolve(path)));
  return folder ? `${folder}/${file}` : file;
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
