/**
 * @module extract/places/resolve
 * Decides whether a matched name is a place here and which one. Ambiguity is settled by, in
 * order: a type word ("X province"), a containing place in apposition ("Andar district, Ghazni
 * province"), the article's country, then the kind of place (a country over a province over a
 * village; a town over the province named after it) and population.
 */
import type { Precision } from "../../contract.js";
import type { PlaceMention } from "../annotations.js";
import type { Country, Gazetteer, Place } from "./gazetteer.js";
import type { Match } from "./match.js";
import { NOT_NOUN_AFTER, SPEECH, type KindCue, type PlaceWords } from "./words.js";

export interface Context {
  /** ISO3 of the article's main country, if one is known yet. */
  main?: string;
  /** Countries the article names outright (a country name, a demonym, the dateline). */
  doc: ReadonlySet<string>;
  /** Countries named in each sentence, by segment index. */
  sentence: ReadonlyMap<number, ReadonlySet<string>>;
}

export interface Resolved {
  match: Match;
  kind: PlaceMention["kind"];
  place?: Place;
  country: Country;
  precision: Precision;
  rule: string;
}

export interface Resolver {
  gaz: Gazetteer;
  words: PlaceWords;
  norm: string;
}

/** The place a match names, or undefined when it is not a place here. */
export function resolve(r: Resolver, m: Match, ctx: Context, container?: Place): Resolved | undefined {
  if (m.cues.person || m.cues.org) return undefined;
  if (r.words.stopNames.has(m.key)) return undefined;
  const acronym = isAcronym(m);
  if (m.demonym && !m.cues.region && !(m.segment.caps && r.gaz.isCommonWord(m.key)) && prefersDemonym(r, m)) {
    return { match: m, kind: "demonym", country: m.demonym, precision: 3, rule: "places/demonym" };
  }
  const capitals = isWrittenInCapitals(r, m);
  const places = m.places.filter((p) => (!acronym || p.kind === "country") && !(m.cues.region && p.kind === "country")
    && !(p.kind === "country" && !capitals && r.gaz.isAcronym(m.key)));
  if (!places.length) return undefined;
  const best = pick(r, m, places, ctx, container);
  if (!best || !acceptable(r, m, best, ctx, container)) return undefined;
  return finish(r, m, best, container);
}

/**
 * Country votes from what needs no context: the dateline, country names, demonyms, names found
 * in one country only. Returns the country when the article names it outright.
 */
export function vote(r: Resolver, m: Match, votes: Map<string, number>): string | undefined {
  if (m.cues.person || m.cues.org || m.cues.region || m.cues.inRun || r.words.stopNames.has(m.key)) return undefined;
  const add = (iso3: string, w: number): string => { votes.set(iso3, (votes.get(iso3) ?? 0) + w); return iso3; };
  if (m.cues.dateline) {
    const best = pick(r, m, m.places, { doc: new Set(), sentence: new Map() });
    return best ? add(best.country.iso3, 3) : undefined;
  }
  if (m.demonym && !m.places.some((p) => p.kind === "country")) return add(m.demonym.iso3, 0.5);
  const country = m.places.find((p) => p.kind === "country");
  if (country && r.gaz.isAcronym(m.key) && !isWrittenInCapitals(r, m)) return undefined;
  if (country) return add(country.country.iso3, isAcronym(m) ? 0.5 : 1);
  if (!m.places.length || r.gaz.isCommonWord(m.key)) return undefined;
  const known = notable(m.places, m.key, m.segment.caps);
  if (known) add(known.country.iso3, 1);
  return undefined;
}

/**
 * The place a name surely means without context, if any: a capital or a city of a million by
 * its own name ("Bogota"), or a province, district or sizeable town found in one country only.
 * A hamlet known to one country ("Das") says nothing about the article.
 */
function notable(places: readonly Place[], key: string, caps: boolean): Place | undefined {
  const big = places.find((p) => p.kind === "city" && isOwnName(p, key) && (isCapital(p) || (p.population ?? 0) >= 1000000));
  // ... unless a province or another large town shares the name ("Cordoba").
  const rival = big && places.some((p) => p !== big && (p.kind === "admin1" || (p.population ?? 0) >= 100000) && p.country !== big.country);
  if (big && !rival) return big;
  const iso3 = places[0]!.country.iso3;
  if (!places.every((p) => p.country.iso3 === iso3)) return undefined;
  return places.find((p) => p.kind === "admin1" || (p.kind === "city" && (((p.population ?? 0) >= 100000 && !caps)
    || (isOwnName(p, key) && ((p.population ?? 0) >= 10000 || /^PPLA$/.test(p.featureCode ?? ""))))));
}

