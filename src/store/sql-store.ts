/**
 * @module store/sql-store
 * The one Store implementation, over any `Db` (PGlite or PostgreSQL): the SQL is the same.
 */
import { ACLED_TYPES, type ConflictEvent, type Extraction } from "../contract.js";
import { TruceError } from "../errors.js";
import { num, prepared, strOrUndef, type Db, type Row, type Sql, type Tx } from "./db.js";
import { migrate, migrationState } from "./migrate.js";
import { selectEventById, selectEvents, selectOthers, eventWhere } from "./read.js";
import { reconcile, type ReviewedEvent } from "./reconcile.js";
import { selectSeries } from "./series.js";
import { selectSummaries } from "./summary.js";
import { insertUser, revokeUserByName, selectUserByTokenHash, selectUsers } from "./users.js";
import { compareVersions } from "./version.js";
import { EVENT_BODY, eventBody, insertArticle, insertEventChildren, insertRun } from "./write.js";
import type {
  ApiUser,
  ArticleFormat,
  EventFilter,
  EventSummary,
  KnownArticle,
  Review,
  ReviewConflict,
  ReviewInput,
  SaveInput,
  SaveResult,
  SeriesPoint,
  SeriesQuery,
  Store,
  StoreCounts,
  StoreStatus,
  StoredArticle,
  StoredEvent,
  UserRole,
} from "./store.js";

export function createStore(db: Db, location: string): Store {
  return new SqlStore(db, location);
}

// --- internal ---

const LATEST_RUN = `(SELECT r.pipeline_version FROM extraction_runs r WHERE r.article_id = a.id ORDER BY r.id DESC LIMIT 1)`;

/** Run once per ingested article: prepared. */
const FIND_ARTICLE = prepared("find_article", `SELECT a.id, a.extract_status, ${LATEST_RUN} AS version FROM articles a WHERE a.content_hash = $1`);

const CORRECTABLE = new Set(["type", "subType", "date", "actors", "location", "fatalities", "injuries", "weapons", "sources", "evidence", "confidence"]);

class SqlStore implements Store {
  readonly backend: "pglite" | "postgres";

  constructor(
    private readonly db: Db,
    readonly location: string,
  ) {
    this.backend = db.backend;
  }

  migrate(): Promise<string[]> {
    return migrate(this.db);
  }

  async status(): Promise<StoreStatus> {
    const state = await migrationState(this.db);
    const ready = state.version > 0;
    return {
      backend: this.backend,
      location: this.location,
      schemaVersion: state.version,
      latestVersion: state.latest,
      pending: state.pending,
      counts: ready ? await this.counts() : null,
      pipelineVersions: ready ? await this.pipelineVersions() : [],
      sizeBytes: await this.size(),
    };
  }

  async findArticle(contentHash: string): Promise<KnownArticle | null> {
    const rows = await this.db.run(FIND_ARTICLE, [contentHash]);
    const r = rows[0];
    return r ? { id: num(r.id), extracted: r.extract_status === "extracted", pipelineVersion: strOrUndef(r.version) ?? null } : null;
  }

  async saveArticle(input: SaveInput): Promise<SaveResult> {
    const extraction = input.extraction ? { version: input.pipelineVersion, output: input.extraction } : null;
    // One statement: atomic by itself, so a new article needs no explicit transaction.
    const written = await insertArticle(this.db, input.article, extraction, input.notExtracted);
    if (written.articleId !== null) return { outcome: "new", articleId: written.articleId, events: written.events, conflicts: 0 };
    return this.db.transaction((tx) => this.saveExisting(tx, input));
  }

  async article(id: number): Promise<StoredArticle | null> {
    const rows = await this.db.query(
      `SELECT a.*, to_char(a.published, 'YYYY-MM-DD') AS pub, extract(epoch FROM a.ingested_at) * 1000 AS ms FROM articles a WHERE a.id = $1`,
      [id],
    );
    const r = rows[0];
    return r ? articleFromRow(r) : null;
  }

