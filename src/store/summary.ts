/**
 * @module store/summary
 * Events as one flat row each (no spans, no evidence): what a map, a timeline or a table of
 * thousands of events needs, in one query instead of rebuilding every v1 event.
 */
import { num, numOrNull, strOrUndef, type Sql } from "./db.js";
import { eventWhere } from "./read.js";
import type { EventFilter, EventSummary } from "./store.js";

export async function selectSummaries(db: Sql, filter: EventFilter): Promise<EventSummary[]> {
  const { where, params } = eventWhere(filter);
  let sql = `SELECT e.id, e.status, to_char(e.date_start, 'YYYY-MM-DD') AS ds, e.type, e.sub_type, e.location_name, e.admin1, e.country, e.iso3,
      e.lat, e.lon, e.fatalities_best, e.injuries_best, e.article_id, a.title,
      ARRAY(SELECT x.name FROM event_actors x WHERE x.event_id = e.id AND x.role IN ('actor1', 'actor2') ORDER BY x.ord) AS actors
    FROM events e JOIN articles a ON a.id = e.article_id ${where}
    ORDER BY COALESCE(e.date_start, 'infinity'::date), e.id`;
  if (filter.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
  if (filter.offset !== undefined) sql += ` OFFSET ${Math.max(0, Math.floor(filter.offset))}`;
  const rows = await db.query(sql, params);
  return rows.map((r) => ({
    id: num(r.id),
    status: r.status as EventSummary["status"],
    date: strOrUndef(r.ds) ?? "",
    type: String(r.type),
    subType: String(r.sub_type),
    location: strOrUndef(r.location_name) ?? null,
    admin1: strOrUndef(r.admin1) ?? null,
    country: strOrUndef(r.country) ?? null,
    iso3: strOrUndef(r.iso3) ?? null,
    lat: numOrNull(r.lat),
    lon: numOrNull(r.lon),
    fatalities: numOrNull(r.fatalities_best),
    injuries: numOrNull(r.injuries_best),
    actors: Array.isArray(r.actors) ? r.actors.map(String) : [],
    articleId: num(r.article_id),
    title: strOrUndef(r.title) ?? null,
  }));
}
