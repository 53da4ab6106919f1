/**
 * @module export/record
 * What every export format is made from: a v1 event with its article, and, for a stored event,
 * its database id, review status and time. `truce extract` builds records from one extraction,
 * `truce export` from the store.
 */
import type { ArticleMeta, ConflictEvent, Extraction } from "../contract.js";
import type { EventStatus, StoredEvent } from "../store/store.js";

export interface ExportRecord {
  event: ConflictEvent;
  article: ArticleMeta;
  /** Unique across articles (the database id); the v1 `event.id` is unique only within its article. */
  ref?: number;
  status?: EventStatus;
  /** ISO time the event was extracted or last changed. */
  updatedAt?: string;
}

/** The events of one extraction, ready for any export format. */
export function recordsOf(extraction: Extraction): ExportRecord[] {
  return extraction.events.map((event) => ({ event, article: extraction.article }));
}

export function recordOf(stored: StoredEvent): ExportRecord {
  const { dbId: _dbId, ...article } = stored.article;
  return { event: stored.event, article, ref: stored.id, status: stored.status, updatedAt: stored.extractedAt };
}
