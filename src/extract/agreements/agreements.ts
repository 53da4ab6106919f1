/**
 * @module extract/agreements/agreements
 * Deals, peace agreements, ceasefires and truces the article says exist, with their parties,
 * signing date and commitments (DESIGN.md §4). Every mention of one agreement ("a peace deal",
 * "the deal", "the U.S.-Taliban peace deal") becomes one agreement; a negated or only proposed
 * one ("there is no agreement yet", "calls for a truce") makes none. A unilateral ceasefire is a
 * one-party agreement with a cease_hostilities commitment.
 */
import type { Agreement, Commitment, Span } from "../../contract.js";
import type { Document } from "../document.js";
import { spanOf } from "../document.js";
import { defineStage, type Found } from "../stage.js";
import { buildContext, inQuote, toRange, type DayRange, type DocContext, type Entity } from "../statements/context.js";
import { relativeDate } from "../statements/relative.js";
import { coordinated, isInPrepPhrase, subjectEntity } from "../statements/speaker.js";
import { findCommitments, isoDuration, type CommitmentDraft } from "./commitments.js";
import { agreementLexicon, type AgreementClass, type AgreementLexicon } from "./lexicon.js";
import { findMentions, type AgreementMention } from "./mentions.js";

export const agreementsStage = defineStage({
  key: "agreements",
  // Places: parties are often countries ("U.S.-Taliban", "between Israel and Hamas").
  needs: ["text", "dates", "places", "actors", "attributions"],
  run: (doc: Document, found: Found): Agreement[] => findAgreements(buildContext(doc, found)),
});

export function findAgreements(ctx: DocContext): Agreement[] {
  const lex = agreementLexicon();
  const mentions = findMentions(ctx, lex);
  const drafts = group(ctx, lex, mentions);
  if (drafts.length === 0) return [];
  attachCommitments(ctx, drafts, findCommitments(ctx, lex, mentions));
  return drafts.map((d, i) => toAgreement(ctx, lex, d, i + 1));
}

// --- internal ---

interface Draft {
  class: AgreementClass;
  head: string;
  name?: string;
  named: boolean;
  parties: string[];
  mentions: AgreementMention[];
  signed?: DayRange;
  start?: string;
  commitments: CommitmentDraft[];
  evidence: Set<number>;
}

/** Mentions that say an agreement exists become agreements; back-references join the one they point to. */
function group(ctx: DocContext, lex: AgreementLexicon, mentions: readonly AgreementMention[]): Draft[] {
  const drafts: Draft[] = [];
  const early: AgreementMention[] = [];
  for (const m of mentions) {
    if (!m.asserted) continue;
    if (m.strength === "weak" || m.class === undefined) {
      const last = drafts[drafts.length - 1];
      if (last) addMention(ctx, lex, last, m, []);
      else early.push(m);
      continue;
    }
    const parties = partiesOf(ctx, lex, m);
    const target = [...drafts].reverse().find((d) => compatible(d, m, parties));
    if (target) addMention(ctx, lex, target, m, parties);
    else drafts.push(newDraft(ctx, lex, m, parties));
  }
  const first = drafts[0];
  if (first) for (const m of early) addMention(ctx, lex, first, m, []);
  return drafts;
}

function newDraft(ctx: DocContext, lex: AgreementLexicon, m: AgreementMention, parties: string[]): Draft {
  const d: Draft = { class: m.class ?? "deal", head: m.head, named: m.strength === "named", parties: [], mentions: [], commitments: [], evidence: new Set() };
  addMention(ctx, lex, d, m, parties);
  return d;
}

function addMention(ctx: DocContext, lex: AgreementLexicon, d: Draft, m: AgreementMention, parties: readonly string[]): void {
  d.mentions.push(m);
  d.evidence.add(m.sentence);
  for (const p of parties) if (!d.parties.includes(p)) d.parties.push(p);
  if (m.strength === "named" && !d.named) Object.assign(d, { name: m.name, named: true });
  else if (m.name !== undefined && d.name === undefined) d.name = m.name.replace(/^the\s+/i, "");
  const dates = signingOf(ctx, lex, m);
  if (dates.signed && (!d.signed || dates.signed.precision < d.signed.precision)) d.signed = dates.signed;
  if (dates.start && !d.start) d.start = dates.start;
}

/** Same kind of agreement, and parties that do not contradict (one side unknown, or one shared). */
function compatible(d: Draft, m: AgreementMention, parties: readonly string[]): boolean {
  if (m.strength === "named" && d.named && d.name !== m.name) return false;
  if (d.class !== m.class && !(m.strength === "named" || d.named)) return false;
  return parties.length === 0 || d.parties.length === 0 || parties.some((p) => d.parties.includes(p));
}

