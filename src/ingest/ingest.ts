/**
 * @module ingest/ingest
 * The ingest loop: each item is cleaned, hashed, looked up, language-checked, extracted and
 * stored in its own transaction. A known article is not extracted again unless the pipeline is
 * newer, so a re-run after a crash (even kill -9) only does what is left. A bad item is
 * reported and the batch goes on; a database that keeps failing stops it.
 */
import type { Extraction } from "../contract.js";
import { TruceError } from "../errors.js";
import { extract, type ExtractOptions } from "../extract/extract.js";
import { compareVersions } from "../store/version.js";
import type { ArticleInput, SaveInput, Store } from "../store/store.js";
import { toIsoDay } from "./dates.js";
import { htmlToArticle } from "./html.js";
import type { InputSource, RawItem } from "./inputs.js";
import { detectLanguage } from "./language.js";
import { cleanText, contentHash } from "./normalise.js";
import { pipelineVersion } from "./pipeline-version.js";

export type Extractor = (text: string, options: ExtractOptions) => Extraction;

export type Outcome = "new" | "duplicate" | "reextracted" | "not_extracted" | "failed";

export interface ItemResult {
  name: string;
  outcome: Outcome;
  /** Events stored for this item. */
  events: number;
  /** Disagreements with reviewed events recorded by a re-extraction. */
  conflicts?: number;
  reason?: string;
  articleId?: number;
}

export interface IngestSummary {
  read: number;
  /** Articles stored for the first time (extracted or not). */
  new: number;
  duplicate: number;
  reextracted: number;
  /** Stored but not extracted (language), a subset of `new`. */
  notExtracted: number;
  failed: number;
  events: number;
  /** Disagreements between a re-extraction and reviewed events. */
  conflicts: number;
  failures: { name: string; reason: string }[];
  /** Why articles were not extracted, with counts ("language French": 2). */
  notExtractedReasons: Record<string, number>;
  seconds: number;
  articlesPerSecond: number;
}

export interface IngestDefaults {
  published?: string;
  source?: string;
  title?: string;
  url?: string;
}

export interface IngestOptions {
  store: Store;
  /** The extraction (default: Truce's `extract`); the benchmark passes a stub to time the store alone. */
  extractor?: Extractor;
  pipelineVersion?: string;
  /** For items that do not carry their own. */
  defaults?: IngestDefaults;
  actorsFile?: string;
  onStart?: (total: number) => void;
  onItem?: (result: ItemResult, summary: IngestSummary) => void;
}

/** After this many database errors in a row the database is down, not the items bad. */
const MAX_STORE_FAILURES = 10;

export async function ingest(sources: InputSource[], options: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const summary = emptySummary();
  const ctx: Context = {
    store: options.store,
    extractor: options.extractor ?? extract,
    version: options.pipelineVersion ?? pipelineVersion(),
    defaults: options.defaults ?? {},
    actorsFile: options.actorsFile,
  };
  let storeFailures = 0;
  const finish = (result: ItemResult) => {
    count(summary, result);
    summary.seconds = (performance.now() - started) / 1000;
    summary.articlesPerSecond = summary.seconds > 0 ? summary.read / summary.seconds : 0;
    options.onItem?.(result, summary);
  };
  /** Runs a database step; after MAX_STORE_FAILURES in a row the batch stops. */
  const guarded = async (name: string, step: () => Promise<Step | ItemResult>): Promise<Step | ItemResult> => {
    try {
      const out = await step();
      storeFailures = 0;
      return out;
    } catch (err) {
      if (!(err instanceof StoreFailure)) throw err;
      if (++storeFailures >= MAX_STORE_FAILURES) {
        throw new TruceError("E_STORE", `stopped after ${storeFailures} database errors in a row (last: ${err.message}); articles stored so far are kept, run the same command again to finish`);
      }
      return { name, outcome: "failed", events: 0, reason: `database: ${err.message}` };
    }
  };
  options.onStart?.(sources.reduce((n, s) => n + s.count, 0));
  // While one article is being written, the next one is extracted: with a PostgreSQL server
  // the two run at the same time. Each write is still its own transaction, in input order.
  let writing: Promise<void> = Promise.resolve();
  try {
    for (const source of sources) {
      for await (const item of source.items()) {
        if (item.kind === "bad") {
          await writing;
          finish({ name: item.name, outcome: "failed", events: 0, reason: item.reason });
          continue;
        }
        const step = await guarded(item.name, () => prepareItem(item, ctx));
        await writing;
        if (!("save" in step)) {
          finish(step);
          continue;
        }
        writing = guarded(item.name, () => save(step, ctx)).then((r) => finish(r as ItemResult));
        // Awaited before the next write; until then a failure must not count as unhandled.
        writing.catch(() => {});
      }
    }
    await writing;
  } catch (err) {
    // Never leave a write running behind a stop: the caller closes the database next.
    await writing.catch(() => {});
    throw err;
  }
  summary.seconds = (performance.now() - started) / 1000;
  summary.articlesPerSecond = summary.seconds > 0 ? summary.read / summary.seconds : 0;
  return summary;
}

// --- internal ---

