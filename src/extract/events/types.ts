/**
 * @module extract/events/types
 * Which event type wins when several triggers report one event, and how the actors refine a
 * generic trigger ("attack", "killed") into ACLED's type.
 */
import type { AcledEventType, AcledSubEventType } from "../../contract.js";
import type { ActorMention, CasualtyMention, Trigger } from "../annotations.js";

/** Higher is more specific: a "suicide bomber" says more than an "attack". */
const SPECIFICITY: Partial<Record<AcledSubEventType, number>> = {
  "Suicide bomb": 90,
  "Chemical weapon": 90,
  "Air/drone strike": 85,
  "Remote explosive/landmine/IED": 85,
  Grenade: 85,
  "Shelling/artillery/missile attack": 80,
  "Abduction/forced disappearance": 75,
  "Sexual violence": 75,
  "Excessive force against protesters": 72,
  "Government regains territory": 70,
  "Non-state actor overtakes territory": 70,
  "Protest with intervention": 65,
  "Violent demonstration": 60,
  "Mob violence": 60,
  "Peaceful protest": 50,
  Attack: 45,
  "Armed clash": 40,
  Arrests: 30,
  "Looting/property destruction": 30,
  "Disrupted weapons use": 25,
  Agreement: 20,
  "Change to group/activity": 20,
  "Headquarters or base established": 20,
  "Non-violent transfer of territory": 20,
  Other: 0,
};

export function specificity(t: Pick<Trigger, "subType">): number {
  return SPECIFICITY[t.subType] ?? 0;
}

const ARMED_INTER = new Set([1, 2, 3, 4, 8]);

/**
 * Generic violence ("attack", "killed", "clash") takes its ACLED type from who was on each side:
 * armed against armed is a battle, armed against civilians is violence against civilians, force
 * against protesters is excessive force.
 */
export function refineType(
  type: AcledEventType,
  subType: AcledSubEventType,
  actor1: Pick<ActorMention, "inter"> | undefined,
  actor2: Pick<ActorMention, "inter"> | undefined,
  victims: readonly CasualtyMention["category"][] = [],
): { type: AcledEventType; subType: AcledSubEventType } {
  const generic = subType === "Armed clash" || subType === "Attack";
  if (!generic) return { type, subType };
  // no named target: the dead say who was on the other side
  if (!actor2 && victims.length > 0 && victims.every((v) => v === "militants" || v === "security")) return { type: "Battles", subType: "Armed clash" };
  if (!actor2 && victims.length > 0 && victims.every((v) => v === "civilians")) return { type: "Violence against civilians", subType: "Attack" };
  if (actor2?.inter === 7 && (!actor1 || ARMED_INTER.has(actor1.inter))) return { type: "Violence against civilians", subType: "Attack" };
  if (actor2?.inter === 6 && actor1?.inter === 1) return { type: "Protests", subType: "Excessive force against protesters" };
  if (actor2 && ARMED_INTER.has(actor2.inter) && (!actor1 || ARMED_INTER.has(actor1.inter))) return { type: "Battles", subType: "Armed clash" };
  return { type, subType };
}
