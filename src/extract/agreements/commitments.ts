/**
 * @module extract/agreements/commitments
 * What agreements commit parties to, read from clauses that an agreement "calls for" or
 * "requires", that come "under the deal", that a party "promised" or "pledged", or that a
 * party "said … would" do while naming the agreement. A clause takes the first commitment kind
 * of `data/commitments.json` it matches; a sequenced step in it ("before talks on March 10")
 * is a commitment of its own. Deadlines come from dated clauses, rules from "within 14 months".
 */
import type { CommitmentKind } from "../../contract.js";
import type { Sentence } from "../annotations.js";
import { numberValue } from "../numbers/number-words.js";
import { inQuote, quoteAt, type DocContext, type Entity } from "../statements/context.js";
import { isInPrepPhrase, subjectEntity } from "../statements/speaker.js";
import type { AgreementLexicon } from "./lexicon.js";
import type { AgreementMention } from "./mentions.js";

export interface CommitmentDraft {
  kind: CommitmentKind;
  start: number;
  end: number;
  sentence: number;
  frame: string;
  party?: string;
  deadline?: string;
  deadlineRule?: string;
  /** The agreement mention the clause hangs on ("the deal called for …"). */
  mention?: AgreementMention;
  /** Who promised it, for a promise that names no agreement. */
  promiser?: Entity;
}

export function findCommitments(ctx: DocContext, lex: AgreementLexicon, mentions: readonly AgreementMention[]): CommitmentDraft[] {
  const out: CommitmentDraft[] = [];
  for (const s of ctx.sentences) {
    const own = mentions.filter((m) => m.sentence === s.index);
    for (const f of lex.frames) {
      f.re.lastIndex = 0;
      const text = ctx.doc.norm.slice(s.span.start, s.span.end);
      for (let m = f.re.exec(text); m; m = f.re.exec(text)) {
        const at = s.span.start + m.index;
        const frameEnd = at + m[0].length;
        if (out.some((c) => c.start <= frameEnd && frameEnd < c.end)) continue;
        out.push(...fromFrame(ctx, lex, s, f.frame, at, frameEnd, own));
      }
    }
  }
  return out;
}

/** "P14M" from a number and a unit ("14", "months"); "PT72H" for hours. */
export function isoDuration(count: string, unit: string): string | undefined {
  const n = /^\d+$/.test(count) ? Number(count) : numberValue(count);
  if (n === undefined || n <= 0) return undefined;
  const u = unit.toLowerCase().replace(/s$/, "");
  const code: Record<string, string> = { hour: "H", day: "D", week: "W", month: "M", year: "Y" };
  return u === "hour" ? `PT${n}H` : code[u] ? `P${n}${code[u]}` : undefined;
}

// --- internal ---

