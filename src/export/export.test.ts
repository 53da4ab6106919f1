import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { ArticleMeta, ConflictEvent, Extraction } from "../contract.js";
import { ACLED_COLUMNS, acledRow, TRUCE_COLUMNS, toAcledCsv } from "./acled.js";
import { csvField } from "./csv.js";
import { toFeature, toGeoJson } from "./geojson.js";
import { toJsonl } from "./jsonl.js";
import { recordsOf, type ExportRecord } from "./record.js";
import { writeExport, type ExportFormat } from "./write.js";

const TEXT = 'KABUL, March 4 - A U.S. air strike hit Taliban fighters in Nahr-e Saraj, Helmand, on Wednesday, "killing at least 5", officials said.\nA second, unrelated raid followed.';
const SENTENCE = TEXT.split("\n")[0]!;

const ARTICLE: ArticleMeta = { id: "seed-like", title: "Strike in Helmand, \"limited\"", published: "2020-03-04", source: "Example Post", url: "https://example.org/x?a=1,2", language: "en" };

function event(overrides: Partial<ConflictEvent> = {}): ConflictEvent {
  return {
    id: "e1",
    type: "Explosions/Remote violence",
    subType: "Air/drone strike",
    date: { start: "2020-03-04", end: "2020-03-04", precision: 1 },
    actors: [
      { role: "actor1", name: "Military Forces of the United States (2017-2021)", inter: 8 },
      { role: "actor2", name: "Taliban", inter: 2 },
      { role: "assoc1", name: "Military Forces of Afghanistan (2014-2021)", inter: 1 },
    ],
    location: { name: "Nahr-e Saraj", admin1: "Helmand", admin2: "Nahr-e Saraj", country: "Afghanistan", iso3: "AFG", lat: 31.7, lon: 64.35, precision: 2 },
    fatalities: { low: 5, best: 5, high: null, byCategory: { militants: 5 } },
    injuries: { low: 2, best: 3, high: 4, byCategory: {} },
    weapons: ["air strike", "drone"],
    sources: [{ role: "officials", organization: "Helmand provincial government", mention: { start: 120, end: 129, text: "officials" } }, { name: "Sonny Leggett", role: "spokesman", organization: "US Forces-Afghanistan", channel: "Twitter", mention: { start: 0, end: 5, text: "KABUL" } }],
    evidence: [{ start: 0, end: SENTENCE.length, text: SENTENCE }],
    confidence: 0.8,
    ...overrides,
  };
}

const RECORD: ExportRecord = { event: event(), article: ARTICLE, ref: 42, status: "confirmed", updatedAt: "2020-03-05T10:00:00.000Z" };

