/**
 * @module extract/dates/chrono-dates
 * chrono-node finds the calendar expressions ("3 JAN 90", "Jan. 25, 2013", "on Friday",
 * "yesterday afternoon", "two days ago"); we read only the components it is sure of and resolve
 * them ourselves against the reference, so that a weekday or a day without a year never lands
 * after the reference unless the sentence is about the future.
 */
import * as chrono from "chrono-node";
import type { ParsedComponents, ParsedResult } from "chrono-node";
import type { Precision } from "../../contract.js";
import { dayOf, monthEnd, monthStart, weekdayOf, ymd, type Day } from "./calendar.js";
import { daysHit, type Hit, type Resolve } from "./hits.js";

/**
 * chrono parsers we leave out: our own rules read durations and periods (periods.ts), and
 * clock times alone are no dates ("at 9", "from 10 to 11").
 */
export const DROPPED_PARSERS: readonly string[] = [
  "ENTimeUnitWithinFormatParser",
  "ENTimeExpressionParser",
  "ENTimeUnitLaterFormatParser",
  "ENEndOfCurrentMonthParser",
  "ENRelativeDateFormatParser",
  "ENTimeUnitCasualRelativeFormatParser",
  "ENSlashMonthFormatParser",
];

const parser = buildParser();

export interface ChronoContext extends Resolve {
  /** The text is in capitals (wire copy), so a month or weekday need not be capitalised. */
  caps: boolean;
  norm: string;
  text: string;
}

/** Hits for what chrono finds in `masked` (the text with our own rules' spans blanked). */
export function chronoHits(masked: string, ctx: ChronoContext): Hit[] {
  const refDate = ctx.ref === undefined ? new Date(2000, 0, 1, 12) : localNoon(ctx.ref);
  const out: Hit[] = [];
  for (const result of parser.parse(masked, refDate)) {
    const hit = safeHit(result, ctx);
    if (hit) out.push(hit);
  }
  return out;
}

/** Names of the parsers of our chrono instance, so a test can tell when chrono renames them. */
export function parserNames(): string[] {
  return chrono.en.configuration.createCasualConfiguration(false).parsers.map((p) => p.constructor.name);
}

// --- internal ---

function buildParser(): chrono.Chrono {
  const config = chrono.en.configuration.createCasualConfiguration(false);
  config.parsers = config.parsers.filter((p) => !DROPPED_PARSERS.includes(p.constructor.name));
  return new chrono.Chrono(config);
}

/** chrono computes relative dates in local time: noon of the reference day is that day in any zone. */
function localNoon(d: Day): Date {
  const { year, month, day } = ymd(d);
  return new Date(year, month - 1, day, 12);
}

function safeHit(result: ParsedResult, ctx: ChronoContext): Hit | undefined {
  try {
    return toHit(result, ctx);
  } catch {
    return undefined;
  }
}

interface Shape {
  by: string;
  certain: boolean;
  precision: Precision;
  first?: Day;
  last?: Day;
}

const LEAD = /^(?:(?:on|in|at|of|since|by|until|till|from|the|during)\s+)+/i;
const TRAIL = /(?:[\s,;:()[\]-]|\s+of\b)+$/i;
const NUMERIC = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}\/\d{1,2}\/\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})\b/;
const MONTH_WORD = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
const WEEKDAY_WORD = /\b(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/i;
const CASUAL = /\b(today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|night))\b/i;
const ANAPHORIC_LEAD = /\b(?:following|next|previous|preceding|that|same)\s+$/i;
const MONTH_LEAD = /\b(?:in|since|during|until|till|by|from|of|early|mid|late|last|this|next|before|after|throughout|through|end\s+of|beginning\s+of|start\s+of|middle\s+of|half\s+of)[\s-]+$/i;

function toHit(result: ParsedResult, ctx: ChronoContext): Hit | undefined {
  let start = result.index;
  let text = result.text;
  const lead = LEAD.exec(text);
  if (lead) {
    start += lead[0].length;
    text = text.slice(lead[0].length);
  }
  text = text.replace(TRAIL, "");
  if (!text) return undefined;
  const end = start + text.length;
  const shape = readShape(result.start, text, start, ctx);
  if (!shape) return undefined;
  if (result.end) {
    const range = readEnd(result.end, shape);
    if (range) return daysHit(start, end, "dates/range", range.first, range.last, shape.certain, undefined, "range");
  }
  return daysHit(start, end, shape.by, shape.first, shape.last, shape.certain, shape.precision, "date");
}

