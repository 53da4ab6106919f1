// Ingest and store throughput, into the embedded store (PGlite) and, when TRUCE_TEST_DATABASE_URL
// or DATABASE_URL is set, into PostgreSQL: articles/s and events/s with extraction excluded
// (the store alone, then the whole ingest path with a stub extractor) and included (real
// articles), and database size per 10k articles. Target: >= 2,000 events/s stored on PGlite
// with extraction excluded.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../dist/extract/extract.js";
import { ingest } from "../dist/ingest/ingest.js";
import { contentHash } from "../dist/ingest/normalise.js";
import { openStore } from "../dist/store/open.js";
import { sampleArticle } from "../dist/store/sample.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const tmp = join(root, ".bench-tmp", `ingest-${process.pid}`);
const STORE_ARTICLES = Number(process.env.BENCH_STORE_ARTICLES ?? 5000);
const INGEST_ARTICLES = Number(process.env.BENCH_INGEST_ARTICLES ?? 2000);
const EVENTS_PER_ARTICLE = 5;

// A realistic article is a few kilobytes: the sample's events, then background paragraphs.
const FILLER =
  "\n\nThe province has seen repeated attacks on security posts in recent months, and residents say travel on the main highway has become dangerous after dark. " +
  "Local elders have called on both sides to protect civilians and to allow traders and farmers to move freely between the district centres. " +
  "Officials said an investigation had been opened and that more troops would be deployed to the area in the coming days. ".repeat(4);

function synthetic(n, firstDay) {
  const a = sampleArticle(n, EVENTS_PER_ARTICLE, firstDay);
  return { ...a, text: a.text + FILLER };
}

function realArticles() {
  const shared = join(root, "..", "shared", "data");
  const docs = [];
  if (existsSync(shared)) {
    for (const name of ["isaf", "muc4", "wikievents", "case2021"]) {
      const file = join(shared, name, "dev.jsonl");
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        const d = JSON.parse(line);
        docs.push({ id: String(d.id), text: d.text, published: d.published ?? undefined });
      }
    }
    if (docs.length > 0) return { docs, from: "../shared/data/*/dev.jsonl" };
  }
  const dir = join(root, "examples", "corpus");
  for (const f of existsSync(dir) ? readdirSync(dir).sort() : []) {
    if (!f.endsWith(".json")) continue;
    const d = JSON.parse(readFileSync(join(dir, f), "utf8"));
    if (typeof d.text === "string") docs.push({ id: d.id ?? f, text: d.text, published: d.published });
  }
  return { docs, from: "examples/corpus" };
}

function source(items) {
  return [{ name: "bench", count: items.length, items: async function* () { yield* items; } }];
}

function rate(n, seconds) {
  return (n / seconds).toFixed(0);
}

function dirSize(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    total += e.isDirectory() ? dirSize(p) : statSync(p).size;
  }
  return total;
}

/** Database size; the difference before and after a load is what the load costs. */
async function sizeOf(store) {
  return (await store.status()).sizeBytes;
}

