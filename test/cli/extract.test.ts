/**
 * `truce extract` as a user runs it (the built CLI): bad input gets one line naming the input
 * and the problem, a non-zero exit, and no stack trace; good lines of a JSONL file still come out.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const bin = fileURLToPath(new URL("../../bin/truce.js", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "truce-extract-"));
const here = "[cli/extract] ";

function truce(args: string[], input?: string): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: "utf8" });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const ARTICLE = "MOPTI, Mali (AP) — Gunmen on motorbikes killed at least 12 villagers in central Mali on Sunday, a local official said.";

describe("truce extract", () => {
  it(`${here}an article file gives one v1 extraction with its event`, () => {
    const r = truce(["extract", file("mopti.txt", ARTICLE), "--published", "2024-05-06"]);
    expect(r.code, r.err).toBe(0);
    const x = JSON.parse(r.out);
    expect(x.version).toBe(1);
    expect(x.article).toMatchObject({ id: "mopti", published: "2024-05-06" });
    expect(x.events[0]).toMatchObject({ type: "Violence against civilians", date: { start: "2024-05-05", end: "2024-05-05" } });
    expect(x.events[0].fatalities).toMatchObject({ low: 12, best: 12, high: null });
  });

  it(`${here}stdin works with metadata flags`, () => {
    const r = truce(["extract", "-", "--published", "2024-05-06", "--source", "AP"], ARTICLE);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).article).toMatchObject({ id: "stdin", source: "AP" });
  });

  it(`${here}--format csv gives ACLED's header and one row per event; geojson one collection`, () => {
    const csv = truce(["extract", file("mopti2.txt", ARTICLE), "--published", "2024-05-06", "--format", "csv"]);
    expect(csv.code, csv.err).toBe(0);
    const lines = csv.out.trim().split("\n");
    expect(lines[0]).toMatch(/^event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^MLI-mopti2-e1,2024-05-05,2024,1,/);
    const geo = truce(["extract", file("mopti3.txt", ARTICLE), "--published", "2024-05-06", "--format", "geojson"]);
    expect(JSON.parse(geo.out)).toMatchObject({ type: "FeatureCollection", features: [{ geometry: { type: "Point" } }] });
    expect(truce(["extract", file("mopti4.txt", ARTICLE), "--format", "xml"]).code).toBe(2);
  });

  const bad: [string, () => string[], RegExp][] = [
    ["a missing file", () => ["extract", join(dir, "nope.txt")], /nope\.txt: no such file/],
    ["an empty file", () => ["extract", file("empty.txt", "")], /empty\.txt: empty input/],
    ["a blank file", () => ["extract", file("blank.txt", "  \n\n ")], /blank\.txt: only whitespace/],
    ["a binary file", () => ["extract", file("image.bin", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 3]))], /image\.bin: binary data/],
    ["a file over the size limit", () => ["extract", file("big.txt", ARTICLE.repeat(100)), "--max-bytes", "1k"], /big\.txt: too large/],
    ["an invalid publication date", () => ["extract", file("ok.txt", ARTICLE), "--published", "2024-02-30"], /--published "2024-02-30"/],
    ["a folder", () => ["extract", dir], /is a folder/],
    ["no input at all", () => ["extract"], /no input/],
    [
      "another language",
      () => ["extract", file("fr.txt", "Des hommes armés ont tué au moins douze villageois dimanche dans le centre du Mali, a indiqué un responsable local. Les assaillants sont arrivés à moto avant l'aube et ont incendié plusieurs maisons du village.")],
      /fr\.txt: the text is in French \(fr\)/,
    ],
  ];
  it.each(bad)(`${here}%s: one line, non-zero exit, no stack trace`, (_name, args, message) => {
    const r = truce(args());
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe("");
  });

  it(`${here}malformed JSONL lines are reported by line number and the others still extracted`, () => {
    const jsonl = file(
      "docs.jsonl",
      [JSON.stringify({ id: "a", text: ARTICLE, published: "2024-05-06" }), "{not json", JSON.stringify({ id: "b" }), "", JSON.stringify({ id: "c", text: ARTICLE, published: "06/05/2024" }), JSON.stringify({ id: "d", text: ARTICLE })].join("\n"),
    );
    const r = truce(["extract", "--jsonl", jsonl]);
    expect(r.code).toBe(1);
    const ids = r.out.trim().split("\n").map((l) => JSON.parse(l).article.id);
    expect(ids).toEqual(["a", "d"]);
    expect(r.err).toMatch(/docs\.jsonl:2: invalid JSON/);
    expect(r.err).toMatch(/docs\.jsonl:3: not an article: text/);
    expect(r.err).toMatch(/docs\.jsonl:5: .*"06\/05\/2024" is not a date/);
    expect(r.err).toMatch(/3 of 5 lines failed/);
  });
});
