/**
 * @module store/read
 * Rebuilds v1 objects from the rows: one query for the owners, one per child table for a whole
 * page of them (never one query per event).
 */
import type {
  Agreement,
  ByCategory,
  Casualties,
  Commitment,
  ConflictEvent,
  EventActor,
  Inter,
  Location,
  Precision,
  Source,
  Span,
  Statement,
  Tally,
} from "../contract.js";
import { num, numOrNull, strOrUndef, type Row, type Sql } from "./db.js";
import type { EventFilter, EventStatus, StoredEvent } from "./store.js";

/** Dates as text, timestamps as epoch milliseconds: drivers disagree on Date objects and time zones. */
const EVENT_SELECT = `
  SELECT e.*,
    to_char(e.date_start, 'YYYY-MM-DD') AS ds, to_char(e.date_end, 'YYYY-MM-DD') AS de,
    a.external_id AS a_external_id, a.title AS a_title, to_char(a.published, 'YYYY-MM-DD') AS a_published,
    a.source AS a_source, a.url AS a_url, a.language AS a_language,
    r.pipeline_version AS r_version, extract(epoch FROM r.extracted_at) * 1000 AS r_ms
  FROM events e
  JOIN articles a ON a.id = e.article_id
  JOIN extraction_runs r ON r.id = e.run_id`;

export interface EventQuery {
  where: string;
  params: unknown[];
}

/** The WHERE clause for a filter. */
export function eventWhere(filter: EventFilter): EventQuery {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (filter.country) {
    conds.push(/^[A-Za-z]{3}$/.test(filter.country) ? `e.iso3 = ${p(filter.country.toUpperCase())}` : `lower(e.country) = lower(${p(filter.country)})`);
  }
  if (filter.admin1) conds.push(`lower(e.admin1) = lower(${p(filter.admin1)})`);
  // Also on the sort key (undated events sort as 'infinity'), so that a page is read from the
  // ordering index starting at `from` rather than filtered from the first event on.
  if (filter.from) {
    const from = p(filter.from);
    conds.push(`e.date_start >= ${from}::date AND COALESCE(e.date_start, 'infinity'::date) >= ${from}::date`);
  }
  if (filter.to) conds.push(`COALESCE(e.date_start, 'infinity'::date) <= ${p(filter.to)}::date`);
  if (filter.type) conds.push(`e.type = ${p(filter.type)}`);
  if (filter.subType) conds.push(`e.sub_type = ${p(filter.subType)}`);
  if (filter.actor) {
    conds.push(`EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id AND x.name ILIKE ${p(`%${likeEscape(filter.actor)}%`)})`);
  }
  if (filter.bbox) {
    const [minLon, minLat, maxLon, maxLat] = filter.bbox;
    conds.push(`e.lat BETWEEN ${p(minLat)} AND ${p(maxLat)} AND e.lon BETWEEN ${p(minLon)} AND ${p(maxLon)}`);
  }
  if (filter.minFatalities !== undefined && filter.minFatalities > 0) conds.push(`e.fatalities_best >= ${p(filter.minFatalities)}`);
  if (filter.q && filter.q.trim() !== "") {
    conds.push(`EXISTS (SELECT 1 FROM evidence v WHERE v.event_id = e.id AND v.text ILIKE ${p(`%${likeEscape(filter.q.trim())}%`)})`);
  }
  if (filter.articleId !== undefined) conds.push(`e.article_id = ${p(filter.articleId)}`);
  if (filter.status) conds.push(`e.status = ${p(filter.status)}`);
  else if (!filter.includeRejected) conds.push(`e.status <> 'rejected'`);
  return { where: conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : "", params };
}

