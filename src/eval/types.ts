/**
 * @module eval/types
 * The one gold form every source is read into (gold-lite JSONL and the examples' expected.json),
 * and the loose shape of a prediction the scorer reads. `null` in gold means "the source does
 * not determine this": it never blocks a match and is never scored.
 */

export interface GoldDateRange {
  /** `null`: "on or before `end`". */
  start: string | null;
  end: string;
}

export interface GoldLocation {
  country: string | null;
  admin1: string | null;
  /** Every place name the source gives for the event, at any level; [] when only the country is known. */
  names: string[];
}

export interface GoldActor {
  role: "actor1" | "actor2";
  /** Alternative strings, any one of which names the actor. */
  match: string[];
}

export interface GoldEvent {
  type: string | null;
  subType: string | null;
  date: GoldDateRange | null;
  location: GoldLocation | null;
  actors: GoldActor[];
  fatalities: number | null;
  injuries: number | null;
  optional: boolean;
  /** Named sources of the event (examples only; gold-lite does not annotate sources). */
  sources?: string[];
}

export interface GoldTally {
  period: { start: string; end: string };
  country: string | null;
  count: number | null;
  fatalities: number | null;
  injuries: number | null;
}

export interface GoldStatement {
  kind: string;
  speaker: string | null;
}

export interface GoldAgreement {
  name: string;
  parties: string[];
  commitments: string[];
}

/** What the examples annotate beyond events; gold-lite has none of it. */
export interface GoldExtras {
  tallies: GoldTally[];
  statements: GoldStatement[];
  agreements: GoldAgreement[];
}

export interface GoldDoc {
  id: string;
  dataset: string;
  text: string;
  published: string | null;
  title: string | null;
  source: string | null;
  relevant: boolean;
  events: GoldEvent[];
  /** CASE 2021: the snippet's original label, kept for the classification report. */
  label?: string;
  extras?: GoldExtras;
  /** Where the document came from ("file:line" or a folder), for messages. */
  where: string;
}

// --- predictions: every field optional, since a field the prediction leaves out never blocks a match ---

export interface PredSpan {
  text?: string;
}

export interface PredActor {
  role?: string;
  name?: string;
  mention?: PredSpan;
}

export interface PredLocation {
  name?: string;
  admin1?: string;
  admin2?: string;
  country?: string;
}

export interface PredCasualties {
  best?: number;
}

export interface PredSource {
  name?: string;
  organization?: string;
  role?: string;
}

export interface PredEvent {
  type?: string;
  subType?: string;
  date?: { start?: string; end?: string } | null;
  actors?: PredActor[];
  location?: PredLocation | null;
  fatalities?: PredCasualties | null;
  injuries?: PredCasualties | null;
  sources?: PredSource[];
  confidence?: number;
}

export interface PredTally {
  period?: { start?: string; end?: string };
  area?: { country?: string };
  count?: number;
  fatalities?: PredCasualties | null;
  injuries?: PredCasualties | null;
}

export interface PredStatement {
  kind?: string;
  speaker?: PredSource;
}

export interface PredAgreement {
  name?: string;
  parties?: string[];
  commitments?: { kind?: string }[];
}

/** A v1 extraction, read loosely: `Extraction` from the contract is one. */
export interface PredDoc {
  article?: { id?: string };
  events?: PredEvent[];
  tallies?: PredTally[];
  statements?: PredStatement[];
  agreements?: PredAgreement[];
}
