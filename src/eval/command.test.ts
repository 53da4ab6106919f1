import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCommand } from "citty";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import evalCommand from "../cli/commands/eval.js";
import { TruceError } from "../errors.js";
import type { EvalReport } from "./report.js";

const ARTICLE =
  "KANDAHAR, Afghanistan - Insurgents fired rockets at a police checkpoint in Kandahar province on Tuesday, " +
  "killing three policemen, provincial spokesman Ahmad Wali said.\n";

function span(text: string): { start: number; end: number; text: string } {
  const start = ARTICLE.indexOf(text);
  return { start, end: start + text.length, text };
}

const EVENT = {
  id: "e1",
  type: "Explosions/Remote violence",
  subType: "Shelling/artillery/missile attack",
  date: { start: "2021-06-08", end: "2021-06-08", precision: 1, mention: span("Tuesday") },
  actors: [
    { role: "actor1", name: "Taliban", inter: 2, mention: span("Insurgents") },
    { role: "actor2", name: "Police Forces of Afghanistan (2014-2021)", inter: 1, mention: span("policemen") },
  ],
  location: { name: "Kandahar", admin1: "Kandahar", country: "Afghanistan", iso3: "AFG", precision: 3, mention: span("Kandahar province") },
  fatalities: { low: 3, best: 3, high: null, byCategory: { security: 3 } },
  injuries: null,
  weapons: ["rocket"],
  sources: [{ name: "Ahmad Wali", role: "provincial spokesman", mention: span("Ahmad Wali") }],
  evidence: [span(ARTICLE.trim())],
  confidence: 0.9,
};

const EXPECTED = {
  version: 1,
  article: { id: "kandahar-rockets", published: "2021-06-09", language: "en" },
  events: [EVENT],
  tallies: [],
  statements: [{ id: "s1", kind: "announcement", speaker: { name: "Ahmad Wali", mention: span("Ahmad Wali") }, about: [], date: { start: "2021-06-08", end: "2021-06-09", precision: 2 }, evidence: [] }],
  agreements: [],
};

let root: string;
let out: string[];
let err: string[];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "truce-eval-"));
  const dir = join(root, "examples", "kandahar-rockets");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "article.txt"), ARTICLE);
  writeFileSync(join(dir, "expected.json"), JSON.stringify(EXPECTED, null, 2));
  writeFileSync(join(dir, "meta.json"), JSON.stringify({ published: "2021-06-09", source: "Test Wire" }));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ report: EvalReport; error: unknown }> {
  out = [];
  err = [];
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (out.push(String(chunk)), true));
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (err.push(String(chunk)), true));
  let error: unknown;
  try {
    await runCommand(evalCommand, { rawArgs: [...args, "--json"] });
  } catch (e) {
    error = e;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return { report: JSON.parse(out.join("")) as EvalReport, error };
}

describe("truce eval on an examples folder", () => {
  it("runs extract on every example and reports the dataset", async () => {
    const { report, error } = await run([join(root, "examples")]);
    expect(error).toBeUndefined();
    const d = report.datasets[0]!;
    expect(d.name).toBe("examples");
    expect(d.documents.total).toBe(1);
    expect(d.events.gold).toEqual({ required: 1, optional: 0 });
    expect(d.recall.of).toBe(1);
    expect(d.examples?.statements.of).toBe(1);
  });

  it("scores saved extractions matched by article id", async () => {
    const preds = join(root, "preds.jsonl");
    const perfect = { ...EXPECTED, article: { id: "kandahar-rockets", language: "en" } };
    writeFileSync(preds, `${JSON.stringify(perfect)}\n${JSON.stringify({ ...perfect, article: { id: "elsewhere" } })}\n`);
    const { report, error } = await run(["--predictions", preds, join(root, "examples")]);
    expect(error).toBeUndefined();
    const d = report.datasets[0]!;
    expect([d.precision.value, d.recall.value, d.f1]).toEqual([1, 1, 1]);
    for (const f of ["type", "subType", "actor1", "actor2", "country", "admin1", "date", "fatalities"] as const) {
      expect(d.fields[f], f).toEqual({ value: 1, hit: 1, of: 1 });
    }
    expect(d.fields.injuries.of).toBe(0);
    expect(d.sources).toEqual({ value: 1, hit: 1, of: 1 });
    expect(d.examples?.statements).toEqual({ value: 1, hit: 1, of: 1 });
    expect(report.unusedPredictions).toBe(1);
  });

  it("reports a malformed gold file by name, scores the rest, and ends with E_PARTIAL", async () => {
    const bad = join(root, "examples", "broken");
    mkdirSync(bad);
    writeFileSync(join(bad, "article.txt"), "Troops clashed with rebels near the border on Friday.\n");
    writeFileSync(join(bad, "expected.json"), '{"events": [{"type": 5}]}');
    try {
      const { report, error } = await run([join(root, "examples")]);
      expect(error).toBeInstanceOf(TruceError);
      expect((error as TruceError).code).toBe("E_PARTIAL");
      expect(err.join("")).toContain(`${join(bad, "expected.json")}: events.0.type:`);
      expect(report.datasets[0]!.documents.total).toBe(1);
    } finally {
      rmSync(bad, { recursive: true, force: true });
    }
  });

  it("refuses a path that is not gold", async () => {
    await expect(runCommand(evalCommand, { rawArgs: [join(root, "nowhere")] })).rejects.toThrow(/no such file or folder/);
  });
});
