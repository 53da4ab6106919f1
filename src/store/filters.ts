/**
 * @module store/filters
 * An EventFilter from text (command-line options, later URL query strings), each bad value
 * refused with a message naming the option and what was expected.
 */
import { ACLED_TYPES } from "../contract.js";
import { TruceError } from "../errors.js";
import { isIsoDate } from "../extract/extract.js";
import type { EventFilter } from "./store.js";

export interface FilterText {
  country?: string;
  admin1?: string;
  from?: string;
  to?: string;
  type?: string;
  "sub-type"?: string;
  actor?: string;
  bbox?: string;
  limit?: string;
  "include-rejected"?: boolean;
}

export function parseEventFilter(args: FilterText): EventFilter {
  const filter: EventFilter = {};
  if (args.country) filter.country = args.country.trim();
  if (args.admin1) filter.admin1 = args.admin1.trim();
  if (args.actor) filter.actor = args.actor.trim();
  if (args.from !== undefined) filter.from = date("--from", args.from);
  if (args.to !== undefined) filter.to = date("--to", args.to);
  if (filter.from && filter.to && filter.from > filter.to) throw usage(`--from ${filter.from} is after --to ${filter.to}`);
  if (args.type !== undefined) filter.type = eventType(args.type);
  if (args["sub-type"] !== undefined) filter.subType = subType(args["sub-type"], filter.type);
  if (args.bbox !== undefined) filter.bbox = bbox(args.bbox);
  if (args.limit !== undefined) filter.limit = limit(args.limit);
  if (args["include-rejected"]) filter.includeRejected = true;
  return filter;
}

// --- internal ---

function usage(message: string): TruceError {
  return new TruceError("E_USAGE", message);
}

function date(option: string, value: string): string {
  if (!isIsoDate(value.trim())) throw usage(`${option} "${value}": not a real date in the form YYYY-MM-DD`);
  return value.trim();
}

function eventType(value: string): string {
  const found = Object.keys(ACLED_TYPES).find((t) => t.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw usage(`--type "${value}": not an ACLED event type (one of: ${Object.keys(ACLED_TYPES).join("; ")})`);
  return found;
}

function subType(value: string, type: string | undefined): string {
  const all = Object.entries(ACLED_TYPES).flatMap(([t, subs]) => (type && t !== type ? [] : [...subs]));
  const found = all.find((s) => s.toLowerCase() === value.trim().toLowerCase());
  if (!found) throw usage(`--sub-type "${value}": not an ACLED sub-event type${type ? ` of ${type}` : ""} (one of: ${all.join("; ")})`);
  return found;
}

function bbox(value: string): [number, number, number, number] {
  const parts = value.split(",").map((p) => Number(p.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts as [number, number, number, number];
  const ok =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90 && minLon <= maxLon && minLat <= maxLat;
  if (!ok) throw usage(`--bbox "${value}": expected minLon,minLat,maxLon,maxLat in degrees, such as 60,29,75,39`);
  return [minLon, minLat, maxLon, maxLat];
}

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw usage(`--limit "${value}": expected a positive whole number`);
  return n;
}
