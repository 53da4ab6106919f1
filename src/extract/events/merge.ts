/**
 * @module extract/events/merge
 * Mentions of one event across an article become one event: a back-reference ("the strike",
 * "the blast") or a bare casualty figure joins the latest compatible event; two reports of the
 * same type with no conflicting party, place or day are one event. Events whose named parties,
 * places or days differ never merge (one actor pair, one place, one day).
 */
import type { AcledEventType } from "../../contract.js";
import type { ActorMention, DateMention, PlaceMention } from "../annotations.js";
import type { AssemblyContext } from "./assemble.js";
import type { Draft } from "./drafts.js";
import { specificity } from "./types.js";

/** How far back (in sentences) a back-reference looks for the event it refers to. */
const ANAPHORA_WINDOW = 8;
const VIOLENT = new Set<AcledEventType>(["Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"]);
const NEW_EVENT_CUE = /\b(?:another|second|third|separate|separately|elsewhere|meanwhile|earlier|later)\b/i;

export function mergeDrafts(drafts: readonly Draft[], ctx: AssemblyContext): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const target = antecedent(out, d, ctx);
    if (target) absorb(target, d);
    // "claimed the attack on Telegram" with nothing before it to refer to, and no figures, place
    // or day of its own, reports nothing new; "the bomb attack on the institute in Santiago" does
    else if (!(d.anaphoric && d.triggers.length > 0 && d.casualties.length === 0 && !pinned(d))) out.push(placedByNarrative(copy(d), out));
  }
  inheritDates(out);
  return withoutHeadlines(out, ctx).filter((d) => d.type !== undefined || d.casualties.length > 0);
}

/**
 * A report with no place or day of its own ("During the operation, four insurgents were also
 * killed"; "The security force returned fire, killing one") happened where and when the
 * report's last event did: the same operation.
 */
function placedByNarrative(d: Draft, before: readonly Draft[]): Draft {
  const last = before[before.length - 1];
  if (pinned(d) || !last || d.first - last.first > 3) return d;
  const places = [...d.places, ...last.places.map((p) => ({ ...p, by: NARRATIVE_PLACE }))];
  // a day carries over only to bare figures: an event of its own ("returned fire") may be later
  // in the operation, and a wrong day is worse than none (measured: ISAF dev date and F1 fall)
  if (d.triggers.length > 0) return { ...d, places };
  return { ...d, places, dates: [...d.dates, ...last.dates.map((m) => ({ ...m, certain: false, by: NARRATIVE_DATE }))] };
}

export const NARRATIVE_PLACE = "events/place-from-narrative";
export const NARRATIVE_DATE = "events/date-from-narrative";

/**
 * A headline above the dateline ("Coalition Forces Kill Several Insurgents in Kunar") announces
 * the event the body reports: it joins the body's first event of the same kind, whose own words
 * (and figures) are the fuller ones.
 */
function withoutHeadlines(drafts: Draft[], ctx: AssemblyContext): Draft[] {
  const bodyStart = ctx.dateline?.start;
  if (bodyStart === undefined) return drafts;
  const isHeadline = (d: Draft): boolean => [...d.sentences].every((i) => ctx.sentences[i]!.span.end <= bodyStart);
  const out: Draft[] = [];
  for (const d of drafts) {
    if (!isHeadline(d)) continue;
    const body = drafts.find((b) => !isHeadline(b) && b.type === d.type);
    if (body) absorb(body, { ...d, anaphoric: true, casualties: d.casualties.filter((c) => !body.casualties.some((b) => b.kind === c.kind)) });
    else out.push(d);
  }
  return drafts.filter((d) => !isHeadline(d)).concat(out).sort((a, b) => a.first - b.first);
}

/** Placed below the country, or dated. */
function pinned(d: Draft): boolean {
  return d.places.some((p) => p.kind === "city" || p.kind === "admin2" || p.kind === "admin1") || dateOf(d) !== undefined;
}

/** The explicit day or range of a draft, if it has one: a day or a few days before a month or a year. */
export function dateOf(d: Draft): DateMention | undefined {
  const dated = d.dates.filter((m) => m.start && m.end && m.kind !== "duration");
  return dated.find((m) => (Date.parse(m.end!) - Date.parse(m.start!)) / 86_400_000 <= 7) ?? dated[0];
}

/** The most specific place of a draft (a town beats a district beats a province beats a country). */
export function placeRank(p: PlaceMention): number {
  return { city: 4, admin2: 3, admin1: 2, country: 1, demonym: 0 }[p.kind];
}

// --- internal ---

function antecedent(out: readonly Draft[], d: Draft, ctx: AssemblyContext): Draft | undefined {
  const cue = d.triggers.some((t) => NEW_EVENT_CUE.test(ctx.doc.norm.slice(Math.max(0, t.span.start - 30), t.span.end)));
  for (let i = out.length - 1; i >= 0; i--) {
    const r = out[i]!;
    if (conflicts(r, d)) continue;
    if (d.anaphoric && d.first - r.first <= ANAPHORA_WINDOW && typesAgree(r.type, d)) return r;
    if (!d.anaphoric && !cue && sameFamily(r.type, d.type) && (r.subType === d.subType || isGenericExplosion(d))) return r;
  }
  return undefined;
}

