/**
 * @module store/write
 * Writes an article and its extraction (events with their actors, weapons, sources and
 * evidence; tallies; statements; agreements with their commitments) in ONE statement: the rows
 * travel as one JSON document, unpacked by `jsonb_to_recordset` into batched inserts chained by
 * data-modifying CTEs. One round trip per article whatever its size: per-query overhead, not
 * row count, is what limits an embedded database (measured: 10 array-parameter inserts per
 * article stored ~1,000 events/s on PGlite; this stores several times that). A single
 * statement is also atomic on its own.
 */
import type { Agreement, Casualties, ConflictEvent, Source, Span, Statement, Tally } from "../contract.js";
import { float, int, isoDate, type Columns } from "./columns.js";
import { num, prepared, type Prepared, type Sql } from "./db.js";
import type { ArticleInput } from "./store.js";

export interface Outputs {
  events: ConflictEvent[];
  tallies: Tally[];
  statements: Statement[];
  agreements: Agreement[];
  warnings?: string[];
}

const CASUALTY_COLUMNS = (p: string) =>
  [
    [`${p}_low`, "int"],
    [`${p}_best`, "int"],
    [`${p}_high`, "int"],
    [`${p}_by`, "jsonb"],
    [`${p}_mention`, "jsonb"],
  ] as const;

const ARTICLE_COLUMNS: Columns = [
  ["content_hash", "text"],
  ["external_id", "text"],
  ["origin", "text"],
  ["format", "text"],
  ["source", "text"],
  ["url", "text"],
  ["title", "text"],
  ["published", "date"],
  ["language", "text"],
  ["raw", "text"],
  ["text", "text"],
  ["extract_status", "text"],
  ["extract_note", "text"],
];

/** The event columns a correction may rewrite (everything but ownership and position). */
export const EVENT_BODY: Columns = [
  ["type", "text"],
  ["sub_type", "text"],
  ["date_start", "date"],
  ["date_end", "date"],
  ["time_precision", "smallint"],
  ["date_mention", "jsonb"],
  ["location_name", "text"],
  ["admin1", "text"],
  ["admin2", "text"],
  ["country", "text"],
  ["iso3", "text"],
  ["lat", "float8"],
  ["lon", "float8"],
  ["geo_precision", "smallint"],
  ["location_mention", "jsonb"],
  ...CASUALTY_COLUMNS("fatalities"),
  ...CASUALTY_COLUMNS("injuries"),
  ["confidence", "float8"],
  ["by_rule", "text"],
  ["extra", "jsonb"],
];

const EVENT_COLUMNS: Columns = [["ord", "int"], ["key", "text"], ...EVENT_BODY];

const TALLY_COLUMNS: Columns = [
  ["ord", "int"],
  ["key", "text"],
  ["period_start", "date"],
  ["period_end", "date"],
  ["country", "text"],
  ["iso3", "text"],
  ["admin1", "text"],
  ["actor", "text"],
  ["count", "int"],
  ...CASUALTY_COLUMNS("fatalities"),
  ...CASUALTY_COLUMNS("injuries"),
  ["includes", "jsonb"],
  ["by_rule", "text"],
  ["extra", "jsonb"],
];

const STATEMENT_COLUMNS: Columns = [
  ["ord", "int"],
  ["key", "text"],
  ["kind", "text"],
  ["speaker", "jsonb"],
  ["about", "jsonb"],
  ["date_start", "date"],
  ["date_end", "date"],
  ["date_precision", "smallint"],
  ["by_rule", "text"],
  ["extra", "jsonb"],
];

const AGREEMENT_COLUMNS: Columns = [
  ["ord", "int"],
  ["key", "text"],
  ["name", "text"],
  ["parties", "jsonb"],
  ["signed_start", "date"],
  ["signed_end", "date"],
  ["signed_precision", "smallint"],
  ["by_rule", "text"],
  ["extra", "jsonb"],
];

