/**
 * @module store/reconcile
 * Re-extraction meets the reviewers. A newer pipeline's events replace the machine's old ones,
 * but an event an analyst confirmed, corrected or rejected stays as the analyst left it: the
 * new machine event that stands for it is dropped, and if it says something different the
 * disagreement is recorded. Pure: no database.
 */
import type { ConflictEvent, Span } from "../contract.js";
import type { EventStatus } from "./store.js";

export interface ReviewedEvent {
  id: number;
  status: Exclude<EventStatus, "machine">;
  /** The event as the reviewer left it. */
  current: ConflictEvent;
  /** The machine's event before the first review: what a new machine event is matched against. */
  original: ConflictEvent;
}

export interface Disagreement {
  eventId: number;
  machine: ConflictEvent | null;
  note: string;
}

export interface Reconciled {
  /** New machine events that stand for no reviewed event: stored. */
  keep: ConflictEvent[];
  disagreements: Disagreement[];
}

/** Fields compared between a reviewed event and the machine's new version of it. */
const COMPARED = ["type", "subType", "date", "actors", "location", "fatalities", "injuries", "weapons"] as const;

export function reconcile(fresh: ConflictEvent[], reviewed: ReviewedEvent[], pipelineVersion: string): Reconciled {
  const pairs = matchEvents(fresh, reviewed);
  const matchedFresh = new Set(pairs.keys());
  const matchedReviewed = new Set(pairs.values());
  const disagreements: Disagreement[] = [];
  for (const [fi, ri] of pairs) {
    const r = reviewed[ri]!;
    if (r.status === "rejected") continue;
    const diff = differences(fresh[fi]!, r.current);
    if (diff.length > 0) {
      disagreements.push({ eventId: r.id, machine: fresh[fi]!, note: `pipeline ${pipelineVersion} differs from the review on ${diff.join(", ")}; the review is kept` });
    }
  }
  reviewed.forEach((r, ri) => {
    if (!matchedReviewed.has(ri) && r.status !== "rejected") {
      disagreements.push({ eventId: r.id, machine: null, note: `pipeline ${pipelineVersion} no longer finds this event; the review is kept` });
    }
  });
  return { keep: fresh.filter((_, i) => !matchedFresh.has(i)), disagreements };
}

/** The v1 fields on which two events differ (spans, sources and confidence aside). */
export function differences(a: ConflictEvent, b: ConflictEvent): string[] {
  return COMPARED.filter((f) => canonical(a[f]) !== canonical(b[f]));
}

// --- internal ---

/**
 * Pairs each fresh event with at most one reviewed event. Two events are the same event when
 * they rest on overlapping evidence and have the same type; among several candidates the one
 * agreeing on more of sub-type, place, date and actors wins (one sentence can report strikes
 * in two provinces: two events on the same evidence).
 */
function matchEvents(fresh: ConflictEvent[], reviewed: ReviewedEvent[]): Map<number, number> {
  const candidates: { fi: number; ri: number; score: number }[] = [];
  fresh.forEach((f, fi) =>
    reviewed.forEach((r, ri) => {
      const score = similarity(f, r.original);
      if (score > 0) candidates.push({ fi, ri, score });
    }),
  );
  candidates.sort((x, y) => y.score - x.score || x.fi - y.fi || x.ri - y.ri);
  const pairs = new Map<number, number>();
  const taken = new Set<number>();
  for (const c of candidates) {
    if (pairs.has(c.fi) || taken.has(c.ri)) continue;
    pairs.set(c.fi, c.ri);
    taken.add(c.ri);
  }
  return pairs;
}

function similarity(a: ConflictEvent, b: ConflictEvent): number {
  if (a.type !== b.type || !overlaps(a.evidence ?? [], b.evidence ?? [])) return 0;
  let score = 1;
  if (a.subType === b.subType) score += 2;
  if ((a.location?.name ?? "") === (b.location?.name ?? "")) score += 2;
  if (a.date?.start === b.date?.start) score += 1;
  if (canonical(actorNames(a)) === canonical(actorNames(b))) score += 1;
  return score;
}

function overlaps(a: Span[], b: Span[]): boolean {
  return a.some((x) => b.some((y) => x.start < y.end && y.start < x.end));
}

function actorNames(e: ConflictEvent): string[] {
  return (e.actors ?? []).map((a) => `${a.role}:${a.name}`).sort();
}

/** JSON with sorted keys and without spans, so that equal facts compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(strip(value));
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) {
      if (k === "mention" || k === "quote") continue;
      out[k] = strip((value as Record<string, unknown>)[k]);
    }
    return out;
  }
  return value;
}
