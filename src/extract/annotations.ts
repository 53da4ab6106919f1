/**
 * @module extract/annotations
 * What the stages of the pipeline find. Every annotation carries the span it came from and
 * `by`, the stage and rule that produced it ("casualties/killed-verb"), so any field of the
 * output can be traced back to its words and its rule.
 */
import type {
  Agreement,
  AcledEventType,
  AcledSubEventType,
  ConflictEvent,
  Inter,
  Precision,
  Span,
  Statement,
  Tally,
} from "../contract.js";

export interface Annotation {
  span: Span;
  by: string;
}

/** A sentence of the article (a dateline is its own sentence). */
export interface Sentence extends Annotation {
  index: number;
  /** The dateline that opens the article ("KABUL, Afghanistan —"), if this sentence is one. */
  isDateline?: boolean;
}

export interface Dateline extends Annotation {
  /** The place named in the dateline ("KABUL"), as written. */
  place?: Span;
  /** YYYY-MM-DD, when the dateline carries a full date ("3 JAN 90"). */
  date?: string;
}

export interface TextAnnotations {
  sentences: Sentence[];
  dateline?: Dateline;
}

/** A date or period the text refers to, resolved against the reference date where it can be. */
export interface DateMention extends Annotation {
  kind: "date" | "range" | "duration";
  /** YYYY-MM-DD; absent for a duration or for a relative date with no reference. */
  start?: string;
  end?: string;
  precision?: Precision;
  /** ISO 8601 duration for "within 14 months" (P14M), "in 11 days" (P11D). */
  duration?: string;
  /** true when the date was resolved forward because the sentence speaks of the future ("talks on March 10"). */
  future?: boolean;
  /** false when the date was implied (a bare weekday, "overnight") rather than written out. */
  certain: boolean;
}

export interface DateAnnotations {
  /** The date relative expressions resolve against: the publication date or the dateline's. */
  reference?: string;
  referenceFrom?: "published" | "dateline";
  mentions: DateMention[];
}

/** A number or vague quantity in the text, with UCDP-style low/best/high. */
export interface Quantity extends Annotation {
  low: number;
  best: number;
  high: number | null;
  /** "at least", "more than", "up to", "nearly", "about" … as written, lower-cased. */
  qualifier?: string;
  /** true for vague words from the table ("dozens", "several"). */
  vague: boolean;
}

export interface PlaceMention extends Annotation {
  name: string;
  kind: "country" | "admin1" | "admin2" | "city" | "demonym";
  country: string;
  iso3: string;
  admin1?: string;
  admin2?: string;
  lat?: number;
  lon?: number;
  /** ACLED geo precision of this place if an event happens there. */
  precision: Precision;
  population?: number;
}

export interface PlaceAnnotations {
  mentions: PlaceMention[];
  /** The article's main country (most mentioned, dateline weighted), used to resolve ambiguity. */
  country?: { name: string; iso3: string };
}

export type ActorKind = "state" | "rebel" | "militia" | "identity" | "rioters" | "protesters" | "civilians" | "external" | "unidentified" | "government";

export interface ActorMention extends Annotation {
  /** Canonical ACLED-style name ("Military Forces of Afghanistan (2014-2021)", "Taliban"). */
  name: string;
  inter: Inter;
  kind: ActorKind;
  /** ISO3 of the country the actor belongs to, where it has one. */
  iso3?: string;
  /** Casualty category its members fall into when killed or wounded. */
  category: "civilians" | "security" | "militants" | "unknown";
}

/** Who the text attributes something to ("according to X, a Y of Z", "X said on Twitter"). */
export interface Attribution extends Annotation {
  name?: string;
  role?: string;
  organization?: string;
  channel?: string;
  /** Quoted words attributed to this speaker. */
  quote?: Span;
  /** The sentence the attribution sits in; the attribution covers that sentence's claims. */
  sentence: number;
  /** Reporting verb lemma ("say", "announce", "tell", "according to"). */
  verb?: string;
}

export type Modality = "asserted" | "negated" | "future" | "hypothetical" | "intention" | "reported_threat";

/** A word or phrase that reports a conflict event ("airstrike", "were killed", "clashed"). */
export interface Trigger extends Annotation {
  type: AcledEventType;
  subType: AcledSubEventType;
  /** Weapon named by the trigger itself ("airstrike", "roadside bomb"). */
  weapon?: string;
  modality: Modality;
  sentence: number;
  /** A generic back-reference ("the attack", "the strike") that may refer to an earlier event. */
  anaphoric?: boolean;
}

export interface CasualtyMention extends Annotation {
  kind: "killed" | "injured";
  low: number;
  best: number;
  high: number | null;
  category: "civilians" | "security" | "militants" | "unknown";
  /** The victims as written ("soldiers", "civilians"), if named. */
  victims?: Span;
  sentence: number;
  /** Casualties attributed to an actor when the phrase says so ("four civilians, 11 security forces"). */
  actor?: string;
  modality: Modality;
}

export interface WeaponMention extends Annotation {
  name: string;
  sentence: number;
}

export interface Annotations {
  text: TextAnnotations;
  dates: DateAnnotations;
  quantities: Quantity[];
  places: PlaceAnnotations;
  actors: ActorMention[];
  attributions: Attribution[];
  triggers: Trigger[];
  weapons: WeaponMention[];
  casualties: CasualtyMention[];
  tallies: Tally[];
  events: ConflictEvent[];
  statements: Statement[];
  agreements: Agreement[];
}
