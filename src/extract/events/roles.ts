/**
 * @module extract/events/roles
 * Who did what to whom around one trigger, from word order and a few prepositions:
 * "X attacked Y", "an attack by X on Y", "a strike against X", "Y came under attack by X",
 * "X were killed" (victims). No parser is available offline, so the rules stay within the
 * clause of the trigger and prefer the nearest candidate.
 */
import type { ActorMention, Trigger } from "../annotations.js";

export interface Roles {
  actor1?: ActorMention;
  actor2?: ActorMention;
}

const AGENT_AFTER = /^\s*(?:by|from)\s+(?:the\s+)?$/i;
const TARGET_AFTER = /^\s*(?:against|on|targeting|targetting|at|upon|of|into)\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?(?:[a-z-]+\s+)?$/i;
/** Words that make the subject before a trigger its target, not its agent. */
const PASSIVE_BEFORE = /\b(?:came under|come under|comes under|was|were|been|being|got)\s+(?:\w+\s+){0,2}$/i;
/** "in defense of Y", "in support of Y": Y is protected, not attacked. */
const PROTECTED = /\b(?:in (?:defen[cs]e|support|aid) of|on behalf of|to (?:protect|defend|support))\s+(?:the\s+)?$/i;
const IN_PHRASE = /\b(?:in|during|with|of|from|following|after|since|amid)\s+(?:an?|the|their|its|his|her|this|that|another)\s+(?:[\w-]+\s+){0,2}$/i;
const SPEECH = /\b(?:said|says|told|called|calls|condemned|condemns|denounced|described|blamed|accused|praised|welcomed|criticised|criticized|denied)\b/i;
const CLAUSE_BREAK = /[;]|\b(?:said|says|told|according to|when|while|after|before|because|but)\b/i;

/**
 * Roles for a trigger from the actors of its sentence. `speakers` are spans of attributions
 * (a spokesman is not a party to the event he describes).
 */
export function rolesFor(trigger: Trigger, actors: readonly ActorMention[], text: string, speakers: readonly { start: number; end: number }[]): Roles {
  // a spokesman is no party to the fighting he describes, but who announces a ceasefire is its party
  const announcing = trigger.type === "Strategic developments";
  const candidates = announcing ? [...actors] : actors.filter((a) => !speakers.some((s) => a.span.start >= s.start && a.span.end <= s.end));
  const before = candidates.filter((a) => a.span.end <= trigger.span.start).reverse();
  const after = candidates.filter((a) => a.span.start >= trigger.span.end);
  const roles: Roles = {};
  for (const a of after) {
    const between = text.slice(trigger.span.end, a.span.start);
    if (between.length > 60 || CLAUSE_BREAK.test(between)) break;
    if (PROTECTED.test(between)) continue;
    const lead = leadIn(between);
    if (!roles.actor1 && AGENT_AFTER.test(lead)) roles.actor1 = a;
    else if (!roles.actor2 && (TARGET_AFTER.test(lead) || isDirectObject(between))) roles.actor2 = a;
  }
  // "… killed dozens of villagers in an overnight attack": a noun inside a phrase names the
  // main clause's event; the words before it are that clause's object, not its attacker
  if (isInPhrase(trigger, text)) return roles;
  // "by X" after the trigger makes it passive even where a headline drops "was": "Commander Detained by Afghan Force"
  const passive =
    roles.actor1 !== undefined ||
    PASSIVE_BEFORE.test(text.slice(Math.max(0, trigger.span.start - 30), trigger.span.start)) ||
    /^(?:came|come|comes) under\b/i.test(trigger.span.text);
  for (const a of before) {
    const between = text.slice(a.span.end, trigger.span.start);
    // "India called the shooting a terrorist crime": who speaks of an event is not its party
    if (between.length > 80 || /[;]/.test(between) || SPEECH.test(between)) break;
    if (passive && !roles.actor2 && a !== roles.actor1) roles.actor2 = a;
    else if (!passive && !roles.actor1 && a !== roles.actor2) roles.actor1 = a;
    if (roles.actor1 && roles.actor2) break;
  }
  return roles;
}

/** A trigger noun inside a prepositional phrase ("during a raid", "in an overnight attack"). */
export function isInPhrase(trigger: Trigger, text: string): boolean {
  return IN_PHRASE.test(text.slice(Math.max(0, trigger.span.start - 40), trigger.span.start));
}

// --- internal ---

/** The words right after the trigger up to the actor, minus adverbs and determiners. */
function leadIn(between: string): string {
  const words = between.trim().split(/\s+/);
  const prep = words.findIndex((w) => /^(?:by|from|against|on|targeting|targetting|at|upon|of|into)$/i.test(w));
  return prep < 0 ? between : ` ${words.slice(prep).join(" ")} `;
}

/** "attacked Taliban positions", "ambushed a patrol of soldiers": an object right after a verb. */
function isDirectObject(between: string): boolean {
  return /^\s*(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?(?:[a-z-]+\s+){0,2}$/i.test(between) && between.trim().split(/\s+/).length <= 3;
}
