/**
 * @module extract/statements/statements
 * Speech acts worth tracking in a conflict: announcements, claims of responsibility, threats,
 * promises, calls, phone calls, talks, denials and accusations. A cue from
 * `data/statement-verbs.json` marks the act; its speaker is found by `speaker.ts`. Ordinary
 * reporting ("police said the bomb weighed 50 kg") has no cue and makes no statement.
 * The same act told over adjacent sentences (an announcement, then its spokesman's words; a
 * quotation running over several sentences) becomes one statement with every sentence as evidence.
 */
import type { Span, Statement, StatementKind } from "../../contract.js";
import type { Sentence } from "../annotations.js";
import type { Document } from "../document.js";
import { defineStage, type Found } from "../stage.js";
import { buildContext, dateNear, inQuote, referenceRange, sentenceAt, type DayRange, type DocContext } from "./context.js";
import type { Cue } from "./lexicon.js";
import type { Range } from "./people.js";
import { relativeDate } from "./relative.js";
import { coordinated, enrich, fromEntity, reporterAt, speakerAt, type Speaker, type SpeakerMemory } from "./speaker.js";

export const statementsStage = defineStage({
  key: "statements",
  // Places: a country can speak ("India welcomed …") and names a minister's government.
  needs: ["text", "dates", "places", "actors", "attributions"],
  run: (doc: Document, found: Found): Statement[] => findStatements(buildContext(doc, found)),
});

export function findStatements(ctx: DocContext): Statement[] {
  const drafts: Draft[] = [];
  const reporters: (Speaker | undefined)[] = [];
  const memory = memoryOf(drafts, reporters);
  for (const s of ctx.sentences) {
    const local = draftsIn(ctx, s, memory);
    reporters[s.index] = reporterOf(ctx, s, memory);
    if (local.length === 0) followUp(ctx, s, drafts, reporters[s.index]);
    for (const d of local) addDraft(drafts, d);
  }
  const out: Statement[] = [];
  for (const d of drafts) {
    const statement = toStatement(ctx, d, out.length + 1);
    if (statement) out.push(statement);
  }
  return out;
}

// --- internal ---

interface Draft {
  kind: StatementKind;
  by: string;
  first: number;
  last: number;
  pos: number;
  speaker: Speaker;
  evidence: Span[];
  quote?: Range;
}

/** When two kinds describe one act, the more specific wins ("promised … We call on" is a call). */
const KIND_RANK: Record<StatementKind, number> = {
  announcement: 1,
  talks: 2,
  phone_call: 3,
  promise: 4,
  call: 5,
  threat: 6,
  accusation: 7,
  denial: 8,
  claim: 9,
};

