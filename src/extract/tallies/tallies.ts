/**
 * @module extract/tallies
 * Aggregate figures over an area and a period ("over the past 24 hours, the Taliban have
 * conducted 30 attacks that have killed four civilians"; "more than 13,000 people have been
 * killed since 1996"). A tally is never split into invented events; its sentence's casualty
 * figures belong to the tally, so event assembly does not count them again.
 */
import type { Source, Tally } from "../../contract.js";
import type { Annotations, Attribution, CasualtyMention, DateMention, Sentence } from "../annotations.js";
import { sumCasualties } from "../casualty-sum.js";
import type { Document } from "../document.js";
import { defineStage, need, type Found } from "../stage.js";
import { toSource } from "../sources.js";

export const talliesStage = defineStage({
  key: "tallies",
  needs: ["text", "dates", "places", "actors", "casualties", "triggers", "attributions", "quantities"],
  run: (doc, found): Tally[] => {
    const tallies: Tally[] = [];
    for (const sentence of need(found, "text").sentences) {
      const tally = tallyOf(doc, found, sentence, tallies.length + 1);
      if (tally) tallies.push(tally);
    }
    return tallies;
  },
});

/** A count of incidents: "30 attacks", "dozens of raids", "12 separate attacks". */
const INCIDENT_COUNT = /^(?:\s+of)?\s+(?:separate\s+|different\s+|coordinated\s+|deadly\s+|other\s+)?(attacks|raids|incidents|strikes|airstrikes|air strikes|clashes|bombings|explosions|assaults|ambushes)\b/i;

/**
 * An aggregate period: since a year or date ("since 1996", "since the group was founded in
 * 1985"), so far this year, a range of a week or more, or a long duration ("during 10 years of
 * civil war", "over the past three months").
 */
function isAggregatePeriod(d: DateMention, text: string, sentenceStart: number): boolean {
  const before = text.slice(sentenceStart, d.span.start);
  if (/\bsince\b/i.test(before) || /^since\b/i.test(text.slice(d.span.start, d.span.end)) || /\bso far\b/i.test(before)) return true;
  if (d.kind === "duration") return d.duration !== undefined && isLong(d.duration) && /\b(?:during|over|in|for|throughout)\s+(?:the\s+)?(?:past\s+|last\s+)?$/i.test(before.slice(-25));
  if (d.kind !== "range" || !d.start || !d.end) return false;
  return daysBetween(d.start, d.end) >= 6;
}

/** A month or more: P1M, P10Y, P6W … */
function isLong(iso: string): boolean {
  const m = /^P(\d+)([DWMY])$/.exec(iso);
  if (!m) return false;
  const days = Number(m[1]) * { D: 1, W: 7, M: 30, Y: 365 }[m[2] as "D" | "W" | "M" | "Y"];
  return days >= 28;
}

function tallyOf(doc: Document, found: Found, sentence: Sentence, n: number): Tally | undefined {
  const inside = <T extends { span: { start: number; end: number } }>(xs: readonly T[]): T[] =>
    xs.filter((x) => x.span.start >= sentence.span.start && x.span.end <= sentence.span.end);
  const casualties = inside(need(found, "casualties")).filter((c) => c.modality === "asserted");
  const count = incidentCount(doc, inside(need(found, "quantities")));
  const dates = inside(need(found, "dates").mentions);
  const period = dates.find((d) => isAggregatePeriod(d, doc.norm, sentence.span.start));
  const shortRange = dates.find((d) => d.kind === "range" && d.start && d.end);
  if (!(count && (casualties.length > 0 || shortRange || period)) && !(period && casualties.length > 0)) return undefined;
  const range = period?.start ? period : shortRange;
  const reference = need(found, "dates").reference;
  // "since 1996" runs from the year to the article's day; a duration ends at the article's day
  const start = range?.start ?? (period?.duration && reference ? minus(reference, period.duration) : reference);
  const end = period && /\bsince\b|\bso far\b/i.test(doc.norm.slice(sentence.span.start, period.span.end)) ? reference ?? range?.end : range?.end ?? reference;
  if (!start || !end) return undefined;
  const places = need(found, "places");
  const area = inside(places.mentions).find((p) => p.kind === "country" || p.kind === "admin1") ?? undefined;
  const country = area ? { country: area.country, iso3: area.iso3 } : places.country ? { country: places.country.name, iso3: places.country.iso3 } : undefined;
  if (!country) return undefined;
  const actor = agentOf(found, sentence, casualties);
  const tally: Tally = {
    id: `t${n}`,
    period: { start, end },
    area: { ...country, ...(area?.kind === "admin1" && area.admin1 ? { admin1: area.admin1 } : {}) },
    ...(actor && { actor }),
    ...(count !== undefined && { count }),
    fatalities: sumCasualties(casualties, "killed", doc.norm),
    injuries: sumCasualties(casualties, "injured", doc.norm),
    sources: sourcesOf(need(found, "attributions"), sentence.index),
    evidence: [sentence.span],
    by: period ? "tallies/period" : "tallies/incident-count",
  };
  stripMentions(tally);
  return tally;
}

function incidentCount(doc: Document, quantities: Annotations["quantities"]): number | undefined {
  for (const q of quantities) {
    if (q.best >= 2 && INCIDENT_COUNT.test(doc.norm.slice(q.span.end, q.span.end + 40))) return q.best;
  }
  return undefined;
}

/** The actor the sentence makes the agent: named before the casualty figures, not among the victims. */
function agentOf(found: Found, sentence: Sentence, casualties: readonly CasualtyMention[]): string | undefined {
  const firstVictim = Math.min(...casualties.map((c) => c.span.start), sentence.span.end);
  const agents = need(found, "actors").filter(
    (a) => a.span.start >= sentence.span.start && a.span.end <= firstVictim && a.inter !== 7 && !casualties.some((c) => overlaps(c.victims, a.span)),
  );
  return agents[0]?.name;
}

function sourcesOf(attributions: readonly Attribution[], sentence: number): Source[] {
  return attributions.filter((a) => a.sentence === sentence).map(toSource);
}

function stripMentions(tally: Tally): void {
  if (tally.fatalities) delete tally.fatalities.mention;
  if (tally.injuries) delete tally.injuries.mention;
}

function overlaps(a: { start: number; end: number } | undefined, b: { start: number; end: number }): boolean {
  return a !== undefined && a.start < b.end && b.start < a.end;
}

function minus(iso: string, duration: string): string {
  const m = /^P(\d+)([DWMY])$/.exec(duration);
  const d = new Date(`${iso}T00:00:00Z`);
  if (!m) return iso;
  const n = Number(m[1]);
  if (m[2] === "D") d.setUTCDate(d.getUTCDate() - n);
  if (m[2] === "W") d.setUTCDate(d.getUTCDate() - 7 * n);
  if (m[2] === "M") d.setUTCMonth(d.getUTCMonth() - n);
  if (m[2] === "Y") d.setUTCFullYear(d.getUTCFullYear() - n);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return (Date.parse(b) - Date.parse(a)) / 86_400_000;
}