/** The parties a mention names: "U.S.-Taliban", "between X and Y", "with X", its clause's subject, "the two sides". */
function partiesOf(ctx: DocContext, lex: AgreementLexicon, m: AgreementMention): string[] {
  const fromPrefix = m.prefixParts.map((p) => partyAt(ctx, p.start, p.end) ?? p.text);
  if (fromPrefix.length > 0) return unique(fromPrefix);
  const s = ctx.sentences[m.sentence]!;
  const after = ctx.doc.norm.slice(m.end, Math.min(s.span.end, m.end + 100));
  const between = /^[^;]{0,45}?\bbetween\s+([^,;]{3,80})/i.exec(after);
  if (between) {
    const at = m.end + between.index + between[0].length - between[1]!.length;
    const first = entitiesIn(ctx, m.sentence, at, at + between[1]!.length)[0];
    if (first) return unique(coordinated(ctx, first, s.span.end).map((e) => e.party));
  }
  const subject = subjectOf(ctx, lex, m);
  const partner = /^\s+(?:\w+\s+){0,3}?with\s+/i.exec(after);
  const other = partner ? entitiesIn(ctx, m.sentence, m.end + partner[0].length, m.end + partner[0].length + 4)[0] : undefined;
  return unique([...subject, ...(other ? [other.party] : [])]);
}

/** "the rebels declared a truce", "X and Y signed a deal", "the two sides signed …". */
function subjectOf(ctx: DocContext, lex: AgreementLexicon, m: AgreementMention): string[] {
  const s = ctx.sentences[m.sentence]!;
  const head = ctx.doc.norm.slice(s.span.start, m.start);
  if (lex.twoSides.test(head.slice(-60))) {
    const sides = (ctx.bySentence[m.sentence] ?? []).filter((e) => e.extent.end <= m.start && e.kind !== "person" && !isPlace(ctx, e));
    return unique(sides.map((e) => e.party)).slice(0, 2);
  }
  const subject = subjectEntity(ctx, s, m.start);
  return subject ? unique(coordinated(ctx, subject, m.start).map((e) => e.party)) : [];
}

/** A country or actor named as where something happens ("in southern Afghanistan"), not who. */
function isPlace(ctx: DocContext, e: Entity): boolean {
  const before = ctx.doc.norm.slice(Math.max(0, e.extent.start - 30), e.extent.start);
  return /\b(?:in|near|across|at|from|into|throughout|inside)\s+(?:the\s+)?(?:[a-z]+ern\s+|central\s+)?$/i.test(before) || (e.kind === "country" && isInPrepPhrase(ctx, e));
}

function entitiesIn(ctx: DocContext, sentence: number, start: number, end: number): Entity[] {
  return (ctx.bySentence[sentence] ?? []).filter((e) => e.extent.start >= start && e.extent.start < end && e.kind !== "person");
}

function partyAt(ctx: DocContext, start: number, end: number): string | undefined {
  const e = ctx.entities.find((x) => x.mention.start < end && start < x.mention.end);
  if (e) return e.party;
  return ctx.places.find((p) => p.span.start < end && start < p.span.end)?.country;
}

/** When the agreement was signed (or declared), and when it starts: "signed … Feb. 29", "days after … signed", "from Thursday". */
function signingOf(ctx: DocContext, lex: AgreementLexicon, m: AgreementMention): { signed?: DayRange; start?: string } {
  const s = ctx.sentences[m.sentence]!;
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const startDate = startOf(ctx, m);
  lex.signing.lastIndex = 0;
  for (let v = lex.signing.exec(text); v; v = lex.signing.exec(text)) {
    const at = s.span.start + v.index;
    const gap = at < m.start ? ctx.doc.norm.slice(at + v[0].length, m.start) : ctx.doc.norm.slice(m.end, at);
    // "the accord, signed on Feb. 12": an appositive comma right after the mention is no clause break.
    if (gap.length > 45 || /[;:]/.test(gap) || /,/.test(gap.replace(/^,\s*$/, "")) || inQuote(ctx, { start: at, end: at + 1 }) !== inQuote(ctx, m)) continue;
    const signed = relativeDate(ctx, m.sentence, at) ?? signingDate(ctx, m, at) ?? startDate;
    return { ...(signed && { signed }), ...(startDate && { start: startDate.start }) };
  }
  return startDate ? { start: startDate.start } : {};
}

