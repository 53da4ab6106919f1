// STUB: replaced by the actor dictionary work (data/actors.json + its loader).
import type { Inter } from "../../contract.js";
export interface ActorDictionary {
  readonly size: number;
}
export type CountryActorKind = "military" | "police" | "civilians" | "unidentified" | "protesters" | "rioters" | "government";
/** The canonical actor of a kind for a country: "Military Forces of Afghanistan (2014-2021)", inter 1. */
export function countryActor(_dict: ActorDictionary, iso3: string, kind: CountryActorKind): { name: string; inter: Inter } {
  return { name: `${kind} (${iso3})`, inter: 1 };
}
export function loadActorDictionary(_file?: string): ActorDictionary {
  return { size: 0 };
}