/** A small RFC 4180 reader, to prove the CSV reads back as written. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

describe("ACLED CSV", () => {
  it("has ACLED's columns, names and order, then Truce's", () => {
    const header = toAcledCsv([]).split("\r\n")[0]!;
    expect(header).toBe(
      "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp," +
        TRUCE_COLUMNS.join(","),
    );
  });

  it("fills each ACLED column from the v1 event", () => {
    const row = Object.fromEntries(ACLED_COLUMNS.map((c, i) => [c, acledRow(RECORD)[i]]));
    expect(row).toEqual({
      event_id_cnty: "AFG42",
      event_date: "2020-03-04",
      year: "2020",
      time_precision: 1,
      disorder_type: "Political violence",
      event_type: "Explosions/Remote violence",
      sub_event_type: "Air/drone strike",
      actor1: "Military Forces of the United States (2017-2021)",
      assoc_actor_1: "Military Forces of Afghanistan (2014-2021)",
      inter1: 8,
      actor2: "Taliban",
      assoc_actor_2: "",
      inter2: 2,
      interaction: 28,
      civilian_targeting: "",
      iso: 4,
      region: "South Asia",
      country: "Afghanistan",
      admin1: "Helmand",
      admin2: "Nahr-e Saraj",
      admin3: "",
      location: "Nahr-e Saraj",
      latitude: 31.7,
      longitude: 64.35,
      geo_precision: 2,
      source: "Example Post",
      source_scale: "",
      notes: SENTENCE,
      fatalities: 5,
      tags: "",
      timestamp: 1583402400,
    });
  });

  it("fills Truce's columns after them", () => {
    const row = Object.fromEntries(TRUCE_COLUMNS.map((c, i) => [c, acledRow(RECORD)[ACLED_COLUMNS.length + i]]));
    expect(row).toMatchObject({
      truce_article_id: "seed-like",
      truce_event_id: "e1",
      truce_status: "confirmed",
      fatalities_low: 5,
      fatalities_high: null,
      fatalities_militants: 5,
      injuries_best: 3,
      injuries_high: 4,
      weapons: "air strike; drone",
      truce_sources: "officials, Helmand provincial government; Sonny Leggett (spokesman, US Forces-Afghanistan) via Twitter",
      evidence_spans: `0-${SENTENCE.length}`,
      confidence: 0.8,
      article_published: "2020-03-04",
    });
  });

  it("quotes what needs quoting and reads back exactly (commas, quotes, line breaks, accents)", () => {
    const tricky = event({ location: { ...event().location!, name: "Kabul, \"Green Zone\"" }, evidence: [{ start: 0, end: TEXT.length, text: TEXT }] });
    const csv = toAcledCsv([{ ...RECORD, event: tricky, article: { ...ARTICLE, title: "Frappe aérienne près de Lashkar Gāh" } }]);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(ACLED_COLUMNS.length + TRUCE_COLUMNS.length);
    expect(rows[1]).toHaveLength(rows[0]!.length);
    const get = (col: string) => rows[1]![rows[0]!.indexOf(col)];
    expect(get("location")).toBe('Kabul, "Green Zone"');
    expect(get("notes")).toBe(TEXT.replace(/\s+/g, " "));
    expect(get("article_title")).toBe("Frappe aérienne près de Lashkar Gāh");
    expect(get("article_url")).toBe("https://example.org/x?a=1,2");
  });

  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ["two\nlines", '"two\nlines"'],
    [" padded", '" padded"'],
    [7, "7"],
    [null, ""],
    [Number.NaN, ""],
  ])("csvField(%j) = %s", (value, out) => {
    expect(csvField(value)).toBe(out);
  });

  it("writes a UTF-8 byte order mark only when asked", () => {
    expect(toAcledCsv([], { bom: true }).charCodeAt(0)).toBe(0xfeff);
    expect(toAcledCsv([]).charCodeAt(0)).toBe("e".charCodeAt(0));
  });

  it.each([
    [event({ type: "Protests", subType: "Peaceful protest", actors: [{ role: "actor1", name: "Protesters (Afghanistan)", inter: 6 }] }), "Demonstrations", 60, ""],
    [event({ type: "Protests", subType: "Excessive force against protesters", actors: [{ role: "actor1", name: "Police Forces of Afghanistan", inter: 1 }, { role: "actor2", name: "Protesters (Afghanistan)", inter: 6 }] }), "Political violence; Demonstrations", 16, ""],
    [event({ type: "Riots", subType: "Violent demonstration" }), "Demonstrations", 28, ""],
    [event({ type: "Riots", subType: "Mob violence" }), "Political violence", 28, ""],
    [event({ type: "Strategic developments", subType: "Agreement" }), "Strategic developments", 28, ""],
    [event({ type: "Violence against civilians", subType: "Attack", actors: [{ role: "actor1", name: "Taliban", inter: 2 }, { role: "actor2", name: "Civilians (Afghanistan)", inter: 7 }] }), "Political violence", 27, "Civilian targeting"],
  ])("disorder type, interaction and civilian targeting: %#", (e, disorder, interaction, targeting) => {
    const row = acledRow({ event: e, article: ARTICLE });
    expect(row[ACLED_COLUMNS.indexOf("disorder_type")]).toBe(disorder);
    expect(row[ACLED_COLUMNS.indexOf("interaction")]).toBe(interaction);
    expect(row[ACLED_COLUMNS.indexOf("civilian_targeting")]).toBe(targeting);
  });

  it("outside the store the id is built from the article and event ids; no place, no figure", () => {
    const row = acledRow({ event: event({ location: null, fatalities: null }), article: ARTICLE }, { now: 1_700_000_000 });
    expect(row[ACLED_COLUMNS.indexOf("event_id_cnty")]).toBe("XXX-seed-like-e1");
    expect(row[ACLED_COLUMNS.indexOf("fatalities")]).toBe(0);
    expect(row[ACLED_COLUMNS.indexOf("iso")]).toBeUndefined();
    expect(row[ACLED_COLUMNS.indexOf("timestamp")]).toBe(1_700_000_000);
  });
});

describe("GeoJSON", () => {
  it("a point at [longitude, latitude] with flat properties", () => {
    const f = toFeature(RECORD);
    expect(f).toMatchObject({ type: "Feature", id: 42, geometry: { type: "Point", coordinates: [64.35, 31.7] } });
    expect(f.properties).toMatchObject({ event_type: "Explosions/Remote violence", actor1: "Military Forces of the United States (2017-2021)", fatalities: 5, iso3: "AFG", status: "confirmed", article_url: ARTICLE.url });
    expect(Object.values(f.properties).every((v) => v === null || typeof v !== "object")).toBe(true);
  });

  it("an event without coordinates keeps a null geometry (RFC 7946 §3.2)", () => {
    const collection = toGeoJson([{ event: event({ location: { name: "Helmand", country: "Afghanistan", iso3: "AFG", precision: 3 } }), article: ARTICLE }]);
    expect(collection.features[0]!.geometry).toBeNull();
    expect(collection.features[0]!.properties.location).toBe("Helmand");
  });
});

describe("JSONL and the records of an extraction", () => {
  it("one full v1 event per line, with its article", () => {
    const extraction: Extraction = { version: 1, article: ARTICLE, events: [event(), event({ id: "e2" })], tallies: [], statements: [], agreements: [] };
    const lines = toJsonl(recordsOf(extraction)).trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    const parsed = JSON.parse(lines[1]!);
    expect(parsed).toEqual({ ...event({ id: "e2" }), article: ARTICLE });
  });
});

describe("writeExport streams every format as a valid document", () => {
  async function collect(format: ExportFormat, records: ExportRecord[]): Promise<{ text: string; n: number }> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    const n = await writeExport(format, records, out, { bom: true });
    out.end();
    return { text: Buffer.concat(chunks).toString("utf8"), n };
  }
  const many = Array.from({ length: 3 }, (_, i) => ({ ...RECORD, ref: i + 1 }));

  it.each([[0], [3]])("with %i events", async (count) => {
    const records = many.slice(0, count);
    const geo = await collect("geojson", records);
    expect(geo.n).toBe(count);
    expect(JSON.parse(geo.text).features.map((f: { id: number }) => f.id)).toEqual(records.map((r) => r.ref));
    const json = JSON.parse((await collect("json", records)).text);
    expect(json.map((e: { ref: number }) => e.ref)).toEqual(records.map((r) => r.ref));
    const jsonl = (await collect("jsonl", records)).text;
    expect(jsonl.split("\n").filter(Boolean).map((l) => JSON.parse(l).ref)).toEqual(records.map((r) => r.ref));
    const csv = (await collect("acled-csv", records)).text;
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(parseCsv(csv.slice(1))).toHaveLength(count + 1);
  });
});
