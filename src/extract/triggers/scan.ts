/**
 * @module extract/triggers/scan
 * What the triggers, weapons and casualties stages share: a lower-cased copy of the text with the
 * same offsets, the sentence an offset falls in, word tokens, and the small phrase syntax of
 * their data files.
 */
import { readFileSync } from "node:fs";
import { TruceError } from "../../errors.js";
import type { Document } from "../document.js";
import type { Found } from "../stage.js";

export interface SentenceRange {
  index: number;
  start: number;
  end: number;
}

export interface Token {
  start: number;
  end: number;
  /** The token lower-cased ("killed", "m-16", ","). */
  w: string;
}

const lowerCache = new WeakMap<Document, string>();

/** `doc.norm` lower-cased, one code unit for one code unit, so offsets into it are offsets into `text`. */
export function lowerOf(doc: Document): string {
  let lower = lowerCache.get(doc);
  if (lower === undefined) {
    lower = doc.norm.toLowerCase();
    // a few characters ("İ") lower-case to two code units: fold those one by one instead
    if (lower.length !== doc.norm.length) lower = lowerEach(doc.norm);
    lowerCache.set(doc, lower);
  }
  return lower;
}

/** The sentences found by the text stage; the whole text as one sentence when there are none. */
export function sentencesOf(doc: Document, found: Found): SentenceRange[] {
  const sentences = found.text?.sentences ?? [];
  if (sentences.length === 0) return doc.text.length === 0 ? [] : [{ index: 0, start: 0, end: doc.text.length }];
  return sentences.map((s) => ({ index: s.index, start: s.span.start, end: s.span.end }));
}

/** The sentence containing `offset` (or the last one starting before it). */
export function sentenceAt(sentences: readonly SentenceRange[], offset: number): SentenceRange | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  let best: SentenceRange | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.start <= offset) {
      best = s;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

const TOKEN = /[a-z0-9]+(?:[-'.][a-z0-9]+)*|[^\sa-z0-9]/g;

/** Word and punctuation tokens of `lower` between start and end. */
export function tokensIn(lower: string, start: number, end: number): Token[] {
  const out: Token[] = [];
  const re = new RegExp(TOKEN.source, "g");
  re.lastIndex = start;
  for (let m = re.exec(lower); m !== null && m.index < end; m = re.exec(lower)) {
    const tokenEnd = Math.min(m.index + m[0].length, end);
    out.push({ start: m.index, end: tokenEnd, w: lower.slice(m.index, tokenEnd) });
  }
  return out;
}

/** Tokens joined by single spaces, with where each token starts in the joined string. */
export interface Joined {
  text: string;
  starts: number[];
}

export function joinTokens(tokens: readonly Token[]): Joined {
  const starts: number[] = [];
  let text = "";
  for (const t of tokens) {
    if (text.length > 0) text += " ";
    starts.push(text.length);
    text += t.w;
  }
  return { text, starts };
}

/** How many tokens lie between the nearest match of `re` and the end of `joined`; undefined if none. */
export function distanceBefore(re: RegExp, joined: Joined): number | undefined {
  let best: number | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(joined.text); m !== null; m = re.exec(joined.text)) {
    const endAt = m.index + m[0].length;
    const distance = joined.starts.filter((s) => s >= endAt).length;
    if (best === undefined || distance < best) best = distance;
    if (m[0].length === 0) re.lastIndex++;
  }
  return best;
}

/** How many tokens come before the first match of `re` in `joined`; undefined if none. */
export function distanceAfter(re: RegExp, joined: Joined): number | undefined {
  re.lastIndex = 0;
  const m = re.exec(joined.text);
  if (m === null) return undefined;
  const at = m.index;
  return joined.starts.filter((s) => s < at).length;
}

/** Word classes of a data file: name to its words or regex fragments. */
export type WordClasses = Readonly<Record<string, readonly string[]>>;

/**
 * Turns a data-file phrase into a regex source. Phrases are lower-case regex fragments in which a
 * space outside brackets matches any run of white space (wire copy breaks lines mid-phrase) and
 * `{name}` stands for the alternation of a word class.
 */
export function phraseSource(phrase: string, classes: WordClasses): string {
  const expanded = phrase.replace(/\{([A-Za-z]+)\}/g, (_m, name: string) => {
    const words = classes[name];
    if (!words) throw new TruceError("E_DATA", `unknown word class {${name}} in "${phrase}"`);
    return `(?:${[...words].sort((a, b) => b.length - a.length).map((w) => phraseSource(w, classes)).join("|")})`;
  });
  return spacesToWhitespace(expanded);
}

/** A phrase as a whole-word regex: it may not start or end inside a word. */
export function wordRegex(source: string, flags = "g"): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${source})(?![a-z0-9])`, flags);
}

/** Splits a regex source at its top-level "|" (not inside groups or classes). */
export function topLevelAlternatives(source: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let inClass = false;
  let from = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "|" && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/**
 * Strings one of which every match of a regex source contains, or undefined if that cannot be
 * told (an alternative with no literal of three characters). A text containing none of them
 * need not be scanned.
 */
export function requiredLiterals(source: string): string[] | undefined {
  const out = new Set<string>();
  for (const alternative of topLevelAlternatives(source)) {
    const literals = alternativeLiterals(alternative);
    if (!literals) return undefined;
    for (const l of literals) out.add(l);
  }
  return [...out];
}

/** A compiled phrase of a data file. */
export interface Phrase {
  /** Finds where the phrase occurs (global). */
  scan: RegExp;
  /** Its top-level alternatives, sticky: the longest one at a found offset is the match. */
  alternatives: RegExp[];
  /** Strings one of which a text must contain for the phrase to match; undefined: always scan. */
  gate?: string[];
}

export interface PhraseHit<P extends Phrase> {
  entry: P;
  start: number;
  end: number;
}

/** Compiles a phrase source (see `phraseSource`) for `matchPhrases`. */
export function compilePhrase(source: string): Phrase {
  return {
    // one regex per phrase, not one for a whole lexicon: V8 scans a huge alternation several times slower
    scan: wordRegex(source, "g"),
    alternatives: topLevelAlternatives(source).map((alt) => wordRegex(alt, "y")),
    gate: requiredLiterals(source),
  };
}

/**
 * Every phrase occurrence in `lower`, leftmost-longest: where occurrences overlap, the one that
 * starts first wins, then the longest, then the phrase listed first.
 */
export function matchPhrases<P extends Phrase>(lower: string, phrases: readonly P[]): PhraseHit<P>[] {
  const all: PhraseHit<P>[] = [];
  for (const entry of phrases) {
    if (entry.gate && !entry.gate.some((literal) => lower.includes(literal))) continue;
    entry.scan.lastIndex = 0;
    for (let m = entry.scan.exec(lower); m !== null; m = entry.scan.exec(lower)) {
      if (m[0].length === 0) {
        entry.scan.lastIndex++;
        continue;
      }
      all.push({ entry, start: m.index, end: m.index + Math.max(m[0].length, longestAt(lower, m.index, entry.alternatives)) });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit<P>[] = [];
  for (const hit of all) {
    const last = kept[kept.length - 1];
    if (!last || hit.start >= last.end) kept.push(hit);
  }
  return kept;
}

/** Reads a JSON data file shipped in /data, from src/ or dist/ alike. */
export function readDataFile(name: string): unknown {
  const url = new URL(`../../../data/${name}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, "utf8")) as unknown;
  } catch (err) {
    throw new TruceError("E_DATA", `cannot read data/${name}: ${(err as Error).message}`);
  }
}

