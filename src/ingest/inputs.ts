/**
 * @module ingest/inputs
 * Everything a monitor receives, turned into a stream of items: files by extension (.txt,
 * .html, .json, .jsonl, .xml/.rss/.atom), folders recursively, stdin by sniffing, feeds by URL.
 * A file that cannot be read, a bad JSONL line, a feed that does not answer: each becomes a bad
 * item with its name and reason, and the others go on.
 *
 * A JSON file next to an article file supplies its metadata: `x.json` or `x.meta.json` for
 * `x.txt`/`x.html`, `meta.json` for every article file in its folder. Extraction outputs
 * (`{"version": 1, "events": …}`, such as expected.json) are not articles and are passed over.
 */
import { closeSync, createReadStream, openSync, readdirSync, readSync, statSync, type Dirent } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { createInterface } from "node:readline";
import { z } from "zod";
import { decodeText, readTextInput } from "../cli/input.js";
import type { ArticleFormat } from "../store/store.js";
import { looksLikeFeed, parseFeed } from "./feed.js";
import { fetchText, type FetchOptions } from "./fetch.js";

export interface RawItem {
  kind: "item";
  /** For messages: a path, "path:12" (JSONL line), "path#3" (feed item). */
  name: string;
  /** Where it came from: a path, a URL, "stdin". */
  origin: string;
  format: ArticleFormat;
  /** Exactly one of text and html. */
  text?: string;
  html?: string;
  /** The input as received when `text` was derived from it (a feed item's HTML). */
  raw?: string;
  id?: string;
  title?: string;
  /** As given (any date format); checked and normalised by the ingest. */
  published?: string;
  source?: string;
  url?: string;
}

export interface BadItem {
  kind: "bad";
  name: string;
  reason: string;
}

export type Item = RawItem | BadItem;

export interface InputSource {
  name: string;
  /** Items expected (for the progress bar); a JSON array may turn out to hold more. */
  count: number;
  items(): AsyncIterable<Item>;
}

export interface InputOptions {
  maxBytes: number;
  fetch: FetchOptions;
  /** Reads stdin whole (tests pass their own). */
  readStdin?: () => Uint8Array;
}

/** One source per path ("-" is stdin) and per feed URL, folders expanded, sorted. */
export async function planInputs(paths: string[], feeds: string[], options: InputOptions): Promise<InputSource[]> {
  const sources: InputSource[] = [];
  for (const path of paths) {
    if (path === "-") sources.push(stdinSource(options));
    else sources.push(...pathSources(path, options));
  }
  for (const url of feeds) sources.push(await feedUrlSource(url, options));
  return sources;
}

// --- internal ---

const ARTICLE_EXT: Record<string, ArticleFormat> = { ".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".xhtml": "html" };
const FEED_EXT = new Set([".xml", ".rss", ".atom"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);

const ArticleObject = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
    published: z.string().nullish(),
    title: z.string().nullish(),
    source: z.string().nullish(),
    url: z.string().nullish(),
  })
  .refine((a) => typeof a.text === "string" || typeof a.html === "string", { message: "needs a \"text\" or an \"html\" field" });

type Meta = Pick<RawItem, "id" | "title" | "published" | "source" | "url">;

function bad(name: string, reason: string): BadItem {
  return { kind: "bad", name, reason };
}

function single(name: string, make: () => Item[] | Promise<Item[]>, count = 1): InputSource {
  return {
    name,
    count,
    async *items() {
      try {
        yield* await make();
      } catch (err) {
        yield bad(name, reasonOf(err, name));
      }
    },
  };
}

/** The error's message without the name it already starts with (we print the name ourselves). */
function reasonOf(err: unknown, name: string): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith(`${name}: `) ? message.slice(name.length + 2) : message;
}

function pathSources(path: string, options: InputOptions): InputSource[] {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return [single(path, () => [bad(path, code === "ENOENT" ? "no such file or folder" : code === "EACCES" ? "permission denied" : "cannot be read")])];
  }
  if (!isDir) return [fileSource(path, options, false)];
  const files = walk(path);
  const sidecars = sidecarFiles(files);
  return files.filter((f) => !sidecars.has(f) && ingestible(f)).map((f) => fileSource(f, options, true));
}

