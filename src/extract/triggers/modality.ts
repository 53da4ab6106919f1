/**
 * @module extract/triggers/modality
 * Whether words that name violence report it or only talk about it: "did not attack" (negated),
 * "will attack" (future), "could launch an offensive" (hypothetical), "vowed to attack"
 * (intention), "threatened to attack" (reported_threat). Cues live in data/modality.json.
 * Triggers and casualty mentions both use it, so "may have been killed" and "may have attacked"
 * are read alike.
 */
import { z } from "zod";
import type { Modality } from "../annotations.js";
import { TruceError } from "../../errors.js";
import { distanceAfter, distanceBefore, joinTokens, readDataFile, tokensIn, type SentenceRange, type Token } from "./scan.js";

const MODALITIES = ["asserted", "negated", "future", "hypothetical", "intention", "reported_threat"] as const;

const CueSchema = z.object({ cue: z.string(), modality: z.enum(MODALITIES), window: z.number().int().min(0) });
const FileSchema = z.object({
  breaks: z.array(z.string()),
  before: z.array(CueSchema),
  after: z.array(CueSchema),
});

interface Cue {
  re: RegExp;
  modality: Modality;
  window: number;
}

interface CueTable {
  breaks: ReadonlySet<string>;
  before: readonly Cue[];
  after: readonly Cue[];
}

/** How many tokens on each side are looked at: more than the widest cue window. */
const REACH_TOKENS = 14;
/** Characters read on each side to find those tokens. */
const REACH_CHARS = 160;

let table: CueTable | undefined;

/**
 * The modality of the words at [start, end) in `lower`, read from the cues in the same clause.
 * "asserted" when no cue applies.
 */
export function modalityAt(lower: string, sentence: SentenceRange, start: number, end: number): Modality {
  const cues = cueTable();
  const before = clauseBefore(tokensIn(lower, Math.max(sentence.start, start - REACH_CHARS), start), cues.breaks);
  const after = clauseAfter(tokensIn(lower, end, Math.min(sentence.end, end + REACH_CHARS)), cues.breaks);
  return nearestBefore(before, cues.before) ?? firstAfter(after, cues.after) ?? "asserted";
}

// --- internal ---

function cueTable(): CueTable {
  if (!table) {
    const parsed = FileSchema.safeParse(readDataFile("modality.json"));
    if (!parsed.success) throw new TruceError("E_DATA", `data/modality.json: ${parsed.error.message}`);
    const compile = (c: z.infer<typeof CueSchema>): Cue => ({
      re: new RegExp(`(?<![a-z0-9'])(?:${c.cue})(?![a-z0-9])`, "g"),
      modality: c.modality,
      window: c.window,
    });
    table = { breaks: new Set(parsed.data.breaks), before: parsed.data.before.map(compile), after: parsed.data.after.map(compile) };
  }
  return table;
}

/** The tokens of the clause that ends at the trigger, at most REACH_TOKENS of them. */
function clauseBefore(tokens: Token[], breaks: ReadonlySet<string>): Token[] {
  let from = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    if (breaks.has(tokens[i]!.w)) {
      from = i + 1;
      break;
    }
  }
  return tokens.slice(Math.max(from, tokens.length - REACH_TOKENS));
}

function clauseAfter(tokens: Token[], breaks: ReadonlySet<string>): Token[] {
  const stop = tokens.findIndex((t) => breaks.has(t.w));
  return tokens.slice(0, Math.min(stop < 0 ? tokens.length : stop, REACH_TOKENS));
}

/** The modality of the cue nearest to the trigger, among cues within their window. */
function nearestBefore(tokens: readonly Token[], cues: readonly Cue[]): Modality | undefined {
  const joined = joinTokens(tokens);
  let best: { distance: number; modality: Modality } | undefined;
  for (const cue of cues) {
    const distance = distanceBefore(cue.re, joined);
    if (distance !== undefined && distance <= cue.window && (!best || distance < best.distance)) best = { distance, modality: cue.modality };
  }
  return best?.modality;
}

function firstAfter(tokens: readonly Token[], cues: readonly Cue[]): Modality | undefined {
  const joined = joinTokens(tokens);
  for (const cue of cues) {
    const distance = distanceAfter(cue.re, joined);
    if (distance !== undefined && distance <= cue.window) return cue.modality;
  }
  return undefined;
}
