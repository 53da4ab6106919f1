/**
 * @module extract/events/to-event
 * A merged draft as a contract event: actors named and coded for the event's country, the most
 * specific place, the day, summed casualties, sources and evidence.
 */
import type { ConflictEvent, DateRange, EventActor, Location, Span } from "../../contract.js";
import type { ActorMention, PlaceMention } from "../annotations.js";
import { countryActor } from "../actors/dictionary.js";
import { sumCasualties } from "../casualty-sum.js";
import { dedupeSources, toSource } from "../sources.js";
import type { AssemblyContext } from "./assemble.js";
import type { Draft } from "./drafts.js";
import { dateOf, placeRank } from "./merge.js";
import { refineType } from "./types.js";

export function toEvent(d: Draft, id: string, ctx: AssemblyContext): ConflictEvent | null {
  const location = locationOf(d, ctx);
  const iso3 = location?.iso3 ?? ctx.places.country?.iso3;
  const actors = actorsOf(d, iso3, ctx);
  const a1 = actors.find((a) => a.role === "actor1");
  const a2 = actors.find((a) => a.role === "actor2");
  const { type, subType } = refineType(d.type ?? "Violence against civilians", d.subType ?? "Attack", a1, a2, d.casualties.filter((c) => c.kind === "killed").map((c) => c.category));
  const date = dateRangeOf(d, ctx);
  const evidence: Span[] = [...d.sentences].sort((a, b) => a - b).map((i) => ctx.sentences[i]!.span);
  const sources = dedupeSources(d.attributions.map(toSource));
  const event: ConflictEvent = {
    id,
    type,
    subType,
    date,
    actors,
    location,
    fatalities: sumCasualties(d.casualties, "killed", ctx.doc.norm),
    injuries: sumCasualties(d.casualties, "injured", ctx.doc.norm),
    weapons: d.weapons,
    sources,
    evidence,
    confidence: confidenceOf(d, location, sources.length > 0),
    ...(d.partOf && { partOf: d.partOf.id }),
    by: d.triggers[0]?.by ?? d.casualties[0]?.by ?? "events/assemble",
  };
  return event;
}

// --- internal ---

const FOREIGN_CAPABLE = new Set(["state", "government", "external"]);

function actorsOf(d: Draft, iso3: string | undefined, ctx: AssemblyContext): EventActor[] {
  const actors: EventActor[] = [];
  const one = d.actor1 ? asEventActor(d.actor1, "actor1", iso3, d, ctx) : fallbackActor1(d, iso3, ctx);
  if (one) actors.push(one);
  const two = d.actor2 ? asEventActor(d.actor2, "actor2", iso3, d, ctx) : undefined;
  if (two && two.name !== one?.name) actors.push(two);
  return actors;
}

/** A government acting militarily is its military; state forces are external (8) outside their country. */
function asEventActor(a: ActorMention, role: EventActor["role"], eventIso3: string | undefined, d: Draft, ctx: AssemblyContext): EventActor {
  let name = a.name;
  let inter = a.inter;
  if (a.kind === "government" && a.iso3 && isMilitaryAction(d)) {
    const military = countryActor(ctx.resources.actors, a.iso3, "military");
    name = military.name;
    inter = military.inter;
  }
  // a demonstration that turns violent is a riot: its crowd are rioters
  if (a.kind === "protesters" && d.type === "Riots" && a.iso3) ({ name, inter } = countryActor(ctx.resources.actors, a.iso3, "rioters"));
  if (FOREIGN_CAPABLE.has(a.kind) && a.iso3 && eventIso3 && (inter === 1 || inter === 8)) inter = a.iso3 === eventIso3 ? 1 : 8;
  return { role, name, inter, mention: a.span };
}

function isMilitaryAction(d: Draft): boolean {
  return d.type === "Explosions/Remote violence" || d.type === "Battles";
}

/** Nobody named: the tally's actor if the event is one of its incidents, else an unidentified armed group. */
function fallbackActor1(d: Draft, iso3: string | undefined, ctx: AssemblyContext): EventActor | undefined {
  if (d.partOf?.actor) {
    const known = ctx.bySentence(ctx.sentences.findIndex((s) => d.partOf!.evidence.some((e) => e.start === s.span.start)))?.actors.find((a) => a.name === d.partOf!.actor);
    return { role: "actor1", name: d.partOf.actor, inter: known?.inter ?? 2 };
  }
  const violent = d.type === "Explosions/Remote violence" || d.type === "Violence against civilians" || d.type === undefined;
  if (!violent || !iso3) return undefined;
  const unidentified = countryActor(ctx.resources.actors, iso3, "unidentified");
  return { role: "actor1", name: unidentified.name, inter: unidentified.inter };
}

/** The most specific place of the event, away from the speaker ("the spokesman in Kabul said"). */
function locationOf(d: Draft, ctx: AssemblyContext): Location | null {
  const text = ctx.doc.norm;
  const speakers = d.attributions.map((a) => a.span);
  const dateline = ctx.dateline;
  const candidates = d.places.filter(
    (p) =>
      p.kind !== "demonym" &&
      // where the report was filed, or where its speaker sits ("the spokesman in Kabul said"),
      // is not where the event happened
      !(dateline && p.span.start >= dateline.start && p.span.end <= dateline.end) &&
      !speakers.some((s) => (p.span.start >= s.start && p.span.end <= s.end) || SPEAKER_PLACE.test(text.slice(s.end, p.span.start))),
  );
  const best = [...candidates].sort((a, b) => placeRank(b) - placeRank(a) || distanceToTrigger(a, d) - distanceToTrigger(b, d))[0];
  if (best) return asLocation(best);
  const country = ctx.places.country;
  if (!country) return null;
  return { name: country.name, country: country.name, iso3: country.iso3, precision: 3 };
}

const SPEAKER_PLACE = /^\s*,?\s*(?:based\s+)?in\s+(?:the\s+)?$/i;

function asLocation(p: PlaceMention): Location {
  return {
    name: p.name,
    ...(p.admin1 && { admin1: p.admin1 }),
    ...(p.admin2 && { admin2: p.admin2 }),
    country: p.country,
    iso3: p.iso3,
    ...(p.lat !== undefined && { lat: p.lat }),
    ...(p.lon !== undefined && { lon: p.lon }),
    precision: p.precision,
    mention: p.span,
  };
}

function distanceToTrigger(p: PlaceMention, d: Draft): number {
  return Math.min(...d.triggers.map((t) => Math.abs(p.span.start - t.span.start)), 1e9);
}

/** The event's day; undated events get the week before publication (ACLED precision 2). */
function dateRangeOf(d: Draft, ctx: AssemblyContext): DateRange {
  const m = dateOf(d);
  if (m?.start && m.end) return { start: m.start, end: m.end, precision: m.precision ?? (m.start === m.end ? 1 : 2), ...(m.by.startsWith("events/") ? {} : { mention: m.span }) };
  const ref = ctx.dates.reference;
  if (!ref) return { start: "", end: "", precision: 3 };
  return { start: addDays(ref, -6), end: ref, precision: 2 };
}

function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

function confidenceOf(d: Draft, location: Location | null, sourced: boolean): number {
  let c = 0.35;
  if (d.triggers.some((t) => !t.anaphoric)) c += 0.2;
  if (d.actor1 || d.partOf) c += 0.1;
  if (d.actor2) c += 0.05;
  if (location && location.precision < 3) c += 0.1;
  if (dateOf(d)) c += 0.1;
  if (sourced) c += 0.05;
  if (d.casualties.length > 0) c += 0.05;
  return Math.round(Math.min(1, c) * 100) / 100;
}
