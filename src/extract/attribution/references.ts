/**
 * @module extract/attribution/references
 * Later references to earlier speakers, read in article order: a surname carries the full name
 * given before ("Leggett" after "Col. Sonny Leggett"), "he said" is the last named speaker,
 * "the ministry said" the ministry named before. What the later reference leaves out (role,
 * organisation) is taken from the earlier one.
 */
import type { Speaker } from "./speaker.js";

export interface Draft extends Speaker {
  by: string;
  sentence: number;
  verb: string;
  cueStart: number;
  cueEnd: number;
  channel?: string;
  quote?: { start: number; end: number };
}

/** A person the article names with a title ("President Donald Trump"), at an offset. */
export interface Person {
  at: number;
  name: string;
  role?: string;
  organization?: string;
}

export function resolveReferences(drafts: readonly Draft[], titled: readonly Person[]): Draft[] {
  const out: Draft[] = [];
  const people: Person[] = [];
  let t = 0;
  for (const d of drafts) {
    while (t < titled.length && titled[t]!.at < d.start) people.push(titled[t++]!);
    const r = resolve(d, people, out);
    if (!r) continue;
    out.push(r);
    if (r.name) people.push({ at: r.start, name: r.name, ...(r.role ? { role: r.role } : {}), ...(r.organization ? { organization: r.organization } : {}) });
  }
  return out;
}

// --- internal ---

function resolve(d: Draft, people: readonly Person[], earlier: readonly Draft[]): Draft | undefined {
  if (d.pronoun) return pronoun(d, people, earlier);
  if (d.name && !/\s/.test(d.name)) return surname(d, people);
  if (d.definite && !d.name) return definite(d, earlier);
  return d;
}

/** "he said": the last person named; "they said": the last unnamed speaker, if recent. */
function pronoun(d: Draft, people: readonly Person[], earlier: readonly Draft[]): Draft | undefined {
  if (d.pronoun === "they") {
    const prev = [...earlier].reverse().find((e) => !e.name && (e.role || e.organization));
    if (!prev || d.sentence - prev.sentence > 2) return undefined;
    return fill({ ...d, by: `${d.by}/they` }, prev);
  }
  const prev = people[people.length - 1];
  return prev ? fill({ ...d, name: prev.name, by: `${d.by}/pronoun` }, prev) : undefined;
}

function surname(d: Draft, people: readonly Person[]): Draft {
  const word = d.name!.toLowerCase();
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i]!;
    const parts = p.name.toLowerCase().split(/\s+/);
    if (parts.length > 1 && parts[parts.length - 1] === word) return fill({ ...d, name: p.name, by: `${d.by}/surname` }, p);
    if (parts.length === 1 && parts[0] === word) return fill({ ...d, by: `${d.by}/same-name` }, p);
  }
  return d;
}

/** "the ministry", "the spokesman": the last speaker whose role or organisation has the word. */
function definite(d: Draft, earlier: readonly Draft[]): Draft {
  const word = d.definite!;
  const has = (s: string | undefined): boolean => s !== undefined && new RegExp(`\\b${word}\\b`, "i").test(s);
  for (let i = earlier.length - 1; i >= 0; i--) {
    const e = earlier[i]!;
    if (has(e.role) || has(e.organization)) {
      const out: Draft = { ...d, by: `${d.by}/definite` };
      if (e.name && has(e.role)) out.name = e.name;
      if (e.role && has(e.role)) out.role = e.role;
      if (e.organization) out.organization = e.organization;
      return out;
    }
  }
  return d;
}

function fill(d: Draft, from: { role?: string; organization?: string }): Draft {
  const out = { ...d };
  if (!out.role && from.role) out.role = from.role;
  if (!out.organization && from.organization) out.organization = from.organization;
  return out;
}