  async extraction(articleId: number): Promise<Extraction | null> {
    const article = await this.article(articleId);
    if (!article) return null;
    const events = await selectEvents(this.db, { articleId });
    const others = await selectOthers(this.db, articleId);
    const warnings = await this.db.query("SELECT warnings FROM extraction_runs WHERE article_id = $1 ORDER BY id DESC LIMIT 1", [articleId]);
    const w = warnings[0]?.warnings as string[] | undefined;
    return {
      version: 1,
      article: { id: article.id, ...pick(article, ["title", "published", "source", "url"]), language: article.language },
      // In the order the article tells them (reviewed events kept from an older run included).
      events: events.map((e) => e.event).sort((a, b) => (a.evidence[0]?.start ?? 0) - (b.evidence[0]?.start ?? 0)),
      ...others,
      ...(w && w.length > 0 ? { warnings: w } : {}),
    };
  }

  event(id: number): Promise<StoredEvent | null> {
    return selectEventById(this.db, id);
  }

  events(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return this.adHoc((sql) => selectEvents(sql, filter));
  }

  summaries(filter: EventFilter = {}): Promise<EventSummary[]> {
    return this.adHoc((sql) => selectSummaries(sql, filter));
  }

  async *streamEvents(filter: EventFilter = {}, pageSize = 1000): AsyncIterable<StoredEvent> {
    let after: { date: string; id: number } | undefined;
    let left = filter.limit ?? Infinity;
    while (left > 0) {
      const page = await this.adHoc((sql) => selectEvents(sql, { ...filter, limit: Math.min(pageSize, left), offset: undefined }, after));
      for (const e of page) yield e;
      if (page.length < pageSize) return;
      left -= page.length;
      const last = page.at(-1)!;
      after = { date: last.event.date.start || "infinity", id: last.id };
    }
  }

  async countEvents(filter: EventFilter = {}, max?: number): Promise<number> {
    const { where, params } = eventWhere(filter);
    const capped = max !== undefined && Number.isFinite(max) ? ` LIMIT ${Math.max(0, Math.floor(max))}` : "";
    const rows = await this.adHoc((sql) => sql.query(capped ? `SELECT count(*) AS n FROM (SELECT 1 FROM events e ${where}${capped}) c` : `SELECT count(*) AS n FROM events e ${where}`, params));
    return num(rows[0]!.n);
  }

  async review(eventId: number, input: ReviewInput): Promise<StoredEvent> {
    if (!input.reviewer || input.reviewer.trim() === "") throw new TruceError("E_INPUT", "a review needs a reviewer");
    return this.db.transaction(async (tx) => {
      const before = await selectEventById(tx, eventId);
      if (!before) throw new TruceError("E_NOT_FOUND", `no event with id ${eventId}`);
      const { after, changes } = applyReview(before, input);
      const status = input.action === "reject" ? "rejected" : input.action === "correct" || before.status === "corrected" ? "corrected" : "confirmed";
      if (input.action === "correct") await rewriteEvent(tx, eventId, after);
      await tx.query("UPDATE events SET status = $2 WHERE id = $1", [eventId, status]);
      await tx.query(
        "INSERT INTO reviews (event_id, article_id, event_key, action, reviewer, reason, changes, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9::jsonb)",
        [eventId, before.article.dbId, before.event.id, input.action, input.reviewer, input.reason ?? null, JSON.stringify(changes), JSON.stringify(before.event), JSON.stringify(after)],
      );
      return (await selectEventById(tx, eventId))!;
    });
  }

  async reviews(eventId: number): Promise<Review[]> {
    const rows = await this.db.query("SELECT r.*, extract(epoch FROM r.reviewed_at) * 1000 AS ms FROM reviews r WHERE event_id = $1 ORDER BY id", [eventId]);
    return rows.map((r) => ({
      id: num(r.id),
      eventId: r.event_id === null ? null : num(r.event_id),
      action: r.action as Review["action"],
      reviewer: String(r.reviewer),
      reviewedAt: new Date(Number(r.ms)).toISOString(),
      ...(r.reason !== null && { reason: String(r.reason) }),
      changes: r.changes as Review["changes"],
    }));
  }

