// HTTP API latency over synthetic stored events: p50/p95 of GET /api/events (filtered, 100 rows)
// and GET /api/series, through the app object (no network), on PGlite and, when
// TRUCE_BENCH_DATABASE_URL is set, on PostgreSQL. BENCH_API_EVENTS sets the size (default
// 100,000; 1,000,000 is the PostgreSQL target: p95 < 50 ms; BENCH_API_PGLITE=0 skips the
// embedded store, slow to fill at that size). The events copy the types, places
// and tolls of the example corpus's events, spread over two years.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { extract } from "../dist/extract/extract.js";
import { contentHash } from "../dist/ingest/normalise.js";
import { createApp } from "../dist/server/app.js";
import { openStore } from "../dist/store/open.js";
import { sampleArticle } from "../dist/store/sample.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const EVENTS = Number(process.env.BENCH_API_EVENTS ?? 100_000);
const PER_ARTICLE = 5;
const RUNS = Number(process.env.BENCH_API_RUNS ?? 60);

/** Type, place and toll of every event the pipeline finds in the example corpus. */
function realDistribution() {
  const dir = join(root, "examples", "corpus");
  const out = [];
  for (const f of readdirSync(dir).sort()) {
    if (!f.endsWith(".json")) continue;
    const d = JSON.parse(readFileSync(join(dir, f), "utf8"));
    if (typeof d.text !== "string") continue;
    for (const e of extract(d.text, { id: f, published: d.published }).events) {
      if (e.location?.lat !== undefined) out.push({ type: e.type, subType: e.subType, location: { ...e.location, mention: undefined }, fatalities: e.fatalities?.best ?? null });
    }
  }
  return out;
}

/** A seeded generator: the same database every run. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function article(n, dist, rnd) {
  const a = sampleArticle(n, PER_ARTICLE, "2023-01-01");
  for (const e of a.extraction.events) {
    const real = dist[Math.floor(rnd() * dist.length)];
    const { mention } = e.location ?? {};
    e.type = real.type;
    e.subType = real.subType;
    e.location = { ...real.location, lat: real.location.lat + (rnd() - 0.5) * 0.5, lon: real.location.lon + (rnd() - 0.5) * 0.5, ...(mention && { mention }) };
    if (e.fatalities) e.fatalities = { ...e.fatalities, low: real.fatalities ?? 0, best: real.fatalities ?? 0, high: null };
    // Spread over two years, not only the article's day.
    const day = new Date(Date.parse("2023-01-01T00:00:00Z") + Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10);
    e.date = { ...e.date, start: day, end: day };
  }
  return a;
}

async function fill(store, dist) {
  const have = await store.countEvents({ includeRejected: true });
  const articles = Math.ceil(EVENTS / PER_ARTICLE);
  const first = Math.floor(have / PER_ARTICLE);
  if (first >= articles) return 0;
  const rnd = random(first + 1);
  const t = performance.now();
  for (let n = first; n < articles; n++) {
    const a = article(n, dist, rnd);
    await store.saveArticle({ article: { contentHash: contentHash(a.text), externalId: a.id, format: "text", language: "en", text: a.text, published: a.published }, extraction: a.extraction, pipelineVersion: "bench" });
    if (n % 5000 === 4999) process.stdout.write(`  ${(n + 1) * PER_ARTICLE} events stored (${((performance.now() - t) / 1000).toFixed(0)} s)\r`);
  }
  return (performance.now() - t) / 1000;
}

function pct(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function time(app, urls) {
  for (const u of urls.slice(0, 5)) await app.request(u); // warm plans and caches
  const ms = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const u = urls[i % urls.length];
    const t = performance.now();
    const res = await app.request(u);
    const body = await res.json();
    ms.push(performance.now() - t);
    if (res.status !== 200) throw new Error(`${u}: ${res.status} ${JSON.stringify(body)}`);
    rows += body.events?.length ?? body.points?.length ?? 0;
  }
  ms.sort((a, b) => a - b);
  return { p50: pct(ms, 50).toFixed(1), p95: pct(ms, 95).toFixed(1), rows: Math.round(rows / RUNS) };
}

const EVENT_URLS = [
  "/api/events?country=AFG&from=2023-03-01&to=2023-09-30&limit=100",
  "/api/events?type=Explosions%2FRemote%20violence&from=2024-01-01&limit=100",
  "/api/events?minFatalities=5&from=2023-06-01&to=2023-12-31&limit=100",
  "/api/events?bbox=40,0,50,12&limit=100",
  "/api/events?country=SOM&limit=100&offset=200",
];
const SERIES_URLS = [
  "/api/series?interval=week&groupBy=country",
  "/api/series?interval=day&country=AFG",
  "/api/series?interval=week&groupBy=type&from=2024-01-01",
];

async function benchBackend(label, target, options, dist) {
  const store = await openStore(target, { migrate: true, ...options });
  try {
    const seconds = await fill(store, dist);
    const total = await store.countEvents({ includeRejected: true });
    if (seconds) console.log(`${label}: stored ${total} synthetic events in ${seconds.toFixed(0)} s`);
    const app = createApp({ store });
    const events = await time(app, EVENT_URLS);
    const series = await time(app, SERIES_URLS);
    console.log(`${label}, ${total} events: GET /api/events (filtered, ~${events.rows} rows): p50 ${events.p50} ms, p95 ${events.p95} ms`);
    console.log(`${label}, ${total} events: GET /api/series (${series.rows} points avg): p50 ${series.p50} ms, p95 ${series.p95} ms`);
  } finally {
    await store.close();
  }
}

const dist = realDistribution();
console.log(`API benchmark: ${EVENTS} events copied from ${dist.length} example-corpus events; ${RUNS} requests per route`);
// The embedded database is kept between runs (filling it is the slow part): .bench-tmp/api-<size>.
if (process.env.BENCH_API_PGLITE === "0") console.log("PGlite: skipped (BENCH_API_PGLITE=0)");
else await benchBackend("PGlite", { kind: "pglite", dir: join(root, ".bench-tmp", `api-${EVENTS}`) }, {}, dist);
const pg = process.env.TRUCE_BENCH_DATABASE_URL;
if (pg) await benchBackend("PostgreSQL", { kind: "postgres", url: pg }, { schema: `truce_bench_${EVENTS}` }, dist);
else console.log("PostgreSQL: skipped (set TRUCE_BENCH_DATABASE_URL=postgres://… to run it; the tables go in schema truce_bench_<size>)");
