/**
 * @module export/geojson
 * GeoJSON (RFC 7946): one Feature per event, a Point at [longitude, latitude], flat properties
 * that GIS tools show as attribute columns. An event without coordinates keeps its place in the
 * collection with a null geometry (RFC 7946 §3.2), so no event is silently dropped.
 */
import type { ConflictEvent } from "../contract.js";
import type { ExportRecord } from "./record.js";

export interface Feature {
  type: "Feature";
  id?: number | string;
  geometry: { type: "Point"; coordinates: [number, number] } | null;
  properties: Record<string, string | number | null>;
}

export interface FeatureCollection {
  type: "FeatureCollection";
  features: Feature[];
}

export function toFeature(record: ExportRecord): Feature {
  const { event: e, article } = record;
  const loc = e.location;
  const located = typeof loc?.lat === "number" && typeof loc?.lon === "number";
  return {
    type: "Feature",
    ...(record.ref !== undefined && { id: record.ref }),
    geometry: located ? { type: "Point", coordinates: [loc!.lon!, loc!.lat!] } : null,
    properties: {
      event_id: e.id,
      ref: record.ref ?? null,
      status: record.status ?? "machine",
      date_start: e.date.start,
      date_end: e.date.end,
      time_precision: e.date.precision,
      event_type: e.type,
      sub_event_type: e.subType,
      actor1: actorNames(e, "actor1"),
      assoc_actor_1: actorNames(e, "assoc1"),
      actor2: actorNames(e, "actor2"),
      assoc_actor_2: actorNames(e, "assoc2"),
      location: loc?.name ?? null,
      admin1: loc?.admin1 ?? null,
      admin2: loc?.admin2 ?? null,
      country: loc?.country ?? null,
      iso3: loc?.iso3 ?? null,
      geo_precision: loc?.precision ?? null,
      fatalities: e.fatalities?.best ?? null,
      fatalities_low: e.fatalities?.low ?? null,
      fatalities_high: e.fatalities?.high ?? null,
      injuries: e.injuries?.best ?? null,
      weapons: e.weapons.join("; ") || null,
      sources: e.sources.map((s) => s.name ?? s.organization ?? s.role ?? s.mention.text).join("; ") || null,
      notes: e.evidence.map((s) => s.text.replace(/\s+/g, " ").trim()).join(" ") || null,
      confidence: e.confidence,
      article_id: article.id,
      article_title: article.title ?? null,
      article_published: article.published ?? null,
      article_source: article.source ?? null,
      article_url: article.url ?? null,
    },
  };
}

export function toGeoJson(records: Iterable<ExportRecord>): FeatureCollection {
  return { type: "FeatureCollection", features: [...records].map(toFeature) };
}

/** Streaming form, for exports too large to hold: header, features joined by ",\n", footer. */
export const GEOJSON_HEAD = '{"type":"FeatureCollection","features":[\n';
export const GEOJSON_TAIL = "\n]}\n";

// --- internal ---

function actorNames(e: ConflictEvent, role: string): string | null {
  const names = e.actors.filter((a) => a.role === role).map((a) => a.name);
  return names.length > 0 ? names.join("; ") : null;
}
