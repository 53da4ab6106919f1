/**
 * @module contract
 * The extraction contract, version 1 (DESIGN.md §3). Field names are fixed: tests, the
 * evaluation and users' scripts depend on them. New optional fields may be added.
 * `schema/extraction-v1.schema.json` says the same for other languages; a test keeps them in step.
 */

/** 0-based UTF-16 offsets into the article text, end exclusive; `text === article.slice(start, end)`. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

/** ACLED time precision: 1 a day, 2 a range within a week, 3 within a month. */
export type Precision = 1 | 2 | 3;

export interface DateRange {
  start: string;
  end: string;
  precision: Precision;
  mention?: Span;
}

export const ACLED_TYPES = {
  Battles: ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": [
    "Chemical weapon",
    "Air/drone strike",
    "Suicide bomb",
    "Shelling/artillery/missile attack",
    "Remote explosive/landmine/IED",
    "Grenade",
  ],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  Protests: ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  Riots: ["Violent demonstration", "Mob violence"],
  "Strategic developments": [
    "Agreement",
    "Arrests",
    "Change to group/activity",
    "Disrupted weapons use",
    "Headquarters or base established",
    "Looting/property destruction",
    "Non-violent transfer of territory",
    "Other",
  ],
} as const;

export type AcledEventType = keyof typeof ACLED_TYPES;
export type AcledSubEventType = (typeof ACLED_TYPES)[AcledEventType][number];

/** ACLED inter codes: 1 state forces … 8 external/other forces. */
export type Inter = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
export type ActorRole = "actor1" | "actor2" | "assoc1" | "assoc2";

export interface EventActor {
  role: ActorRole;
  name: string;
  inter: Inter;
  mention?: Span;
}

export interface Location {
  name: string;
  admin1?: string;
  admin2?: string;
  country: string;
  iso3: string;
  lat?: number;
  lon?: number;
  /** ACLED geo precision: 1 town or village, 2 near a town or a district, 3 province or region only. */
  precision: Precision;
  mention?: Span;
}

export interface ByCategory {
  civilians?: number;
  security?: number;
  militants?: number;
  unknown?: number;
}

export interface Casualties {
  low: number;
  best: number;
  high: number | null;
  byCategory: ByCategory;
  mention?: Span;
}

export interface Source {
  name?: string;
  role?: string;
  organization?: string;
  channel?: string;
  quote?: Span;
  mention: Span;
}

export interface ConflictEvent {
  id: string;
  type: AcledEventType;
  subType: AcledSubEventType;
  date: DateRange;
  actors: EventActor[];
  location: Location | null;
  fatalities: Casualties | null;
  injuries: Casualties | null;
  weapons: string[];
  sources: Source[];
  evidence: Span[];
  confidence: number;
  /** The tally of the same article that already counts this event ("In one attack …"). */
  partOf?: string;
  by?: string;
}

export interface Tally {
  id: string;
  period: { start: string; end: string };
  area: { country: string; iso3: string; admin1?: string };
  actor?: string;
  count?: number;
  fatalities: Casualties | null;
  injuries: Casualties | null;
  sources: Source[];
  evidence: Span[];
  /** Ids of events of the same article that the tally already counts (so nothing is counted twice). */
  includes?: string[];
  by?: string;
}

export type StatementKind =
  | "announcement"
  | "threat"
  | "promise"
  | "call"
  | "phone_call"
  | "talks"
  | "denial"
  | "claim"
  | "accusation";

export interface Statement {
  id: string;
  kind: StatementKind;
  speaker: Source;
  about: string[];
  date: { start: string; end: string; precision: Precision };
  evidence: Span[];
  by?: string;
}

export type CommitmentKind =
  | "cease_hostilities"
  | "reduce_violence"
  | "no_attacks_on"
  | "withdraw"
  | "release_prisoners"
  | "hold_talks"
  | "other";

export interface Commitment {
  party?: string;
  kind: CommitmentKind;
  text: Span;
  deadline?: string;
  deadlineRule?: string;
  status?: string;
}

export interface Agreement {
  id: string;
  name: string;
  parties: string[];
  signed?: { start: string; end: string; precision: Precision };
  commitments: Commitment[];
  evidence: Span[];
  by?: string;
}

export interface ArticleMeta {
  id: string;
  title?: string;
  published?: string;
  source?: string;
  url?: string;
  language: string;
}

export interface Extraction {
  version: 1;
  article: ArticleMeta;
  events: ConflictEvent[];
  tallies: Tally[];
  statements: Statement[];
  agreements: Agreement[];
  warnings?: string[];
}
