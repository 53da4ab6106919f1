/**
 * @module ingest/dates
 * Publication dates as feeds and pages write them, turned into the YYYY-MM-DD the extraction
 * resolves relative dates against. The day is taken as written, in the publisher's own time
 * zone ("Wed, 04 Mar 2020 23:30:00 +0430" is 4 March), not converted to UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/;
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b/;
const MONTH_DAY_YEAR = /\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:$|T)/;

/** YYYY-MM-DD, or undefined when the value names no real day. */
export function toIsoDay(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let m = ISO.exec(v) ?? COMPACT.exec(v);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = DAY_MONTH_YEAR.exec(v);
  if (m && month(m[2]!)) return day(Number(m[3]), month(m[2]!)!, Number(m[1]));
  m = MONTH_DAY_YEAR.exec(v);
  if (m && month(m[1]!)) return day(Number(m[3]), month(m[1]!)!, Number(m[2]));
  return undefined;
}

// --- internal ---

const FULL = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

function month(name: string): number | undefined {
  const key = name.toLowerCase();
  const full = FULL.indexOf(key);
  return MONTHS[key] ?? (full >= 0 ? full + 1 : undefined);
}

function day(y: number, m: number, d: number): string | undefined {
  if (y < 1800 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}
