/**
 * @module extract/events/assemble
 * Event assembly: asserted triggers become event drafts with their arguments (actors, place,
 * date, casualties, weapons, sources); drafts that report the same event ("the strike",
 * "the attack") merge; drafts become contract events, one actor pair, one place, one day.
 */
import type { ConflictEvent, Span, Tally } from "../../contract.js";
import type { ActorMention, Annotations, Attribution, CasualtyMention, PlaceMention, Sentence, Trigger } from "../annotations.js";
import type { Document } from "../document.js";
import type { Resources } from "../resources.js";
import { defineStage, need, type Found } from "../stage.js";
import { resolveUnnamed } from "../sources.js";
import { draftsOf, type Draft } from "./drafts.js";
import { dateOf, mergeDrafts, NARRATIVE_DATE, NARRATIVE_PLACE } from "./merge.js";
import { toEvent } from "./to-event.js";

export const eventsStage = defineStage({
  key: "events",
  needs: ["text", "dates", "places", "actors", "attributions", "triggers", "weapons", "casualties", "tallies"],
  run: (doc, found, resources): ConflictEvent[] => {
    const context = contextOf(doc, found, resources);
    const drafts = mergeDrafts(draftsOf(context), context).filter((d) => isCodable(d, context));
    return drafts.map((d, i) => toEvent(d, `e${i + 1}`, context)).filter((e): e is ConflictEvent => e !== null);
  },
});

/** Everything assembly reads, indexed by sentence once. */
export interface AssemblyContext {
  doc: Document;
  resources: Resources;
  sentences: readonly Sentence[];
  dates: Annotations["dates"];
  places: Annotations["places"];
  /** The dateline's span: the place where the report was filed. */
  dateline?: { start: number; end: number };
  bySentence: (index: number) => SentenceFacts;
  attributions: readonly Attribution[];
  tallies: readonly Tally[];
  /** Sentences whose figures belong to a tally. */
  tallySentences: ReadonlySet<number>;
}

export interface SentenceFacts {
  sentence: Sentence;
  triggers: Trigger[];
  actors: ActorMention[];
  places: PlaceMention[];
  casualties: CasualtyMention[];
  dates: Annotations["dates"]["mentions"];
  weapons: Annotations["weapons"];
  attributions: Attribution[];
}

export type { Draft, Span };

// --- internal ---

/** Index of the last sentence of the lead: the first two sentences after any header lines. */
function leadEnd(ctx: AssemblyContext): number {
  const body = ctx.sentences.findIndex((s) => /[a-z]{3,}.*[.!?]["')\]]*$/i.test(s.span.text) && s.span.text.length > 60);
  return (body < 0 ? 0 : body) + 1;
}

/**
 * ACLED codes an event when the report pins it down: a stated day, a place below the country,
 * figures of the dead and wounded, or a named party. A bare mention of "the bombing" with none
 * of these is commentary, not an event anyone could verify.
 */
function isCodable(d: Draft, ctx: AssemblyContext): boolean {
  // "in 1982", "in the 1970s": history told as background, beyond ACLED's coarsest precision (a month)
  const when = dateOf(d);
  if (when?.start && when.end && (Date.parse(when.end) - Date.parse(when.start)) / 86_400_000 > 31) return false;
  // a snippet with no date at all (no publication date, no dateline) cannot be judged this way
  if (!ctx.dates.reference || d.casualties.length > 0 || d.partOf) return true;
  // the lead reports the news of the day: its event is dated by the report itself
  if (d.first <= leadEnd(ctx)) return true;
  // a place or day carried over from the narrative does not pin this mention down
  const dated = d.dates.some((m) => m.start && m.kind !== "duration" && m.by !== NARRATIVE_DATE);
  const placed = d.places.some((p) => (p.kind === "city" || p.kind === "admin2" || p.kind === "admin1") && p.by !== NARRATIVE_PLACE);
  const named = [d.actor1, d.actor2].some((a) => a && a.kind !== "unidentified" && a.kind !== "civilians");
  return dated || placed || named;
}

function contextOf(doc: Document, found: Found, resources: Resources): AssemblyContext {
  const sentences = need(found, "text").sentences;
  const attributions = resolveUnnamed(need(found, "attributions"));
  const tallies = need(found, "tallies");
  const index = (span: { start: number }): number => sentenceAt(sentences, span.start);
  const facts = sentences.map<SentenceFacts>((sentence) => ({
    sentence,
    triggers: [],
    actors: [],
    places: [],
    casualties: [],
    dates: [],
    weapons: [],
    attributions: [],
  }));
  const put = <K extends keyof SentenceFacts>(key: K, items: readonly (SentenceFacts[K] extends (infer T)[] ? T & { span: { start: number } } : never)[]): void => {
    for (const item of items) (facts[index(item.span)]?.[key] as unknown[] | undefined)?.push(item);
  };
  put("triggers", need(found, "triggers"));
  put("actors", need(found, "actors"));
  put("places", need(found, "places").mentions);
  put("casualties", need(found, "casualties"));
  // the dateline's date is the report's, not an event's (tagged so when it was the reference; not when a publication date was given)
  const dateline = need(found, "text").dateline?.span;
  put("dates", need(found, "dates").mentions.filter((d) => !(dateline && d.span.start >= dateline.start && d.span.end <= dateline.end)));
  put("weapons", need(found, "weapons"));
  for (const a of attributions) {
    facts[a.sentence]?.attributions.push(a);
    if (a.quote) for (const s of sentences) if (s.index !== a.sentence && s.span.start < a.quote.end && a.quote.start < s.span.end) facts[s.index]?.attributions.push(a);
  }
  const tallySentences = new Set(tallies.flatMap((t) => t.evidence.map((e) => index(e))));
  return {
    doc,
    resources,
    sentences,
    dates: need(found, "dates"),
    places: need(found, "places"),
    ...(need(found, "text").dateline && { dateline: need(found, "text").dateline!.span }),
    bySentence: (i) => facts[i]!,
    attributions,
    tallies,
    tallySentences,
  };
}

/** Index of the sentence holding offset `at` (binary search; sentences are in order). */
export function sentenceAt(sentences: readonly Sentence[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.span.start) hi = mid - 1;
    else if (at >= s.span.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(lo, sentences.length - 1));
}