/** Whether a back-reference can refer to an event of this type: "the attack" to any, "the blast" to an explosion. */
function typesAgree(type: AcledEventType | undefined, d: Draft): boolean {
  const head = d.triggers[0];
  // bare figures of the dead belong to violence, not to an arrest or a looting
  if (!head) return type === undefined || VIOLENT.has(type);
  if (!type) return true;
  if (head.subType === "Armed clash" || head.subType === "Attack") return true;
  return type === head.type;
}

/** "a big explosion shook the area": any explosive event, not a kind of its own. */
function isGenericExplosion(d: Draft): boolean {
  const head = d.triggers.find((t) => !t.anaphoric);
  return head !== undefined && /^(?:(?:a|an|the|big|huge|massive|powerful|loud|large)\s+)*(?:explosions?|blasts?|bombs?|bombings?|exploded|detonated)$/i.test(head.span.text);
}

function sameFamily(a: AcledEventType | undefined, b: AcledEventType | undefined): boolean {
  return a !== undefined && a === b;
}

/**
 * Two reports that cannot be one event: different named parties, days or places. Parties count
 * only when both are named groups or forces: word-order roles are the least reliable field, and
 * "the security force also detained two suspects" is the same raid whoever the rules took for its subject.
 */
function conflicts(a: Draft, b: Draft): boolean {
  const named = (x?: ActorMention, y?: ActorMention): boolean => !!x && !!y && x.name !== y.name && isNamedParty(x) && isNamedParty(y);
  if (named(a.actor1, b.actor1) || named(a.actor2, b.actor2)) return true;
  const da = dateOf(a);
  // A back-reference brings no day of its own: in "the strike comes hours after X spoke by phone
  // Tuesday", Tuesday is the phone call's.
  const db = b.anaphoric ? undefined : dateOf(b);
  if (da && db && (da.end! < db.start! || db.end! < da.start!)) return true;
  return placesConflict(a.places, b.places);
}

function isNamedParty(a: ActorMention): boolean {
  return a.kind !== "unidentified" && a.kind !== "civilians" && a.kind !== "protesters" && a.kind !== "rioters";
}

/** Two named towns, or two provinces, that differ. */
function placesConflict(a: readonly PlaceMention[], b: readonly PlaceMention[]): boolean {
  const best = (ps: readonly PlaceMention[]): PlaceMention | undefined => [...ps].filter((p) => p.kind !== "demonym").sort((x, y) => placeRank(y) - placeRank(x))[0];
  const pa = best(a);
  const pb = best(b);
  if (!pa || !pb) return false;
  if (pa.iso3 !== pb.iso3) return pa.kind !== "country" && pb.kind !== "country";
  if (pa.admin1 && pb.admin1 && pa.admin1 !== pb.admin1) return true;
  return pa.kind === "city" && pb.kind === "city" && pa.name !== pb.name;
}

function absorb(into: Draft, d: Draft): void {
  const moreSpecific = d.triggers.length > 0 && d.subType !== undefined && (!into.subType || specificity({ subType: d.subType }) > specificity({ subType: into.subType }));
  if (moreSpecific && !d.anaphoric) {
    into.type = d.type;
    into.subType = d.subType;
  }
  into.type ??= d.type;
  into.subType ??= d.subType;
  into.triggers.push(...d.triggers);
  for (const s of d.sentences) into.sentences.add(s);
  // a back-reference's sentence is about the event, its subject a commentator ("India called the shooting …")
  if (!d.anaphoric) {
    into.actor1 ??= d.actor1;
    into.actor2 ??= d.actor2;
  }
  into.places.push(...d.places);
  if (!d.anaphoric || !dateOf(into)) into.dates.push(...d.dates);
  into.casualties.push(...d.casualties);
  into.weapons = [...new Set([...into.weapons, ...d.weapons])];
  into.attributions.push(...d.attributions);
  into.partOf ??= d.partOf;
  into.anaphoric = into.anaphoric && d.anaphoric;
}

function copy(d: Draft): Draft {
  return { ...d, triggers: [...d.triggers], sentences: new Set(d.sentences), places: [...d.places], dates: [...d.dates], casualties: [...d.casualties], attributions: [...d.attributions] };
}

/** An undated event takes the day of another event reported in the same sentence. */
function inheritDates(drafts: Draft[]): void {
  for (const d of drafts) {
    if (dateOf(d)) continue;
    const sibling = drafts.find((o) => o !== d && dateOf(o) && [...o.sentences].some((s) => d.sentences.has(s)));
    const inherited = sibling && dateOf(sibling);
    if (inherited) d.dates.push({ ...inherited, certain: false, by: "events/date-from-same-sentence" });
  }
}