const ACTOR_COLUMNS: Columns = [
  ["ord", "int"],
  ["role", "text"],
  ["name", "text"],
  ["inter", "smallint"],
  ["mention", "jsonb"],
];
const WEAPON_COLUMNS: Columns = [
  ["ord", "int"],
  ["weapon", "text"],
];
const SOURCE_COLUMNS: Columns = [
  ["ord", "int"],
  ["name", "text"],
  ["role", "text"],
  ["organization", "text"],
  ["channel", "text"],
  ["quote", "jsonb"],
  ["mention", "jsonb"],
];
const EVIDENCE_COLUMNS: Columns = [
  ["ord", "int"],
  ["span_start", "int"],
  ["span_end", "int"],
  ["text", "text"],
];
const COMMITMENT_COLUMNS: Columns = [
  ["ord", "int"],
  ["party", "text"],
  ["kind", "text"],
  ["text", "jsonb"],
  ["deadline", "text"],
  ["deadline_rule", "text"],
  ["status", "text"],
  ["extra", "jsonb"],
];

/** A child table fed from `doc[key]`, each row naming its owner by position (`owner`) in the owner CTE. */
interface ChildPart {
  key: keyof Doc;
  table: string;
  fk: string;
  owner: "ev" | "tl" | "st" | "ag";
  columns: Columns;
}

const OWNERS = [
  { cte: "ev", key: "events", table: "events", columns: EVENT_COLUMNS },
  { cte: "tl", key: "tallies", table: "tallies", columns: TALLY_COLUMNS },
  { cte: "st", key: "statements", table: "statements", columns: STATEMENT_COLUMNS },
  { cte: "ag", key: "agreements", table: "agreements", columns: AGREEMENT_COLUMNS },
] as const;

const EVENT_CHILDREN: ChildPart[] = [
  { key: "actors", table: "event_actors", fk: "event_id", owner: "ev", columns: ACTOR_COLUMNS },
  { key: "weapons", table: "event_weapons", fk: "event_id", owner: "ev", columns: WEAPON_COLUMNS },
  { key: "eventSources", table: "sources", fk: "event_id", owner: "ev", columns: SOURCE_COLUMNS },
  { key: "eventEvidence", table: "evidence", fk: "event_id", owner: "ev", columns: EVIDENCE_COLUMNS },
];

const OTHER_CHILDREN: ChildPart[] = [
  { key: "tallySources", table: "sources", fk: "tally_id", owner: "tl", columns: SOURCE_COLUMNS },
  { key: "tallyEvidence", table: "evidence", fk: "tally_id", owner: "tl", columns: EVIDENCE_COLUMNS },
  { key: "statementEvidence", table: "evidence", fk: "statement_id", owner: "st", columns: EVIDENCE_COLUMNS },
  { key: "agreementEvidence", table: "evidence", fk: "agreement_id", owner: "ag", columns: EVIDENCE_COLUMNS },
  { key: "commitments", table: "commitments", fk: "agreement_id", owner: "ag", columns: COMMITMENT_COLUMNS },
];

/** Everything one statement writes, as rows keyed by column name. */
interface Doc {
  article?: Record<string, unknown>;
  run?: { version: string; warnings: string[] };
  events: Record<string, unknown>[];
  tallies: Record<string, unknown>[];
  statements: Record<string, unknown>[];
  agreements: Record<string, unknown>[];
  actors: Record<string, unknown>[];
  weapons: Record<string, unknown>[];
  eventSources: Record<string, unknown>[];
  eventEvidence: Record<string, unknown>[];
  tallySources: Record<string, unknown>[];
  tallyEvidence: Record<string, unknown>[];
  statementEvidence: Record<string, unknown>[];
  agreementEvidence: Record<string, unknown>[];
  commitments: Record<string, unknown>[];
}