// A period inside a sentence is an abbreviation ("U.S. forces"): only the sentence's last one ends the clause.
const CLAUSE_END = /;|\.["']?\s*$|,\s+(?:but|while|although|though|whereas|which|and the)\b|\s-\s/;

function fromFrame(ctx: DocContext, lex: AgreementLexicon, s: Sentence, frame: string, at: number, frameEnd: number, own: readonly AgreementMention[]): CommitmentDraft[] {
  const hook = hookOf(ctx, lex, s, frame, at, frameEnd, own);
  if (!hook) return [];
  const range = clauseRange(ctx, lex, s, frameEnd, frame);
  if (!range) return [];
  const drafts = splitSequenced(ctx, lex, range.start, range.end);
  return drafts.map((d) => ({
    ...d,
    sentence: s.index,
    frame,
    ...(hook.mention && { mention: hook.mention }),
    ...(hook.promiser && { promiser: hook.promiser }),
    ...partyOf(ctx, frame, hook.promiser, d.start, d.end),
    ...deadlineOf(ctx, s.index, d.start, d.end),
    ...ruleOf(ctx, lex, d.start, d.end),
  }));
}

interface Hook {
  mention?: AgreementMention;
  promiser?: Entity;
}

/** What makes the clause a commitment: an agreement as subject or named in it, or a promising party. */
function hookOf(ctx: DocContext, lex: AgreementLexicon, s: Sentence, frame: string, at: number, frameEnd: number, own: readonly AgreementMention[]): Hook | undefined {
  if (frame === "agreement") {
    const subject = [...own].reverse().find((m) => m.end <= at && !/;/.test(ctx.doc.norm.slice(m.end, at)) && at - m.end < 90);
    return subject ? { mention: subject } : undefined;
  }
  if (frame === "under") {
    const inside = own.find((m) => m.start >= at && m.end <= frameEnd);
    return inside ? { mention: inside } : undefined;
  }
  if (frame === "promise") {
    const promiser = subjectEntity(ctx, s, at);
    return promiser ? { promiser } : undefined;
  }
  const named = own.find((m) => m.start >= frameEnd);
  return named ? { mention: named } : undefined;
}

/** From the frame to the end of the clause; "promised the world they would …" starts at "they". */
function clauseRange(ctx: DocContext, lex: AgreementLexicon, s: Sentence, from: number, frame: string): { start: number; end: number } | undefined {
  const rest = ctx.doc.norm.slice(from, s.span.end);
  const stop = CLAUSE_END.exec(rest);
  let end = from + (stop ? stop.index : rest.length);
  // A promise quoted ends where the quotation does ("… attacks," an officer said).
  const quote = quoteAt(ctx, from);
  if (quote && quote.end - 1 < end) end = quote.end - 1;
  while (end > from && /[\s,"'.]/.test(ctx.doc.norm[end - 1]!)) end--;
  let start = from;
  if (frame === "promise" || frame === "agreement") {
    const clause = ctx.doc.norm.slice(from, end);
    const that = /^(?:[^,;]{0,60}?\s)?that\s+/.exec(clause);
    lex.subjectWill.lastIndex = 0;
    const will = lex.subjectWill.exec(clause);
    if (will && will.index < 60) start = from + will.index;
    else if (that) start = from + that[0].length;
  }
  return end - start >= 4 ? { start, end } : undefined;
}

/**
 * One commitment per clause, and one more for a step it is sequenced with ("before talks on …")
 * or for a conjunct of another family ("halt attacks and release all detainees"); "reduce
 * violence and not increase attacks" stays one, both conjuncts being about violence.
 */
function splitSequenced(ctx: DocContext, lex: AgreementLexicon, start: number, end: number): { kind: CommitmentKind; start: number; end: number }[] {
  const clause = ctx.doc.norm.slice(start, end);
  lex.sequencers.lastIndex = 0;
  const seq = lex.sequencers.exec(clause);
  const conj = / and (?:to |will |would |the |a |all )?/.exec(clause);
  const cut = seq ? { at: seq.index, next: seq.index + seq[0].length } : conj ? { at: conj.index, next: conj.index + 5 } : undefined;
  const headKind = kindOf(lex, cut ? clause.slice(0, cut.at) : clause);
  const mainKind = headKind ?? kindOf(lex, clause);
  if (!mainKind) return [];
  const out = [{ kind: mainKind, start, end }];
  if (!cut || !headKind) return out;
  const stepKind = kindOf(lex, clause.slice(cut.next));
  const sameFamily = stepKind !== undefined && VIOLENCE.has(stepKind) && VIOLENCE.has(headKind);
  if (stepKind && stepKind !== headKind && !sameFamily) out.push({ kind: stepKind, start: start + cut.next, end });
  return out;
}

const VIOLENCE: ReadonlySet<CommitmentKind> = new Set(["reduce_violence", "cease_hostilities", "no_attacks_on"]);

function kindOf(lex: AgreementLexicon, text: string): CommitmentKind | undefined {
  for (const k of lex.kinds) {
    k.re.lastIndex = 0;
    if (k.re.test(text)) return k.kind;
  }
  return undefined;
}

/** The party bound: the promiser, else the first party the clause names ("withdrawal of U.S. forces"). */
function partyOf(ctx: DocContext, frame: string, promiser: Entity | undefined, start: number, end: number): { party?: string } {
  if (frame === "promise" && promiser) return { party: promiser.party };
  const first = ctx.entities.find((e) => e.extent.start >= start && e.extent.end <= end && e.kind !== "person" && !isLocation(ctx, e));
  if (first) return { party: first.party };
  // "the withdrawal of Saudi troops": a demonym before the forces names their country.
  const demonym = ctx.places.find((p) => p.span.start >= start && p.span.end <= end && /^\s+(?:[a-z]+\s+)?(?:troops|forces|soldiers|military|army)\b/i.test(ctx.doc.norm.slice(p.span.end, p.span.end + 30)));
  return demonym ? { party: demonym.country } : {};
}

/** "from Afghanistan", "in Helmand": a country named as a place is not a party. */
function isLocation(ctx: DocContext, e: Entity): boolean {
  if (e.kind !== "country") return false;
  return /\b(?:from|in|across|throughout|inside|into|out of)\s+(?:the\s+)?$/i.test(ctx.doc.norm.slice(Math.max(0, e.extent.start - 20), e.extent.start)) && isInPrepPhrase(ctx, e);
}

/** "before talks on March 10", "by June 1": the date in the clause a deadline word leads to. */
function deadlineOf(ctx: DocContext, sentence: number, start: number, end: number): { deadline?: string } {
  for (const d of ctx.dates[sentence] ?? []) {
    if (d.span.start < start || d.span.end > end || inQuote(ctx, d.span) !== inQuote(ctx, { start, end })) continue;
    const before = ctx.doc.norm.slice(start, d.span.start);
    if (/\b(?:before|by|until|till|no later than|ahead of|prior to|on)\s+(?:[A-Za-z-]+\s+){0,3}$/i.test(before) && d.start !== undefined) {
      return { deadline: d.end ?? d.start };
    }
  }
  return {};
}

/** "within 14 months" → "P14M after signing". */
function ruleOf(ctx: DocContext, lex: AgreementLexicon, start: number, end: number): { deadlineRule?: string } {
  lex.within.lastIndex = 0;
  const m = lex.within.exec(ctx.doc.norm.slice(start, end));
  const duration = m && isoDuration(m[1]!, m[2]!);
  return duration ? { deadlineRule: `${duration} after signing` } : {};
}
