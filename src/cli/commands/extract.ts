/**
 * @module cli/commands/extract
 * `truce extract FILE… | - | --jsonl FILE`: articles in, v1 extractions out.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { basename } from "node:path";
import { defineCommand } from "citty";
import { z } from "zod";
import { extract, isIsoDate, type ExtractOptions } from "../../extract/extract.js";
import { inputError, TruceError } from "../../errors.js";
import { parseMaxBytes, readTextInput } from "../input.js";
import type { Extraction } from "../../contract.js";
import { acledCsvHeader, acledCsvLine } from "../../export/acled.js";
import { recordsOf, type ExportRecord } from "../../export/record.js";
import { toGeoJson } from "../../export/geojson.js";
import { detectLanguage } from "../../ingest/language.js";
import { checkPublished } from "../args.js";

const JsonlArticle = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  text: z.string(),
  published: z.string().nullish(),
  title: z.string().nullish(),
  source: z.string().nullish(),
  url: z.string().nullish(),
  language: z.string().nullish(),
});

export default defineCommand({
  meta: { name: "extract", description: "Extract events, tallies, statements and agreements from articles (v1 JSON)" },
  args: {
    files: { type: "positional", required: false, description: "article files (plain text); - reads stdin" },
    jsonl: { type: "string", description: "a JSONL file of {id, text, published?, title?, source?, url?}, one extraction per line out" },
    published: { type: "string", description: "publication date YYYY-MM-DD (relative dates resolve against it)" },
    source: { type: "string", description: "the publication (\"The Washington Post\")" },
    title: { type: "string", description: "article title" },
    url: { type: "string", description: "article URL" },
    id: { type: "string", description: "article id (default: the file name)" },
    actors: { type: "string", description: "your own actor dictionary (JSON or YAML), merged over the shipped one" },
    "max-bytes": { type: "string", description: "refuse inputs larger than this (default 5M)" },
    compact: { type: "boolean", description: "one line of JSON per article even for a single file" },
    language: { type: "string", description: "the article's language (default: detected); only English (en) is extracted" },
    format: { type: "string", description: "json (v1 extractions, default) | csv (events in ACLED's columns) | geojson (events as points)" },
  },
  async run({ args }) {
    const maxBytes = parseMaxBytes(args["max-bytes"]);
    output = outputFor(args.format);
    checkPublished(args.published);
    const files = (args._ as string[]).map(String);
    if (args.jsonl) {
      if (files.length > 0) throw new TruceError("E_USAGE", "give either --jsonl FILE or article files, not both");
      try {
        await extractJsonl(args.jsonl, maxBytes, args.actors);
      } finally {
        output.end();
      }
      return;
    }
    if (files.length === 0) throw new TruceError("E_USAGE", "no input: give article files, - for stdin, or --jsonl FILE (see truce extract --help)");
    const common: ExtractOptions = {
      published: args.published,
      source: args.source,
      title: args.title,
      url: args.url,
      actorsFile: args.actors,
    };
    const single = files.length === 1 && !args.compact;
    let failed = 0;
    for (const file of files) {
      try {
        const text = readTextInput(file, maxBytes);
        const id = args.id ?? (file === "-" ? "stdin" : articleId(file));
        const problem = languageProblem(text, args.language);
        if (problem) throw inputError(`${file === "-" ? "stdin" : file}: ${problem}`);
        write(extract(text, { ...common, id }), single);
      } catch (err) {
        if (files.length === 1 || !(err instanceof TruceError)) throw err;
        process.stderr.write(`truce: ${err.message}\n`);
        failed++;
      }
    }
    output.end();
    if (failed > 0) throw new TruceError("E_PARTIAL", `${failed} of ${files.length} inputs failed (see above)`);
  },
});

// --- internal ---

interface Output {
  write(extraction: Extraction, pretty: boolean): void;
  end(): void;
}

let output: Output;

/** JSON writes each extraction as it comes; CSV a header then rows; GeoJSON one collection at the end. */
function outputFor(format: string | undefined): Output {
  if (format === undefined || format === "json") {
    return { write: (x, pretty) => process.stdout.write(pretty ? `${JSON.stringify(x, null, 2)}\n` : `${JSON.stringify(x)}\n`), end: () => {} };
  }
  if (format === "csv") {
    let header = false;
    return {
      write: (x) => {
        if (!header) process.stdout.write(acledCsvHeader());
        header = true;
        for (const r of recordsOf(x)) process.stdout.write(acledCsvLine(r));
      },
      end: () => {
        if (!header) process.stdout.write(acledCsvHeader());
      },
    };
  }
  if (format === "geojson") {
    const records: ExportRecord[] = [];
    return { write: (x) => records.push(...recordsOf(x)), end: () => process.stdout.write(`${JSON.stringify(toGeoJson(records))}\n`) };
  }
  throw new TruceError("E_USAGE", `--format "${format}": expected json, csv or geojson`);
}