/** Files under `dir`, hidden ones (".git", ".DS_Store") left out, in a stable order. */
function walk(dir: string): string[] {
  const out: string[] = [];
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function ingestible(file: string): boolean {
  const ext = extname(file).toLowerCase();
  return ext in ARTICLE_EXT || FEED_EXT.has(ext) || JSONL_EXT.has(ext) || ext === ".json";
}

/** Where an article file's metadata may be: `x.json`, `x.meta.json`, the folder's `meta.json`. */
function sidecarCandidates(file: string): string[] {
  const stem = file.slice(0, file.length - extname(file).length);
  return [`${stem}.json`, `${stem}.meta.json`, join(dirname(file), "meta.json")];
}

/** JSON files that describe an article file beside them rather than being articles. */
function sidecarFiles(files: string[]): Set<string> {
  const all = new Set(files);
  const out = new Set<string>();
  for (const f of files) {
    if (!(extname(f).toLowerCase() in ARTICLE_EXT)) continue;
    for (const candidate of sidecarCandidates(f)) if (all.has(candidate) && metadataJson(candidate)) out.add(candidate);
  }
  return out;
}

/** The JSON object in `file` when it is metadata (an object without text or html), else undefined. */
function metadataJson(file: string): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readTextInput(file, 1024 * 1024));
  } catch {
    return undefined;
  }
  const isMeta = !!data && typeof data === "object" && !Array.isArray(data) && !("text" in data) && !("html" in data);
  return isMeta ? (data as Record<string, unknown>) : undefined;
}

/** Metadata for an article file from its sidecar JSON, if any. */
function sidecarMeta(file: string): Meta {
  for (const candidate of sidecarCandidates(file)) {
    const d = metadataJson(candidate);
    if (!d) continue;
    const s = (k: string) => (typeof d[k] === "string" && d[k] !== "" ? (d[k] as string) : undefined);
    return clean({ id: s("id"), title: s("title"), published: s("published") ?? s("date"), source: s("source"), url: s("url") });
  }
  return {};
}

function fileSource(path: string, options: InputOptions, inFolder: boolean): InputSource {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) return jsonlSource(path, options);
  return single(path, () => {
    const text = readTextInput(path, options.maxBytes);
    const format: ArticleFormat | "feed-file" | "json" | "jsonl" =
      ARTICLE_EXT[ext] ?? (FEED_EXT.has(ext) ? "feed-file" : ext === ".json" ? "json" : sniff(text));
    switch (format) {
      case "feed-file":
      case "feed":
        return feedItems(text, path, path);
      case "json":
        return jsonItems(text, path, inFolder);
      case "jsonl":
        return jsonlLines(text.split(/\r?\n/), path, options.maxBytes);
      default:
        return [{ kind: "item", name: path, origin: path, format, [format === "html" ? "html" : "text"]: text, id: fileId(path), ...sidecarMeta(path) }];
    }
  });
}