class StoreFailure extends Error {}

interface Context {
  store: Store;
  extractor: Extractor;
  version: string;
  defaults: IngestDefaults;
  actorsFile: string | undefined;
}

/** An article ready to be written, with what to report once it is. */
interface Step {
  name: string;
  save: SaveInput;
  /** Why it is stored without extraction, when it is. */
  reason?: string;
}

/**
 * Everything before the write: clean, hash, look up, detect the language, extract. Returns the
 * item's result when nothing is to be written (a duplicate, a bad item); throws StoreFailure
 * when the database fails.
 */
async function prepareItem(item: RawItem, ctx: Context): Promise<Step | ItemResult> {
  const failed = (reason: string): ItemResult => ({ name: item.name, outcome: "failed", events: 0, reason });
  let article: ArticleInput;
  try {
    article = prepare(item, ctx.defaults);
  } catch (err) {
    return failed(err instanceof Error ? err.message : String(err));
  }
  const known = await storeCall(() => ctx.store.findArticle(article.contentHash));
  if (known && (!known.extracted || compareVersions(ctx.version, known.pipelineVersion ?? "0") <= 0)) {
    return { name: item.name, outcome: "duplicate", events: 0, articleId: known.id };
  }
  const language = detectLanguage(article.text);
  article.language = language.code;
  if (!language.english) {
    const reason = `language ${language.name}`;
    return { name: item.name, reason, save: { article, extraction: null, notExtracted: `${reason}: only English is extracted for now`, pipelineVersion: ctx.version } };
  }
  try {
    const extraction = ctx.extractor(article.text, {
      id: article.externalId ?? article.contentHash.slice(0, 12),
      ...(article.published && { published: article.published }),
      ...(article.title && { title: article.title }),
      ...(article.source && { source: article.source }),
      ...(article.url && { url: article.url }),
      language: "en",
      ...(ctx.actorsFile && { actorsFile: ctx.actorsFile }),
    });
    return { name: item.name, save: { article, extraction, pipelineVersion: ctx.version } };
  } catch (err) {
    if (err instanceof TruceError && err.code === "E_DATA") throw err; // a broken dictionary fails every item: stop
    return failed(`extraction failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function save(step: Step, ctx: Context): Promise<ItemResult> {
  const saved = await storeCall(() => ctx.store.saveArticle(step.save));
  if (!step.save.extraction) {
    return { name: step.name, outcome: saved.outcome === "new" ? "not_extracted" : "duplicate", events: 0, reason: step.reason, articleId: saved.articleId };
  }
  return { name: step.name, outcome: saved.outcome, events: saved.events, conflicts: saved.conflicts, articleId: saved.articleId };
}

/** The article as stored: text cleaned, HTML reduced to its main text, metadata checked. */
function prepare(item: RawItem, defaults: IngestDefaults): ArticleInput {
  let text: string;
  let raw = item.raw;
  let page: { title?: string; published?: string; source?: string; url?: string } = {};
  if (item.html !== undefined) {
    const found = htmlToArticle(item.html, item.name);
    text = found.text;
    raw = item.html;
    page = found;
  } else {
    text = item.text ?? "";
  }
  text = cleanText(text);
  if (text.trim() === "") throw new Error("empty text, nothing to ingest");
  let published: string | undefined;
  if (item.published !== undefined) {
    published = toIsoDay(item.published);
    if (!published) throw new Error(`published "${item.published}" is not a date (expected YYYY-MM-DD or a feed date)`);
  }
  return {
    contentHash: contentHash(text),
    format: item.format,
    origin: item.origin,
    text,
    language: "en",
    ...defined({
      externalId: item.id,
      raw: raw !== undefined && raw !== text ? cleanText(raw) : undefined,
      title: item.title ?? page.title ?? defaults.title,
      published: published ?? page.published ?? defaults.published,
      source: item.source ?? page.source ?? defaults.source,
      url: item.url ?? page.url ?? defaults.url,
    }),
  };
}

async function storeCall<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    throw new StoreFailure(err instanceof Error ? err.message : String(err));
  }
}

function count(s: IngestSummary, r: ItemResult): void {
  s.read++;
  s.events += r.events;
  s.conflicts += r.conflicts ?? 0;
  switch (r.outcome) {
    case "new":
      s.new++;
      break;
    case "duplicate":
      s.duplicate++;
      break;
    case "reextracted":
      s.reextracted++;
      break;
    case "not_extracted":
      s.new++;
      s.notExtracted++;
      s.notExtractedReasons[r.reason ?? "unknown"] = (s.notExtractedReasons[r.reason ?? "unknown"] ?? 0) + 1;
      break;
    case "failed":
      s.failed++;
      s.failures.push({ name: r.name, reason: r.reason ?? "unknown" });
      break;
  }
}

function emptySummary(): IngestSummary {
  return { read: 0, new: 0, duplicate: 0, reextracted: 0, notExtracted: 0, failed: 0, events: 0, conflicts: 0, failures: [], notExtractedReasons: {}, seconds: 0, articlesPerSecond: 0 };
}

function defined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined && v !== "")) as T;
}
