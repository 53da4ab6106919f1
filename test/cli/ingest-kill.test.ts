/**
 * Crash safety, shown on a real process: an ingest is killed with SIGKILL (twice, at random
 * moments) and run again; the database then holds every article exactly once, each with one
 * extraction run, and exactly the events `truce extract` finds in it: no duplicate, no loss.
 * Needs the built CLI (`npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/truce.js", import.meta.url));
const BUILT = existsSync(fileURLToPath(new URL("../../dist/cli/commands/ingest.js", import.meta.url)));
const ARTICLES = 300;

const PLACES = ["Kunduz", "Baghlan", "Gardez", "Ghazni", "Jalalabad", "Kandahar", "Lashkar Gah", "Herat", "Mazar-i-Sharif", "Pul-e Khumri"];
const ATTACKERS = ["Taliban fighters", "gunmen", "insurgents", "militants"];
const TARGETS = ["a police checkpoint", "an army outpost", "a district headquarters", "a security convoy"];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Article n: a wire report of my own wording, different for every n. */
function article(n: number): { id: string; text: string; published: string } {
  const place = PLACES[n % PLACES.length]!;
  const day = DAYS[n % DAYS.length]!;
  const killed = (n % 11) + 2;
  const text =
    `${place.toUpperCase()}, Afghanistan (Reuters) - ${ATTACKERS[n % ATTACKERS.length]} attacked ${TARGETS[n % TARGETS.length]} near ${place} on ${day}, ` +
    `killing ${killed} members of the security forces and wounding ${n % 5} others, a provincial spokesman said.\n\n` +
    `The spokesman said reinforcements had been sent and that the attackers had fled. Report number ${n}.`;
  const date = new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
  return { id: `kill-${n}`, text, published: date };
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[]): { child: ChildProcess; done: Promise<Run>; lines: () => string } {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: "", TRUCE_PIPELINE_VERSION: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<Run>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done, lines: () => stderr };
}

let work = "";
let jsonl = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "truce-kill-"));
  jsonl = join(work, "reports.jsonl");
  writeFileSync(jsonl, `${Array.from({ length: ARTICLES }, (_, i) => JSON.stringify(article(i))).join("\n")}\n`);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!BUILT)("an ingest killed with SIGKILL", () => {
  it("finishes on the next run with no duplicate and no loss", { timeout: 240_000 }, async () => {
    // What the extraction finds in each article, computed apart from any database.
    const reference = await start(["extract", "--jsonl", jsonl]).done;
    expect(reference.code).toBe(0);
    const expected = new Map<string, number>();
    for (const line of reference.stdout.split("\n").filter(Boolean)) {
      const x = JSON.parse(line) as { article: { id: string }; events: unknown[] };
      expected.set(x.article.id, x.events.length);
    }
    expect(expected.size).toBe(ARTICLES);
    const expectedEvents = [...expected.values()].reduce((a, b) => a + b, 0);
    expect(expectedEvents).toBeGreaterThan(0); // a loss of events must be visible

    const db = join(work, "data");
    // Two kills at random moments, each after some articles were committed and before the end.
    for (const stopAt of [10 + Math.floor(Math.random() * 60), 90 + Math.floor(Math.random() * 90)]) {
      const run = start(["ingest", jsonl, "--db", db, "--verbose"]);
      await until(() => (run.lines().match(/^new: /gm)?.length ?? 0) >= stopAt || run.child.exitCode !== null, 120_000);
      run.child.kill("SIGKILL");
      const killed = await run.done;
      expect(killed.signal).toBe("SIGKILL");
    }

    const last = await start(["ingest", jsonl, "--db", db, "--json"]).done;
    expect(last.code).toBe(0);
    const summary = JSON.parse(last.stdout);
    expect(summary.failed).toBe(0);
    expect(summary.new).toBeGreaterThan(0); // the kills left work to do
    expect(summary.new + summary.duplicate).toBe(ARTICLES);

    const status = JSON.parse((await start(["db", "status", "--db", db, "--json"]).done).stdout);
    expect(status.counts).toMatchObject({ articles: ARTICLES, extracted: ARTICLES, runs: ARTICLES, events: expectedEvents });

    const perArticle = new Map<string, number>();
    const stored = (await start(["events", "--db", db, "--format", "jsonl"]).done).stdout.split("\n").filter(Boolean);
    for (const line of stored) {
      const id = (JSON.parse(line) as { article: { id: string } }).article.id;
      perArticle.set(id, (perArticle.get(id) ?? 0) + 1);
    }
    for (const [id, n] of expected) expect(perArticle.get(id) ?? 0, `events of ${id}`).toBe(n);
  });
});

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}
