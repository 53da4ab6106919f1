/**
 * @module extract/places/places
 * The places stage: every place the article names (countries, provinces, districts, towns)
 * and every demonym ("Afghan soldiers"), resolved through the gazetteer with ACLED's geo
 * precision, plus the article's main country (dateline weighted).
 *
 * Mixed-case text: only capitalised words start a name. Upper-case wire copy: any word may,
 * and the words around it (IN, NEAR, "X DEPARTMENT", the dateline) decide.
 */
import type { PlaceAnnotations, PlaceMention, TextAnnotations } from "../annotations.js";
import type { Document } from "../document.js";
import { spanOf } from "../document.js";
import type { Found } from "../stage.js";
import { defineStage } from "../stage.js";
import type { Gazetteer } from "./gazetteer.js";
import { findMatches, shareListCues, type Match } from "./match.js";
import { inside, resolve, vote, type Context, type Resolved, type Resolver } from "./resolve.js";
import { datelinePlace, isCaps, segments, tokenize, type Segment } from "./tokens.js";
import { placeWords } from "./words.js";

export const placesStage = defineStage({
  key: "places",
  needs: ["text"],
  run: (doc, found, resources) => {
    try {
      return findPlaces(doc, found, resources.gazetteer);
    } catch {
      // A stage never fails an article: odd text yields no places rather than an error.
      return { mentions: [] };
    }
  },
});

/** The places of a document; exported for tests and for callers without a pipeline. */
export function findPlaces(doc: Document, found: Found, gaz: Gazetteer): PlaceAnnotations {
  const r: Resolver = { gaz, words: placeWords(), norm: doc.norm };
  const segs = buildSegments(doc, found.text);
  const matches = segs.flatMap((seg) => findMatches(seg, gaz, r.words));
  shareListCues(matches, doc.norm);
  markDateline(matches, doc, found.text);
  const ctx = context(r, matches);
  const resolved = withApposition(r, matches, ctx);
  const mentions = resolved.map((x) => toMention(doc, x));
  const main = mainCountry(resolved);
  return main ? { mentions, country: main } : { mentions };
}

// --- internal ---

function buildSegments(doc: Document, text: TextAnnotations | undefined): Segment[] {
  return segments(doc.norm, text?.sentences ?? []).map((s, index) => {
    const tokens = tokenize(doc.norm, s.start, s.end);
    return { index, start: s.start, end: s.end, tokens, caps: isCaps(tokens) };
  });
}

function markDateline(matches: Match[], doc: Document, text: TextAnnotations | undefined): void {
  const span = text?.dateline?.place ?? text?.dateline?.span ?? datelinePlace(doc.norm);
  if (!span) return;
  // The whole dateline must be the name: "SAN SALVADROR" (a typo) is not the town "San".
  const end = span.start + doc.norm.slice(span.start, span.end).trimEnd().length;
  const k = matches.findIndex((m) => m.start === span.start && m.end >= end - 1);
  if (k < 0) return;
  matches[k]!.cues.dateline = true;
  // "MOSCOW (USSR), 6 SEP 89": the country in brackets is part of the dateline.
  const next = matches[k + 1];
  if (next && /^ ?\($/.test(doc.norm.slice(matches[k]!.end, next.start)) && next.places.some((p) => p.kind === "country")) next.cues.dateline = true;
}

function context(r: Resolver, matches: readonly Match[]): Context {
  const votes = new Map<string, number>();
  const named = new Set<string>();
  const sentence = new Map<number, Set<string>>();
  for (const m of matches) {
    const iso3 = vote(r, m, votes);
    if (!iso3) continue;
    named.add(iso3);
    const set = sentence.get(m.segment.index) ?? new Set<string>();
    set.add(iso3);
    sentence.set(m.segment.index, set);
  }
  const main = argmax(votes);
  return main ? { main, doc: named, sentence } : { doc: named, sentence };
}

/**
 * Resolves every match, then re-reads names followed by a place that may contain them
 * ("Andar district, Ghazni province", "KABUL, Afghanistan"), right to left so that a chain
 * resolves from its widest place.
 */
function withApposition(r: Resolver, matches: readonly Match[], ctx: Context): Resolved[] {
  const out: (Resolved | undefined)[] = matches.map((m) => resolve(r, m, ctx));
  for (let k = matches.length - 2; k >= 0; k--) {
    const next = out[k + 1]?.place;
    const a = matches[k]!;
    if (!next || next.kind === "city" || a.segment !== matches[k + 1]!.segment) continue;
    if (!APPOSITION.test(r.norm.slice(a.end, matches[k + 1]!.start))) continue;
    if (a.places.some((p) => inside(p, next))) {
      a.cues.apposition = true;
      out[k] = resolve(r, a, ctx, next) ?? out[k];
    } else if (isMinor(out[k])) {
      // "Archi district, Kunduz province": a small town elsewhere is not what the writer meant.
      out[k] = undefined;
    }
  }
  return out.filter((x): x is Resolved => x !== undefined);
}

function isMinor(x: Resolved | undefined): boolean {
  const p = x?.place;
  return p !== undefined && (p.kind === "admin2" || (p.kind === "city" && (p.population ?? 0) < 100000));
}

const COMPASS = "(?:north|south|east|west|central|far)(?:-?(?:east|west))?(?:ern)?";

/** Between a name and the place holding it: ", ", " (", " district, ", " in ", " of ". */
const APPOSITION = new RegExp(
  `^\\s*(?:[A-Za-z]+\\s*)?(?:,\\s*(?:(?:in|of)\\s+)?|\\(\\s*|(?:of|in)\\s+)(?:the\\s+)?(?:${COMPASS}\\s+)?$`,
  "i",
);

function toMention(doc: Document, x: Resolved): PlaceMention {
  const p = x.place;
  const m: PlaceMention = {
    span: spanOf(doc, x.match.start, x.match.end),
    by: x.rule,
    name: p ? p.name : x.country.name,
    kind: x.kind,
    country: x.country.name,
    iso3: x.country.iso3,
    lat: p ? p.lat : x.country.lat,
    lon: p ? p.lon : x.country.lon,
    precision: x.precision,
  };
  if (p?.admin1) m.admin1 = p.admin1;
  if (p?.admin2) m.admin2 = p.admin2;
  if (p?.population) m.population = p.population;
  return m;
}

/** Most mentioned country, the dateline counting twice and a demonym half. */
function mainCountry(resolved: readonly Resolved[]): PlaceAnnotations["country"] {
  const votes = new Map<string, number>();
  const names = new Map<string, string>();
  let dateline = false;
  for (const x of resolved) {
    const first = x.match.cues.dateline && !dateline;
    if (x.match.cues.dateline) dateline = true;
    const w = first ? 2 : x.match.cues.dateline ? 0 : x.kind === "demonym" ? 0.5 : 1;
    votes.set(x.country.iso3, (votes.get(x.country.iso3) ?? 0) + w);
    names.set(x.country.iso3, x.country.name);
  }
  const iso3 = argmax(votes);
  return iso3 ? { name: names.get(iso3)!, iso3 } : undefined;
}

/** The key with most votes; the first seen wins a tie. */
function argmax(votes: ReadonlyMap<string, number>): string | undefined {
  let best: string | undefined;
  let n = 0;
  for (const [k, v] of votes) if (v > n) { best = k; n = v; }
  return best;
}
