import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ConflictEvent, Extraction } from "../contract.js";
import type { ExtractOptions } from "../extract/extract.js";
import { openPglite } from "../store/pglite.js";
import { createStore } from "../store/sql-store.js";
import type { Store } from "../store/store.js";
import { ingest, type IngestOptions, type ItemResult } from "./ingest.js";
import { planInputs } from "./inputs.js";
import { contentHash } from "./normalise.js";

const PLAN = { maxBytes: 1_000_000, fetch: { timeoutMs: 2000, maxBytes: 1_000_000 } };

/** One event per paragraph that reports a killing: enough structure to count what is stored. */
function fakeExtract(text: string, options: ExtractOptions): Extraction {
  calls.push(options);
  if (text.includes("MALFORMED")) throw new Error("the stage fell over");
  const events: ConflictEvent[] = [];
  let at = 0;
  for (const paragraph of text.split("\n\n")) {
    const start = text.indexOf(paragraph, at);
    at = start + paragraph.length;
    if (!/kill/i.test(paragraph)) continue;
    events.push({
      id: `e${events.length + 1}`,
      type: "Violence against civilians",
      subType: "Attack",
      date: { start: options.published ?? "2024-01-01", end: options.published ?? "2024-01-01", precision: 1 },
      actors: [{ role: "actor1", name: "Unidentified Armed Group", inter: 2 }],
      location: null,
      fatalities: { low: 1, best: 1, high: null, byCategory: {} },
      injuries: null,
      weapons: [],
      sources: [],
      evidence: [{ start, end: start + paragraph.length, text: paragraph }],
      confidence: 0.5,
    });
  }
  return { version: 1, article: { id: options.id ?? "x", language: "en" }, events, tallies: [], statements: [], agreements: [] };
}

let calls: ExtractOptions[] = [];
let store: Store;
let dir = "";

const RAID = "Gunmen raided a village near Kidal before dawn on Monday, killing four herders and stealing cattle, a local official said.\n\nThe army said it had sent reinforcements to the area.";
const MARKET = "A bomb hidden in a cart exploded at a vegetable market in Baidoa on Thursday, killing six people, police said.";
const FRENCH = "Des hommes armés ont attaqué un village près de Kidal lundi avant l'aube, tuant quatre éleveurs et volant du bétail, a déclaré un responsable local.";

function write(rel: string, content: string): string {
  const path = join(dir, rel);
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
  return path;
}

async function run(paths: string[], options: Partial<IngestOptions> = {}, feeds: string[] = []) {
  const results: ItemResult[] = [];
  const summary = await ingest(await planInputs(paths, feeds, PLAN), { store, extractor: fakeExtract, pipelineVersion: "1.0.0", onItem: (r) => results.push(r), ...options });
  return { summary, results };
}