const NEGATED = /\b(?:not|never|no longer|n't|refused to|declined to|yet to|failed to|unlikely to)\s+(?:[a-z]+\s+){0,2}$/i;
const MODAL = /\b(?:would|could|may|might|will|shall|should|must|expected to|likely to|plans? to|planning to|set to|due to|going to|wants? to|hopes? to|able to|agreed to)\s+(?:[a-z]+\s+)?$/i;

interface CueHit {
  cue: Cue;
  start: number;
  end: number;
}

function draftsIn(ctx: DocContext, s: Sentence, memory: SpeakerMemory): Draft[] {
  const local: Draft[] = [];
  for (const hit of cuesIn(ctx, s)) {
    const participle = /^[a-z]+ing\b/i.test(ctx.doc.norm.slice(hit.start, hit.end));
    // "X indicated that … might force the government to launch …": the one who says it makes the threat.
    const speaker = (hit.cue.needsReport ? reporterOf(ctx, s, memory) : undefined) ?? speakerAt(ctx, s, hit.start, hit.end, memory, participle);
    if (!speaker) continue;
    for (const one of [speaker, ...coSpeakers(ctx, s, speaker, hit.start)]) addLocal(local, one, hit, s);
  }
  return local;
}

/** "X and Y condemned …": each of the joined subjects speaks. */
function coSpeakers(ctx: DocContext, s: Sentence, speaker: Speaker, pos: number): Speaker[] {
  const main = speaker.entity;
  if (!main || speaker.quote) return [];
  return coordinated(ctx, main, pos)
    .filter((e) => e !== main)
    .map((e) => enrich(ctx, s, fromEntity(e)));
}

/** Adds the act of one speaker in a sentence; a second cue of the same speaker only sharpens the kind. */
function addLocal(local: Draft[], speaker: Speaker, hit: CueHit, s: Sentence): void {
  const same = local.find((d) => d.speaker.key === speaker.key);
  if (same) {
    if (KIND_RANK[hit.cue.kind] > KIND_RANK[same.kind]) Object.assign(same, { kind: hit.cue.kind, by: hit.cue.by, pos: hit.start });
    return;
  }
  local.push({
    kind: hit.cue.kind,
    by: hit.cue.by,
    first: s.index,
    last: s.index,
    pos: hit.start,
    speaker,
    evidence: [s.span],
    ...(speaker.quote && { quote: speaker.quote }),
  });
}

/** The cues of a sentence, earlier cues in the lexicon winning where two cover the same words. */
function cuesIn(ctx: DocContext, s: Sentence): CueHit[] {
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const reported = ctx.lex.reporting.test(text);
  const hits: CueHit[] = [];
  for (const cue of ctx.lex.cues) {
    if (cue.needsReport && !reported) continue;
    cue.re.lastIndex = 0;
    for (let m = cue.re.exec(text); m; m = cue.re.exec(text)) {
      if (m[0].length === 0) {
        cue.re.lastIndex++;
        continue;
      }
      const head = text.slice(Math.max(0, m.index - 40), m.index);
      if (!cue.modalOk && (NEGATED.test(head) || (MODAL.test(head) && cue.kind !== "threat"))) continue;
      if (hits.some((h) => h.start < s.span.start + m!.index + m![0].length && s.span.start + m!.index < h.end)) continue;
      hits.push({ cue, start: s.span.start + m.index, end: s.span.start + m.index + m[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Who the sentence reports, if it reports someone's words outside a quotation. */
function reporterOf(ctx: DocContext, s: Sentence, memory: SpeakerMemory): Speaker | undefined {
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const verbs = new RegExp(ctx.lex.reporting.source, "gi");
  for (let m = verbs.exec(text); m; m = verbs.exec(text)) {
    const pos = s.span.start + m.index;
    if (inQuote(ctx, { start: pos, end: pos + m[0].length })) continue;
    const speaker = reporterAt(ctx, s, pos, memory);
    if (speaker) return speaker;
    if (m[0].length === 0) verbs.lastIndex++;
  }
  return undefined;
}

/** "The group announced … . Its spokesman, X, said …": the spokesman's words belong to the announcement. */
function followUp(ctx: DocContext, s: Sentence, drafts: Draft[], reporter: Speaker | undefined): void {
  const last = drafts[drafts.length - 1];
  if (!last || !reporter || last.last !== s.index - 1) return;
  const relation = relate(last.speaker, reporter);
  if (!relation) return;
  last.evidence.push(s.span);
  last.last = s.index;
  if (relation === "narrower") last.speaker = reporter;
}

/** Adds a draft, merging it into the one before when both tell the same act by the same speaker. */
function addDraft(drafts: Draft[], d: Draft): void {
  const prev = drafts[drafts.length - 1];
  const sameQuote = prev?.quote !== undefined && d.quote !== undefined && prev.quote.start === d.quote.start;
  const relation = prev && relate(prev.speaker, d.speaker);
  const adjacent = prev !== undefined && d.first - prev.last <= 1;
  const compatible = prev !== undefined && (prev.kind === d.kind || prev.kind === "announcement" || d.kind === "announcement");
  if (!prev || !relation || !adjacent || !(compatible || sameQuote)) {
    drafts.push(d);
    return;
  }
  if (prev.last !== d.first) prev.evidence.push(...d.evidence);
  prev.last = d.last;
  if (KIND_RANK[d.kind] > KIND_RANK[prev.kind]) Object.assign(prev, { kind: d.kind, by: d.by, pos: d.pos });
  if (relation === "narrower") prev.speaker = d.speaker;
}

/** Whether `b` is the same speaker as `a` ("same") or someone speaking for `a` ("narrower"). */
function relate(a: Speaker, b: Speaker): "same" | "narrower" | undefined {
  if (a.key === b.key) return "same";
  if (b.org !== undefined && b.org === a.key) return "narrower";
  if (a.org !== undefined && a.org === b.key) return "same";
  return undefined;
}

function memoryOf(drafts: readonly Draft[], reporters: readonly (Speaker | undefined)[]): SpeakerMemory {
  return {
    recent(before, person) {
      for (let i = before - 1; i >= Math.max(0, before - 3); i--) {
        const fromDraft = [...drafts].reverse().find((d) => d.last === i && (!person || d.speaker.source.name !== undefined));
        if (fromDraft) return fromDraft.speaker;
        const r = reporters[i];
        if (r && (!person || r.source.name !== undefined)) return r;
      }
      return undefined;
    },
  };
}

function toStatement(ctx: DocContext, d: Draft, n: number): Statement | undefined {
  const date = dateOf(ctx, d);
  if (!date) return undefined;
  return {
    id: `s${n}`,
    kind: d.kind,
    speaker: d.speaker.source,
    about: aboutOf(ctx, d),
    date: { start: date.start, end: date.end, precision: date.precision },
    evidence: d.evidence,
    by: `statements/${d.by}`,
  };
}

/** The written date nearest the cue, else one in the other evidence, else the reference date. */
function dateOf(ctx: DocContext, d: Draft): DayRange | undefined {
  const own = relativeDate(ctx, d.first, d.pos) ?? dateNear(ctx, d.first, d.pos);
  if (own) return own;
  const others = d.evidence.map((e) => sentenceAt(ctx.sentences, e.start));
  if (d.quote) others.push(sentenceAt(ctx.sentences, d.quote.end - 1));
  for (const i of others) {
    const date = dateNear(ctx, i, ctx.sentences[i]!.span.start);
    if (date) return date;
  }
  return referenceRange(ctx);
}

/** The speaker, then the parties the evidence names besides the speaker; countries only if no one else. */
function aboutOf(ctx: DocContext, d: Draft): string[] {
  const names = [d.speaker.key];
  const speakerExtent = d.speaker.entity?.extent ?? d.speaker.source.mention;
  const others = d.evidence
    .flatMap((e) => ctx.bySentence[sentenceAt(ctx.sentences, e.start)] ?? [])
    .filter((e) => !(e.extent.start < speakerExtent.end && speakerExtent.start < e.extent.end));
  const add = (name: string): void => {
    if (!names.includes(name)) names.push(name);
  };
  for (const e of others) if (e.kind !== "country") add(e.name);
  if (names.length === 1) for (const e of others) add(e.name);
  return names;
}