/** The sentence's date nearest the signing verb, leaving out deadlines, start dates and bare years. */
function signingDate(ctx: DocContext, m: AgreementMention, at: number): DayRange | undefined {
  const usable = (ctx.dates[m.sentence] ?? []).filter((d) => {
    const before = ctx.doc.norm.slice(Math.max(0, d.span.start - 25), d.span.start);
    return !/^\d{4}$/.test(d.span.text.trim()) && !/\b(?:before|by|until|since|within|from|starting|ahead of)\s+(?:[A-Za-z-]+\s+){0,2}$/i.test(before);
  });
  let best: DayRange | undefined;
  let distance = Infinity;
  for (const d of usable) {
    const range = toRange(d);
    const gap = Math.min(Math.abs(d.span.start - at), Math.abs(d.span.end - at));
    if (range && gap < distance) [best, distance] = [range, gap];
  }
  return best;
}

/** "a truce from Thursday", "starting June 1": the day the agreement takes effect. */
function startOf(ctx: DocContext, m: AgreementMention): DayRange | undefined {
  const lex = agreementLexicon();
  for (const d of ctx.dates[m.sentence] ?? []) {
    if (d.span.start < m.end || d.span.start - m.end > 40 || d.start === undefined) continue;
    if (lex.startFrom.test(ctx.doc.norm.slice(m.end, d.span.start))) return { start: d.start, end: d.end ?? d.start, precision: d.precision ?? 1 };
  }
  return undefined;
}

/** Commitments join the agreement they hang on, or, for a promise, the agreement of the promising party. */
function attachCommitments(ctx: DocContext, drafts: Draft[], commitments: readonly CommitmentDraft[]): void {
  for (const c of commitments) {
    const target = c.mention ? drafts.find((d) => d.mentions.includes(c.mention!)) : promisedIn(drafts, c);
    if (!target) continue;
    const { party: _written, ...rest } = c;
    const party = boundParty(target, c);
    target.commitments.push(party !== undefined ? { ...rest, party } : rest);
    if (c.frame !== "promise") target.evidence.add(c.sentence);
  }
}

/** The written party if it is one of the agreement's; a one-party agreement binds its party. */
function boundParty(d: Draft, c: CommitmentDraft): string | undefined {
  if (c.party !== undefined && (d.parties.length === 0 || d.parties.includes(c.party))) return c.party;
  return d.parties.length === 1 && c.frame !== "agreement" ? d.parties[0] : undefined;
}

function promisedIn(drafts: readonly Draft[], c: CommitmentDraft): Draft | undefined {
  const party = c.promiser?.party;
  return drafts.find((d) => party !== undefined && d.parties.includes(party)) ?? (drafts.length === 1 ? drafts[0] : undefined);
}

function toAgreement(ctx: DocContext, lex: AgreementLexicon, d: Draft, n: number): Agreement {
  const duration = durationOf(ctx, lex, d);
  const commitments = withImplicit(ctx, d);
  const atRisk = riskSentences(ctx, lex, d, commitments);
  const out: Commitment[] = commitments.map((c) => commitmentOf(ctx, d, c, duration, atRisk.commitments.has(c)));
  const evidence = [...new Set([...d.evidence, ...atRisk.sentences])].sort((a, b) => a - b).map((i) => ctx.sentences[i]!.span);
  return {
    id: `a${n}`,
    name: nameOf(d, duration?.words, isUnilateral(ctx, lex, d)),
    parties: d.parties,
    ...(d.signed && { signed: { start: d.signed.start, end: d.signed.end, precision: d.signed.precision } }),
    commitments: out,
    evidence,
    by: `agreements/${d.named ? "named" : d.class}`,
  };
}

function commitmentOf(ctx: DocContext, d: Draft, c: CommitmentDraft, duration: { iso: string } | undefined, atRisk: boolean): Commitment {
  const rule = c.deadlineRule ?? (duration && c.kind === "cease_hostilities" ? `${duration.iso} ${d.start ?? d.signed?.start ? `after ${d.start ?? d.signed!.start}` : "from start"}` : undefined);
  return {
    ...(c.party !== undefined && { party: c.party }),
    kind: c.kind,
    text: spanOf(ctx.doc, c.start, c.end) as Span,
    ...(c.deadline !== undefined && { deadline: c.deadline }),
    ...(rule !== undefined && { deadlineRule: rule }),
    ...(atRisk && { status: "at risk" }),
  };
}

/** A ceasefire binds its parties to cease hostilities even when no clause spells it out. */
function withImplicit(ctx: DocContext, d: Draft): CommitmentDraft[] {
  if (d.class !== "ceasefire" || d.commitments.some((c) => c.kind === "cease_hostilities")) return d.commitments;
  const m = d.mentions.find((x) => x.strength !== "weak");
  if (!m) return d.commitments;
  const { start, end } = clauseAround(ctx, m);
  const party = d.parties.length === 1 ? d.parties[0] : undefined;
  const implicit: CommitmentDraft = { kind: "cease_hostilities", start, end, sentence: m.sentence, frame: "implicit", ...(party !== undefined && { party }) };
  return [implicit, ...d.commitments];
}