export async function selectEvents(db: Sql, filter: EventFilter, after?: { date: string; id: number }): Promise<StoredEvent[]> {
  const { where, params } = eventWhere(filter);
  let sql = `${EVENT_SELECT} ${where}`;
  // Keyset paging: undated events sort last, as 'infinity'.
  const sortKey = "COALESCE(e.date_start, 'infinity'::date)";
  if (after) {
    params.push(after.date, after.id);
    sql += `${where ? " AND" : " WHERE"} (${sortKey}, e.id) > ($${params.length - 1}::date, $${params.length})`;
  }
  sql += ` ORDER BY ${sortKey}, e.id`;
  if (filter.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  if (filter.offset !== undefined) sql += ` OFFSET ${Math.max(0, Math.floor(filter.offset))}`;
  return assembleEvents(db, await db.query(sql, params));
}

export async function selectEventById(db: Sql, id: number): Promise<StoredEvent | null> {
  const rows = await db.query(`${EVENT_SELECT} WHERE e.id = $1`, [id]);
  return (await assembleEvents(db, rows))[0] ?? null;
}

/** Turns event rows (EVENT_SELECT) into stored events, fetching their children in four queries. */
export async function assembleEvents(db: Sql, rows: Row[]): Promise<StoredEvent[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => num(r.id));
  // One after the other: inside a transaction they share one connection.
  const actors = await groupBy(db, "SELECT event_id AS owner, role, name, inter, mention FROM event_actors WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, ord", ids);
  const weapons = await groupBy(db, "SELECT event_id AS owner, weapon FROM event_weapons WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, ord", ids);
  const sources = await groupBy(db, "SELECT event_id AS owner, name, role, organization, channel, quote, mention FROM sources WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, ord", ids);
  const evidence = await groupBy(db, "SELECT event_id AS owner, span_start, span_end, text FROM evidence WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, ord", ids);
  return rows.map((r) => {
    const id = num(r.id);
    const event = eventFromRow(r, {
      actors: (actors.get(id) ?? []).map(actorFromRow),
      weapons: (weapons.get(id) ?? []).map((w) => String(w.weapon)),
      sources: (sources.get(id) ?? []).map(sourceFromRow),
      evidence: (evidence.get(id) ?? []).map(spanFromRow),
    });
    return {
      id,
      status: r.status as EventStatus,
      event,
      article: {
        dbId: num(r.article_id),
        id: strOrUndef(r.a_external_id) ?? String(num(r.article_id)),
        ...opt("title", r.a_title),
        ...opt("published", r.a_published),
        ...opt("source", r.a_source),
        ...opt("url", r.a_url),
        language: String(r.a_language),
      },
      pipelineVersion: String(r.r_version),
      extractedAt: new Date(Number(r.r_ms)).toISOString(),
    };
  });
}

/** Tallies, statements and agreements of one article's live extraction. */
export async function selectOthers(db: Sql, articleId: number): Promise<{ tallies: Tally[]; statements: Statement[]; agreements: Agreement[] }> {
  const tallyRows = await db.query(`SELECT t.*, to_char(period_start, 'YYYY-MM-DD') AS ps, to_char(period_end, 'YYYY-MM-DD') AS pe FROM tallies t WHERE article_id = $1 ORDER BY ord`, [articleId]);
  const statementRows = await db.query(`SELECT s.*, to_char(date_start, 'YYYY-MM-DD') AS ds, to_char(date_end, 'YYYY-MM-DD') AS de FROM statements s WHERE article_id = $1 ORDER BY ord`, [articleId]);
  const agreementRows = await db.query(`SELECT g.*, to_char(signed_start, 'YYYY-MM-DD') AS ss, to_char(signed_end, 'YYYY-MM-DD') AS se FROM agreements g WHERE article_id = $1 ORDER BY ord`, [articleId]);
  const tallyIds = tallyRows.map((r) => num(r.id));
  const statementIds = statementRows.map((r) => num(r.id));
  const agreementIds = agreementRows.map((r) => num(r.id));
  const tSources = await groupBy(db, "SELECT tally_id AS owner, name, role, organization, channel, quote, mention FROM sources WHERE tally_id = ANY($1::bigint[]) ORDER BY tally_id, ord", tallyIds);
  const tEvidence = await groupBy(db, "SELECT tally_id AS owner, span_start, span_end, text FROM evidence WHERE tally_id = ANY($1::bigint[]) ORDER BY tally_id, ord", tallyIds);
  const sEvidence = await groupBy(db, "SELECT statement_id AS owner, span_start, span_end, text FROM evidence WHERE statement_id = ANY($1::bigint[]) ORDER BY statement_id, ord", statementIds);
  const aEvidence = await groupBy(db, "SELECT agreement_id AS owner, span_start, span_end, text FROM evidence WHERE agreement_id = ANY($1::bigint[]) ORDER BY agreement_id, ord", agreementIds);
  const commitments = await groupBy(db, "SELECT agreement_id AS owner, * FROM commitments WHERE agreement_id = ANY($1::bigint[]) ORDER BY agreement_id, ord", agreementIds);
  return {
    tallies: tallyRows.map((r) => tallyFromRow(r, tSources.get(num(r.id)) ?? [], tEvidence.get(num(r.id)) ?? [])),
    statements: statementRows.map((r) => statementFromRow(r, sEvidence.get(num(r.id)) ?? [])),
    agreements: agreementRows.map((r) => agreementFromRow(r, aEvidence.get(num(r.id)) ?? [], commitments.get(num(r.id)) ?? [])),
  };
}

