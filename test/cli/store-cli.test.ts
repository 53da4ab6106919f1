/**
 * The store commands as a user runs them: the built CLI (`npm run build` first) in child
 * processes, against one embedded database for the whole file (creating one costs seconds),
 * and against PostgreSQL when TRUCE_TEST_DATABASE_URL is set.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/truce.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/cli/commands/ingest.js", import.meta.url)));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function truce(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? work,
      env: { ...process.env, DATABASE_URL: "", TRUCE_PIPELINE_VERSION: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

const RAID =
  "KIDAL, Mali, May 6 (Reuters) - Gunmen raided a village near Kidal before dawn on Monday, killing four herders and stealing cattle, a local official said.\n\nThe army said it had sent reinforcements.";
const MARKET = "BAIDOA, Somalia - A bomb hidden in a cart exploded at a vegetable market in Baidoa on Thursday, killing six people and wounding 11, police said.";
const AMBUSH = "GAO, Mali - Suspected jihadists ambushed an army convoy near Ansongo on Saturday, killing three soldiers, the army said in a statement.";
const FRENCH = "Des hommes armés ont attaqué un village près de Kidal lundi avant l'aube, tuant quatre éleveurs et volant du bétail, a déclaré un responsable local.";

let work = "";
let db = "";
let corpus = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "truce-cli-"));
  db = join(work, "data");
  corpus = join(work, "corpus");
  mkdirSync(join(corpus, "sahel"), { recursive: true });
  writeFileSync(join(corpus, "sahel", "raid.txt"), RAID);
  writeFileSync(join(corpus, "sahel", "raid.json"), JSON.stringify({ published: "2024-05-06", source: "Sahel Wire" }));
  writeFileSync(join(corpus, "market.html"), `<html><head><title>Blast in Baidoa</title><meta property="article:published_time" content="2024-05-09"></head><body><article><p>${MARKET}</p></article></body></html>`);
  writeFileSync(join(corpus, "more.jsonl"), [JSON.stringify({ id: "ambush", text: AMBUSH, published: "2024-05-11" }), "{broken", JSON.stringify({ id: "fr", text: FRENCH, published: "2024-05-06" })].join("\n"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!BUILT)("truce ingest / events / export / db (embedded)", () => {
  it("ingests a folder: bad items named with their reason, the rest stored, exit code 1", async () => {
    const r = await truce(["ingest", corpus, "--db", db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`truce: ${join(corpus, "more.jsonl")}:2: invalid JSON`);
    expect(r.stderr).toMatch(/truce: 1 of 5 items failed \(listed above\); the others were stored\n$/);
    expect(r.stdout).toMatch(/^Read 5 articles in [\d.]+ s \([\d.]+ articles\/s\) into .*data\n/);
    expect(r.stdout).toMatch(/\n {2}new +4 {2}\(1 stored but not extracted: language French 1\)\n/);
    expect(r.stdout).toMatch(/\n {2}failed +1\n/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it("a second ingest finds everything already stored", async () => {
    const r = await truce(["ingest", corpus, "--db", db, "--json"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 5, new: 0, duplicate: 4, failed: 1, events: 0 });
  });

  it("db status and db migrate", async () => {
    const status = JSON.parse((await truce(["db", "status", "--db", db, "--json"])).stdout);
    expect(status).toMatchObject({ backend: "pglite", schemaVersion: 2, pending: [], counts: { articles: 4, extracted: 3, notExtracted: 1 } });
    const text = await truce(["db", "status", "--db", db]);
    expect(text.stdout).toMatch(/^database {3}.*data \(embedded PGlite\)\nschema {5}version 2 \(up to date\)\n/);
    const migrate = await truce(["db", "migrate", "--db", db]);
    expect(migrate.stdout).toMatch(/schema up to date \(version 2\)/);
  });

  it("events in every format agree on what is stored", async () => {
    const status = JSON.parse((await truce(["db", "status", "--db", db, "--json"])).stdout);
    const jsonl = (await truce(["events", "--db", db, "--format", "jsonl"])).stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    expect(jsonl).toHaveLength(status.counts.events);
    const json = JSON.parse((await truce(["events", "--db", db, "--format", "json"])).stdout);
    expect(json).toEqual(jsonl);
    const csv = (await truce(["events", "--db", db, "--format", "csv"])).stdout.trimEnd().split("\r\n");
    expect(csv[0]).toMatch(/^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,/);
    expect(csv).toHaveLength(jsonl.length + 1);
    for (const e of jsonl) expect(e.article).toMatchObject({ id: expect.any(String), language: "en" });
  });

  it("events filters by date and says when nothing matches", async () => {
    const none = await truce(["events", "--db", db, "--from", "2999-01-01", "--format", "table"]);
    expect(none).toMatchObject({ code: 0, stdout: "No events match.\n" });
    const may = (await truce(["events", "--db", db, "--from", "2024-05-01", "--to", "2024-05-31", "--format", "jsonl"])).stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
    for (const e of may) expect(e.date.start >= "2024-05-01" && e.date.start <= "2024-05-31").toBe(true);
  });

  it.each([
    [["events", "--format", "xml"], 2, /--format "xml": expected one of table, csv, json, jsonl/],
    [["events", "--from", "2024-02-30"], 2, /--from "2024-02-30": not a real date/],
    [["events", "--bbox", "1,2,3"], 2, /--bbox "1,2,3": expected minLon,minLat,maxLon,maxLat/],
    [["export", "--format", "shapefile"], 2, /expected one of acled-csv, geojson, jsonl/],
  ])("refuses bad options: %j", async (args, code, message) => {
    const r = await truce([...args, "--db", db]);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it("export writes GeoJSON to a file and ACLED CSV with a BOM to stdout", async () => {
    const out = join(work, "events.geojson");
    const geo = await truce(["export", "--db", db, "--format", "geojson", "--out", out]);
    expect(geo.code).toBe(0);
    const collection = JSON.parse(readFileSync(out, "utf8"));
    expect(collection.type).toBe("FeatureCollection");
    expect(geo.stderr).toBe(`truce: wrote ${collection.features.length} event${collection.features.length === 1 ? "" : "s"} to ${out}\n`);
    const csv = await truce(["export", "--db", db, "--bom"]);
    expect(csv.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(csv.stdout.split("\r\n").filter(Boolean)).toHaveLength(collection.features.length + 1);
  });

  it("reading a database that does not exist is a one-line error, and creates nothing", async () => {
    const missing = join(work, "nothing-here");
    const r = await truce(["events", "--db", missing]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`truce: ${missing}: does not exist; run truce ingest (or truce start) first, or point --db / DATABASE_URL at a database\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it("a second process cannot open the embedded database while one holds it", async () => {
    // `ingest -` opens the database, then waits on stdin.
    const holder = spawn(process.execPath, [BIN, "ingest", "-", "--db", db], { cwd: work, env: { ...process.env, DATABASE_URL: "" }, stdio: ["pipe", "pipe", "pipe"] });
    try {
      await waitFor(() => existsSync(join(db, "truce.lock")) && readFileSync(join(db, "truce.lock"), "utf8") === String(holder.pid));
      const r = await truce(["db", "status", "--db", db]);
      expect(r.code).toBe(3);
      expect(r.stderr).toBe(`truce: ${db}: the database is in use by another truce process (pid ${holder.pid}); the embedded database allows one process at a time (use PostgreSQL with DATABASE_URL for several)\n`);
    } finally {
      holder.stdin.end("ZAMFARA, Nigeria - Bandits abducted 20 villagers in Zamfara state on Sunday, police said.");
      await new Promise((resolve) => holder.on("close", resolve));
    }
    expect(existsSync(join(db, "truce.lock"))).toBe(false);
  });

  it("--feed fetches a feed from a server and stores its items", async () => {
    const server = createServer((req, res) => {
      if (req.url === "/gone") {
        res.writeHead(404, "Not Found");
        res.end();
        return;
      }
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<rss version="2.0"><channel><title>Delta Watch</title>
        <item><title>Pipeline attacked</title><link>https://dw.example/1</link><pubDate>Fri, 10 May 2024 08:00:00 +0100</pubDate>
        <description>Militants blew up an oil pipeline near Warri on Thursday night, the company said.</description></item></channel></rss>`);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await truce(["ingest", "--feed", `${base}/feed.xml`, "--db", db, "--json"]);
      expect(ok.code).toBe(0);
      expect(JSON.parse(ok.stdout)).toMatchObject({ read: 1, new: 1, failed: 0 });
      const gone = await truce(["ingest", "--feed", `${base}/gone`, "--db", db]);
      expect(gone.code).toBe(1);
      expect(gone.stderr).toContain(`truce: ${base}/gone: HTTP 404 Not Found\n`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("start loads a corpus into a new database and says what to do next; run again, it is quick and adds nothing", async () => {
    const startDb = join(work, "start-data");
    const first = await truce(["start", "--db", startDb, "--corpus", join(corpus, "sahel")]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`creating the embedded database in ${startDb}`);
    expect(first.stdout).toMatch(/\n {2}new +1\n/);
    expect(first.stdout).toContain(`Your data: ${startDb} (embedded PGlite database`);
    expect(first.stdout).toMatch(/Next:\n {2}npx truce events --db /);
    const again = await truce(["start", "--db", startDb, "--corpus", join(corpus, "sahel")]);
    expect(again.stdout).toMatch(/\n {2}duplicate +1 /);
    const none = await truce(["start", "--db", startDb, "--corpus", join(work, "no-corpus")]);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain(`No example corpus at ${join(work, "no-corpus")}: nothing loaded`);
  });

  it("nothing to ingest, or a missing file, is a usage or input error before any database is created", async () => {
    const fresh = join(work, "never-created");
    expect(await truce(["ingest", "--db", fresh])).toMatchObject({ code: 2, stderr: expect.stringMatching(/nothing to ingest/) });
    expect(await truce(["ingest", join(work, "missing.txt"), "--db", fresh])).toMatchObject({ code: 1, stderr: `truce: ${join(work, "missing.txt")}: no such file or folder\n` });
    expect(existsSync(fresh)).toBe(false);
  });
});

const PG = process.env.TRUCE_TEST_DATABASE_URL;

describe.skipIf(!BUILT || !PG)("truce ingest / events / db against PostgreSQL (TRUCE_TEST_DATABASE_URL)", () => {
  const schema = `truce_cli_${process.pid}`;
  const url = () => `${PG}${PG!.includes("?") ? "&" : "?"}options=${encodeURIComponent(`-c search_path=${schema}`)}`;

  beforeAll(async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.end();
  });

  afterAll(async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: PG });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it("DATABASE_URL selects the server; the same commands work", async () => {
    const env = { DATABASE_URL: url() };
    const r = await truce(["ingest", join(corpus, "sahel"), "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ read: 1, new: 1 });
    const status = JSON.parse((await truce(["db", "status", "--json"], { env })).stdout);
    expect(status).toMatchObject({ backend: "postgres", schemaVersion: 2, counts: { articles: 1 } });
    expect(status.location).not.toContain(":postgres@"); // the password is not printed
    const jsonl = (await truce(["events", "--format", "jsonl"], { env })).stdout.split("\n").filter(Boolean);
    expect(jsonl).toHaveLength(status.counts.events);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}
