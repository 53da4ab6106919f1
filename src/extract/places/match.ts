/**
 * @module extract/places/match
 * Finds the names of the gazetteer in a sentence (longest match first) and reads the words
 * around each: a type word ("Ghazni province"), a preposition ("in", "near"), a title or a
 * given name (a person), an organisation word ("the Medellin cartel").
 */
import type { Country, Gazetteer, Place } from "./gazetteer.js";
import type { Segment, Token } from "./tokens.js";
import { joiner } from "./tokens.js";
import {
  DISTANCE, FACILITY, KIND_AFTER, KIND_BEFORE, LOCATIVE, NAME_PREFIX, NEAR, NEAR_OF, PLURAL_KIND, REGION_PREFIX, type KindCue, type PlaceWords,
} from "./words.js";

export interface Cues {
  /** A type word names the kind ("province", "district", "town"). */
  kind?: KindCue;
  /** The type word itself, folded ("province"); "of" marks one before the name ("the state of"). */
  kindWord?: string;
  kindBefore?: boolean;
  /** "provincial" rather than "province": the province's institutions, still the province. */
  plural?: boolean;
  locative: boolean;
  near: boolean;
  dateline: boolean;
  person: boolean;
  org: boolean;
  /** "Latin America", "Central American": part of a larger region's name. */
  region: boolean;
  /** Another name in apposition contains this one ("Andar district, Ghazni province"). */
  apposition: boolean;
  possessive?: boolean;
  hyphenated?: boolean;
  /** Inside a longer run of capitalised words the gazetteer does not know ("Beled Weyne", "LeBron James"). */
  inRun?: boolean;
}

export interface Match {
  segment: Segment;
  first: number;
  last: number;
  start: number;
  end: number;
  key: string;
  places: readonly Place[];
  demonym?: Country;
  cues: Cues;
}

/** Every gazetteer name in the segment, longest first, left to right, never overlapping. */
export function findMatches(seg: Segment, gaz: Gazetteer, words: PlaceWords): Match[] {
  const out: Match[] = [];
  const { tokens } = seg;
  for (let i = 0; i < tokens.length; i++) {
    if (!canStart(seg, i)) continue;
    const hit = longest(seg, i, gaz);
    if (!hit) continue;
    out.push(makeMatch(seg, i, hit.last, hit.key, gaz, words));
    i = hit.last;
  }
  return out;
}

/** "USULUTAN AND MORAZAN DEPARTMENTS", "in Kunduz and Baghlan": cues shared along a list. */
export function shareListCues(matches: Match[], norm: string): void {
  for (let k = matches.length - 2; k >= 0; k--) {
    const a = matches[k]!;
    const b = matches[k + 1]!;
    if (a.segment !== b.segment || !/^\s*(?:,|,?\s*(?:and|or|&))\s*$/i.test(norm.slice(a.end, b.start))) continue;
    if (b.cues.plural && !a.cues.kind) a.cues.kind = b.cues.kind;
  }
  for (let k = 1; k < matches.length; k++) {
    const a = matches[k - 1]!;
    const b = matches[k]!;
    if (a.segment !== b.segment || !/^\s*(?:,|,?\s*(?:and|or|&))\s*$/i.test(norm.slice(a.end, b.start))) continue;
    b.cues.locative ||= a.cues.locative;
    b.cues.near ||= a.cues.near;
    if (a.cues.plural && a.cues.kind && !b.cues.kind) b.cues.kind = a.cues.kind;
  }
}

// --- internal ---

function canStart(seg: Segment, i: number): boolean {
  const t = seg.tokens[i]!;
  if (!/[a-z]/.test(t.key)) return false;
  return seg.caps || t.cap;
}

