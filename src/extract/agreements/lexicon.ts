/**
 * @module extract/agreements/lexicon
 * Loads `data/agreements.json` (how agreements are mentioned, signed, put at risk) and
 * `data/commitments.json` (what they commit parties to) once, and compiles their patterns.
 */
import { readFileSync } from "node:fs";
import type { CommitmentKind, Precision } from "../../contract.js";
import { dataPath } from "../../data-path.js";

export type AgreementClass = "ceasefire" | "deal";

export interface MentionPattern {
  class: AgreementClass;
  head: string;
  re: RegExp;
}

export interface RelativeBefore {
  re: RegExp;
  from: number;
  to: number;
  precision: Precision;
}

export interface AgreementLexicon {
  strong: readonly MentionPattern[];
  named: RegExp;
  namedStop: ReadonlySet<string>;
  weak: RegExp;
  negatedBefore: RegExp;
  negatedAfter: RegExp;
  hypotheticalBefore: RegExp;
  signing: RegExp;
  startFrom: RegExp;
  relativeBefore: readonly RelativeBefore[];
  risk: RegExp;
  anaphoricRisk: RegExp;
  twoSides: RegExp;
  unilateral: RegExp;
  kinds: readonly { kind: CommitmentKind; re: RegExp }[];
  frames: readonly { frame: string; re: RegExp }[];
  subjectWill: RegExp;
  sequencers: RegExp;
  deadlineBefore: RegExp;
  within: RegExp;
  lasting: RegExp;
}

interface AgreementFile {
  strong: { class: AgreementClass; head: string; pattern: string }[];
  namedHeads: string[];
  namedStop: string[];
  weak: string;
  negatedBefore: string;
  negatedAfter: string;
  hypotheticalBefore: string;
  signing: string;
  startFrom: string;
  relativeBefore: { pattern: string; from: number; to: number; precision: Precision }[];
  risk: string;
  anaphoricRisk: string;
  twoSides: string;
  unilateral: string;
}

interface CommitmentFile {
  kinds: { kind: CommitmentKind; pattern: string }[];
  frames: { frame: string; pattern: string }[];
  subjectWill: string;
  sequencers: string;
  deadlineBefore: string;
  within: string;
  lasting: string;
}

let cached: AgreementLexicon | undefined;

export function agreementLexicon(): AgreementLexicon {
  cached ??= compile(read<AgreementFile>("agreements.json"), read<CommitmentFile>("commitments.json"));
  return cached;
}

// --- internal ---

function read<T>(name: string): T {
  return JSON.parse(readFileSync(dataPath(name), "utf8")) as T;
}

function compile(a: AgreementFile, c: CommitmentFile): AgreementLexicon {
  const i = (p: string): RegExp => new RegExp(p, "i");
  const g = (p: string): RegExp => new RegExp(p, "gi");
  const heads = a.namedHeads.map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  return {
    strong: a.strong.map((s) => ({ class: s.class, head: s.head, re: g(s.pattern) })),
    // Capitalised words (or "U.S.-Taliban"-like compounds) before a capitalised head, case-sensitive.
    named: new RegExp(`\\b((?:[A-Z][\\w.'-]*\\s+){1,4})(${heads})\\b`, "g"),
    namedStop: new Set(a.namedStop),
    weak: g(a.weak),
    negatedBefore: i(a.negatedBefore),
    negatedAfter: i(a.negatedAfter),
    hypotheticalBefore: i(a.hypotheticalBefore),
    signing: g(a.signing),
    startFrom: i(a.startFrom),
    relativeBefore: a.relativeBefore.map((r) => ({ re: new RegExp(`${r.pattern}\\s+(?:[^.;]{0,60})$`, "i"), from: r.from, to: r.to, precision: r.precision })),
    risk: i(a.risk),
    anaphoricRisk: i(a.anaphoricRisk),
    twoSides: i(a.twoSides),
    unilateral: i(a.unilateral),
    kinds: c.kinds.map((k) => ({ kind: k.kind, re: g(k.pattern) })),
    frames: c.frames.map((f) => ({ frame: f.frame, re: g(f.pattern) })),
    subjectWill: g(c.subjectWill),
    sequencers: g(c.sequencers),
    deadlineBefore: i(c.deadlineBefore),
    within: g(c.within),
    lasting: g(c.lasting),
  };
}