function readShape(c: ParsedComponents, text: string, start: number, ctx: ChronoContext): Shape | undefined {
  const lower = text.toLowerCase();
  if (c.isCertain("month") && MONTH_WORD.test(text)) return readCalendar(c, text, start, ctx);
  const casual = CASUAL.exec(lower);
  if (casual) return readCasual(casual[1]!, ctx);
  if (/\bago\b/.test(lower)) return readAgo(c, lower, ctx);
  if (c.isCertain("weekday") && !c.isCertain("day")) return readWeekday(c, text, start, ctx);
  if (c.isCertain("year") && c.isCertain("month") && c.isCertain("day")) return readNumeric(c, text);
  return undefined;
}

/** "2013-01-25", "25/12/1990"; a slash date whose day and month could be swapped is left out. */
function readNumeric(c: ParsedComponents, text: string): Shape | undefined {
  if (!NUMERIC.test(text)) return undefined;
  const slash = /^(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}$/.exec(text);
  if (slash && Number(slash[1]) <= 12 && Number(slash[2]) <= 12 && slash[1] !== slash[2]) return undefined;
  const d = dayOf(c.get("year")!, c.get("month")!, c.get("day")!);
  return d === undefined ? undefined : { by: "dates/numeric", certain: true, precision: 1, first: d, last: d };
}

/** A month name was written: a day ("3 JAN 90", "March 10") or a month ("in October", "OCT 89"). */
function readCalendar(c: ParsedComponents, text: string, start: number, ctx: ChronoContext): Shape | undefined {
  const month = c.get("month")!;
  const word = MONTH_WORD.exec(text);
  if (!word || !ctx.caps && !/^[A-Z]/.test(word[0])) return undefined;
  const hasYear = c.isCertain("year");
  if (c.isCertain("day")) {
    const day = c.get("day")!;
    const shape: Shape = { by: "dates/day", certain: true, precision: 1 };
    const weekday = c.isCertain("weekday") ? c.get("weekday")! : undefined;
    const d = hasYear ? dayOf(c.get("year")!, month, day) : yearlessDay(month, day, start, ctx, weekday);
    if (d === undefined) return hasYear || ctx.ref !== undefined || !dayExistsSomeYear(month, day) ? undefined : shape;
    return { ...shape, first: d, last: d };
  }
  if (!hasYear && !MONTH_LEAD.test(ctx.norm.slice(Math.max(0, start - 20), start))) return undefined;
  const shape: Shape = { by: "dates/month", certain: true, precision: 3 };
  const year = hasYear ? c.get("year")! : yearlessMonth(month, start, ctx);
  return year === undefined ? shape : { ...shape, first: monthStart(year, month), last: monthEnd(year, month) };
}

function dayExistsSomeYear(month: number, day: number): boolean {
  return dayOf(2000, month, day) !== undefined;
}

/**
 * The latest such day on or before the reference, or the next one on or after it for a future
 * sentence; when a weekday is written too ("Friday, March 6"), the year whose day it is.
 */
function yearlessDay(month: number, day: number, start: number, ctx: ChronoContext, weekday?: number): Day | undefined {
  if (ctx.ref === undefined) return undefined;
  const ref = ctx.ref;
  const year = ymd(ref).year;
  const ahead = ctx.future(start);
  const all = [year - 4, year - 1, year, year + 1, year + 4]
    .map((y) => dayOf(y, month, day))
    .filter((d): d is Day => d !== undefined)
    .sort((a, b) => Math.abs(a - ref) - Math.abs(b - ref));
  const sameWeekday = all.find((d) => weekdayOf(d) === weekday && Math.abs(d - ref) <= 180);
  return sameWeekday ?? all.find((d) => (ahead ? d >= ref : d <= ref));
}

/** "in October": the latest October up to the reference month; "last October" before it; "next October" after it. */
function yearlessMonth(month: number, start: number, ctx: ChronoContext): number | undefined {
  if (ctx.ref === undefined) return undefined;
  const { year, month: refMonth } = ymd(ctx.ref);
  const lead = /\b(last|next|this\s+coming|coming)\s+$/i.exec(ctx.norm.slice(Math.max(0, start - 15), start))?.[1]?.toLowerCase();
  if (lead === "last") return month < refMonth ? year : year - 1;
  if (lead !== undefined) return month > refMonth ? year : year + 1;
  if (ctx.future(start)) return month >= refMonth ? year : year + 1;
  return month <= refMonth ? year : year - 1;
}