const SQL = {
  /** $1 doc. Inserts the article unless its hash is known; returns nothing then. */
  insertNew: prepared("insert_article", saveSql("INSERT")),
  /** $1 doc, $2 article id: a new run for a stored article. */
  addRun: prepared("add_run", saveSql("EXISTING")),
  /** $1 doc, $2 event id: the children of one event, after a correction. */
  eventChildren: prepared("event_children", childrenSql()),
} satisfies Record<string, Prepared>;

export interface Written {
  /** null when the hash was already stored (nothing was written). */
  articleId: number | null;
  events: number;
}

/** Inserts the article and, when given, its extraction run and output. */
export async function insertArticle(tx: Sql, article: ArticleInput, extraction: { version: string; output: Outputs } | null, notExtracted?: string): Promise<Written> {
  const doc = buildDoc(extraction?.output ?? EMPTY, extraction?.version);
  doc.article = row(ARTICLE_COLUMNS, [
    article.contentHash,
    article.externalId,
    article.origin,
    article.format,
    article.source,
    article.url,
    article.title,
    isoDate(article.published),
    article.language,
    article.raw,
    article.text,
    extraction ? "extracted" : "not_extracted",
    extraction ? null : (notExtracted ?? "not extracted"),
  ]);
  const rows = await tx.run<{ article_id: unknown }>(SQL.insertNew, [safeJson(doc)]);
  const id = rows[0]?.article_id;
  return { articleId: id === null || id === undefined ? null : num(id), events: id === null || id === undefined ? 0 : doc.events.length };
}

/** A new extraction run with its output for a stored article; returns the run id. */
export async function insertRun(tx: Sql, articleId: number, version: string, output: Outputs): Promise<number> {
  const rows = await tx.run<{ run_id: unknown }>(SQL.addRun, [safeJson(buildDoc(output, version)), articleId]);
  return num(rows[0]!.run_id);
}

/** Writes an event's children again after a correction (the caller deleted the old ones). */
export async function insertEventChildren(tx: Sql, eventId: number, event: ConflictEvent): Promise<void> {
  const doc = buildDoc({ ...EMPTY, events: [event] }, undefined);
  await tx.run(SQL.eventChildren, [safeJson(doc), eventId]);
}

/** Values for EVENT_BODY, in its order. */
export function eventBody(e: ConflictEvent): unknown[] {
  const loc = e.location;
  return [
    e.type,
    e.subType,
    isoDate(e.date?.start),
    isoDate(e.date?.end),
    int(e.date?.precision) ?? 3,
    e.date?.mention ?? null,
    loc?.name ?? null,
    loc?.admin1 ?? null,
    loc?.admin2 ?? null,
    loc?.country ?? null,
    loc?.iso3 ?? null,
    float(loc?.lat),
    float(loc?.lon),
    loc ? int(loc.precision) : null,
    loc?.mention ?? null,
    ...casualties(e.fatalities),
    ...casualties(e.injuries),
    float(e.confidence) ?? 0,
    e.by ?? null,
    extra(e, KNOWN.event),
  ];
}

// --- internal ---

const EMPTY: Outputs = { events: [], tallies: [], statements: [], agreements: [] };

/** Keys of the v1 objects that have columns; anything else is kept in `extra`. */
const KNOWN = {
  event: new Set(["id", "type", "subType", "date", "actors", "location", "fatalities", "injuries", "weapons", "sources", "evidence", "confidence", "by"]),
  tally: new Set(["id", "period", "area", "actor", "count", "fatalities", "injuries", "sources", "evidence", "includes", "by"]),
  statement: new Set(["id", "kind", "speaker", "about", "date", "evidence", "by"]),
  agreement: new Set(["id", "name", "parties", "signed", "commitments", "evidence", "by"]),
  commitment: new Set(["party", "kind", "text", "deadline", "deadlineRule", "status"]),
};

