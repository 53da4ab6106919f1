/**
 * @module extract/agreements/mentions
 * Where the text names an agreement: a proper name ("the Doha Agreement"), a strong mention
 * ("a peace deal", "the ceasefire", "U.S.-Taliban peace deal") or a back-reference ("the deal",
 * "the peace process"), each with whether the text says the agreement exists (asserted) or only
 * negates, proposes or hopes for it.
 */
import type { Sentence } from "../annotations.js";
import type { DocContext } from "../statements/context.js";
import type { AgreementClass, AgreementLexicon } from "./lexicon.js";

export type MentionStrength = "named" | "strong" | "weak";

export interface AgreementMention {
  start: number;
  end: number;
  sentence: number;
  strength: MentionStrength;
  class?: AgreementClass;
  /** "peace deal", "ceasefire", or the proper name. */
  head: string;
  /** The proper name, or the text as written when it joins its parties ("U.S.-Taliban peace deal"). */
  name?: string;
  /** The parties written in a hyphenated prefix ("U.S.-Taliban"), as offsets. */
  prefixParts: { start: number; end: number; text: string }[];
  asserted: boolean;
}

export function findMentions(ctx: DocContext, lex: AgreementLexicon): AgreementMention[] {
  const out: AgreementMention[] = [];
  for (const s of ctx.sentences) {
    const found: AgreementMention[] = [];
    const take = (m: AgreementMention): void => {
      if (!found.some((f) => f.start < m.end && m.start < f.end)) found.push(m);
    };
    for (const m of named(ctx, s, lex)) take(m);
    for (const m of strong(ctx, s, lex)) take(m);
    for (const m of weak(ctx, s, lex)) take(m);
    out.push(...found.sort((a, b) => a.start - b.start));
  }
  return out;
}

// --- internal ---

// "U.S.-Taliban", "Israel-Hamas", "Russia-Ukraine" right before the head, with at most one adjective between.
const PREFIX = /((?:[A-Z][\w.']*)(?:\s[A-Z][\w.']*)?(?:-(?:[A-Z][\w.']*)(?:\s[A-Z][\w.']*)?)+)\s+(?:[a-z]+[- ]?[a-z]*\s+)?$/;

function strong(ctx: DocContext, s: Sentence, lex: AgreementLexicon): AgreementMention[] {
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const out: AgreementMention[] = [];
  for (const p of lex.strong) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const at = s.span.start + m.index;
      out.push(withPrefix(ctx, s, lex, { start: at, end: at + m[0].length, sentence: s.index, strength: "strong", class: p.class, head: p.head, prefixParts: [], asserted: true }));
    }
  }
  return out;
}

function named(ctx: DocContext, s: Sentence, lex: AgreementLexicon): AgreementMention[] {
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const out: AgreementMention[] = [];
  lex.named.lastIndex = 0;
  for (let m = lex.named.exec(text); m; m = lex.named.exec(text)) {
    const words = [...m[1]!.matchAll(/\S+/g)];
    let k = 0;
    while (k < words.length && lex.namedStop.has(words[k]![0])) k++;
    const kept = words.slice(k);
    // "U.S.-Taliban Agreement" names its parties, not itself; one capitalised word opening a sentence is no name.
    if (kept.length === 0 || kept.some((w) => /-[A-Z]/.test(w[0]))) continue;
    const nameStart = s.span.start + m.index + kept[0]!.index!;
    const end = s.span.start + m.index + m[0].length;
    if (nameStart === s.span.start && kept.length === 1) continue;
    const name = ctx.doc.text.slice(nameStart, end);
    const cls: AgreementClass = /cease|truce/i.test(m[2]!) ? "ceasefire" : "deal";
    out.push(withModality(ctx, s, lex, { start: nameStart, end, sentence: s.index, strength: "named", class: cls, head: name, name, prefixParts: [], asserted: true }));
  }
  return out;
}

function weak(ctx: DocContext, s: Sentence, lex: AgreementLexicon): AgreementMention[] {
  const text = ctx.doc.norm.slice(s.span.start, s.span.end);
  const out: AgreementMention[] = [];
  lex.weak.lastIndex = 0;
  for (let m = lex.weak.exec(text); m; m = lex.weak.exec(text)) {
    const at = s.span.start + m.index;
    const head = m[0].replace(/^\S+\s+/, "");
    out.push(withModality(ctx, s, lex, { start: at, end: at + m[0].length, sentence: s.index, strength: "weak", head, prefixParts: [], asserted: true }));
  }
  return out;
}

/** Extends a strong mention over a hyphenated party prefix and reads its modality. */
function withPrefix(ctx: DocContext, s: Sentence, lex: AgreementLexicon, m: AgreementMention): AgreementMention {
  const head = ctx.doc.norm.slice(s.span.start, m.start);
  const p = PREFIX.exec(head);
  if (!p) return withModality(ctx, s, lex, m);
  const start = s.span.start + p.index;
  let offset = start;
  const prefixParts = p[1]!.split("-").map((part) => {
    const r = { start: offset, end: offset + part.length, text: ctx.doc.text.slice(offset, offset + part.length) };
    offset += part.length + 1;
    return r;
  });
  const name = ctx.doc.text.slice(start, m.end);
  return withModality(ctx, s, lex, { ...m, start, name, prefixParts });
}

/** Asserted unless negated ("no ceasefire", "has not been signed") or only proposed or hoped for. */
function withModality(ctx: DocContext, s: Sentence, lex: AgreementLexicon, m: AgreementMention): AgreementMention {
  const before = ctx.doc.norm.slice(Math.max(s.span.start, m.start - 80), m.start);
  const after = ctx.doc.norm.slice(m.end, Math.min(s.span.end, m.end + 60));
  const asserted = !lex.negatedBefore.test(before) && !lex.negatedAfter.test(after) && !lex.hypotheticalBefore.test(before);
  return { ...m, asserted };
}
