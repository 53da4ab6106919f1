/**
 * @module extract/events/generic
 * Mentions of violence that are not reports of an event: what someone is known for ("the
 * leader is responsible for IED attacks"), plans ("was planning attacks"), habits ("conducts
 * raids"), and weapons named in a seizure ("three AK-47s, four grenades") rather than used.
 */
import type { Trigger } from "../annotations.js";

/** A role, a plan or a habit: "responsible for", "involved in", "planned", "facilitated". */
const CHARACTERISING = /\b(?:responsible for|involved in|known for|suspected of|accused of|linked to|tied to|behind|charged with|wanted for|specialis(?:es|ed|ing) in|speciali[sz](?:es|ed|ing) in|plann(?:ed|ing)|plot(?:ted|ting)|prepar(?:ed|ing)|facilitat(?:es|ed|ing)|coordinat(?:es|ed|ing)|orchestrat(?:es|ed|ing)|direct(?:s|ed|ing)|oversaw|oversees|overseeing|organi[sz](?:es|ed|ing)|conducting|to conduct|carr(?:y|ies|ying) out|history of|campaign of|series of|wave of)\b[^.;]{0,60}$/i;

/** Words that make a weapon mention an act: it was used, not found. */
const USE = /attack|strike|fire|fired|firing|explo|blast|bombing|bombed|shell|detonat|threw|throw|lobb|hurl|toss|launch|hit|raid|ambush|shot|shoot/i;

export function isGenericMention(t: Trigger, text: string, sentenceHasFigures: boolean, sentenceHasDate: boolean): boolean {
  const before = text.slice(Math.max(0, t.span.start - 80), t.span.start);
  if (CHARACTERISING.test(before)) return true;
  if (sentenceHasFigures) return false;
  if (isWeaponNoun(t)) return true;
  // A bare plural ("attacks", "IED attacks", "raids") with no day and no figures is a pattern, not an event.
  return isPluralNoun(t) && !sentenceHasDate;
}

/** A day or a few days ("on Monday", "overnight"), not a period ("since 2021", "this year"). */
export function isDayLevel(d: { kind: string; start?: string; end?: string; by: string }): boolean {
  if (d.kind === "duration" || !d.start || !d.end || d.by === "dates/dateline") return false;
  return (Date.parse(d.end) - Date.parse(d.start)) / 86_400_000 <= 2;
}

function isWeaponNoun(t: Trigger): boolean {
  return t.weapon !== undefined && !USE.test(t.span.text);
}

function isPluralNoun(t: Trigger): boolean {
  return /(?:attacks|strikes|raids|bombings|clashes|ambushes|assaults|explosions|blasts|airstrikes|shellings|killings|kidnappings|abductions|operations)$/i.test(t.span.text);
}
