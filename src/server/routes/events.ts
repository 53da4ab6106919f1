/**
 * @module server/routes/events
 * GET /api/events (json, csv, geojson), GET /api/events/:id, PATCH /api/events/:id (a review),
 * POST /api/events (an event a reader found).
 */
import { Hono, type Context } from "hono";
import type { ConflictEvent, Span } from "../../contract.js";
import { acledCsvHeader, acledCsvLine } from "../../export/acled.js";
import { GEOJSON_HEAD, GEOJSON_TAIL, toFeature } from "../../export/geojson.js";
import { recordOf } from "../../export/record.js";
import type { EventFilter, Store, StoredEvent } from "../../store/store.js";
import type { AppEnv } from "../auth.js";
import type { ChangeBus } from "../bus.js";
import { ApiError, badRequest, notFound } from "../errors.js";
import { eventChanges, eventsQuery, filterQuery, idParam, newEventBody, queryOf, reviewBody, toFilter } from "../schemas.js";
import { detail } from "../views.js";
import { readJson } from "./common.js";

const DEFAULT_LIMIT = 100;
/**
 * `total` counts at most this many matches, or up to the end of the page asked for
 * (then totalIsExact: false): counting a country's 100,000 events costs more than their first page.
 */
const COUNT_CAP = 1000;

export function eventRoutes(store: Store, bus: ChangeBus): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get("/", async (c) => {
    const query = queryOf(c.req.query());
    const filter = toFilter(filterQuery.parse(query));
    const { format, view, limit, offset, bom } = eventsQuery.parse(query);
    if (format !== "json") return exportResponse(c, store, { ...filter, ...(limit !== undefined && { limit }), offset }, format, bom ?? false);
    const page = { ...filter, limit: limit ?? DEFAULT_LIMIT, offset };
    const cap = Math.max(COUNT_CAP, offset + page.limit);
    const [events, counted] = await Promise.all([view === "compact" ? store.summaries(page) : store.events(page), store.countEvents(filter, cap + 1)]);
    const exact = counted <= cap;
    return c.json({ total: exact ? counted : cap, totalIsExact: exact, limit: page.limit, offset, events });
  });

  app.get("/:id", async (c) => {
    const id = eventId(c.req.param("id"));
    const found = await store.event(id);
    if (!found) throw notFound(`no event with id ${id}`);
    const [article, reviews, conflicts] = await Promise.all([store.article(found.article.dbId), store.reviews(id), store.conflicts(id)]);
    return c.json(detail(found, article, reviews, conflicts));
  });

  app.patch("/:id", async (c) => {
    const id = eventId(c.req.param("id"));
    const body = reviewBody.parse(await readJson(c));
    const before = await store.event(id);
    if (!before) throw notFound(`no event with id ${id}`);
    const changes = body.changes ? keepMentions(before.event, body.changes) : undefined;
    const after = await store.review(id, {
      action: body.action,
      reviewer: c.get("user")!.name,
      ...(body.comment && { reason: body.comment }),
      ...(changes && { changes }),
    });
    bus.publish({ kind: "changed", ids: [id], cause: "review" });
    return c.json(after);
  });

  app.post("/", async (c) => {
    const body = newEventBody.parse(await readJson(c));
    const article = await store.article(body.articleId);
    if (!article) throw notFound(`no article with id ${body.articleId}`);
    const evidence = body.event.evidence.map((s, i) => spanIn(article.text, s, `event.evidence.${i}`));
    const event: ConflictEvent = { ...body.event, id: "new", evidence, sources: [], confidence: 1 } as ConflictEvent;
    const added = await store.addEvent(body.articleId, event, c.get("user")!.name, body.comment);
    bus.publish({ kind: "created", ids: [added.id], cause: "added" });
    return c.json(added, 201);
  });

  return app;
}

// --- internal ---

function eventId(raw: string): number {
  const parsed = idParam.safeParse(raw);
  if (!parsed.success) throw badRequest(`event id "${raw}": expected a positive whole number`);
  return parsed.data;
}

/** A span of the article from offsets, its text taken from the article so that it is always true. */
function spanIn(text: string, s: { start: number; end: number }, path: string): Span {
  if (s.end > text.length) throw new ApiError(422, "unprocessable", `${path}: end ${s.end} is past the article's end (${text.length} characters)`);
  return { start: s.start, end: s.end, text: text.slice(s.start, s.end) };
}

/**
 * A corrected field keeps the machine's span when the analyst changed its value, not its place
 * in the text: the words stay highlighted on the event page.
 */
function keepMentions(before: ConflictEvent, changes: ReturnType<typeof eventChanges.parse>): Partial<ConflictEvent> {
  const out = { ...changes } as Partial<ConflictEvent>;
  if (changes.location && before.location?.mention) out.location = { ...changes.location, mention: before.location.mention } as ConflictEvent["location"];
  if (changes.fatalities && before.fatalities?.mention) out.fatalities = { ...changes.fatalities, mention: before.fatalities.mention };
  if (changes.injuries && before.injuries?.mention) out.injuries = { ...changes.injuries, mention: before.injuries.mention };
  if (changes.date && before.date.mention) out.date = { ...changes.date, mention: before.date.mention };
  if (changes.actors) {
    out.actors = changes.actors.map((a) => {
      const same = before.actors.find((b) => b.name === a.name && b.mention);
      return same?.mention ? { ...a, mention: same.mention } : a;
    }) as ConflictEvent["actors"];
  }
  return out;
}

async function exportResponse(c: Context<AppEnv>, store: Store, filter: EventFilter, format: "csv" | "geojson", bom: boolean): Promise<Response> {
  const chunks = format === "csv" ? csvChunks(store.streamEvents(filter), bom) : geojsonChunks(store.streamEvents(filter));
  const stream = toStream(chunks);
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/geo+json; charset=utf-8";
  const name = format === "csv" ? "truce-events.csv" : "truce-events.geojson";
  return c.body(stream, 200, { "Content-Type": type, "Content-Disposition": `attachment; filename="${name}"` });
}

async function* csvChunks(events: AsyncIterable<StoredEvent>, bom: boolean): AsyncIterable<string> {
  yield acledCsvHeader({ bom });
  for await (const e of events) yield acledCsvLine(recordOf(e));
}

async function* geojsonChunks(events: AsyncIterable<StoredEvent>): AsyncIterable<string> {
  yield GEOJSON_HEAD;
  let n = 0;
  for await (const e of events) yield `${n++ > 0 ? ",\n" : ""}${JSON.stringify(toFeature(recordOf(e)))}`;
  yield GEOJSON_TAIL;
}

function toStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  const enc = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await it.next();
      if (next.done) controller.close();
      else controller.enqueue(enc.encode(next.value));
    },
    async cancel() {
      await it.return?.();
    },
  });
}