function buildDoc(out: Outputs, version: string | undefined): Doc {
  const doc: Doc = {
    ...(version !== undefined && { run: { version, warnings: out.warnings ?? [] } }),
    events: [],
    tallies: [],
    statements: [],
    agreements: [],
    actors: [],
    weapons: [],
    eventSources: [],
    eventEvidence: [],
    tallySources: [],
    tallyEvidence: [],
    statementEvidence: [],
    agreementEvidence: [],
    commitments: [],
  };
  out.events.forEach((e, i) => {
    doc.events.push(row(EVENT_COLUMNS, [i, e.id, ...eventBody(e)]));
    (e.actors ?? []).forEach((a, k) => doc.actors.push(child(i, ACTOR_COLUMNS, [k, a.role, a.name, int(a.inter) ?? 8, a.mention])));
    (e.weapons ?? []).forEach((w, k) => doc.weapons.push(child(i, WEAPON_COLUMNS, [k, w])));
    addSources(doc.eventSources, i, e.sources);
    addEvidence(doc.eventEvidence, i, e.evidence);
  });
  out.tallies.forEach((t, i) => {
    doc.tallies.push(row(TALLY_COLUMNS, [i, ...tallyBody(t)]));
    addSources(doc.tallySources, i, t.sources);
    addEvidence(doc.tallyEvidence, i, t.evidence);
  });
  out.statements.forEach((s, i) => {
    doc.statements.push(row(STATEMENT_COLUMNS, [i, ...statementBody(s)]));
    addEvidence(doc.statementEvidence, i, s.evidence);
  });
  out.agreements.forEach((a, i) => {
    doc.agreements.push(row(AGREEMENT_COLUMNS, [i, ...agreementBody(a)]));
    addEvidence(doc.agreementEvidence, i, a.evidence);
    (a.commitments ?? []).forEach((c, k) =>
      doc.commitments.push(child(i, COMMITMENT_COLUMNS, [k, c.party, c.kind, c.text, c.deadline, c.deadlineRule, c.status, extra(c, KNOWN.commitment)])),
    );
  });
  return doc;
}

function addSources(into: Record<string, unknown>[], owner: number, sources: Source[] | undefined): void {
  (sources ?? []).forEach((s, k) => into.push(child(owner, SOURCE_COLUMNS, [k, s.name, s.role, s.organization, s.channel, s.quote, s.mention])));
}

function addEvidence(into: Record<string, unknown>[], owner: number, spans: Span[] | undefined): void {
  (spans ?? []).forEach((s, k) => into.push(child(owner, EVIDENCE_COLUMNS, [k, s.start, s.end, s.text])));
}

function row(columns: Columns, values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  columns.forEach(([name], i) => {
    const v = values[i];
    if (v !== undefined && v !== null) out[name] = v;
  });
  return out;
}

function child(owner: number, columns: Columns, values: unknown[]): Record<string, unknown> {
  return { owner, ...row(columns, values) };
}

function casualties(c: Casualties | null | undefined): unknown[] {
  if (!c) return [null, null, null, null, null];
  return [int(c.low), int(c.best), int(c.high), c.byCategory ?? {}, c.mention];
}

function tallyBody(t: Tally): unknown[] {
  return [
    t.id,
    isoDate(t.period?.start),
    isoDate(t.period?.end),
    t.area?.country,
    t.area?.iso3,
    t.area?.admin1,
    t.actor,
    int(t.count),
    ...casualties(t.fatalities),
    ...casualties(t.injuries),
    t.includes,
    t.by,
    extra(t, KNOWN.tally),
  ];
}

function statementBody(s: Statement): unknown[] {
  return [s.id, s.kind, s.speaker, s.about ?? [], isoDate(s.date?.start), isoDate(s.date?.end), int(s.date?.precision) ?? 3, s.by, extra(s, KNOWN.statement)];
}

