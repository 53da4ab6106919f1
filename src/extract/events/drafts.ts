/**
 * @module extract/events/drafts
 * One draft per event a sentence reports: its asserted triggers grouped by the actors they
 * take, and the casualty figures nearest to them.
 */
import type { AcledEventType, AcledSubEventType, Tally } from "../../contract.js";
import type { ActorMention, Attribution, CasualtyMention, DateMention, PlaceMention, Trigger } from "../annotations.js";
import type { AssemblyContext } from "./assemble.js";
import { isDayLevel, isGenericMention } from "./generic.js";
import { isInPhrase, rolesFor } from "./roles.js";
import { specificity } from "./types.js";

export interface Draft {
  type?: AcledEventType;
  subType?: AcledSubEventType;
  triggers: Trigger[];
  sentences: Set<number>;
  actor1?: ActorMention;
  actor2?: ActorMention;
  places: PlaceMention[];
  dates: DateMention[];
  casualties: CasualtyMention[];
  weapons: string[];
  attributions: Attribution[];
  /** Only back-references ("the strike") or bare casualty figures: a candidate for merging. */
  anaphoric: boolean;
  /** The tally this event is one of ("In one attack …" after a tally). */
  partOf?: Tally;
  /** First sentence, for ordering and distance. */
  first: number;
}

/** Words that make a sentence one instance of the tally before it. */
const PART_OF_TALLY = /^\s*(?:in|during)\s+(?:one|one of (?:the|these|those)|the (?:deadliest|worst|latest|largest)(?: of (?:the|these))?)\s+(?:attacks?|incidents?|raids?|strikes?|assaults?)\b/i;

export function draftsOf(ctx: AssemblyContext): Draft[] {
  const drafts: Draft[] = [];
  for (const sentence of ctx.sentences) {
    if (ctx.tallySentences.has(sentence.index)) continue;
    const facts = ctx.bySentence(sentence.index);
    const casualties = facts.casualties.filter((c) => c.modality === "asserted");
    const dated = facts.dates.some(isDayLevel);
    // figures of any modality ("a car bomb may have killed a boy") show the weapon was used
    const triggers = facts.triggers.filter((t) => t.modality === "asserted" && !isGenericMention(t, ctx.doc.norm, facts.casualties.length > 0, dated));
    if (triggers.length === 0 && casualties.length === 0) continue;
    const speakers = facts.attributions.filter((a) => a.sentence === sentence.index).map((a) => a.span);
    const groups = withoutBackground(groupTriggers(triggers, facts.actors, ctx.doc.norm, speakers), ctx.doc.norm);
    const own: Draft[] = groups.map((g) => newDraft(sentence.index, g, facts.places, byCloseness(facts.dates, g.triggers, ctx.doc.norm), facts.attributions, ctx.doc.norm));
    if (own.length === 0) own.push(newDraft(sentence.index, { triggers: [] }, facts.places, byCloseness(facts.dates, casualties, ctx.doc.norm), facts.attributions, ctx.doc.norm));
    for (const c of casualties) nearest(own, c.span.start, ctx.doc.norm).casualties.push(c);
    for (const d of own) {
      d.weapons = [...new Set([...d.triggers.flatMap((t) => (t.weapon ? [t.weapon] : [])), ...facts.weapons.map((w) => w.name)])];
      d.partOf = partOfTally(ctx, sentence.index);
      if (!d.actor2) d.actor2 = victimActor(d.casualties, facts.actors);
    }
    drafts.push(...own);
  }
  return drafts;
}

// --- internal ---

interface Group {
  triggers: Trigger[];
  actor1?: ActorMention;
  actor2?: ActorMention;
}

/** Triggers of one sentence: those that share actors (or leave them open) report one event. */
function groupTriggers(triggers: readonly Trigger[], actors: readonly ActorMention[], text: string, speakers: readonly { start: number; end: number }[]): Group[] {
  const groups: Group[] = [];
  for (const t of triggers) {
    const roles = rolesFor(t, actors, text, speakers);
    const home = groups.find((g) => compatible(g, roles, t) && !CLAUSE_APART.test(text.slice(g.triggers[g.triggers.length - 1]!.span.end, t.span.start)));
    if (home) {
      home.triggers.push(t);
      home.actor1 ??= roles.actor1;
      home.actor2 ??= roles.actor2;
    } else {
      groups.push({ triggers: [t], ...roles });
    }
  }
  return groups;
}

/** "troops clashed with rebels …, while a grenade wounded nine at a market": another event, in its own clause. */
const CLAUSE_APART = /,\s*while\b|;|\bwhereas\b|\bmeanwhile\b|,\s*and\s+(?:in|at|on|near)\s+(?:the\s+)?(?:[A-Z]|another|a\s+separate)/i;

/** "… just days after the two sides signed a peace deal": an earlier event named to date the main one. */
const BACKGROUND_CLAUSE = /\b(?:after|since|following|before|ahead of)\b[^,;:.]{0,60}$/i;