  async conflicts(eventId?: number): Promise<ReviewConflict[]> {
    const rows = await this.db.query(
      `SELECT c.*, r.pipeline_version, extract(epoch FROM c.detected_at) * 1000 AS ms FROM review_conflicts c JOIN extraction_runs r ON r.id = c.run_id
       ${eventId === undefined ? "" : "WHERE c.event_id = $1"} ORDER BY c.id`,
      eventId === undefined ? [] : [eventId],
    );
    return rows.map((r) => ({
      id: num(r.id),
      eventId: num(r.event_id),
      pipelineVersion: String(r.pipeline_version),
      machine: (r.machine as ConflictEvent | null) ?? null,
      note: String(r.note),
      detectedAt: new Date(Number(r.ms)).toISOString(),
    }));
  }

  async addEvent(articleId: number, event: ConflictEvent, reviewer: string, reason?: string): Promise<StoredEvent> {
    if (!reviewer || reviewer.trim() === "") throw new TruceError("E_INPUT", "an added event needs a reviewer");
    const subTypes = ACLED_TYPES[event.type] as readonly string[] | undefined;
    if (!subTypes || !subTypes.includes(event.subType)) throw new TruceError("E_INPUT", `"${event.type}" / "${event.subType}" is not an ACLED event type and sub-type`);
    return this.db.transaction(async (tx) => {
      const runs = await tx.query("SELECT id FROM extraction_runs WHERE article_id = $1 ORDER BY id DESC LIMIT 1", [articleId]);
      if (!runs[0]) {
        const known = await tx.query("SELECT 1 FROM articles WHERE id = $1", [articleId]);
        throw new TruceError(known.length > 0 ? "E_INPUT" : "E_NOT_FOUND", known.length > 0 ? `article ${articleId} was never extracted` : `no article with id ${articleId}`);
      }
      const taken = await tx.query("SELECT key, ord FROM events WHERE article_id = $1", [articleId]);
      const keys = new Set(taken.map((r) => String(r.key)));
      let n = taken.length + 1;
      while (keys.has(`a${n}`)) n++;
      const ord = Math.max(-1, ...taken.map((r) => num(r.ord))) + 1;
      const added = { ...event, id: `a${n}`, by: event.by ?? "analyst" } as ConflictEvent;
      const rows = await tx.query(
        "INSERT INTO events (article_id, run_id, ord, key, status, type, sub_type, time_precision, confidence) VALUES ($1, $2, $3, $4, 'confirmed', $5, $6, $7, $8) RETURNING id",
        [articleId, num(runs[0].id), ord, added.id, added.type, added.subType, added.date.precision, added.confidence],
      );
      const eventId = num(rows[0]!.id);
      await rewriteEvent(tx, eventId, added);
      await tx.query(
        "INSERT INTO reviews (event_id, article_id, event_key, action, reviewer, reason, changes, before, after) VALUES ($1, $2, $3, 'add', $4, $5, '{}'::jsonb, 'null'::jsonb, $6::jsonb)",
        [eventId, articleId, added.id, reviewer, reason ?? null, JSON.stringify(added)],
      );
      return (await selectEventById(tx, eventId))!;
    });
  }

  series(filter: EventFilter, query: SeriesQuery): Promise<SeriesPoint[]> {
    return this.adHoc((sql) => selectSeries(sql, filter, query));
  }

  addUser(name: string, role: UserRole, tokenHash: string): Promise<ApiUser> {
    return insertUser(this.db, name, role, tokenHash);
  }

  userByTokenHash(tokenHash: string): Promise<ApiUser | null> {
    return selectUserByTokenHash(this.db, tokenHash);
  }

  users(): Promise<ApiUser[]> {
    return selectUsers(this.db);
  }