/**
 * The words that commit the parties of a ceasefire nobody spells out: the clause around its
 * mention ("who have observed a ceasefire since 2002"), or the mention alone when it is the
 * clause's subject ("The truce signed in May called for …").
 */
function clauseAround(ctx: DocContext, m: AgreementMention): { start: number; end: number } {
  const s = ctx.sentences[m.sentence]!;
  const head = ctx.doc.norm.slice(s.span.start, m.start);
  const cut = /(?:[,;(:]|\b(?:after|before|when|while|because|but|although|though|since|that|and)\b)(?![\s\S]*(?:[,;(:]|\b(?:after|before|when|while|because|but|although|though|since|that|and)\b))/.exec(head);
  let start = cut ? s.span.start + cut.index + cut[0].length : s.span.start;
  while (/\s/.test(ctx.doc.norm[start] ?? "")) start++;
  if (/^(?:(?:the|a|an|this|that|its|their)\s+)?$/i.test(ctx.doc.norm.slice(start, m.start))) return { start: m.start, end: m.end };
  const tail = /[,;.]|$/.exec(ctx.doc.norm.slice(m.end, s.span.end));
  return { start, end: m.end + (tail ? tail.index : 0) };
}

/** Sentences about the agreement that put it at risk, and the commitments they touch. */
function riskSentences(ctx: DocContext, lex: AgreementLexicon, d: Draft, commitments: readonly CommitmentDraft[]): { sentences: number[]; commitments: Set<CommitmentDraft> } {
  const sentences: number[] = [];
  const touched = new Set<CommitmentDraft>();
  for (const i of new Set(d.mentions.map((m) => m.sentence))) {
    if (!lex.risk.test(ctx.doc.norm.slice(ctx.sentences[i]!.span.start, ctx.sentences[i]!.span.end))) continue;
    sentences.push(i);
    for (const c of commitments) touched.add(c);
  }
  for (const i of new Set(commitments.map((c) => c.sentence))) {
    const next = ctx.sentences[i + 1];
    if (!next || !lex.anaphoricRisk.test(ctx.doc.norm.slice(next.span.start, next.span.end))) continue;
    sentences.push(i + 1);
    for (const c of commitments) if (c.sentence === i) touched.add(c);
  }
  return { sentences, commitments: touched };
}

/** "a three-month ceasefire", "a truce for 30 days". */
function durationOf(ctx: DocContext, lex: AgreementLexicon, d: Draft): { iso: string; words: string } | undefined {
  if (d.class !== "ceasefire") return undefined;
  for (const i of new Set(d.mentions.map((m) => m.sentence))) {
    lex.lasting.lastIndex = 0;
    const m = lex.lasting.exec(ctx.doc.norm.slice(ctx.sentences[i]!.span.start, ctx.sentences[i]!.span.end));
    const count = m?.[1] ?? m?.[3];
    const unit = m?.[2] ?? m?.[4];
    const iso = count && unit ? isoDuration(count, unit) : undefined;
    if (iso) return { iso, words: `${count!.toLowerCase()}-${unit!.toLowerCase().replace(/s$/, "")}` };
  }
  return undefined;
}

/** One party that says so, or that announced or declared the ceasefire itself. */
function isUnilateral(ctx: DocContext, lex: AgreementLexicon, d: Draft): boolean {
  if (d.class !== "ceasefire" || d.parties.length !== 1) return false;
  return d.mentions.some((m) => {
    const s = ctx.sentences[m.sentence]!;
    const before = ctx.doc.norm.slice(Math.max(s.span.start, m.start - 40), m.start);
    return lex.unilateral.test(ctx.doc.norm.slice(s.span.start, s.span.end)) || /\b(?:announc|declar|proclaim)\w*\s+(?:an?\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$/i.test(before);
  });
}

/** A proper name, the parties as written ("U.S.-Taliban peace deal"), or parties joined with the head. */
function nameOf(d: Draft, durationWords: string | undefined, unilateral: boolean): string {
  if (d.name !== undefined) return d.name;
  const head = durationWords && !d.head.startsWith(durationWords) ? `${durationWords} ${d.head}` : d.head;
  if (unilateral && !/unilateral/i.test(head)) return `${d.parties[0]} unilateral ${head}`;
  return d.parties.length > 0 ? `${d.parties.join("-")} ${head}` : head;
}

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)];
}