/** What stdin or an unknown extension holds, from its first characters. */
function sniff(text: string): ArticleFormat {
  const head = text.trimStart().slice(0, 1000);
  if (looksLikeFeed(head)) return "feed";
  if (/^<(!doctype\s+html|html|head|body)[\s>]/i.test(head)) return "html";
  if (/^\[/.test(head)) return "json";
  if (/^\{/.test(head)) {
    const first = head.split(/\r?\n/, 1)[0]!;
    try {
      JSON.parse(first);
      return "jsonl";
    } catch {
      return "json";
    }
  }
  return "text";
}

function stdinSource(options: InputOptions): InputSource {
  return single("stdin", () => {
    const text = options.readStdin ? decodeText(options.readStdin(), "stdin") : readTextInput("-", options.maxBytes);
    const format = sniff(text);
    switch (format) {
      case "feed":
        return feedItems(text, "stdin", "stdin");
      case "json":
        return jsonItems(text, "stdin", false);
      case "jsonl":
        return jsonlLines(text.split(/\r?\n/), "stdin", options.maxBytes);
      default:
        return [{ kind: "item", name: "stdin", origin: "stdin", format, [format === "html" ? "html" : "text"]: text, id: "stdin" }];
    }
  });
}

async function feedUrlSource(url: string, options: InputOptions): Promise<InputSource> {
  try {
    const xml = await fetchText(url, options.fetch);
    if (!looksLikeFeed(xml)) {
      const what = /<html[\s>]/i.test(xml.slice(0, 2000)) ? "an HTML page" : "something else";
      return single(url, () => [bad(url, `not an RSS or Atom feed (the server sent ${what})`)]);
    }
    const items = feedItems(xml, url, url);
    return { name: url, count: items.length, items: async function* () { yield* items; } };
  } catch (err) {
    return single(url, () => [bad(url, reasonOf(err, url))]);
  }
}

function feedItems(xml: string, name: string, origin: string): Item[] {
  const feed = parseFeed(xml, name);
  if (feed.items.length === 0) return [bad(name, "the feed has no items")];
  return feed.items.map((it) => {
    const itemName = `${name}#${it.index}${it.title ? ` (${it.title.slice(0, 60)})` : ""}`;
    if (it.text.trim() === "") return bad(itemName, "the item has no title and no content");
    return {
      kind: "item" as const,
      name: itemName,
      origin,
      format: "feed" as const,
      text: it.text,
      ...clean({ raw: it.raw, id: it.id ?? it.url, title: it.title, published: it.published, source: it.source, url: it.url }),
    };
  });
}

function jsonItems(text: string, name: string, inFolder: boolean): Item[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return [bad(name, `invalid JSON (${(err as Error).message})`)];
  }
  if (isExtraction(data)) return inFolder ? [] : [bad(name, "an extraction (truce extract output), not an article")];
  if (Array.isArray(data)) return data.map((d, i) => articleObject(d, `${name}[${i}]`, name, "json"));
  return [articleObject(data, name, name, "json")];
}

function isExtraction(data: unknown): boolean {
  return !!data && typeof data === "object" && !Array.isArray(data) && "version" in data && "events" in data && !("text" in data);
}

function jsonlSource(path: string, options: InputOptions): InputSource {
  return {
    name: path,
    count: countLines(path),
    async *items() {
      try {
        checkHead(path);
      } catch (err) {
        yield bad(path, reasonOf(err, path));
        return;
      }
      const lines = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Infinity });
      let n = 0;
      for await (const line of lines) {
        n++;
        if (line.trim() === "") continue;
        yield jsonlLine(line, `${path}:${n}`, path, options.maxBytes);
      }
    },
  };
}

function jsonlLines(lines: string[], origin: string, maxBytes: number): Item[] {
  const out: Item[] = [];
  lines.forEach((line, i) => {
    if (line.trim() !== "") out.push(jsonlLine(line, `${origin}:${i + 1}`, origin, maxBytes));
  });
  return out;
}

function jsonlLine(line: string, name: string, origin: string, maxBytes: number): Item {
  if (line.length > maxBytes) return bad(name, `line too large (${line.length} characters; the limit is ${maxBytes})`);
  let data: unknown;
  try {
    data = JSON.parse(line);
  } catch (err) {
    return bad(name, `invalid JSON (${(err as Error).message})`);
  }
  return articleObject(data, name, origin, "jsonl");
}

function articleObject(data: unknown, name: string, origin: string, format: ArticleFormat): Item {
  const parsed = ArticleObject.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
    return bad(name, `not an article: ${where}${issue?.message ?? "invalid"}`);
  }
  const a = parsed.data;
  const body = typeof a.text === "string" ? { text: a.text } : { html: a.html! };
  return { kind: "item", name, origin, format, ...body, ...clean({ id: a.id ?? undefined, title: a.title ?? undefined, published: a.published ?? undefined, source: a.source ?? undefined, url: a.url ?? undefined }) };
}

/** The checks readTextInput makes (exists, not empty, not binary) on the head of a file too large to read whole. */
function checkHead(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : "cannot be read");
  }
  try {
    const head = Buffer.alloc(8192);
    decodeText(head.subarray(0, readSync(fd, head, 0, head.length, 0)), path);
  } finally {
    closeSync(fd);
  }
}

/** Number of non-empty lines, read in chunks (JSONL files can be large). */
function countLines(path: string): number {
  try {
    const fd = openSync(path, "r");
    const buf = Buffer.alloc(1 << 20);
    let count = 0;
    let lastWasNewline = true;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === 10) lastWasNewline = true;
        else if (lastWasNewline && b !== 13 && b !== 32 && b !== 9) {
          count++;
          lastWasNewline = false;
        }
      }
    }
    closeSync(fd);
    return count;
  } catch {
    return 1;
  }
}

/** "…/seed/article.txt" is named after its folder, "…/kunduz-raid.txt" after itself. */
function fileId(file: string): string {
  const base = basename(file).replace(/\.[^.]+$/, "");
  if (/^(article|index|text|body)$/i.test(base)) {
    const parent = basename(dirname(file));
    if (parent && parent !== "." && parent !== "..") return parent;
  }
  return base;
}

function clean<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== null && v !== "")) as T;
}