export function inside(p: Place, container: Place): boolean {
  if (p.country.iso3 !== container.country.iso3) return false;
  if (container.kind === "country") return p.kind !== "country";
  if (container.kind === "admin1") return p.kind !== "admin1" && p.admin1Index === container.index;
  if (container.kind === "admin2") return p.kind === "city" && p.admin2 === container.name && p.admin1Index === container.admin1Index;
  return false;
}

// --- internal ---

function isAcronym(m: Match): boolean {
  const t = m.segment.tokens[m.first]!;
  return !m.segment.caps && m.first === m.last && t.upper && t.key.length <= 4;
}

/** "CAR", "U.S." as written, not "Car" at the start of a sentence. */
function isWrittenInCapitals(r: Resolver, m: Match): boolean {
  const text = r.norm.slice(m.start, m.end);
  return text === text.toUpperCase();
}

/** "Afghan troops", "U.S. forces" are adjectives; "in the U.S.", "the U.S. said" are the country. */
function prefersDemonym(r: Resolver, m: Match): boolean {
  if (!m.places.some((p) => p.kind === "country")) return true;
  if (m.cues.locative) return false;
  const next = m.segment.tokens[m.last + 1];
  if (!next || !/^ {1,3}$/.test(r.norm.slice(m.end, next.start))) return false;
  if (NOT_NOUN_AFTER.has(next.key) || !/[a-z]/.test(next.key)) return false;
  return m.segment.caps || !next.cap;
}

function pick(r: Resolver, m: Match, places: readonly Place[], ctx: Context, container?: Place): Place | undefined {
  let best: Place | undefined;
  let bestScore = -Infinity;
  const provinces = new Set<number>();
  for (const p of places) if (p.kind === "admin1") provinces.add(p.index);
  for (const p of places) {
    const s = score(r, m, p, provinces, ctx, container);
    if (s > bestScore) { best = p; bestScore = s; }
  }
  return best;
}

function score(r: Resolver, m: Match, p: Place, provinces: ReadonlySet<number>, ctx: Context, container?: Place): number {
  let s = kindFit(m.cues.kind, p);
  if (container && inside(p, container)) s += 700;
  const iso3 = p.country.iso3;
  if (iso3 === ctx.main) s += 300;
  else if (ctx.sentence.get(m.segment.index)?.has(iso3)) s += 60;
  else if (ctx.doc.has(iso3)) s += 40;
  // A place's own name is surer than one of its alternates ("Quito" the capital, not a Colorado
  // hamlet); a national capital by its own name outweighs a small town of the article's country.
  if (p.kind !== "country" && isOwnName(p, m.key)) s += isCapital(p) ? 240 : 30;
  return s + base(p, provinces);
}

/** A national capital or seat of government (La Paz, not Sucre, is where Bolivia is governed). */
function isCapital(p: Place): boolean {
  return p.featureCode === "PPLC" || p.featureCode === "PPLG";
}

function isOwnName(p: Place, key: string): boolean {
  return p.key === key;
}

/** How well a place fits a type word: "Huanta province" may be a Peruvian province (admin2). */
function kindFit(cue: KindCue | undefined, p: Place): number {
  if (!cue) return 0;
  const table: Record<KindCue, Partial<Record<Place["kind"], number>>> = {
    admin1: { admin1: 1000, admin2: 800, city: 100 },
    admin2: { admin2: 1000, city: 600, admin1: 200 },
    admin: { admin1: 1000, admin2: 1000 },
    city: { city: 1000, admin2: 300 },
  };
  return table[cue][p.kind] ?? 0;
}

/** A country over anything; a capital or large town over a province; a province over a village. */
function base(p: Place, provinces: ReadonlySet<number>): number {
  if (p.kind === "country") return 400;
  if (p.kind === "admin1") return 41;
  if (p.kind === "admin2") return 20;
  const pop = p.population ?? 0;
  let s = 10 + 6 * Math.log10(pop + 1);
  // A city of millions is meant over the province or state of the same name ("New York", "Lagos").
  if (pop >= 1000000) s += 30;
  if (isCapital(p)) s += 20;
  // The town a province is named after ("Kunduz", "Herat") is meant when no type word says otherwise.
  if (/^PPL(A|C|G)$/.test(p.featureCode ?? "") && p.admin1Index !== undefined && provinces.has(p.admin1Index)) s += 45;
  return s;
}

