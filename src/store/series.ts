/**
 * @module store/series
 * Counts per day or ISO week, grouped by country, admin1, actor or type. From the daily rollup
 * (`event_days`, kept by triggers) when the filter and grouping are its columns; otherwise one
 * GROUP BY over the same WHERE clause as the event list. Either way a chart and the table agree.
 */
import { num, type Row, type Sql } from "./db.js";
import { eventWhere } from "./read.js";
import type { EventFilter, SeriesPoint, SeriesQuery } from "./store.js";

const GROUP_KEY: Record<SeriesQuery["groupBy"], string> = {
  none: "''",
  country: "COALESCE(e.iso3, '')",
  admin1: "COALESCE(e.iso3, '') || '/' || COALESCE(e.admin1, '')",
  type: "e.type",
  actor: "x.name",
};

const ROLLUP_KEY: Record<Exclude<SeriesQuery["groupBy"], "actor">, string> = {
  none: "''",
  country: "d.iso3",
  admin1: "d.iso3 || '/' || d.admin1",
  type: "d.type",
};

/** `rollup: false` always aggregates the events (tests compare the two). */
export async function selectSeries(db: Sql, filter: EventFilter, query: SeriesQuery, rollup = true): Promise<SeriesPoint[]> {
  const rows = rollup && rollupAnswers(filter, query) ? await fromRollup(db, filter, query) : await fromEvents(db, filter, query);
  return rows.map((r) => ({ period: String(r.period), key: String(r.key), events: num(r.events), fatalities: num(r.fatalities), injuries: num(r.injuries) }));
}

// --- internal ---

/** The rollup knows days, ISO codes, admin1, types and statuses: nothing finer. */
function rollupAnswers(f: EventFilter, q: SeriesQuery): boolean {
  if (q.groupBy === "actor") return false;
  if (f.actor || f.bbox || (f.q && f.q.trim()) || (f.minFatalities ?? 0) > 0 || f.articleId !== undefined) return false;
  return !f.country || /^[A-Za-z]{3}$/.test(f.country);
}

async function fromRollup(db: Sql, f: EventFilter, q: SeriesQuery): Promise<Row[]> {
  const conds: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.country) conds.push(`d.iso3 = ${p(f.country.toUpperCase())}`);
  if (f.admin1) conds.push(`lower(d.admin1) = lower(${p(f.admin1)})`);
  if (f.from) conds.push(`d.day >= ${p(f.from)}::date`);
  if (f.to) conds.push(`d.day <= ${p(f.to)}::date`);
  if (f.type) conds.push(`d.type = ${p(f.type)}`);
  if (f.subType) conds.push(`d.sub_type = ${p(f.subType)}`);
  if (f.status) conds.push(`d.status = ${p(f.status)}`);
  else if (!f.includeRejected) conds.push(`d.status <> 'rejected'`);
  const period = q.interval === "week" ? "date_trunc('week', d.day)" : "d.day";
  return db.query(
    `SELECT to_char(${period}, 'YYYY-MM-DD') AS period, ${ROLLUP_KEY[q.groupBy as keyof typeof ROLLUP_KEY]} AS key,
       sum(d.events) AS events, sum(d.fatalities) AS fatalities, sum(d.injuries) AS injuries
     FROM event_days d ${conds.length > 0 ? `WHERE ${conds.join(" AND ")}` : ""}
     GROUP BY 1, 2 HAVING sum(d.events) > 0 ORDER BY 1, 2`,
    params,
  );
}

async function fromEvents(db: Sql, filter: EventFilter, query: SeriesQuery): Promise<Row[]> {
  const { where, params } = eventWhere({ ...filter, limit: undefined, offset: undefined });
  const dated = `${where ? `${where} AND` : "WHERE"} e.date_start IS NOT NULL`;
  const period = query.interval === "week" ? "date_trunc('week', e.date_start)" : "e.date_start";
  // By actor an event counts once for each distinct actor named in it.
  const from = query.groupBy === "actor" ? "events e JOIN (SELECT DISTINCT event_id, name FROM event_actors) x ON x.event_id = e.id" : "events e";
  return db.query(
    `SELECT to_char(${period}, 'YYYY-MM-DD') AS period, ${GROUP_KEY[query.groupBy]} AS key,
       count(*) AS events, COALESCE(sum(e.fatalities_best), 0) AS fatalities, COALESCE(sum(e.injuries_best), 0) AS injuries
     FROM ${from} ${dated}
     GROUP BY 1, 2 ORDER BY 1, 2`,
    params,
  );
}
