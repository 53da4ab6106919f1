/**
 * @module extract/triggers/lexicon
 * Loads data/triggers.json: phrases that report conflict events, with their ACLED type and
 * sub-type and the contexts that block or refine them. Checked against ACLED_TYPES when loaded,
 * so a misspelt sub-type fails at start-up, not silently at run time.
 */
import { z } from "zod";
import { ACLED_TYPES, type AcledEventType, type AcledSubEventType } from "../../contract.js";
import { TruceError } from "../../errors.js";
import { compilePhrase, phraseSource, readDataFile, wordRegex, type Phrase, type WordClasses } from "./scan.js";

const ContextSchema = z.object({
  before: z.string().optional(),
  after: z.string().optional(),
  window: z.number().int().min(0).optional(),
});
const RefineSchema = ContextSchema.extend({ type: z.string(), subType: z.string() });
const EntrySchema = z.object({
  id: z.string(),
  phrase: z.string(),
  type: z.string().optional(),
  subType: z.string().optional(),
  weapon: z.string().optional(),
  generic: z.boolean().optional(),
  ignore: z.boolean().optional(),
  when: ContextSchema.optional(),
  unless: ContextSchema.optional(),
  refine: z.array(RefineSchema).optional(),
  note: z.string().optional(),
});
const FileSchema = z.object({
  classes: z.record(z.string(), z.array(z.string())),
  entries: z.array(EntrySchema),
});

/** A context test: a phrase within `window` tokens before and/or after the trigger. */
export interface Context {
  before?: RegExp;
  after?: RegExp;
  window: number;
}

export interface Outcome {
  type: AcledEventType;
  subType: AcledSubEventType;
}

export interface LexEntry extends Phrase {
  id: string;
  /** Undefined for entries that only block others ("riot police"). */
  outcome?: Outcome;
  weapon?: string;
  generic: boolean;
  when?: Context;
  unless?: Context;
  refine: (Context & Outcome)[];
}

export interface Lexicon {
  entries: readonly LexEntry[];
  classes: WordClasses;
}

/** Tokens looked at around a trigger when no window is given. */
const DEFAULT_WINDOW = 4;

/** Compiles a lexicon file; the shipped one when no file content is given. */
export function compileLexicon(raw: unknown = readDataFile("triggers.json")): Lexicon {
  const parsed = FileSchema.safeParse(raw);
  if (!parsed.success) throw new TruceError("E_DATA", `data/triggers.json: ${parsed.error.message}`);
  const classes = parsed.data.classes;
  const entries = parsed.data.entries.map((e) => compileEntry(e, classes));
  return { entries, classes };
}

let shipped: Lexicon | undefined;

export function triggerLexicon(): Lexicon {
  shipped ??= compileLexicon();
  return shipped;
}

// --- internal ---

type RawEntry = z.infer<typeof EntrySchema>;
type RawContext = z.infer<typeof ContextSchema>;

function compileEntry(e: RawEntry, classes: WordClasses): LexEntry {
  const entry: LexEntry = {
    ...compilePhrase(phraseSource(e.phrase, classes)),
    id: e.id,
    weapon: e.weapon,
    generic: e.generic ?? false,
    when: e.when && compileContext(e.when, classes),
    unless: e.unless && compileContext(e.unless, classes),
    refine: (e.refine ?? []).map((r) => ({ ...compileContext(r, classes), ...outcomeOf(e.id, r.type, r.subType) })),
  };
  if (!e.ignore) entry.outcome = outcomeOf(e.id, e.type, e.subType);
  return entry;
}

function compileContext(c: RawContext, classes: WordClasses): Context {
  const re = (phrase: string | undefined): RegExp | undefined => (phrase === undefined ? undefined : wordRegex(phraseSource(phrase, classes), "g"));
  return { before: re(c.before), after: re(c.after), window: c.window ?? DEFAULT_WINDOW };
}

function outcomeOf(id: string, type: string | undefined, subType: string | undefined): Outcome {
  const subTypes: readonly string[] | undefined =
    type !== undefined && Object.hasOwn(ACLED_TYPES, type) ? ACLED_TYPES[type as AcledEventType] : undefined;
  if (!subTypes || subType === undefined || !subTypes.includes(subType)) {
    throw new TruceError("E_DATA", `data/triggers.json: entry "${id}" has no valid ACLED type/sub-type ("${type}" / "${subType}")`);
  }
  return { type: type as AcledEventType, subType: subType as AcledSubEventType };
}
