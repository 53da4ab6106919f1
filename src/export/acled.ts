/**
 * @module export/acled
 * ACLED-compatible CSV: ACLED's columns, with their names and in their order, so that scripts
 * written for ACLED exports read ours; then Truce's own columns (casualty ranges, injuries,
 * evidence, sources, review status), which ACLED readers ignore.
 */
import type { ConflictEvent, EventActor, Inter } from "../contract.js";
import { countryCodes } from "./countries.js";
import { BOM, csvRow, type Cell } from "./csv.js";
import type { ExportRecord } from "./record.js";

export const ACLED_COLUMNS = [
  "event_id_cnty",
  "event_date",
  "year",
  "time_precision",
  "disorder_type",
  "event_type",
  "sub_event_type",
  "actor1",
  "assoc_actor_1",
  "inter1",
  "actor2",
  "assoc_actor_2",
  "inter2",
  "interaction",
  "civilian_targeting",
  "iso",
  "region",
  "country",
  "admin1",
  "admin2",
  "admin3",
  "location",
  "latitude",
  "longitude",
  "geo_precision",
  "source",
  "source_scale",
  "notes",
  "fatalities",
  "tags",
  "timestamp",
] as const;

export const TRUCE_COLUMNS = [
  "truce_article_id",
  "truce_event_id",
  "truce_status",
  "fatalities_low",
  "fatalities_high",
  "fatalities_civilians",
  "fatalities_security",
  "fatalities_militants",
  "fatalities_unknown",
  "injuries_low",
  "injuries_best",
  "injuries_high",
  "weapons",
  "truce_sources",
  "evidence_spans",
  "confidence",
  "article_title",
  "article_published",
  "article_url",
] as const;

export interface AcledCsvOptions {
  /** Start with a UTF-8 byte order mark (for Excel). */
  bom?: boolean;
  /** Unix time for the `timestamp` column of records without `updatedAt` (default: now). */
  now?: number;
}

/** The header line (with the BOM when asked). */
export function acledCsvHeader(options: AcledCsvOptions = {}): string {
  return `${options.bom ? BOM : ""}${csvRow([...ACLED_COLUMNS, ...TRUCE_COLUMNS])}`;
}

/** One CSV line for one event. */
export function acledCsvLine(record: ExportRecord, options: AcledCsvOptions = {}): string {
  return csvRow(acledRow(record, options));
}

/** A whole CSV document. */
export function toAcledCsv(records: Iterable<ExportRecord>, options: AcledCsvOptions = {}): string {
  let out = acledCsvHeader(options);
  for (const r of records) out += acledCsvLine(r, options);
  return out;
}

/** The values of one row, ACLED's columns then Truce's. */
export function acledRow(record: ExportRecord, options: AcledCsvOptions = {}): Cell[] {
  const { event: e, article } = record;
  const loc = e.location;
  const codes = countryCodes(loc?.iso3);
  const [actor1, actor2] = [first(e.actors, "actor1"), first(e.actors, "actor2")];
  const timestamp = record.updatedAt ? Math.floor(Date.parse(record.updatedAt) / 1000) : (options.now ?? Math.floor(Date.now() / 1000));
  const acled: Cell[] = [
    eventIdCnty(record),
    e.date.start,
    e.date.start.slice(0, 4),
    e.date.precision,
    disorderType(e),
    e.type,
    e.subType,
    actor1?.name,
    names(e.actors, "assoc1"),
    actor1?.inter,
    actor2?.name,
    names(e.actors, "assoc2"),
    actor2?.inter,
    interaction(actor1?.inter, actor2?.inter),
    e.actors.some((a) => (a.role === "actor2" || a.role === "assoc2") && a.inter === 7) ? "Civilian targeting" : "",
    codes?.numeric,
    codes?.region,
    loc?.country,
    loc?.admin1,
    loc?.admin2,
    "",
    loc?.name,
    loc?.lat,
    loc?.lon,
    loc?.precision,
    article.source,
    "",
    notes(e),
    e.fatalities?.best ?? 0,
    "",
    timestamp,
  ];
  const f = e.fatalities;
  const truce: Cell[] = [
    article.id,
    e.id,
    record.status ?? "machine",
    f?.low,
    f?.high,
    f?.byCategory.civilians,
    f?.byCategory.security,
    f?.byCategory.militants,
    f?.byCategory.unknown,
    e.injuries?.low,
    e.injuries?.best,
    e.injuries?.high,
    e.weapons.join("; "),
    e.sources.map(describeSource).join("; "),
    e.evidence.map((s) => `${s.start}-${s.end}`).join(";"),
    e.confidence,
    article.title,
    article.published,
    article.url,
  ];
  return [...acled, ...truce];
}

// --- internal ---

/** ACLED's id is the country code and a number: ours is the database id, or article and event ids outside the store. */
function eventIdCnty(r: ExportRecord): string {
  const iso = r.event.location?.iso3 || "XXX";
  return r.ref !== undefined ? `${iso}${r.ref}` : `${iso}-${r.article.id}-${r.event.id}`;
}

/** ACLED's disorder types: demonstrations, political violence, both (force used on protesters), strategic developments. */
function disorderType(e: ConflictEvent): string {
  if (e.type === "Strategic developments") return "Strategic developments";
  if (e.subType === "Excessive force against protesters") return "Political violence; Demonstrations";
  if (e.type === "Protests" || e.subType === "Violent demonstration") return "Demonstrations";
  return "Political violence";
}

/** Two inter codes, lower first ("12": state forces and rebels); one actor alone is "10", "20"… */
function interaction(a: Inter | undefined, b: Inter | undefined): number | undefined {
  if (a === undefined) return undefined;
  if (b === undefined) return a * 10;
  return Math.min(a, b) * 10 + Math.max(a, b);
}

function first(actors: EventActor[], role: EventActor["role"]): EventActor | undefined {
  return actors.find((a) => a.role === role);
}

function names(actors: EventActor[], role: EventActor["role"]): string {
  return actors
    .filter((a) => a.role === role)
    .map((a) => a.name)
    .join("; ");
}

/** The sentences the event rests on, as one line. */
function notes(e: ConflictEvent): string {
  return e.evidence
    .map((s) => s.text.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join(" ");
}

function describeSource(s: ConflictEvent["sources"][number]): string {
  const detail = [s.role, s.organization].filter(Boolean).join(", ");
  const who = s.name ? (detail ? `${s.name} (${detail})` : s.name) : detail || s.mention.text;
  return s.channel ? `${who} via ${s.channel}` : who;
}