beforeAll(async () => {
  store = createStore(await openPglite(undefined), "memory");
  await store.migrate();
  dir = mkdtempSync(join(tmpdir(), "truce-ingest-"));
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("ingest", () => {
  it("stores a mixed batch, reports each bad item with its reason, and goes on", async () => {
    const folder = join(dir, "batch1");
    write("batch1/raid.txt", RAID);
    write("batch1/raid.json", JSON.stringify({ published: "2024-02-05", source: "Sahel Wire" }));
    write("batch1/market.html", `<html><head><title>Blast in Baidoa market</title><meta property="article:published_time" content="2024-02-08T11:00:00+03:00"></head><body><article><p>${MARKET}</p></article></body></html>`);
    write("batch1/french.txt", FRENCH);
    write("batch1/lines.jsonl", [JSON.stringify({ id: "bad-date", text: "Soldiers were killed in an ambush.", published: "last Tuesday" }), JSON.stringify({ id: "boom", text: "MALFORMED report of a killing" }), "[1,2"].join("\n"));
    calls = [];
    const { summary, results } = await run([folder]);
    expect(summary).toMatchObject({ read: 6, new: 3, duplicate: 0, notExtracted: 1, failed: 3, events: 2 });
    expect(summary.failures).toEqual([
      { name: `${folder}/lines.jsonl:1`, reason: 'published "last Tuesday" is not a date (expected YYYY-MM-DD or a feed date)' },
      { name: `${folder}/lines.jsonl:2`, reason: "extraction failed: the stage fell over" },
      { name: `${folder}/lines.jsonl:3`, reason: expect.stringMatching(/^invalid JSON/) },
    ]);
    expect(summary.notExtractedReasons).toEqual({ "language French": 1 });
    const french = results.find((r) => r.name.endsWith("french.txt"))!;
    expect(await store.article(french.articleId!)).toMatchObject({ extracted: false, language: "fr", notExtracted: "language French: only English is extracted for now" });
    const market = results.find((r) => r.name.endsWith("market.html"))!;
    const stored = await store.article(market.articleId!);
    expect(stored).toMatchObject({ text: MARKET, title: "Blast in Baidoa market", published: "2024-02-08", format: "html" });
    expect(stored!.raw).toContain("<article>");
    // What the extraction was told: sidecar metadata reached it.
    expect(calls.find((c) => c.id === "raid")).toMatchObject({ published: "2024-02-05", source: "Sahel Wire", language: "en" });
  });

  it("a second run stores nothing twice and extracts nothing again", async () => {
    calls = [];
    const before = (await store.status()).counts!;
    const { summary } = await run([join(dir, "batch1")]);
    expect(summary).toMatchObject({ read: 6, new: 0, duplicate: 3, failed: 3, events: 0 });
    expect(calls.map((c) => c.id)).toEqual(["boom"]); // only the item that failed last time is tried again
    expect((await store.status()).counts).toEqual(before);
  });

  it("a newer pipeline re-extracts what it can extract; the non-English article stays as it was", async () => {
    const { summary } = await run([join(dir, "batch1")], { pipelineVersion: "1.1.0" });
    expect(summary).toMatchObject({ new: 0, reextracted: 2, duplicate: 1, events: 2 });
  });

  it("the same report from a feed, a text file and JSONL is stored once", async () => {
    const report = "Two policemen were killed when gunmen opened fire on their patrol in Peshawar on Saturday, officials said.";
    write("batch2/a.txt", report);
    write("batch2/b.jsonl", JSON.stringify({ text: `  ${report.replace("Peshawar", "Peshawar ")}\r\n` }));
    write("batch2/c.xml", `<rss version="2.0"><channel><title>W</title><item><title>Police killed</title><description>&lt;p&gt;${report}&lt;/p&gt;</description></item></channel></rss>`);
    const { summary } = await run([join(dir, "batch2")]);
    expect(summary).toMatchObject({ read: 3, new: 1, duplicate: 2, events: 1 });
    expect(await store.findArticle(contentHash(report))).not.toBeNull();
  });

  it("applies the defaults to items that do not carry their own", async () => {
    const path = write("batch3/plain.txt", "Clashes between two clans near Galkayo left three people dead on Wednesday, elders said.");
    const { results } = await run([path], { defaults: { published: "2024-03-06", source: "Radio Galkayo", url: "https://radio.example/1" } });
    expect(await store.article(results[0]!.articleId!)).toMatchObject({ published: "2024-03-06", source: "Radio Galkayo", url: "https://radio.example/1" });
  });

  it("ingests a feed fetched from a URL, each item with its link, title and date", async () => {
    const server = createServer((_, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<rss version="2.0"><channel><title>Lake Chad Monitor</title>
        <item><title>Boko Haram fighters kill 7 fishermen</title><link>https://lcm.example/7</link><pubDate>Tue, 09 Apr 2024 09:00:00 +0100</pubDate>
        <description>Fighters killed seven fishermen on an island in Lake Chad on Monday, a militia leader said.</description></item>
        <item><title>Market reopens</title><link>https://lcm.example/8</link><description>The weekly market in Monguno reopened on Tuesday after a month.</description></item>
      </channel></rss>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
    try {
      const { summary, results } = await run([], {}, [url]);
      expect(summary).toMatchObject({ read: 2, new: 2, failed: 0, events: 1 });
      expect(results[0]!.name).toBe(`${url}#1 (Boko Haram fighters kill 7 fishermen)`);
      expect(await store.article(results[0]!.articleId!)).toMatchObject({ url: "https://lcm.example/7", title: "Boko Haram fighters kill 7 fishermen", published: "2024-04-09", source: "Lake Chad Monitor", format: "feed", origin: url });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("announces the expected total, then every item", async () => {
    const totals: number[] = [];
    const { results } = await run([join(dir, "batch2")], { onStart: (t) => totals.push(t) });
    expect(totals).toEqual([3]);
    expect(results).toHaveLength(3);
  });
});

describe("ingest when the database fails", () => {
  const failing = (failAfter: number): Store => {
    let n = 0;
    return {
      ...store,
      findArticle: async (hash: string) => {
        if (++n > failAfter) throw new Error("connection terminated unexpectedly");
        return store.findArticle(hash);
      },
      saveArticle: (input) => store.saveArticle(input),
    } as Store;
  };

  it("stops after repeated database errors, with a message that says a re-run finishes the job", async () => {
    const many = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: `db${i}`, text: `Report number ${i}: a patrol was ambushed near Gao.` })).join("\n");
    const path = write("batch4/many.jsonl", many);
    await expect(ingest(await planInputs([path], [], PLAN), { store: failing(0), extractor: fakeExtract, pipelineVersion: "1.0.0" })).rejects.toMatchObject({
      code: "E_STORE",
      message: expect.stringMatching(/^stopped after 10 database errors in a row \(last: connection terminated unexpectedly\); .*run the same command again to finish$/),
    });
  });

  it("an isolated database error fails that item only", async () => {
    const path = write("batch5/two.jsonl", [JSON.stringify({ text: "A patrol was ambushed near Gao on Friday." }), JSON.stringify({ text: "A convoy was ambushed near Ansongo on Saturday." })].join("\n"));
    let n = 0;
    const flaky = { ...store, findArticle: async (h: string) => (++n === 1 ? Promise.reject(new Error("deadlock detected")) : store.findArticle(h)), saveArticle: (i: Parameters<Store["saveArticle"]>[0]) => store.saveArticle(i) } as Store;
    const summary = await ingest(await planInputs([path], [], PLAN), { store: flaky, extractor: fakeExtract, pipelineVersion: "1.0.0" });
    expect(summary).toMatchObject({ read: 2, new: 1, failed: 1 });
    expect(summary.failures[0]!.reason).toBe("database: deadlock detected");
  });
});
