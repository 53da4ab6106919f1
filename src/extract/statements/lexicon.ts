/**
 * @module extract/statements/lexicon
 * Loads `data/statement-verbs.json` once and compiles its patterns: the cues of each kind of
 * speech act, reporting verbs, channels and the words that make a person a speaker.
 */
import { readFileSync } from "node:fs";
import type { StatementKind } from "../../contract.js";
import { dataPath } from "../../data-path.js";

export interface Cue {
  kind: StatementKind;
  by: string;
  re: RegExp;
  needsReport: boolean;
  modalOk: boolean;
  /** Position in the file: an earlier cue wins over a later one at the same words. */
  rank: number;
}

export interface StatementLexicon {
  cues: readonly Cue[];
  reporting: RegExp;
  channels: readonly { channel: string; re: RegExp }[];
  titles: readonly string[];
  honorifics: ReadonlySet<string>;
  roleNouns: ReadonlySet<string>;
  roleModifiers: ReadonlySet<string>;
  governmentRoles: readonly string[];
  vagueSpeakers: ReadonlySet<string>;
}

interface CueFile {
  kind: StatementKind;
  by: string;
  pattern: string;
  needsReport?: boolean;
  modalOk?: boolean;
  caseSensitive?: boolean;
}

interface LexiconFile {
  cues: CueFile[];
  reporting: string;
  channels: { channel: string; pattern: string }[];
  titles: string[];
  honorifics: string[];
  roleNouns: string[];
  roleModifiers: string[];
  governmentRoles: string[];
  vagueSpeakers: string[];
}

let cached: StatementLexicon | undefined;

export function statementLexicon(): StatementLexicon {
  cached ??= compile(JSON.parse(readFileSync(dataPath("statement-verbs.json"), "utf8")) as LexiconFile);
  return cached;
}

// --- internal ---

function compile(file: LexiconFile): StatementLexicon {
  const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
  return {
    cues: file.cues.map((c, rank) => ({
      kind: c.kind,
      by: c.by,
      re: new RegExp(c.pattern, c.caseSensitive ? "g" : "gi"),
      needsReport: c.needsReport === true,
      modalOk: c.modalOk === true,
      rank,
    })),
    reporting: new RegExp(file.reporting, "i"),
    channels: file.channels.map((c) => ({ channel: c.channel, re: new RegExp(c.pattern, "i") })),
    // Longest first, so "Foreign Minister" is taken before "Minister".
    titles: [...file.titles].sort((a, b) => b.length - a.length),
    honorifics: new Set(file.honorifics),
    roleNouns: lower(file.roleNouns),
    roleModifiers: lower(file.roleModifiers),
    governmentRoles: file.governmentRoles.map((r) => r.toLowerCase()),
    vagueSpeakers: lower(file.vagueSpeakers),
  };
}