// --- internal ---

async function groupBy(db: Sql, sql: string, ids: number[]): Promise<Map<number, Row[]>> {
  const out = new Map<number, Row[]>();
  if (ids.length === 0) return out;
  for (const row of await db.query(sql, [ids])) {
    const owner = num(row.owner);
    let list = out.get(owner);
    if (!list) out.set(owner, (list = []));
    list.push(row);
  }
  return out;
}

function eventFromRow(r: Row, parts: Pick<ConflictEvent, "actors" | "weapons" | "sources" | "evidence">): ConflictEvent {
  const event: ConflictEvent = {
    id: String(r.key),
    type: r.type as ConflictEvent["type"],
    subType: r.sub_type as ConflictEvent["subType"],
    date: {
      start: strOrUndef(r.ds) ?? "",
      end: strOrUndef(r.de) ?? "",
      precision: num(r.time_precision) as Precision,
      ...opt("mention", span(r.date_mention)),
    },
    actors: parts.actors,
    location: locationFromRow(r),
    fatalities: casualtiesFromRow(r, "fatalities"),
    injuries: casualtiesFromRow(r, "injuries"),
    weapons: parts.weapons,
    sources: parts.sources,
    evidence: parts.evidence,
    confidence: num(r.confidence),
    ...opt("by", r.by_rule),
  };
  return withExtra(event, r.extra);
}

function locationFromRow(r: Row): Location | null {
  if (r.location_name === null || r.location_name === undefined) return null;
  return {
    name: String(r.location_name),
    ...opt("admin1", r.admin1),
    ...opt("admin2", r.admin2),
    country: String(r.country ?? ""),
    iso3: String(r.iso3 ?? ""),
    ...opt("lat", r.lat),
    ...opt("lon", r.lon),
    precision: (numOrNull(r.geo_precision) ?? 3) as Precision,
    ...opt("mention", span(r.location_mention)),
  };
}

function casualtiesFromRow(r: Row, prefix: "fatalities" | "injuries"): Casualties | null {
  const best = r[`${prefix}_best`];
  if (best === null || best === undefined) return null;
  return {
    low: numOrNull(r[`${prefix}_low`]) ?? num(best),
    best: num(best),
    high: numOrNull(r[`${prefix}_high`]),
    byCategory: byCategory(r[`${prefix}_by`]),
    ...opt("mention", span(r[`${prefix}_mention`])),
  };
}

function actorFromRow(r: Row): EventActor {
  return { role: r.role as EventActor["role"], name: String(r.name), inter: num(r.inter) as Inter, ...opt("mention", span(r.mention)) };
}