  revokeUser(name: string): Promise<boolean> {
    return revokeUserByName(this.db, name);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  /**
   * A filtered read, planned for its own values. Connections plan every statement generically
   * (right for the prepared writes, see Sql.run), but how selective a date range or a country is
   * decides the plan of a filtered list: a generic plan sorted whole date ranges (measured on
   * PostgreSQL: 75 ms instead of 3 ms for a page of 100 among 100k events).
   */
  private adHoc<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
    // On PGlite planning each query costs more than the better plan saves (measured).
    if (this.backend === "pglite") return fn(this.db);
    return this.db.transaction(async (tx) => {
      await tx.query("SET LOCAL plan_cache_mode = auto");
      return fn(tx);
    });
  }

  /** The article is already stored: a duplicate, or a re-extraction when the pipeline is newer. */
  private async saveExisting(tx: Tx, input: SaveInput): Promise<SaveResult> {
    // FOR UPDATE: two processes re-extracting the same article take turns.
    const rows = await tx.query(`SELECT a.id, ${LATEST_RUN} AS version FROM articles a WHERE a.content_hash = $1 FOR UPDATE`, [input.article.contentHash]);
    const articleId = num(rows[0]!.id);
    const stored = strOrUndef(rows[0]!.version);
    if (!input.extraction || (stored !== undefined && compareVersions(input.pipelineVersion, stored) <= 0)) {
      return { outcome: "duplicate", articleId, events: 0, conflicts: 0 };
    }
    const reviewed = await loadReviewed(tx, articleId);
    await tx.query("UPDATE articles SET extract_status = 'extracted', extract_note = NULL WHERE id = $1", [articleId]);
    for (const table of ["tallies", "statements", "agreements"]) await tx.query(`DELETE FROM ${table} WHERE article_id = $1`, [articleId]);
    await tx.query("DELETE FROM events WHERE article_id = $1 AND status = 'machine'", [articleId]);
    const { keep, disagreements } = reconcile(input.extraction.events, reviewed, input.pipelineVersion);
    const runId = await insertRun(tx, articleId, input.pipelineVersion, { ...input.extraction, events: keep });
    const events = keep.length;
    for (const d of disagreements) {
      await tx.query("INSERT INTO review_conflicts (event_id, run_id, machine, note) VALUES ($1, $2, $3::jsonb, $4)", [d.eventId, runId, d.machine && JSON.stringify(d.machine), d.note]);
    }
    return { outcome: "reextracted", articleId, events, conflicts: disagreements.length };
  }

  private async counts(): Promise<StoreCounts> {
    const rows = await this.db.query(`SELECT
      (SELECT count(*) FROM articles) AS articles,
      (SELECT count(*) FROM articles WHERE extract_status = 'extracted') AS extracted,
      (SELECT count(*) FROM extraction_runs) AS runs,
      (SELECT count(*) FROM events WHERE status <> 'rejected') AS events,
      (SELECT count(*) FROM tallies) AS tallies,
      (SELECT count(*) FROM statements) AS statements,
      (SELECT count(*) FROM agreements) AS agreements,
      (SELECT count(*) FROM reviews) AS reviews,
      (SELECT count(*) FROM review_conflicts) AS conflicts`);
    const r = rows[0]!;
    const n = (k: string) => num(r[k]);
    return {
      articles: n("articles"),
      extracted: n("extracted"),
      notExtracted: n("articles") - n("extracted"),
      runs: n("runs"),
      events: n("events"),
      tallies: n("tallies"),
      statements: n("statements"),
      agreements: n("agreements"),
      reviews: n("reviews"),
      conflicts: n("conflicts"),
    };
  }

  private async pipelineVersions(): Promise<{ version: string; articles: number }[]> {
    const rows = await this.db.query(
      `SELECT v.version, count(*) AS n FROM (SELECT ${LATEST_RUN} AS version FROM articles a) v WHERE v.version IS NOT NULL GROUP BY v.version`,
    );
    return rows.map((r) => ({ version: String(r.version), articles: num(r.n) })).sort((a, b) => compareVersions(b.version, a.version));
  }

  private async size(): Promise<number | null> {
    try {
      const rows = await this.db.query("SELECT pg_database_size(current_database()) AS n");
      return num(rows[0]!.n);
    } catch {
      return null;
    }
  }
}

