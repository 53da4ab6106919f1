/**
 * @module store/store
 * What Truce keeps, behind one interface with two backends: PGlite (embedded, the default) and
 * PostgreSQL. Both run the same SQL (`sql-store.ts`) and pass the same contract suite
 * (`store.case.test.ts`).
 */
import type { ArticleMeta, ConflictEvent, Extraction } from "../contract.js";

export type ArticleFormat = "text" | "html" | "feed" | "jsonl" | "json";
export type EventStatus = "machine" | "confirmed" | "corrected" | "rejected";
export type ReviewAction = "confirm" | "correct" | "reject";

export interface ArticleInput {
  /** SHA-256 of the normalised text (see ingest/normalise): the article's identity. */
  contentHash: string;
  /** The id the input gave: file name, JSONL id, feed guid. */
  externalId?: string;
  /** Where it came from: a path, a feed URL, "stdin". */
  origin?: string;
  format: ArticleFormat;
  source?: string;
  url?: string;
  title?: string;
  /** YYYY-MM-DD */
  published?: string;
  language: string;
  /** The input before cleaning (the HTML page) when it differs from `text`. */
  raw?: string;
  text: string;
}

export interface SaveInput {
  article: ArticleInput;
  /** `null`: stored but not extracted; `notExtracted` says why. */
  extraction: Extraction | null;
  notExtracted?: string;
  pipelineVersion: string;
}

export type SaveOutcome = "new" | "duplicate" | "reextracted";

export interface SaveResult {
  outcome: SaveOutcome;
  articleId: number;
  /** Machine events written by this call (0 for a duplicate). */
  events: number;
  /** Disagreements between this run and reviewed events (the reviews were kept). */
  conflicts: number;
}

export interface KnownArticle {
  id: number;
  extracted: boolean;
  /** Pipeline version of the latest extraction, null when never extracted. */
  pipelineVersion: string | null;
}

export interface StoredArticle extends ArticleMeta {
  dbId: number;
  contentHash: string;
  format: ArticleFormat;
  origin?: string;
  text: string;
  raw?: string;
  extracted: boolean;
  notExtracted?: string;
  ingestedAt: string;
}

export interface StoredEvent {
  /** Database id: stable, unique across articles (the v1 `event.id` is unique only within its article). */
  id: number;
  status: EventStatus;
  event: ConflictEvent;
  article: ArticleMeta & { dbId: number };
  pipelineVersion: string;
  /** ISO timestamp of the extraction run that produced the event. */
  extractedAt: string;
}

export interface EventFilter {
  /** ISO 3166 alpha-3 code ("AFG") or country name ("Afghanistan"). */
  country?: string;
  admin1?: string;
  /** YYYY-MM-DD, inclusive, on the event's start date. */
  from?: string;
  to?: string;
  type?: string;
  subType?: string;
  /** Part of an actor's name, any role, case-insensitive. */
  actor?: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox?: [number, number, number, number];
  /** At least this many dead (best estimate). */
  minFatalities?: number;
  /** Words that must appear (case-insensitive, as a phrase) in one of the event's evidence sentences. */
  q?: string;
  articleId?: number;
  status?: EventStatus;
  /** Rejected events are left out unless asked for. */
  includeRejected?: boolean;
  limit?: number;
  offset?: number;
}

export interface ReviewInput {
  action: ReviewAction;
  reviewer: string;
  reason?: string;
  /** For "correct": the fields of the v1 event that change, with their new values. */
  changes?: Partial<Omit<ConflictEvent, "id">>;
}

