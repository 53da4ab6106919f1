/**
 * @module extract/statements/fixture
 * Builds what earlier stages would have found, by hand, for the tests of the statement and
 * agreement stages: they then test their own rules, not the recognisers they read.
 */
import type { ActorKind, ActorMention, Attribution, DateMention, PlaceMention } from "../annotations.js";
import { makeDocument, spanOf, type Document } from "../document.js";
import type { Found } from "../stage.js";
import { findDateline, splitSentences } from "../text/sentences.js";

export interface ActorSpec {
  text: string;
  name: string;
  kind?: ActorKind;
  iso3?: string;
  /** Which occurrence of `text` (0-based); all occurrences when omitted. */
  nth?: number;
}

export interface PlaceSpec {
  text: string;
  country: string;
  iso3: string;
  kind?: PlaceMention["kind"];
}

export interface DateSpec {
  text: string;
  start?: string;
  end?: string;
  precision?: 1 | 2 | 3;
  kind?: DateMention["kind"];
  duration?: string;
}

export interface AttributionSpec {
  text: string;
  name?: string;
  role?: string;
  organization?: string;
  channel?: string;
}

export interface FixtureSpec {
  published?: string;
  actors?: ActorSpec[];
  places?: PlaceSpec[];
  dates?: DateSpec[];
  attributions?: AttributionSpec[];
}

export function fixture(text: string, spec: FixtureSpec = {}): { doc: Document; found: Found } {
  const doc = makeDocument(text, { id: "t", ...(spec.published !== undefined && { published: spec.published }) });
  const sentences = splitSentences(doc);
  const sentenceOf = (pos: number): number => sentences.findIndex((s) => s.span.start <= pos && pos < s.span.end);
  const actors: ActorMention[] = (spec.actors ?? []).flatMap((a) =>
    occurrences(text, a.text, a.nth).map((start) => ({
      span: spanOf(doc, start, start + a.text.length),
      by: "fixture",
      name: a.name,
      inter: a.kind === "state" ? 1 : 2,
      kind: a.kind ?? "rebel",
      ...(a.iso3 !== undefined && { iso3: a.iso3 }),
      category: "unknown",
    })),
  );
  const places: PlaceMention[] = (spec.places ?? []).flatMap((p) =>
    occurrences(text, p.text).map((start) => ({
      span: spanOf(doc, start, start + p.text.length),
      by: "fixture",
      name: p.country,
      kind: p.kind ?? "country",
      country: p.country,
      iso3: p.iso3,
      precision: 3,
    })),
  );
  const mentions: DateMention[] = (spec.dates ?? []).flatMap((d) =>
    occurrences(text, d.text).map((start) => ({
      span: spanOf(doc, start, start + d.text.length),
      by: "fixture",
      kind: d.kind ?? "date",
      ...(d.start !== undefined && { start: d.start, end: d.end ?? d.start, precision: d.precision ?? 1 }),
      ...(d.duration !== undefined && { duration: d.duration }),
      certain: true,
    })),
  );
  const attributions: Attribution[] = (spec.attributions ?? []).flatMap((a) =>
    occurrences(text, a.text).map((start) => {
      const { text: _t, ...fields } = a;
      return { span: spanOf(doc, start, start + a.text.length), by: "fixture", sentence: sentenceOf(start), ...fields };
    }),
  );
  const dateline = findDateline(doc);
  const found: Found = {
    text: dateline ? { sentences, dateline } : { sentences },
    dates: { mentions, ...(spec.published !== undefined && { reference: spec.published, referenceFrom: "published" as const }) },
    places: { mentions: places },
    actors: actors.sort((a, b) => a.span.start - b.span.start),
    attributions,
  };
  return { doc, found };
}

function occurrences(text: string, needle: string, nth?: number): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    const before = text[i - 1];
    const after = text[i + needle.length];
    if ((before === undefined || !/[A-Za-z]/.test(before)) && (after === undefined || !/[A-Za-z]/.test(after))) out.push(i);
  }
  return nth === undefined ? out : out.slice(nth, nth + 1);
}
