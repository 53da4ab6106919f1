/**
 * @module extract/statements/context
 * What the statement and agreement stages read about a document, gathered once: the parties
 * named in it (people, actors, countries) in text order, quotations, attributions and dates per
 * sentence, and the reference date. Both stages only look things up here.
 */
import type { Precision, Source, Span } from "../../contract.js";
import type { ActorMention, Attribution, DateMention, PlaceMention, Sentence } from "../annotations.js";
import type { Document } from "../document.js";
import type { Found } from "../stage.js";
import { statementLexicon, type StatementLexicon } from "./lexicon.js";
import { findPeople, type Person, type Range } from "./people.js";

export interface Entity {
  kind: "person" | "actor" | "country";
  /** Name used in `about`: a person's name, an actor's canonical name, a country. */
  name: string;
  /** Name used as an agreement party: state actors stand for their country where it is known. */
  party: string;
  mention: Span;
  /** The whole phrase that belongs to the entity (a person's role and appositive too). */
  extent: Range;
  source: Source;
  sentence: number;
  person?: Person;
  actor?: ActorMention;
}

export interface DayRange {
  start: string;
  end: string;
  precision: Precision;
}

export interface DocContext {
  doc: Document;
  lex: StatementLexicon;
  sentences: readonly Sentence[];
  entities: readonly Entity[];
  bySentence: readonly Entity[][];
  quotes: readonly Range[];
  attributions: readonly Attribution[][];
  dates: readonly DateMention[][];
  places: readonly PlaceMention[];
  reference?: string;
}

/**
 * The context of a document, built once for both stages that read it: the pipeline runs them on
 * the same document and the same earlier findings, so the second finds the first's context here.
 */
export function buildContext(doc: Document, found: Found): DocContext {
  const hit = cache.get(doc);
  if (hit && hit.text === found.text && hit.actors === found.actors && hit.places === found.places && hit.dates === found.dates && hit.attributions === found.attributions) {
    return hit.ctx;
  }
  const ctx = makeContext(doc, found);
  cache.set(doc, { text: found.text, actors: found.actors, places: found.places, dates: found.dates, attributions: found.attributions, ctx });
  return ctx;
}

interface Cached {
  text: Found["text"];
  actors: Found["actors"];
  places: Found["places"];
  dates: Found["dates"];
  attributions: Found["attributions"];
  ctx: DocContext;
}

const cache = new WeakMap<Document, Cached>();

function makeContext(doc: Document, found: Found): DocContext {
  const lex = statementLexicon();
  const sentences = found.text?.sentences ?? [];
  const actors = found.actors ?? [];
  const places = found.places?.mentions ?? [];
  // Town names are often surnames too ("Rice"); only actors and larger places are never people.
  const blocked = [...actors.map((a) => a.span), ...places.filter((p) => p.kind !== "city").map((p) => p.span)];
  const people = findPeople(doc, sentences, lex, blocked);
  const dateline = found.text?.dateline?.span;
  // A dateline ("KABUL, Afghanistan —") says where the report was filed, not who acts or speaks.
  const entities = collectEntities(people, actors, places, lex)
    .filter((e) => !dateline || e.extent.start >= dateline.end || e.extent.end <= dateline.start)
    .map((e) => ({ ...e, sentence: sentenceAt(sentences, e.mention.start) }));
  const reference = found.dates?.reference ?? doc.published;
  return {
    doc,
    lex,
    sentences,
    entities,
    bySentence: bucket(sentences, entities, (e) => e.mention.start),
    quotes: quoteRanges(doc.norm),
    attributions: byIndex(sentences.length, found.attributions ?? [], (a) => a.sentence),
    dates: bucket(sentences, (found.dates?.mentions ?? []).filter((d) => d.kind !== "duration" && d.start !== undefined), (d) => d.span.start),
    places,
    ...(reference !== undefined && { reference }),
  };
}