function withoutBackground(groups: Group[], text: string): Group[] {
  const background = (g: Group): boolean => {
    const t = g.triggers[0]!;
    return BACKGROUND_CLAUSE.test(text.slice(Math.max(0, t.span.start - 70), t.span.start));
  };
  const main = groups.filter((g) => !background(g));
  return main.length > 0 ? main : groups;
}

function compatible(g: Group, roles: { actor1?: ActorMention; actor2?: ActorMention }, t: Trigger): boolean {
  const sameName = (a?: ActorMention, b?: ActorMention): boolean => !a || !b || a.name === b.name;
  if (!sameName(g.actor1, roles.actor1) || !sameName(g.actor2, roles.actor2)) return false;
  // A trigger with no actors of its own ("the sound of rocket fire") describes the event the
  // sentence is already about.
  if (!roles.actor1 && !roles.actor2) return true;
  // With actors of its own, a trigger of another family is another event ("signed a deal").
  if (g.triggers[0]!.type !== t.type && g.triggers[0]!.anaphoric === t.anaphoric) return false;
  // A back-reference and a new report with its own actors in one sentence are two events:
  // "the strike was carried out when their outpost came under attack by Taliban fighters".
  const head = g.triggers[0]!;
  return head.anaphoric === t.anaphoric || head.type === t.type;
}

function newDraft(sentence: number, g: Group, places: PlaceMention[], dates: DateMention[], attributions: Attribution[], text: string): Draft {
  // a back-reference ("in connection with the attack") names another event: it does not type this one
  // and a noun in a phrase ("detained three men during a raid") frames the main verb's event
  const own = g.triggers.filter((t) => !t.anaphoric);
  const main = own.filter((t) => !isInPhrase(t, text));
  const pool = main.length > 0 ? main : own.length > 0 ? own : g.triggers;
  const best = [...pool].sort((a, b) => specificity(b) - specificity(a))[0];
  return {
    ...(best && { type: best.type, subType: best.subType }),
    triggers: g.triggers,
    sentences: new Set([sentence]),
    ...(g.actor1 && { actor1: g.actor1 }),
    ...(g.actor2 && { actor2: g.actor2 }),
    places: [...places],
    // the dateline's date is the article's, not the event's
    dates: dates.filter((d) => d.kind !== "duration" && d.by !== "dates/dateline"),
    casualties: [],
    weapons: [],
    attributions: [...attributions],
    // "The attack started around midnight … the sound of rocket fire": the sentence opens by
    // referring back, and what follows describes the same event.
    anaphoric: g.triggers.length === 0 || g.triggers[0]!.anaphoric === true,
    first: sentence,
  };
}

const REPORTING = /\b(?:said|says|confirmed|announced|reported|stated|told|added|claimed|denied|according to)\b/i;

/**
 * The sentence's dates, the event's own first: the nearest to its trigger, and never one that
 * dates the report ("Today, officials confirmed a leader was arrested Sunday").
 */
function byCloseness(dates: readonly DateMention[], anchors: readonly { span: { start: number; end: number } }[], text: string): DateMention[] {
  if (anchors.length === 0) return [...dates];
  const score = (d: DateMention): number => {
    let best = Infinity;
    for (const a of anchors) {
      const [from, to] = d.span.end <= a.span.start ? [d.span.end, a.span.start] : [a.span.end, d.span.start];
      const reportBetween = from < to && REPORTING.test(text.slice(from, to));
      best = Math.min(best, Math.abs(to - from) + (reportBetween ? 1000 : 0) + (d.span.end <= a.span.start ? 15 : 0));
    }
    return best;
  };
  return [...dates].sort((a, b) => score(a) - score(b));
}

function nearest(drafts: Draft[], at: number, text: string): Draft {
  let best = drafts[0]!;
  let bestDistance = Infinity;
  for (const d of drafts) {
    for (const t of d.triggers) {
      // a casualty figure usually follows its trigger ("an attack … killing four"), in its clause
      const between = t.span.start <= at ? text.slice(t.span.end, at) : text.slice(at, t.span.start);
      const distance = (t.span.start <= at ? at - t.span.end : (t.span.start - at) * 1.5) + (CLAUSE_APART.test(between) ? 1000 : 0);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = d;
      }
    }
  }
  return best;
}

function victimActor(casualties: readonly CasualtyMention[], actors: readonly ActorMention[]): ActorMention | undefined {
  const killedFirst = [...casualties].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "killed" ? -1 : 1));
  for (const c of killedFirst) {
    const v = c.victims;
    if (!v) continue;
    const actor = actors.find((a) => a.span.start < v.end && v.start < a.span.end);
    if (actor) return actor;
  }
  return undefined;
}

function partOfTally(ctx: AssemblyContext, sentence: number): Tally | undefined {
  const text = ctx.sentences[sentence]!.span.text;
  if (!PART_OF_TALLY.test(text)) return undefined;
  const before = ctx.tallies.filter((t) => t.evidence.some((e) => e.end <= ctx.sentences[sentence]!.span.start));
  return before[before.length - 1];
}
