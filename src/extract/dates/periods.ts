/**
 * @module extract/dates/periods
 * Date expressions chrono gets wrong or does not see, read by our own rules: the night before
 * ("overnight", "last night", "around midnight"), periods ending at the reference ("over the past
 * 24 hours", "this week"), durations ("within 14 months", "a three-month ceasefire") and bare
 * years ("since 1996"). Each rule is a pattern and a reader; earlier rules win where they overlap.
 */
import type { Precision } from "../../contract.js";
import { numberValue } from "../numbers/number-words.js";
import { addMonths, dayOf, mondayOf, monthEnd, monthStart, weekdayOf, ymd, type Day } from "./calendar.js";
import { daysHit, overlaps, type Hit, type Resolve } from "./hits.js";

interface Rule {
  by: string;
  pattern: RegExp;
  read(m: RegExpExecArray, r: Resolve): Hit | undefined;
}

/** All hits of our own rules, in text order, without overlaps. */
export function periodHits(norm: string, r: Resolve): Hit[] {
  const hits: Hit[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(norm); m; m = rule.pattern.exec(norm)) {
      const hit = safeRead(rule, m, r);
      if (hit && !hits.some((h) => overlaps(h, hit))) hits.push(hit);
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

// --- internal ---

type Unit = "minute" | "hour" | "day" | "week" | "month" | "year" | "decade";

const NUM = String.raw`\d+|[a-z]+(?:-[a-z]+)?`;
const UNITS = String.raw`minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?`;
const AMOUNT = String.raw`(?:(couple\s+of|few|several|${NUM})\s+)?`;

function safeRead(rule: Rule, m: RegExpExecArray, r: Resolve): Hit | undefined {
  try {
    return rule.read(m, r);
  } catch {
    return undefined;
  }
}

function unitOf(word: string): Unit {
  const w = word.toLowerCase().replace(/s$/, "");
  return (w === "night" ? "day" : w) as Unit;
}

/** The amount before a unit: a number, "few"/"several" (3), "couple of" (2), none (1, or 3 for a plural unit). */
function amountOf(word: string | undefined, unitWord: string): number | undefined {
  if (word === undefined) return /s$/i.test(unitWord) ? 3 : 1;
  const w = word.toLowerCase();
  if (w === "few" || w === "several") return 3;
  if (/^couple/.test(w)) return 2;
  return numberValue(w);
}

/** The day `n` units before (negative n: after) the day d. */
function shift(d: Day, n: number, unit: Unit): Day {
  switch (unit) {
    case "minute":
      return d - Math.ceil(n / 1440);
    case "hour":
      return d - Math.sign(n) * Math.max(1, Math.ceil(Math.abs(n) / 24));
    case "day":
      return d - n;
    case "week":
      return d - 7 * n;
    case "month":
      return addMonths(d, -n);
    case "year":
      return addMonths(d, -12 * n);
    case "decade":
      return addMonths(d, -120 * n);
  }
}

function isoDuration(n: number, unit: Unit): string {
  switch (unit) {
    case "minute":
      return `PT${n}M`;
    case "hour":
      return `PT${n}H`;
    case "day":
      return `P${n}D`;
    case "week":
      return `P${n}W`;
    case "month":
      return `P${n}M`;
    case "year":
      return `P${n}Y`;
    case "decade":
      return `P${n * 10}Y`;
  }
}

/** The night before the reference ("last night": the day before); the night after it when the sentence is about the future. */
const night: Rule = {
  by: "dates/night",
  pattern: /\b(?:(?:late\s+)?last\s+night|overnight|(?:(?:at|around|about|near|after|before|shortly\s+(?:after|before)|just\s+(?:after|before)|until|till)\s+)?midnight)\b/gi,
  read(m, r) {
    const end = m.index + m[0].length;
    if (r.ref === undefined) return daysHit(m.index, end, this.by, undefined, undefined, false, 2, "range");
    // "last night" is the evening of the day before (ACLED codes it as that day); "overnight"
    // and "around midnight" straddle two days
    if (/last/i.test(m[0])) return daysHit(m.index, end, this.by, r.ref - 1, r.ref - 1, false, 1, "date");
    const first = r.future(m.index) ? r.ref : r.ref - 1;
    return daysHit(m.index, end, this.by, first, first + 1, false, 2, "range");
  },
};

/** "over the past 24 hours", "in the last week", "the past two days": a range ending at the reference. */
const pastPeriod: Rule = {
  by: "dates/past-period",
  pattern: new RegExp(String.raw`\b(?:(?:over|in|during|within|for|throughout|across)\s+)?(the\s+)?(past|last)\s+${AMOUNT}(${UNITS})\b`, "gi"),
  read(m, r) {
    const [, the, word, amount, unitWord] = m;
    const unit = unitOf(unitWord!);
    // "last week" is the calendar week before (see calendarPeriod); "the last day" belongs to something else.
    if (!the && !amount && /last/i.test(word!)) return undefined;
    if (!amount && (unit === "day" || unit === "minute") && !/s$/i.test(unitWord!)) return undefined;
    const n = amountOf(amount, unitWord!);
    if (n === undefined || n <= 0) return undefined;
    const end = m.index + m[0].length;
    if (r.ref === undefined) return daysHit(m.index, end, this.by, undefined, undefined, false, unit === "month" || unit === "year" ? 3 : 2, "range");
    return daysHit(m.index, end, this.by, shift(r.ref, n, unit), r.ref, false, undefined, "range");
  },
};

/** "in the coming days", "over the next two weeks": a range starting at the reference. */
const nextPeriod: Rule = {
  by: "dates/next-period",
  pattern: new RegExp(String.raw`\b(?:(?:over|in|during|within|for|throughout)\s+)?the\s+(next|coming)\s+${AMOUNT}(${UNITS})\b`, "gi"),
  read(m, r) {
    const [, , amount, unitWord] = m;
    const unit = unitOf(unitWord!);
    // "the next day" tells a day after some event, not after the reference.
    if (!amount && !/s$/i.test(unitWord!)) return undefined;
    const n = amountOf(amount, unitWord!);
    if (n === undefined || n <= 0) return undefined;
    const end = m.index + m[0].length;
    if (r.ref === undefined) return daysHit(m.index, end, this.by, undefined, undefined, false, undefined, "range");
    return daysHit(m.index, end, this.by, r.ref, shift(r.ref, -n, unit), false, undefined, "range");
  },
};

const RECENT: Record<string, [number, Unit]> = { days: [7, "day"], weeks: [4, "week"], months: [3, "month"], years: [3, "year"] };

/** "in recent days/weeks": a range ending at the reference, as long as the usual sense of the words. */
const recent: Rule = {
  by: "dates/recent",
  pattern: /\b(?:in|over|during)\s+recent\s+(days|weeks|months|years)\b/gi,
  read(m, r) {
    const [n, unit] = RECENT[m[1]!.toLowerCase()]!;
    const end = m.index + m[0].length;
    if (r.ref === undefined) return daysHit(m.index, end, this.by, undefined, undefined, false, undefined, "range");
    return daysHit(m.index, end, this.by, shift(r.ref, n, unit), r.ref, false, undefined, "range");
  },
};

/** "this week", "last month", "next year", "over the weekend": calendar periods around the reference. */
const calendarPeriod: Rule = {
  by: "dates/calendar-period",
  pattern: /\b(?:(earlier|later)\s+)?(this|last|next|previous|coming|past)\s+(week|month|year|weekend)\b|\b(?:over|during|at|on)\s+the\s+(weekend)\b/gi,
  read(m, r) {
    const before = m.input.slice(Math.max(0, m.index - 4), m.index);
    // "the previous week", "the coming week": relative to something else, or read by another rule.
    if (/the\s$/i.test(before) && !m[4]) return undefined;
    const which = (m[2] ?? "this").toLowerCase();
    const unit = (m[3] ?? m[4]!).toLowerCase();
    const precision: Precision = unit === "month" || unit === "year" ? 3 : 2;
    const end = m.index + m[0].length;
    if (r.ref === undefined) return daysHit(m.index, end, this.by, undefined, undefined, false, precision, "range");
    const ahead = /later/i.test(m[1] ?? "") || (which === "this" && r.future(m.index));
    const span = calendarSpan(r.ref, which, unit, ahead);
    return daysHit(m.index, end, this.by, span[0], span[1], false, precision, "range");
  },
};

function calendarSpan(ref: Day, which: string, unit: string, ahead: boolean): [Day, Day] {
  const step = which === "next" || which === "coming" ? 1 : which === "this" ? 0 : -1;
  if (unit === "weekend") return weekendSpan(ref, step, ahead);
  if (unit === "week") {
    const monday = mondayOf(ref) + 7 * step;
    return step === 0 ? (ahead ? [ref, monday + 6] : [monday, ref]) : [monday, monday + 6];
  }
  const { year, month } = ymd(ref);
  if (unit === "month") {
    const index = year * 12 + month - 1 + step;
    const y = Math.floor(index / 12);
    const mo = (index % 12) + 1;
    if (step === 0) return ahead ? [ref, monthEnd(y, mo)] : [monthStart(y, mo), ref];
    return [monthStart(y, mo), monthEnd(y, mo)];
  }
  const y = year + step;
  if (step === 0) return ahead ? [ref, dayOf(y, 12, 31)!] : [dayOf(y, 1, 1)!, ref];
  return [dayOf(y, 1, 1)!, dayOf(y, 12, 31)!];
}

/** The weekend: the latest Saturday–Sunday on or before the reference, or the one after for "next". */
function weekendSpan(ref: Day, step: number, ahead: boolean): [Day, Day] {
  const wd = weekdayOf(ref);
  const saturday = ref - ((wd + 1) % 7);
  const inWeekend = wd === 6 || wd === 0;
  let sat = saturday;
  if (step < 0 && inWeekend) sat = saturday - 7;
  if (step > 0 || (step === 0 && ahead && !inWeekend)) sat = saturday + 7;
  return [sat, sat + 1];
}

/** "within 14 months", "in 11 days", "for three months": a length of time, not a date. */
const duration: Rule = {
  by: "dates/duration",
  pattern: new RegExp(
    String.raw`\b(?:within|in|for|over|during|lasting)\s+(?:(?:about|around|nearly|almost|some|approximately|roughly|at\s+least|more\s+than|less\s+than|up\s+to|another|a\s+further|the\s+next|the\s+first)\s+)?(an?|${NUM})\s+(?:more\s+|additional\s+|further\s+|straight\s+|consecutive\s+)?(${UNITS})\b(?!\s+(?:ago|later|earlier|before|after|old|of\s+age)\b)`,
    "gi",
  ),
  read(m) {
    const n = /^an?$/i.test(m[1]!) ? 1 : numberValue(m[1]!);
    if (n === undefined || n <= 0) return undefined;
    return { start: m.index, end: m.index + m[0].length, by: this.by, kind: "duration", duration: isoDuration(n, unitOf(m[2]!)), certain: true };
  },
};

/** "a three-month ceasefire", "a 72-hour truce": a length of time written as an adjective. */
const adjectiveDuration: Rule = {
  by: "dates/duration",
  pattern: /\b(\d+|[a-z]+(?:-[a-z]+)?)-(minute|hour|day|week|month|year)(?:-long)?\b(?!-olds?\b|\s+olds?\b|-)/gi,
  read(m) {
    const n = numberValue(m[1]!);
    if (n === undefined || n <= 0) return undefined;
    return { start: m.index, end: m.index + m[0].length, by: this.by, kind: "duration", duration: isoDuration(n, unitOf(m[2]!)), certain: true };
  },
};

const YEAR = String.raw`(?:1[89]|20)\d\d`;

/** "from 1996 to 2001", "between 1990 and 1994". */
const yearRange: Rule = {
  by: "dates/year",
  pattern: new RegExp(String.raw`\b(?:from|between)\s+(${YEAR})\s*(?:to|and|-|until|till|through)\s*(${YEAR})\b(?![-/.,]\d)`, "gi"),
  read(m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (b < a) return undefined;
    return daysHit(m.index, m.index + m[0].length, this.by, dayOf(a, 1, 1), dayOf(b, 12, 31), true, 3, "range");
  },
};

/** "since 1996", "in 2011", "mid-1990": the year alone (the span is the year). */
const year: Rule = {
  by: "dates/year",
  pattern: new RegExp(
    String.raw`\b(?:in|since|during|until|till|by|from|before|after|throughout|through|of|early|mid|late|end\s+of|beginning\s+of|start\s+of|spring|summer|autumn|fall|winter)(?:\s+|-)(?:of\s+)?(${YEAR})\b(?![-/.,:]\d)`,
    "gi",
  ),
  read(m) {
    const y = Number(m[1]);
    const start = m.index + m[0].length - m[1]!.length;
    return daysHit(start, start + 4, this.by, dayOf(y, 1, 1), dayOf(y, 12, 31), true, 3, "date");
  },
};

// Order matters: a duration ("within the next 14 months") before the period that would start at
// the same words; year ranges before single years.
const RULES: readonly Rule[] = [night, duration, adjectiveDuration, pastPeriod, nextPeriod, recent, calendarPeriod, yearRange, year];
