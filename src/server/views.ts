/**
 * @module server/views
 * The shapes routes answer with, built from stored events.
 */
import type { EventSummary, Review, ReviewConflict, StoredArticle, StoredEvent } from "../store/store.js";

/** What the map, the timeline and the table draw: the store's flat summary of an event. */
export type CompactEvent = EventSummary;

export interface EventDetail extends StoredEvent {
  articleText: string;
  articleFormat: StoredArticle["format"];
  reviews: Review[];
  conflicts: ReviewConflict[];
}

export function detail(s: StoredEvent, article: StoredArticle | null, reviews: Review[], conflicts: ReviewConflict[]): EventDetail {
  return { ...s, articleText: article?.text ?? "", articleFormat: article?.format ?? "text", reviews, conflicts };
}