/** The index of the sentence holding offset `pos` (the last one starting at or before it). */
export function sentenceAt(sentences: readonly Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let best = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.span.start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The quotation holding `pos`, if any. */
export function quoteAt(ctx: DocContext, pos: number): Range | undefined {
  return ctx.quotes.find((q) => q.start < pos && pos < q.end);
}

export function inQuote(ctx: DocContext, r: Range): boolean {
  return ctx.quotes.some((q) => q.start <= r.start && r.end <= q.end);
}

/** The date of something said at `pos` in sentence `i`: the nearest written date of the sentence, else undefined. */
export function dateNear(ctx: DocContext, i: number, pos: number): DayRange | undefined {
  let best: DateMention | undefined;
  let bestDistance = Infinity;
  const own = quoteAt(ctx, pos);
  for (const d of ctx.dates[i] ?? []) {
    // A date quoted from someone ("Friday's riots") dates what they talk about, not when they spoke.
    if (!datesAct(ctx, d) || (inQuote(ctx, d.span) && !(own && own.start <= d.span.start && d.span.end <= own.end))) continue;
    const distance = Math.min(Math.abs(d.span.start - pos), Math.abs(d.span.end - pos));
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  return best ? toRange(best) : undefined;
}

/** A date can date an act unless it is a period's edge ("since 2002", "by June") or longer than a month. */
function datesAct(ctx: DocContext, d: DateMention): boolean {
  if (d.start === undefined) return false;
  const days = (Date.parse(d.end ?? d.start) - Date.parse(d.start)) / 86_400_000;
  const before = ctx.doc.norm.slice(Math.max(0, d.span.start - 12), d.span.start);
  return days <= 31 && !/\b(?:since|until|till|by|before|within)\s+$/i.test(before);
}

export function toRange(d: DateMention): DayRange | undefined {
  if (d.start === undefined) return undefined;
  return { start: d.start, end: d.end ?? d.start, precision: d.precision ?? (d.end && d.end !== d.start ? 2 : 1) };
}

export function referenceRange(ctx: DocContext): DayRange | undefined {
  return ctx.reference !== undefined ? { start: ctx.reference, end: ctx.reference, precision: 1 } : undefined;
}

/** Adds `days` (may be negative) to a YYYY-MM-DD date. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// --- internal ---

const STATE_KINDS = new Set(["state", "government", "external"]);

function collectEntities(people: Person[], actors: readonly ActorMention[], places: readonly PlaceMention[], lex: StatementLexicon): Omit<Entity, "sentence">[] {
  const out: Omit<Entity, "sentence">[] = inheritOrganisations(people.map((p) => personEntity(p, actors, places, lex)));
  const taken = (r: Range): boolean => out.some((e) => e.extent.start < r.end && r.start < e.extent.end);
  const countryOf = (iso3: string | undefined): string | undefined => places.find((p) => p.iso3 === iso3 && (p.kind === "country" || p.kind === "demonym"))?.country;
  for (const a of actors) {
    if (taken(a.span)) continue;
    const role = genericRole(a.span.text);
    const party = STATE_KINDS.has(a.kind) ? (countryOf(a.iso3) ?? a.name) : a.name;
    out.push({ kind: "actor", name: a.name, party, mention: a.span, extent: a.span, actor: a, source: clean({ role, organization: a.name, mention: a.span }) });
  }
  for (const p of places) {
    if (p.kind !== "country" || taken(p.span)) continue;
    const source = { role: "government", organization: `Government of ${p.country}`, mention: p.span };
    out.push({ kind: "country", name: p.country, party: p.country, mention: p.span, extent: p.span, source });
  }
  return out.sort((a, b) => a.extent.start - b.extent.start);
}

function personEntity(p: Person, actors: readonly ActorMention[], places: readonly PlaceMention[], lex: StatementLexicon): Omit<Entity, "sentence"> {
  const organization = p.roleSpan ? organisationIn(p.roleSpan, p.role ?? "", actors, places, lex) : undefined;
  return {
    kind: "person",
    name: p.name,
    party: organization ?? p.name,
    mention: p.mention,
    extent: p.extent,
    person: p,
    source: clean({ name: p.name, role: p.role, organization, mention: p.mention }),
  };
}

/** "Kamal said" after "Idris Kamal, a Northern Front spokesman": the surname keeps the organisation. */
function inheritOrganisations(people: Omit<Entity, "sentence">[]): Omit<Entity, "sentence">[] {
  const orgs = new Map<string, string>();
  for (const p of people) if (p.source.organization !== undefined && !orgs.has(p.name)) orgs.set(p.name, p.source.organization);
  return people.map((p) => {
    const organization = p.source.organization ?? orgs.get(p.name);
    return organization === undefined ? p : { ...p, party: organization, source: { ...p.source, organization } };
  });
}

/** "senior Taliban leader" speaks for the Taliban; "Norway's foreign minister" for the Government of Norway. */
function organisationIn(role: Span, roleText: string, actors: readonly ActorMention[], places: readonly PlaceMention[], lex: StatementLexicon): string | undefined {
  const within = (s: Span): boolean => s.start >= role.start && s.end <= role.end;
  const actor = actors.find((a) => within(a.span));
  if (actor) return actor.name;
  const place = places.find((p) => within(p.span) && (p.kind === "country" || p.kind === "demonym"));
  const lower = roleText.toLowerCase();
  if (place && lex.governmentRoles.some((r) => lower.includes(r))) return `Government of ${place.country}`;
  return undefined;
}

/** "the rebels" → "rebels": a common-noun mention says what role its speaker has. */
function genericRole(text: string): string | undefined {
  const words = text.replace(/^(?:the|a|an)\s+/i, "").trim();
  return /^[a-z][a-z -]*$/.test(words) ? words : undefined;
}

/** Pairs of double quotes, reset at paragraph breaks so one stray quote does not flip the rest. */
function quoteRanges(norm: string): Range[] {
  const out: Range[] = [];
  let open = -1;
  for (let i = 0; i < norm.length; i++) {
    const c = norm[i]!;
    if (c === "\n" && norm[i + 1] === "\n" && open >= 0) {
      out.push({ start: open, end: i });
      open = -1;
    } else if (c === '"') {
      if (open < 0) open = i;
      else {
        out.push({ start: open, end: i + 1 });
        open = -1;
      }
    }
  }
  if (open >= 0) out.push({ start: open, end: norm.length });
  return out;
}

function bucket<T>(sentences: readonly Sentence[], items: readonly T[], at: (t: T) => number): T[][] {
  const out: T[][] = sentences.map(() => []);
  if (sentences.length === 0) return out;
  for (const item of items) out[sentenceAt(sentences, at(item))]!.push(item);
  return out;
}

function byIndex<T>(n: number, items: readonly T[], index: (t: T) => number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  for (const item of items) out[index(item)]?.push(item);
  return out;
}

/** Drops undefined fields, so the output JSON has no empty keys. */
export function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