export interface Review {
  id: number;
  eventId: number | null;
  /** "add": an analyst added the event (see `Store.addEvent`). */
  action: ReviewAction | "add";
  reviewer: string;
  reviewedAt: string;
  reason?: string;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface ReviewConflict {
  id: number;
  eventId: number;
  pipelineVersion: string;
  /** What the newer pipeline produced instead; null when it no longer finds the event. */
  machine: ConflictEvent | null;
  note: string;
  detectedAt: string;
}

export interface StoreCounts {
  articles: number;
  extracted: number;
  notExtracted: number;
  runs: number;
  events: number;
  tallies: number;
  statements: number;
  agreements: number;
  reviews: number;
  conflicts: number;
}

export interface StoreStatus {
  backend: "pglite" | "postgres";
  location: string;
  schemaVersion: number;
  latestVersion: number;
  pending: string[];
  /** null until the schema exists. */
  counts: StoreCounts | null;
  pipelineVersions: { version: string; articles: number }[];
  sizeBytes: number | null;
}

export type SeriesInterval = "day" | "week";
export type SeriesGroup = "none" | "country" | "admin1" | "actor" | "type";

export interface SeriesQuery {
  interval: SeriesInterval;
  groupBy: SeriesGroup;
}

export interface SeriesPoint {
  /** YYYY-MM-DD: the day, or the Monday of the ISO week. */
  period: string;
  /** The group's value ("AFG", "AFG/Kandahar", an actor's name, an event type); "" for groupBy none. */
  key: string;
  events: number;
  fatalities: number;
  injuries: number;
}

/** One flat row per event: enough for a map, a timeline or a table (see `Store.summaries`). */
export interface EventSummary {
  id: number;
  status: EventStatus;
  /** YYYY-MM-DD, "" when undated. */
  date: string;
  type: string;
  subType: string;
  location: string | null;
  admin1: string | null;
  country: string | null;
  iso3: string | null;
  lat: number | null;
  lon: number | null;
  fatalities: number | null;
  injuries: number | null;
  /** actor1 and actor2 names. */
  actors: string[];
  articleId: number;
  title: string | null;
}

export type UserRole = "analyst" | "admin";

export interface ApiUser {
  id: number;
  name: string;
  role: UserRole;
  createdAt: string;
  revoked: boolean;
}

export interface Store {
  readonly backend: "pglite" | "postgres";
  /** The folder or the (password-free) URL, for messages. */
  readonly location: string;
  /** Applies pending schema migrations; returns their names. */
  migrate(): Promise<string[]>;
  status(): Promise<StoreStatus>;
  findArticle(contentHash: string): Promise<KnownArticle | null>;
  /**
   * Stores an article and its extraction in one transaction. An article already stored (same
   * hash) is a duplicate, unless this extraction comes from a newer pipeline: then its machine
   * output is replaced, reviewed events are kept and disagreements recorded.
   */
  saveArticle(input: SaveInput): Promise<SaveResult>;
  article(id: number): Promise<StoredArticle | null>;
  /** The article's live extraction: the latest run's output plus reviewed events (rejected ones left out). */
  extraction(articleId: number): Promise<Extraction | null>;
  event(id: number): Promise<StoredEvent | null>;
  /** Events ordered by start date, then id. */
  events(filter?: EventFilter): Promise<StoredEvent[]>;
  /** The same events as `events`, in the same order, as flat summaries (one query, no spans). */
  summaries(filter?: EventFilter): Promise<EventSummary[]>;
  /** All matching events, in the same order, fetched a page at a time. */
  streamEvents(filter?: EventFilter, pageSize?: number): AsyncIterable<StoredEvent>;
  /** How many events match; with `max`, counting stops there (a page's "10,000+" costs no full count). */
  countEvents(filter?: EventFilter, max?: number): Promise<number>;
  review(eventId: number, input: ReviewInput): Promise<StoredEvent>;
  reviews(eventId: number): Promise<Review[]>;
  conflicts(eventId?: number): Promise<ReviewConflict[]>;
  /**
   * An event a reader found that the machine missed, stored with the article's latest run as
   * a confirmed event, and an "add" review in the audit trail. Its v1 id is made unique in the article.
   */
  addEvent(articleId: number, event: ConflictEvent, reviewer: string, reason?: string): Promise<StoredEvent>;
  /** Counts of events, fatalities and injuries per period and group; undated events are left out. */
  series(filter: EventFilter, query: SeriesQuery): Promise<SeriesPoint[]>;
  /** A new API user holding the token whose SHA-256 is `tokenHash`; a taken name is refused. */
  addUser(name: string, role: UserRole, tokenHash: string): Promise<ApiUser>;
  /** The user holding this token, unless revoked. */
  userByTokenHash(tokenHash: string): Promise<ApiUser | null>;
  users(): Promise<ApiUser[]>;
  /** Revokes a user's token; false when there is no such user. */
  revokeUser(name: string): Promise<boolean>;
  close(): Promise<void>;
}