function agreementBody(a: Agreement): unknown[] {
  return [a.id, a.name, a.parties ?? [], isoDate(a.signed?.start), isoDate(a.signed?.end), a.signed ? int(a.signed.precision) : null, a.by, extra(a, KNOWN.agreement)];
}

/** Fields a later contract version added: kept whole so that reading the event back loses nothing. */
function extra(obj: object, known: Set<string>): Record<string, unknown> | null {
  let out: Record<string, unknown> | undefined;
  for (const [k, v] of Object.entries(obj)) {
    if (known.has(k) || v === undefined) continue;
    (out ??= {})[k] = v;
  }
  return out ?? null;
}

/**
 * JSON that PostgreSQL's jsonb accepts: it refuses NUL (\u0000) and lone UTF-16 surrogates,
 * which JavaScript strings may hold. Each becomes one other code unit, so offsets still hold.
 * (A valid surrogate pair is written raw by JSON.stringify, so any escaped surrogate is lone.)
 */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(/(?<!\\)((?:\\\\)*)\\u(0000|d[89a-f][0-9a-f]{2})/g, (_, pre: string, code: string) => `${pre}\\u${code === "0000" ? "0020" : "fffd"}`);
}

// --- SQL generation (once, at load) ---

function recordDef(columns: Columns, withOwner: boolean): string {
  return `${withOwner ? "owner int, " : ""}${columns.map(([n, t]) => `${n} ${t}`).join(", ")}`;
}

function names(columns: Columns, prefix = ""): string {
  return columns.map(([n]) => `${prefix}${n}`).join(", ");
}

function ownerCte(o: (typeof OWNERS)[number]): string {
  return `${o.cte} AS (INSERT INTO ${o.table} (article_id, run_id, ${names(o.columns)})
    SELECT run.article_id, run.id, ${names(o.columns, "x.")} FROM run, jsonb_to_recordset((SELECT j FROM d)->'${o.key}') AS x(${recordDef(o.columns, false)})
    RETURNING id, ord)`;
}

function childCte(c: ChildPart, i: number): string {
  return `c${i} AS (INSERT INTO ${c.table} (${c.fk}, ${names(c.columns)})
    SELECT ${c.owner}.id, ${names(c.columns, "x.")} FROM jsonb_to_recordset((SELECT j FROM d)->'${c.key}') AS x(${recordDef(c.columns, true)})
    JOIN ${c.owner} ON ${c.owner}.ord = x.owner)`;
}

function saveSql(article: "INSERT" | "EXISTING"): string {
  const art =
    article === "INSERT"
      ? `art AS (INSERT INTO articles (${names(ARTICLE_COLUMNS)})
    SELECT ${names(ARTICLE_COLUMNS, "x.")} FROM jsonb_to_record((SELECT j FROM d)->'article') AS x(${recordDef(ARTICLE_COLUMNS, false)})
    ON CONFLICT (content_hash) DO NOTHING RETURNING id)`
      : `art AS (SELECT $2::bigint AS id)`;
  const run = `run AS (INSERT INTO extraction_runs (article_id, pipeline_version, warnings)
    SELECT art.id, d.j->'run'->>'version', d.j->'run'->'warnings' FROM art, d WHERE d.j->'run' IS NOT NULL
    RETURNING id, article_id)`;
  const ctes = ["d AS (SELECT $1::jsonb AS j)", art, run, ...OWNERS.map(ownerCte), ...[...EVENT_CHILDREN, ...OTHER_CHILDREN].map(childCte)];
  return `WITH ${ctes.join(",\n")}\nSELECT (SELECT id FROM art) AS article_id, (SELECT id FROM run) AS run_id`;
}

function childrenSql(): string {
  const ctes = ["d AS (SELECT $1::jsonb AS j)", "ev AS (SELECT $2::bigint AS id, 0 AS ord)", ...EVENT_CHILDREN.map(childCte)];
  return `WITH ${ctes.join(",\n")}\nSELECT 1`;
}
