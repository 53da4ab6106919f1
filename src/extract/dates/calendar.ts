/**
 * @module extract/dates/calendar
 * Dates as whole day numbers (days since 1970-01-01, UTC), so that "the day before", "the latest
 * Friday on or before" and month arithmetic never depend on the machine's time zone.
 */

/** Days since 1970-01-01. */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The day of a calendar date, or undefined when the date does not exist (30 February) or its year is not 1000–9999. */
export function dayOf(year: number, month: number, day: number): Day | undefined {
  if (![year, month, day].every(Number.isInteger) || year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function ymd(d: Day): { year: number; month: number; day: number } {
  const date = new Date(d * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** YYYY-MM-DD. */
export function iso(d: Day): string {
  const { year, month, day } = ymd(d);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The day of a YYYY-MM-DD string, or undefined if it is not a real date. */
export function parseIso(s: string | undefined): Day | undefined {
  const m = s === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  return m ? dayOf(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** 0 = Sunday … 6 = Saturday, as chrono and Date count. */
export function weekdayOf(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function monthStart(year: number, month: number): Day {
  return dayOf(year, month, 1)!;
}

export function monthEnd(year: number, month: number): Day {
  return dayOf(year, month, daysInMonth(year, month))!;
}

/** The same day n months later (or earlier), kept inside the target month (31 March − 1 month = 29 February). */
export function addMonths(d: Day, n: number): Day {
  const { year, month, day } = ymd(d);
  const index = year * 12 + (month - 1) + n;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayOf(y, m, Math.min(day, daysInMonth(y, m))) ?? d;
}

/** The Monday of the week that holds d (weeks run Monday to Sunday). */
export function mondayOf(d: Day): Day {
  return d - ((weekdayOf(d) + 6) % 7);
}