/** Reviewed events of an article, each with the machine's version from before its first review. */
async function loadReviewed(tx: Tx, articleId: number): Promise<ReviewedEvent[]> {
  const current = await selectEvents(tx, { articleId, includeRejected: true });
  const reviewed = current.filter((e) => e.status !== "machine");
  if (reviewed.length === 0) return [];
  const firsts = await tx.query("SELECT DISTINCT ON (event_id) event_id, before FROM reviews WHERE event_id = ANY($1::bigint[]) ORDER BY event_id, id", [
    reviewed.map((e) => e.id),
  ]);
  const original = new Map(firsts.map((r) => [num(r.event_id), r.before as ConflictEvent]));
  return reviewed.map((e) => ({
    id: e.id,
    status: e.status as ReviewedEvent["status"],
    current: e.event,
    original: original.get(e.id) ?? e.event,
  }));
}

function applyReview(before: StoredEvent, input: ReviewInput): { after: ConflictEvent; changes: Review["changes"] } {
  if (input.action !== "correct") {
    if (input.changes && Object.keys(input.changes).length > 0) throw new TruceError("E_INPUT", `a "${input.action}" review takes no changes; use "correct"`);
    return { after: before.event, changes: {} };
  }
  const patch = input.changes ?? {};
  const keys = Object.keys(patch);
  if (keys.length === 0) throw new TruceError("E_INPUT", "a correction needs at least one changed field");
  const unknown = keys.filter((k) => !CORRECTABLE.has(k));
  if (unknown.length > 0) throw new TruceError("E_INPUT", `cannot correct ${unknown.join(", ")}: correctable fields are ${[...CORRECTABLE].join(", ")}`);
  const after = { ...before.event, ...patch, id: before.event.id } as ConflictEvent;
  const subTypes = ACLED_TYPES[after.type] as readonly string[] | undefined;
  if (!subTypes || !subTypes.includes(after.subType)) {
    throw new TruceError("E_INPUT", `"${after.type}" / "${after.subType}" is not an ACLED event type and sub-type`);
  }
  const changes: Review["changes"] = {};
  for (const k of keys) {
    const from = (before.event as unknown as Record<string, unknown>)[k];
    const to = (after as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[k] = { from: from ?? null, to: to ?? null };
  }
  return { after, changes };
}

async function rewriteEvent(tx: Tx, eventId: number, event: ConflictEvent): Promise<void> {
  const sets = EVENT_BODY.map(([name, type], i) => `${name} = $${i + 2}${type === "jsonb" ? "::jsonb" : type === "date" ? "::date" : ""}`);
  const values = eventBody(event).map((v, i) => (EVENT_BODY[i]![1] === "jsonb" && v !== null ? JSON.stringify(v) : v));
  await tx.query(`UPDATE events SET ${sets.join(", ")} WHERE id = $1`, [eventId, ...values]);
  for (const table of ["event_actors", "event_weapons", "sources", "evidence"]) await tx.query(`DELETE FROM ${table} WHERE event_id = $1`, [eventId]);
  await insertEventChildren(tx, eventId, event);
}

function articleFromRow(r: Row): StoredArticle {
  return {
    dbId: num(r.id),
    id: strOrUndef(r.external_id) ?? String(num(r.id)),
    ...(r.title !== null && { title: String(r.title) }),
    ...(r.pub !== null && { published: String(r.pub) }),
    ...(r.source !== null && { source: String(r.source) }),
    ...(r.url !== null && { url: String(r.url) }),
    language: String(r.language),
    contentHash: String(r.content_hash),
    format: r.format as ArticleFormat,
    ...(r.origin !== null && { origin: String(r.origin) }),
    text: String(r.text),
    ...(r.raw !== null && { raw: String(r.raw) }),
    extracted: r.extract_status === "extracted",
    ...(r.extract_note !== null && { notExtracted: String(r.extract_note) }),
    ingestedAt: new Date(Number(r.ms)).toISOString(),
  };
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}