function write(extraction: Extraction, pretty: boolean): void {
  output.write(extraction, pretty);
}

/** Why a text is not extracted: it is not English (as declared, or as detected). */
function languageProblem(text: string, declared: string | undefined): string | undefined {
  if (declared !== undefined) {
    return /^en(?:g|glish)?(?:[-_][a-z]+)?$/i.test(declared) ? undefined : `declared language "${declared}": Truce extracts English only`;
  }
  const lang = detectLanguage(text);
  return lang.english ? undefined : `the text is in ${lang.name} (${lang.code}); Truce extracts English only (--language en to extract it anyway)`;
}

/** "../shared/examples/seed/article.txt" → "seed": the folder names the article when the file is generic. */
function articleId(file: string): string {
  const base = basename(file).replace(/\.[^.]+$/, "");
  if (/^(article|index|text|body)$/i.test(base)) {
    const parent = basename(file.slice(0, file.length - basename(file).length - 1));
    if (parent && parent !== "." && parent !== "..") return parent;
  }
  return base;
}

async function extractJsonl(path: string, maxBytes: number, actorsFile: string | undefined): Promise<void> {
  readTextInput(path, Number.MAX_SAFE_INTEGER); // same checks as a file: exists, not empty, not binary
  const lines = createInterface({ input: path === "-" ? process.stdin : createReadStream(path, "utf8"), crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  let read = 0;
  for await (const line of lines) {
    lineNo++;
    if (line.trim() === "") continue;
    read++;
    const problem = extractLine(line, maxBytes, actorsFile);
    if (problem) {
      process.stderr.write(`truce: ${path}:${lineNo}: ${problem}\n`);
      failed++;
    }
  }
  if (read === 0) throw inputError(`${path}: no articles in the file`);
  if (failed > 0) throw new TruceError("E_PARTIAL", `${path}: ${failed} of ${read} lines failed (see above); the others were extracted`);
}

/** Extracts one JSONL line and writes it; returns what was wrong with the line, if anything. */
function extractLine(line: string, maxBytes: number, actorsFile: string | undefined): string | undefined {
  if (line.length > maxBytes) return `line too large (${line.length} characters; the limit is ${maxBytes})`;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch (err) {
    return `invalid JSON (${(err as Error).message})`;
  }
  const parsed = JsonlArticle.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return `not an article: ${issue ? `${issue.path.join(".") || "line"}: ${issue.message}` : "invalid"}`;
  }
  const a = parsed.data;
  if (a.text.trim() === "") return `article "${a.id}" has an empty text`;
  if (a.published && !isIsoDate(a.published)) return `article "${a.id}": published "${a.published}" is not a date YYYY-MM-DD`;
  const problem = languageProblem(a.text, a.language ?? undefined);
  if (problem) return `article "${a.id}": ${problem}`;
  write(
    extract(a.text, {
      id: a.id,
      published: a.published ?? undefined,
      title: a.title ?? undefined,
      source: a.source ?? undefined,
      url: a.url ?? undefined,
      language: a.language ?? undefined,
      actorsFile,
    }),
    false,
  );
  return undefined;
}