/** A name ends on a capitalised word, or on the tail of one after an apostrophe ("Qal'ah"). */
function canEnd(seg: Segment, j: number): boolean {
  const t = seg.tokens[j]!;
  return seg.caps || t.cap || (j > 0 && joiner(seg.tokens, j) === "" && /^'$/.test(t.before) && t.key !== "s");
}

function longest(seg: Segment, i: number, gaz: Gazetteer): { last: number; key: string } | undefined {
  const { tokens } = seg;
  let key = tokens[i]!.key;
  let best: { last: number; key: string } | undefined;
  const limit = Math.min(tokens.length, i + gaz.maxTokens);
  for (let j = i; j < limit; j++) {
    if (j > i) {
      const join = joiner(tokens, j);
      if (join === undefined) break;
      key += join + tokens[j]!.key;
    }
    if (canEnd(seg, j) && (gaz.hasKey(key) || gaz.demonymKey(key))) best = { last: j, key };
  }
  return best;
}

function makeMatch(seg: Segment, first: number, last: number, key: string, gaz: Gazetteer, words: PlaceWords): Match {
  const { tokens } = seg;
  let end = tokens[last]!.end;
  // "U.S." keeps its last period: a one-letter word before a period is an initial.
  if (tokens[last]!.key.length === 1 && tokens[last + 1]?.before.startsWith(".") !== false && seg.tokens[last]!.cap) {
    end += 1;
  }
  const match: Match = {
    segment: seg, first, last, start: tokens[first]!.start, end, key,
    places: gaz.lookupKey(key),
    cues: readCues(seg, first, last, words),
  };
  const demonym = gaz.demonymKey(key);
  if (demonym) match.demonym = demonym;
  return match;
}

function readCues(seg: Segment, first: number, last: number, words: PlaceWords): Cues {
  const cues: Cues = { locative: false, near: false, dateline: false, person: false, org: false, region: false, apposition: false };
  readBefore(seg, first, cues);
  readAfter(seg, last, cues, words);
  readJoined(seg, last, cues);
  cues.inRun = isInRun(seg, first, last, words);
  cues.person = isPerson(seg, first, last, words);
  cues.region = isRegionPart(seg, first);
  return cues;
}

/** The word before, skipping "the": "in the Netherlands", "near Kabul", "north of Kandahar". */
function readBefore(seg: Segment, first: number, cues: Cues): void {
  const { tokens } = seg;
  let p = first - 1;
  if (!spaced(tokens, p + 1)) return;
  if (tokens[p]?.key === "the") { p--; if (!spaced(tokens, p + 1)) return; }
  const prev = tokens[p]?.key;
  if (!prev) return;
  const prev2 = spaced(tokens, p) ? tokens[p - 1]?.key : undefined;
  if (LOCATIVE.has(prev)) cues.locative = true;
  if (NEAR.has(prev)) cues.near = true;
  if ((prev === "of" || prev === "from") && prev2 && (NEAR_OF.has(prev2) || DISTANCE.has(prev2))) cues.near = true;
  if (prev === "to" && prev2 === "close") cues.near = true;
  if (prev === "of" && prev2 && KIND_BEFORE.has(prev2)) {
    cues.kind = KIND_BEFORE.get(prev2);
    cues.kindWord = prev2;
    cues.kindBefore = true;
    cues.plural = PLURAL_KIND.has(prev2);
  }
}

/** The word after: a type word ("province") or an organisation word ("cartel"). */
function readAfter(seg: Segment, last: number, cues: Cues, words: PlaceWords): void {
  const { tokens } = seg;
  const next = tokens[last + 1];
  if (!next || !/^ {1,3}$|^\n {0,6}$/.test(next.before)) return;
  const kind = KIND_AFTER.get(next.key);
  if (kind) {
    const capital = next.key === "provincial" && tokens[last + 2]?.key === "capital";
    cues.kind = capital ? "city" : kind;
    cues.kindWord = next.key;
    cues.plural = PLURAL_KIND.has(next.key);
  }
  if (words.orgAfter.has(next.key)) cues.org = true;
}

/** "ACAN-EFE", "GALAN'S": joined to a word that is not part of the name. */
function readJoined(seg: Segment, last: number, cues: Cues): void {
  const next = seg.tokens[last + 1];
  if (!next) return;
  if (next.before === "'" && next.key === "s") cues.possessive = true;
  if (next.before === "-" && (next.cap || seg.caps)) cues.hyphenated = true;
}

function spaced(tokens: readonly Token[], i: number): boolean {
  const sep = tokens[i]?.before;
  return sep !== undefined && /^(?: {1,3}|\n {0,6})$/.test(sep);
}

/**
 * A title or a given name before the name, in the same run of capitalised words, makes it part
 * of a person's name ("Mullah Abdul Ghani Baradar", "Col. Sonny Leggett", "GEN. JUAN PEREZ").
 */
function isPerson(seg: Segment, first: number, last: number, words: PlaceWords): boolean {
  const { tokens } = seg;
  // In upper-case copy every word is "capitalised", so only the word right before counts.
  const reach = seg.caps ? 1 : 4;
  for (let k = first - 1, steps = 0; k >= 0 && steps < reach; k--, steps++) {
    const t = tokens[k]!;
    const sep = tokens[k + 1]!.before;
    const joined = /^(?: {1,3}|\n {0,6})$/.test(sep) || (/^\. {1,2}$/.test(sep) && words.titles.has(t.key));
    if (!joined || !(t.cap || seg.caps) || LOCATIVE.has(t.key)) return false;
    if (words.titles.has(t.key) || words.givenNames.has(t.key)) return true;
  }
  // "Jordan Smith": a given name that is a place, followed by a capitalised surname.
  const next = tokens[last + 1];
  if (first === last && words.givenNames.has(tokens[first]!.key) && next && !seg.caps && next.cap && spaced(tokens, last + 1)) {
    return !KIND_AFTER.has(next.key) && !words.orgAfter.has(next.key);
  }
  return false;
}

function isInRun(seg: Segment, first: number, last: number, words: PlaceWords): boolean {
  if (seg.caps) return false;
  const { tokens } = seg;
  const prev = tokens[first - 1];
  const next = tokens[last + 1];
  const before = prev !== undefined && first - 1 > 0 && prev.cap && spaced(tokens, first) && !NAME_PREFIX.has(prev.key)
    && !words.titles.has(prev.key) && !LOCATIVE.has(prev.key) && !/[.:;!?"]\s*$/.test(tokens[first - 1]!.before);
  const after = next !== undefined && next.cap && spaced(tokens, last + 1) && !KIND_AFTER.has(next.key) && !FACILITY.has(next.key)
    && !words.orgAfter.has(next.key);
  return before || after;
}

function isRegionPart(seg: Segment, first: number): boolean {
  const prev = seg.tokens[first - 1];
  if (!prev || !spaced(seg.tokens, first) || !(prev.cap || seg.caps) || !REGION_PREFIX.has(prev.key)) return false;
  // Sentence-initial "Southern Afghanistan ..." is an ordinary phrase; "Latin America ..." is not.
  return first - 1 > 0 || !/ern$/.test(prev.key);
}
