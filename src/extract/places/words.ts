/**
 * @module extract/places/words
 * The words around a name that tell whether it is a place and of which kind. The long lists
 * (titles, given names, stop names, organisation words) are data in data/gazetteer-words.json;
 * the short closed classes (prepositions, type words) are code.
 */
import { readFileSync } from "node:fs";

export type KindCue = "admin1" | "admin2" | "city" | "admin";

export interface PlaceWords {
  titles: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  stopNames: ReadonlySet<string>;
  orgAfter: ReadonlySet<string>;
}

const FILE = new URL("../../../data/gazetteer-words.json", import.meta.url);
let cached: PlaceWords | undefined;

export function placeWords(): PlaceWords {
  if (!cached) {
    const raw = JSON.parse(readFileSync(FILE, "utf8")) as Record<string, string[]>;
    const set = (name: string): ReadonlySet<string> => new Set((raw[name] ?? []).map((w) => w.toLowerCase()));
    cached = { titles: set("titles"), givenNames: set("givenNames"), stopNames: set("stopNames"), orgAfter: set("orgAfter") };
  }
  return cached;
}

/** Type words after a name ("Ghazni province", "USULUTAN AND MORAZAN DEPARTMENTS"). */
export const KIND_AFTER: ReadonlyMap<string, KindCue> = new Map([
  ...words("province provinces provincial governorate governorates department departments state states oblast oblasts prefecture prefectures region regions emirate", "admin1"),
  ...words("district districts municipality municipalities jurisdiction subdistrict tehsil agency canton cantons", "admin2"),
  ...words("county counties", "admin"),
  ...words("city town towns village villages township hamlet neighbourhood neighborhood suburb", "city"),
]);

/** "the province of Kunduz", "the town of Marjah". */
export const KIND_BEFORE: ReadonlyMap<string, KindCue> = new Map([
  ...words("province provinces governorate department departments state region", "admin1"),
  ...words("district districts municipality", "admin2"),
  ...words("city town village capital", "city"),
]);

export const PLURAL_KIND = new Set(["provinces", "governorates", "departments", "states", "oblasts", "prefectures", "regions", "districts", "municipalities", "cantons", "counties", "towns", "villages"]);

/** Words before a name that make it the place where something happens. */
export const LOCATIVE = new Set([
  "in", "at", "near", "from", "to", "into", "outside", "around", "across", "toward", "towards", "through", "throughout",
  "via", "inside", "within", "between", "of", "on", "entered", "captured", "seized", "shelled", "stormed", "overran",
  "recaptured", "besieged", "reached", "bombed", "raided", "visited", "left", "fled",
]);

/** Words that put an event near, not in, the place (ACLED precision 2). */
export const NEAR = new Set(["near", "outside", "nearby", "around"]);
export const NEAR_OF = new Set(["outskirts", "vicinity", "edge", "edges", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east", "north-west", "south-east", "south-west"]);
export const DISTANCE = new Set(["km", "kms", "kilometers", "kilometres", "miles", "mi"]);

/** A capitalised region word before a name makes a larger region ("Latin America", "Central Asia"). */
export const REGION_PREFIX = new Set(["latin", "central", "south", "north", "east", "west", "middle", "southern", "northern", "eastern", "western", "sub", "southeast", "southeastern", "northeast", "pan", "anglo", "native", "african", "mexican", "arab", "asian"]);

/** Words after a place name that keep it a place ("Kandahar Airfield", "Helmand River"). */
export const FACILITY = new Set([
  "airport", "airfield", "air", "airbase", "base", "university", "river", "valley", "dam", "bridge", "road", "highway", "street",
  "square", "hospital", "prison", "jail", "market", "bazaar", "mosque", "stadium", "mountains", "mountain", "hills", "lake",
  "port", "harbour", "harbor", "station", "center", "centre", "palace", "hotel", "plain", "plains", "desert", "gorge", "pass",
  "checkpoint", "crossing", "border", "corridor", "basin", "oasis", "island", "islands", "peninsula", "strip", "bank", "coast",
  "governor", "police", "security", "military", "army",
]);

/** Words before a place name that do not make a longer unknown name ("Greater Kabul", "Old Delhi"). */
export const NAME_PREFIX = new Set(["greater", "old", "new", "upper", "lower", "downtown", "rural", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern"]);

/** Verbs a person does, not a village: "Mujahid said". */
export const SPEECH = new Set(["said", "says", "told", "added", "stated", "claimed", "denied", "confirmed", "tweeted", "wrote", "explained", "insisted"]);

/** Words after "U.S." that do not make it an adjective ("the U.S. and", "the U.S. said"). */
export const NOT_NOUN_AFTER = new Set([
  "and", "or", "but", "said", "says", "has", "have", "had", "is", "was", "were", "will", "would", "can", "could", "should", "may", "might",
  "to", "in", "on", "of", "for", "with", "at", "by", "from", "as", "that", "which", "who", "since", "after", "before", "also", "does", "did", "do",
]);

function words(list: string, kind: KindCue): [string, KindCue][] {
  return list.split(" ").map((w) => [w, kind]);
}