async function benchBackend(label, target, options) {
  const t0 = performance.now();
  const store = await openStore(target, { migrate: true, ...options });
  console.log(`${label}: open + migrate ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    const sizeBefore = await sizeOf(store);

    // 1. The store alone: saveArticle with ready extractions.
    const inputs = Array.from({ length: STORE_ARTICLES }, (_, i) => synthetic(i, "2030-01-01"));
    let t = performance.now();
    let events = 0;
    for (const a of inputs) {
      const r = await store.saveArticle({
        article: { contentHash: contentHash(a.text), externalId: a.id, format: "text", language: "en", text: a.text, published: a.published },
        extraction: a.extraction,
        pipelineVersion: "bench",
      });
      events += r.events;
    }
    let s = (performance.now() - t) / 1000;
    console.log(`${label}: store only, extraction excluded: ${STORE_ARTICLES} articles, ${events} events in ${s.toFixed(1)} s -> ${rate(STORE_ARTICLES, s)} articles/s, ${rate(events, s)} events/s`);

    const sizeAfter = await sizeOf(store);
    if (sizeBefore !== null && sizeAfter !== null) {
      const avgChars = Math.round(inputs.reduce((n, a) => n + a.text.length, 0) / inputs.length);
      const per10k = ((sizeAfter - sizeBefore) / STORE_ARTICLES) * 10_000;
      console.log(`${label}: database size per 10k articles (${avgChars}-character articles, ${EVENTS_PER_ARTICLE} events each): ${(per10k / 1024 / 1024).toFixed(0)} MB`);
    }

    // 2. The whole ingest path (hash, lookup, language, store) with a stub extractor.
    const items = Array.from({ length: INGEST_ARTICLES }, (_, i) => synthetic(i, "2035-01-01"));
    const byId = new Map(items.map((a) => [a.id, a.extraction]));
    const stub = (_text, o) => byId.get(o.id);
    const asItems = items.map((a) => ({ kind: "item", name: a.id, origin: "bench", format: "text", text: a.text, id: a.id, published: a.published }));
    let summary = await ingest(source(asItems), { store, extractor: stub, pipelineVersion: "bench" });
    console.log(`${label}: ingest, extraction excluded: ${summary.read} articles, ${summary.events} events in ${summary.seconds.toFixed(1)} s -> ${rate(summary.read, summary.seconds)} articles/s, ${rate(summary.events, summary.seconds)} events/s`);
    summary = await ingest(source(asItems), { store, extractor: stub, pipelineVersion: "bench" });
    console.log(`${label}: re-ingest of the same ${summary.read} articles (all duplicates): ${rate(summary.read, summary.seconds)} articles/s`);

    // 3. With the real extraction.
    const { docs, from } = realArticles();
    if (docs.length > 0) {
      const real = docs.map((d, i) => ({ kind: "item", name: d.id, origin: from, format: "text", text: d.text, id: `${d.id}#${i}`, ...(d.published && { published: d.published }) }));
      t = performance.now();
      let extracted = 0;
      for (const d of docs) extracted += extract(d.text, { id: d.id, ...(d.published && { published: d.published }) }).events.length;
      const extractOnly = (performance.now() - t) / 1000;
      const before = await sizeOf(store);
      summary = await ingest(source(real), { store, pipelineVersion: "bench" });
      const after = await sizeOf(store);
      const avg = Math.round(docs.reduce((n, d) => n + d.text.length, 0) / docs.length);
      if (before !== null && after !== null && summary.new > 0) {
        console.log(`${label}: database size per 10k real articles (${from}, ${avg} characters and ${(summary.events / summary.new).toFixed(1)} events on average): ${(((after - before) / summary.new) * 10_000 / 1024 / 1024).toFixed(0)} MB`);
      }
      console.log(
        `${label}: ingest, extraction included (${docs.length} articles from ${from}): ${summary.events} events in ${summary.seconds.toFixed(1)} s -> ${rate(summary.read, summary.seconds)} articles/s, ${rate(summary.events, summary.seconds)} events/s` +
          ` (extraction alone: ${extractOnly.toFixed(1)} s, ${rate(docs.length, extractOnly)} articles/s, ${extracted} events)`,
      );
    }
  } finally {
    await store.close();
  }
}

mkdirSync(tmp, { recursive: true });
try {
  const dir = join(tmp, "pglite");
  await benchBackend("PGlite", { kind: "pglite", dir }, {});
  console.log(`PGlite: folder on disk ${(dirSize(dir) / 1024 / 1024).toFixed(0)} MB after ${STORE_ARTICLES + INGEST_ARTICLES} synthetic articles and the real ones`);

  const url = process.env.TRUCE_TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (url) {
    const schema = `truce_bench_${process.pid}`;
    try {
      await benchBackend("PostgreSQL", { kind: "postgres", url }, { schema });
    } finally {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  } else {
    console.log("PostgreSQL: skipped (set TRUCE_TEST_DATABASE_URL or DATABASE_URL to measure it)");
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
  try {
    rmdirSync(join(root, ".bench-tmp")); // only when no other benchmark left files there
  } catch {
    // not empty, or already gone
  }
}
