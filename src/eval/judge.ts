/**
 * @module eval/judge
 * One gold event against one predicted event: may they be the same event at all (`compatible`),
 * and which of the gold's fields does the prediction get right (`judgeFields`). A gold `null`
 * is never judged; a field the prediction leaves out never blocks a match but is wrong when judged.
 */
import { sameActor, sameCountry, samePlace } from "./fold.js";
import type { GoldDateRange, GoldEvent, GoldLocation, PredEvent, PredLocation } from "./types.js";

export const FIELDS = ["type", "subType", "actor1", "actor2", "country", "admin1", "date", "fatalities", "injuries"] as const;
export type Field = (typeof FIELDS)[number];
export type FieldVerdicts = Partial<Record<Field, boolean>>;

/** The hard conditions of a match: overlapping dates, same country and admin1, a shared place name. */
export function compatible(gold: GoldEvent, pred: PredEvent): boolean {
  return datesOverlap(gold.date, pred.date) && placesCompatible(gold.location, pred.location);
}

/** Right (true) or wrong (false) for every field the gold determines. */
export function judgeFields(gold: GoldEvent, pred: PredEvent): FieldVerdicts {
  const out: FieldVerdicts = {};
  if (gold.type !== null) out.type = pred.type === gold.type;
  if (gold.subType !== null) out.subType = pred.subType === gold.subType;
  for (const role of ["actor1", "actor2"] as const) {
    const match = gold.actors.filter((a) => a.role === role).flatMap((a) => a.match);
    if (match.length > 0) out[role] = actorFound(match, pred, role);
  }
  const loc = gold.location;
  if (loc?.country) out.country = pred.location?.country !== undefined && sameCountry(loc.country, pred.location.country);
  if (loc?.admin1) out.admin1 = pred.location?.admin1 !== undefined && samePlace(loc.admin1, pred.location.admin1);
  if (gold.date) out.date = dateWithin(gold.date, pred.date);
  if (gold.fatalities !== null) out.fatalities = pred.fatalities?.best === gold.fatalities;
  if (gold.injuries !== null) out.injuries = pred.injuries?.best === gold.injuries;
  return out;
}

/** How well a compatible pair agrees: fields right minus fields wrong, so best pairs match first. */
export function agreement(verdicts: FieldVerdicts): number {
  let score = 0;
  for (const v of Object.values(verdicts)) score += v ? 1 : -1;
  return score;
}

/** Named gold sources of the event that the prediction also names. */
export function sourcesFound(gold: GoldEvent, pred: PredEvent): { hit: number; of: number } {
  const names = gold.sources ?? [];
  const predicted = (pred.sources ?? []).flatMap((s) => [s.name, s.organization]).filter(isText);
  const hit = names.filter((n) => predicted.some((p) => sameActor(p, n))).length;
  return { hit, of: names.length };
}

/** The predicted start..end, or undefined when the prediction gives no date. */
export function predRange(date: PredEvent["date"]): { start: string; end: string } | undefined {
  const start = date?.start ?? date?.end;
  const end = date?.end ?? date?.start;
  return start && end ? { start, end } : undefined;
}

export function datesOverlap(gold: GoldDateRange | null, date: PredEvent["date"]): boolean {
  const p = predRange(date);
  if (!gold || !p) return true;
  return p.start <= gold.end && (gold.start === null || p.end >= gold.start);
}

/** Right when the predicted range lies within the gold one (equal, for a one-day gold date). */
export function dateWithin(gold: GoldDateRange, date: PredEvent["date"]): boolean {
  const p = predRange(date);
  if (!p) return false;
  return p.end <= gold.end && (gold.start === null || p.start >= gold.start);
}

// --- internal ---

function isText(s: string | undefined): s is string {
  return typeof s === "string" && s.trim() !== "";
}

function actorFound(match: readonly string[], pred: PredEvent, role: "actor1" | "actor2"): boolean {
  const roles = role === "actor1" ? ["actor1", "assoc1"] : ["actor2", "assoc2"];
  const strings = (pred.actors ?? [])
    .filter((a) => a.role !== undefined && roles.includes(a.role))
    .flatMap((a) => [a.name, a.mention?.text])
    .filter(isText);
  return strings.some((s) => match.some((m) => sameActor(s, m)));
}

function placesCompatible(gold: GoldLocation | null, pred: PredLocation | null | undefined): boolean {
  if (!gold || !pred) return true;
  if (gold.country && pred.country && !sameCountry(gold.country, pred.country)) return false;
  if (gold.admin1) return !pred.admin1 || samePlace(gold.admin1, pred.admin1);
  if (gold.names.length === 0) return true;
  const places = predPlaceNames(pred);
  // A country-level prediction leaves the place out, and a left-out field never blocks a match.
  if (places.length === 0) return true;
  return gold.names.some((n) => places.some((p) => samePlace(n, p)));
}

/** The predicted location's name, admin1 and admin2, less any that only repeat the country. */
function predPlaceNames(pred: PredLocation): string[] {
  return [pred.name, pred.admin1, pred.admin2].filter(isText).filter((n) => !pred.country || !sameCountry(n, pred.country));
}