function acceptable(r: Resolver, m: Match, p: Place, ctx: Context, container?: Place): boolean {
  const caps = m.segment.caps;
  const common = r.gaz.isCommonWord(m.key);
  // "the capital city", "the mountain region", "the state of maximum alert", "the law states":
  // after a common word only an administrative type word proves a place.
  const kindCue = m.cues.kind && (!common || (!m.cues.kindBefore && ADMIN_WORDS.has(m.cues.kindWord ?? "")));
  const apposed = Boolean(container && inside(p, container));
  const strong = Boolean(kindCue || m.cues.dateline || apposed);
  const cued = strong || m.cues.locative || m.cues.near;
  // In upper-case copy "CAPITAL", "US", "DRUG" are words first: only a type word or the dateline will do.
  if (common && (caps || p.kind !== "country") && !strong) {
    return !caps && cued && (p.kind === "admin1" || ((p.population ?? 0) >= 100000 && isOwnName(p, m.key))) && !isForeign(p, ctx);
  }
  if (p.kind === "country" || m.cues.dateline) return true;
  if (!strong && (m.cues.hyphenated && caps || (m.cues.possessive && p.kind === "city" && (p.population ?? 0) < 20000))) return false;
  // Part of a longer capitalised name the gazetteer lacks: only a well-known place survives.
  if (m.cues.inRun && p.kind !== "admin1" && !isCapital(p) && (p.population ?? 0) < 100000 && !(strong && p.country.iso3 === ctx.main)) return false;
  // "ORLANDO CUELLER", "HECTOR ...": in upper-case copy a given name abroad is a person.
  if (caps && r.words.givenNames.has(m.key) && p.country.iso3 !== ctx.main) return false;
  if (p.country.iso3 !== ctx.main && ctx.main) return awayOk(p, m, ctx, caps, strong, cued, apposed);
  if (cued) return true;
  if (saysSomething(m) && (p.population ?? 0) < 100000) return false;
  return bareName(p, m.key, ctx, caps);
}

/** In a country the article never names, a town by one of its alternate names is likelier an error. */
function isForeign(p: Place, ctx: Context): boolean {
  return ctx.main !== undefined && p.country.iso3 !== ctx.main && !ctx.doc.has(p.country.iso3);
}

/**
 * A place outside the article's main country needs more: a cue, its own name rather than an
 * alternate, and, in a country the article never names, some size.
 */
/** Type words that make even a common word a place name ("Bay region" does not; "Delta State" does). */
const ADMIN_WORDS = new Set(["province", "provinces", "governorate", "governorates", "department", "departments", "district", "districts", "oblast", "prefecture", "municipality", "state"]);

function awayOk(p: Place, m: Match, ctx: Context, caps: boolean, strong: boolean, cued: boolean, apposed: boolean): boolean {
  const foreign = isForeign(p, ctx);
  if (p.kind === "admin1") return foreign ? cued : cued || !caps;
  if (p.kind === "admin2") return strong;
  const pop = p.population ?? 0;
  if (apposed) return true;
  // By an alternate name ("Gaza City" for Gaza, "DAMAS" for Damascus) only a large town is likely.
  if (!isOwnName(p, m.key)) return foreign ? !caps && pop >= 1000000 : strong || (!caps && pop >= 100000);
  if (isCapital(p)) return true;
  // A town in a country the article never names is an error even after "district" or "village of".
  if (foreign) return caps ? cued && pop >= 1000000 : pop >= 1000000 || (pop >= 100000 && cued);
  if (strong) return true;
  if (caps) return cued && pop >= 100000;
  return cued || pop >= 100000;
}

/** A name with no cue around it: only well-known places, or places of the article's country. */
function bareName(p: Place, key: string, ctx: Context, caps: boolean): boolean {
  const home = p.country.iso3 === ctx.main;
  if (p.kind === "admin1") return !caps || home || !ctx.main;
  if (p.kind === "admin2") return home && !caps;
  const pop = p.population ?? 0;
  if ((isCapital(p) && isOwnName(p, key)) || pop >= 1000000) return true;
  if (caps) return home && /^PPLA$/.test(p.featureCode ?? "");
  return pop >= 100000 || (home && (pop >= 5000 || /^PPLA/.test(p.featureCode ?? "")));
}

function saysSomething(m: Match): boolean {
  const next = m.segment.tokens[m.last + 1];
  return next !== undefined && SPEECH.has(next.key);
}

function finish(r: Resolver, m: Match, best: Place, container?: Place): Resolved {
  let place = best;
  // "Qandahar province" where only the town is known by that spelling: the province it is the seat of.
  if (m.cues.kind === "admin1" && place.kind === "city" && /^PPL(A|C)$/.test(place.featureCode ?? "")) place = r.gaz.admin1Of(place) ?? place;
  const kind = place.kind;
  const precision: Precision = kind === "city" ? (m.cues.near || m.cues.kind === "admin2" ? 2 : 1) : kind === "admin2" ? 2 : 3;
  return { match: m, kind, place, country: place.country, precision, rule: ruleOf(m, place, container) };
}

function ruleOf(m: Match, p: Place, container?: Place): string {
  if (m.cues.dateline) return "places/dateline";
  if (container && inside(p, container)) return "places/apposition";
  if (m.cues.kind) return "places/type-word";
  if (p.kind === "country") return "places/country";
  if (m.cues.near) return "places/near";
  if (m.cues.locative) return "places/preposition";
  return "places/known-name";
}
