/**
 * @module server/schemas
 * What every route accepts, as zod schemas: query strings become an EventFilter, bodies become
 * reviews, articles and events. Names and messages are the API's, not the CLI's.
 */
import { z } from "zod";
import { ACLED_TYPES } from "../contract.js";
import { isIsoDate } from "../extract/extract.js";
import type { EventFilter, SeriesQuery } from "../store/store.js";

const TYPES = Object.keys(ACLED_TYPES);
const SUB_TYPES = Object.values(ACLED_TYPES).flat() as string[];

const isoDate = z.string().trim().refine(isIsoDate, { message: "expected a real date in the form YYYY-MM-DD" });
const text = (max: number) => z.string().trim().min(1).max(max);
const oneOf = (all: string[], what: string) =>
  z
    .string()
    .trim()
    .transform((v, ctx) => {
      const found = all.find((t) => t.toLowerCase() === v.toLowerCase());
      if (!found) ctx.addIssue({ code: "custom", message: `not an ACLED ${what} (one of: ${all.join("; ")})` });
      return found ?? v;
    });

const bbox = z
  .string()
  .transform((v, ctx) => {
    const parts = v.split(",").map((p) => Number(p.trim()));
    const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
    const ok = parts.length === 4 && parts.every(Number.isFinite) && minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat;
    if (!ok) ctx.addIssue({ code: "custom", message: "expected minLon,minLat,maxLon,maxLat in degrees, such as 60,29,75,39" });
    return parts as [number, number, number, number];
  });

const count = (max: number) => z.coerce.number().int().min(0).max(max);
const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** The filters shared by /api/events and /api/series. */
export const filterQuery = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    country: text(100).optional(),
    admin1: text(200).optional(),
    actor: text(200).optional(),
    type: oneOf(TYPES, "event type").optional(),
    subType: oneOf(SUB_TYPES, "sub-event type").optional(),
    minFatalities: count(1_000_000).optional(),
    bbox: bbox.optional(),
    q: text(200).optional(),
    status: z.enum(["machine", "confirmed", "corrected", "rejected"]).optional(),
    includeRejected: flag.optional(),
  })
  .refine((f) => !(f.from && f.to && f.from > f.to), { message: "from is after to", path: ["from"] })
  .refine((f) => !(f.type && f.subType && !(ACLED_TYPES[f.type as keyof typeof ACLED_TYPES] as readonly string[]).includes(f.subType)), {
    message: "this sub-event type is not of the given type",
    path: ["subType"],
  });

export const EVENTS_MAX_LIMIT = 10_000;

export const eventsQuery = z.object({
  format: z.enum(["json", "csv", "geojson"]).default("json"),
  view: z.enum(["full", "compact"]).default("full"),
  limit: z.coerce.number().int().min(1).max(EVENTS_MAX_LIMIT).optional(),
  offset: count(100_000_000).default(0),
  bom: flag.optional(),
});

export const seriesQuery = z.object({
  interval: z.enum(["day", "week"]).default("day"),
  groupBy: z.enum(["none", "country", "admin1", "actor", "type"]).default("none"),
});

/** The query string without empty values: `?country=&type=` means no such filter, as forms send it. */
export function queryOf(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ""));
}

export function toFilter(f: z.infer<typeof filterQuery>): EventFilter {
  const out: EventFilter = {};
  for (const [k, v] of Object.entries(f)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

export type SeriesParams = SeriesQuery;

export const idParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

// --- bodies ---

const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const offsetSpan = z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }).refine((s) => s.end > s.start, { message: "end must be after start" });

const casualties = z
  .object({
    low: z.number().int().min(0).optional(),
    best: z.number().int().min(0).max(1_000_000),
    high: z.number().int().min(0).nullable().optional(),
    byCategory: z.record(z.enum(["civilians", "security", "militants", "unknown"]), z.number().int().min(0)).optional(),
  })
  .transform((c) => ({ low: c.low ?? c.best, best: c.best, high: c.high ?? null, byCategory: c.byCategory ?? {} }))
  .refine((c) => c.low <= c.best && (c.high === null || c.high >= c.best), { message: "expected low ≤ best ≤ high" });

const location = z.object({
  name: text(200),
  admin1: text(200).optional(),
  admin2: text(200).optional(),
  country: text(100),
  iso3: z.string().trim().regex(/^[A-Z]{3}$/, "expected an ISO 3166 alpha-3 code such as AFG"),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
  precision: precision.default(1),
});

const actor = z.object({
  role: z.enum(["actor1", "actor2", "assoc1", "assoc2"]),
  name: text(200),
  inter: z.number().int().min(1).max(8),
});

const dateRange = z
  .object({ start: isoDate, end: isoDate.optional(), precision: precision.default(1) })
  .transform((d) => ({ start: d.start, end: d.end ?? d.start, precision: d.precision }))
  .refine((d) => d.start <= d.end, { message: "start is after end" });

/** The event fields an analyst may set in a correction (spans of the machine are kept unless replaced). */
export const eventChanges = z
  .object({
    type: oneOf(TYPES, "event type"),
    subType: oneOf(SUB_TYPES, "sub-event type"),
    date: dateRange,
    actors: z.array(actor).max(20),
    location: location.nullable(),
    fatalities: casualties.nullable(),
    injuries: casualties.nullable(),
    weapons: z.array(text(100)).max(20),
  })
  .partial()
  .strict();

export const reviewBody = z
  .object({
    action: z.enum(["confirm", "correct", "reject"]),
    comment: z.string().trim().max(2000).optional(),
    changes: eventChanges.optional(),
  })
  .strict()
  .refine((r) => r.action !== "correct" || (r.changes && Object.keys(r.changes).length > 0), { message: "a correction needs changes", path: ["changes"] })
  .refine((r) => r.action === "correct" || !r.changes, { message: 'only a "correct" review takes changes', path: ["changes"] });

export const newEventBody = z
  .object({
    articleId: z.number().int().min(1),
    comment: z.string().trim().max(2000).optional(),
    event: z
      .object({
        type: oneOf(TYPES, "event type"),
        subType: oneOf(SUB_TYPES, "sub-event type"),
        date: dateRange,
        actors: z.array(actor).max(20).default([]),
        location: location.nullable().default(null),
        fatalities: casualties.nullable().default(null),
        injuries: casualties.nullable().default(null),
        weapons: z.array(text(100)).max(20).default([]),
        evidence: z.array(offsetSpan).min(1, "an added event needs at least one evidence span (offsets into the article text)").max(20),
      })
      .strict(),
  })
  .strict();

export const MAX_ARTICLE_CHARS = 1_000_000;

export const articleBody = z
  .object({
    text: z.string().min(1).max(MAX_ARTICLE_CHARS).optional(),
    html: z.string().min(1).max(MAX_ARTICLE_CHARS).optional(),
    id: text(200).optional(),
    title: text(1000).optional(),
    published: z.string().trim().max(100).optional(),
    source: text(200).optional(),
    url: z.url({ protocol: /^https?$/ }).max(2000).optional(),
  })
  .strict()
  .refine((a) => (a.text === undefined) !== (a.html === undefined), { message: "give exactly one of text and html", path: ["text"] });