function sourceFromRow(r: Row): Source {
  return {
    ...opt("name", r.name),
    ...opt("role", r.role),
    ...opt("organization", r.organization),
    ...opt("channel", r.channel),
    ...opt("quote", span(r.quote)),
    mention: span(r.mention)!,
  };
}

/** jsonb keeps keys in its own order ("end" before "start"): put spans back in the contract's order. */
function span(value: unknown): Span | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { start, end, text, ...rest } = value as Span & Record<string, unknown>;
  return { start, end, text, ...rest };
}

const CATEGORY_ORDER = ["civilians", "security", "militants", "unknown"];

function byCategory(value: unknown): ByCategory {
  if (!value || typeof value !== "object") return {};
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : 1));
  return Object.fromEntries(keys.map((k) => [k, v[k]])) as ByCategory;
}

function rank(key: string): number {
  const i = CATEGORY_ORDER.indexOf(key);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

function spanFromRow(r: Row): Span {
  return { start: num(r.span_start), end: num(r.span_end), text: String(r.text) };
}

function tallyFromRow(r: Row, sources: Row[], evidence: Row[]): Tally {
  const tally: Tally = {
    id: String(r.key),
    period: { start: strOrUndef(r.ps) ?? "", end: strOrUndef(r.pe) ?? "" },
    area: { country: String(r.country ?? ""), iso3: String(r.iso3 ?? ""), ...opt("admin1", r.admin1) },
    ...opt("actor", r.actor),
    ...opt("count", r.count),
    fatalities: casualtiesFromRow(r, "fatalities"),
    injuries: casualtiesFromRow(r, "injuries"),
    sources: sources.map(sourceFromRow),
    evidence: evidence.map(spanFromRow),
    ...opt("includes", r.includes),
    ...opt("by", r.by_rule),
  };
  return withExtra(tally, r.extra);
}

function statementFromRow(r: Row, evidence: Row[]): Statement {
  const statement: Statement = {
    id: String(r.key),
    kind: r.kind as Statement["kind"],
    speaker: sourceFromRow({ ...(r.speaker as Row), mention: (r.speaker as Row | null)?.mention ?? null }),
    about: r.about as string[],
    date: { start: strOrUndef(r.ds) ?? "", end: strOrUndef(r.de) ?? "", precision: num(r.date_precision) as Precision },
    evidence: evidence.map(spanFromRow),
    ...opt("by", r.by_rule),
  };
  return withExtra(statement, r.extra);
}

function agreementFromRow(r: Row, evidence: Row[], commitments: Row[]): Agreement {
  const agreement: Agreement = {
    id: String(r.key),
    name: String(r.name),
    parties: r.parties as string[],
    ...(r.signed_precision !== null && r.signed_precision !== undefined
      ? { signed: { start: strOrUndef(r.ss) ?? "", end: strOrUndef(r.se) ?? "", precision: num(r.signed_precision) as Precision } }
      : {}),
    commitments: commitments.map(commitmentFromRow),
    evidence: evidence.map(spanFromRow),
    ...opt("by", r.by_rule),
  };
  return withExtra(agreement, r.extra);
}

function commitmentFromRow(r: Row): Commitment {
  const c: Commitment = {
    ...opt("party", r.party),
    kind: r.kind as Commitment["kind"],
    text: span(r.text)!,
    ...opt("deadline", r.deadline),
    ...opt("deadlineRule", r.deadline_rule),
    ...opt("status", r.status),
  };
  return withExtra(c, r.extra);
}

/** `{ key: value }` when the column has a value, `{}` when it is NULL: optional v1 fields stay absent. */
function opt<K extends string>(key: K, value: unknown): { [P in K]?: never } | Record<K, never> {
  return (value === null || value === undefined ? {} : { [key]: typeof value === "bigint" ? Number(value) : value }) as Record<K, never>;
}

function withExtra<T extends object>(obj: T, extra: unknown): T {
  return extra && typeof extra === "object" ? { ...obj, ...(extra as object) } : obj;
}

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