/** A weekday alone: the latest such day on or before the reference ("last Friday": before it). */
function readWeekday(c: ParsedComponents, text: string, start: number, ctx: ChronoContext): Shape | undefined {
  const word = WEEKDAY_WORD.exec(text);
  // "Sun", "Sat", "Wed" alone are as often a newspaper, a verb or an abbreviation as a day.
  if (!word || word[0].length < 4 || (!ctx.caps && !/^[A-Z]/.test(word[0]))) return undefined;
  // "the following Sunday", "that Friday": a day relative to another event, not to the reference.
  if (ANAPHORIC_LEAD.test(ctx.norm.slice(Math.max(0, start - 20), start))) return undefined;
  const shape: Shape = { by: "dates/weekday", certain: false, precision: 1 };
  if (ctx.ref === undefined) return shape;
  const d = weekdayDay(ctx.ref, c.get("weekday")!, modifierOf(text, start, ctx));
  return { ...shape, first: d, last: d };
}

type Direction = "onOrBefore" | "before" | "onOrAfter" | "after";

function modifierOf(text: string, start: number, ctx: ChronoContext): Direction {
  const lead = text.toLowerCase();
  if (/^(?:last|past|previous)\b/.test(lead)) return "before";
  if (/^(?:next|coming|this\s+coming)\b/.test(lead)) return "after";
  return ctx.future(start) ? "onOrAfter" : "onOrBefore";
}

export function weekdayDay(ref: Day, weekday: number, direction: Direction): Day {
  const back = (weekdayOf(ref) - weekday + 7) % 7;
  const ahead = (weekday - weekdayOf(ref) + 7) % 7;
  switch (direction) {
    case "onOrBefore":
      return ref - back;
    case "before":
      return ref - (back === 0 ? 7 : back);
    case "onOrAfter":
      return ref + ahead;
    case "after":
      return ref + (ahead === 0 ? 7 : ahead);
  }
}

/** "two days ago", "a week ago", "three years ago": chrono's arithmetic from the reference. */
function readAgo(c: ParsedComponents, lower: string, ctx: ChronoContext): Shape | undefined {
  const unit = /(minute|hour|day|week|month|year)s?\s+ago/.exec(lower)?.[1];
  if (!unit) return undefined;
  const vague = /\b(few|several|couple|some)\b/.test(lower);
  const precision: Precision = unit === "month" || unit === "year" ? 3 : unit === "week" || vague ? 2 : 1;
  const shape: Shape = { by: "dates/ago", certain: false, precision };
  if (ctx.ref === undefined) return shape;
  const y = c.get("year")!;
  const m = c.get("month")!;
  const d = dayOf(y, m, c.get("day")!);
  if (d === undefined) return undefined;
  if (unit === "year") return { ...shape, first: dayOf(y, 1, 1)!, last: dayOf(y, 12, 31)! };
  if (unit === "month") return { ...shape, first: monthStart(y, m), last: monthEnd(y, m) };
  return { ...shape, first: d, last: d };
}

const CASUAL_OFFSET: Record<string, number> = { yesterday: -1, tomorrow: 1 };

function readCasual(word: string, ctx: ChronoContext): Shape {
  const shape: Shape = { by: "dates/casual", certain: false, precision: 1 };
  if (ctx.ref === undefined) return shape;
  const d = ctx.ref + (CASUAL_OFFSET[word] ?? 0);
  return { ...shape, first: d, last: d };
}

/** The end of a range chrono found ("3-4 March", "Monday to Wednesday"), on or after its start. */
function readEnd(c: ParsedComponents, startShape: Shape): { first: Day; last: Day } | undefined {
  const first = startShape.first;
  if (first === undefined) return undefined;
  let last: Day | undefined;
  if (c.isCertain("day") || c.isCertain("month")) {
    const month = c.get("month")!;
    const year = c.isCertain("year") ? c.get("year")! : ymd(first).year;
    const day = c.isCertain("day") ? c.get("day")! : ymd(monthEnd(year, month)).day;
    last = dayOf(year, month, day);
    if (last !== undefined && last < first && !c.isCertain("year")) last = dayOf(year + 1, month, day);
  } else if (c.isCertain("weekday")) {
    last = first + ((c.get("weekday")! - weekdayOf(first) + 7) % 7);
  }
  return last === undefined || last < first ? undefined : { first, last };
}