// --- internal ---

/** Length of the longest alternative matching at `at`. */
function longestAt(lower: string, at: number, alternatives: readonly RegExp[]): number {
  let best = 0;
  for (const alt of alternatives) {
    alt.lastIndex = at;
    const m = alt.exec(lower);
    if (m && m[0].length > best) best = m[0].length;
  }
  return best;
}

/** The longest literal run outside groups, else the literals of the first group that must match. */
function alternativeLiterals(alternative: string): string[] | undefined {
  let best = "";
  let run = "";
  const groups: string[] = [];
  const flush = (): void => {
    if (run.length > best.length) best = run;
    run = "";
  };
  for (let i = 0; i < alternative.length; i++) {
    const c = alternative[i]!;
    if (c === "(") {
      flush();
      const close = closingParen(alternative, i);
      if (close < 0) return undefined;
      const body = alternative.slice(i + 1, close);
      if (!/[?*{]/.test(alternative[close + 1] ?? "") && !/^\?[=!<]/.test(body)) groups.push(body.replace(/^\?:/, ""));
      i = close;
    } else if (c === "\\" || c === "[" || /[?*{]/.test(alternative[i + 1] ?? "") || !/[a-z0-9 '-]/.test(c)) {
      flush();
      if (c === "\\") i++;
      else if (c === "[") i = Math.max(i, alternative.indexOf("]", i + 1));
    } else run += c;
  }
  flush();
  if (best.length >= 3) return [best];
  for (const body of groups) {
    const inner = requiredLiterals(body);
    if (inner) return inner;
  }
  return undefined;
}

/** Index of the ")" closing the "(" at `open`, or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  let inClass = false;
  for (let i = open; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") depth++;
    else if (c === ")" && --depth === 0) return i;
  }
  return -1;
}

function lowerEach(text: string): string {
  let out = "";
  for (const c of text) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

function spacesToWhitespace(source: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === "\\") {
      out += c + (source[i + 1] ?? "");
      i++;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]") depth = Math.max(0, depth - 1);
    if (c === " " && depth === 0) {
      // "land ?mines?": an optional space is any white space or none
      const optional = source[i + 1] === "?";
      out += optional ? "\\s*" : "\\s+";
      if (optional) i++;
    } else out += c;
  }
  return out;
}
