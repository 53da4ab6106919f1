/**
 * @module extract/statements/people
 * Named people who speak or are spoken to: "President Donald Trump", "senior Taliban leader
 * Mullah Abdul Ghani Baradar", "Zabiullah Mujahid, a Taliban spokesman", and later "Trump"
 * alone. No tagger: a run of capitalised words is a person only when a title, a role noun, an
 * appositive role or a reporting verb says so, or when it repeats the surname of one already
 * found. Upper-case wire copy has no capitals to go on and yields no one here.
 */
import type { Span } from "../../contract.js";
import type { Sentence } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import type { StatementLexicon } from "./lexicon.js";

export interface Person {
  /** Full name without title or honorific ("Abdul Ghani Baradar"). */
  name: string;
  /** Title or role as written ("President", "senior Taliban leader", "Taliban spokesman"). */
  role?: string;
  /** Where the role is written, to find the organisation in it. */
  roleSpan?: Span;
  /** The name as written, with a title written right before it ("President Donald Trump"). */
  mention: Span;
  /** Everything that belongs to the person: role before, name, appositive after. */
  extent: { start: number; end: number };
  sentence: number;
}

/** Every person named in the document, in text order. */
export function findPeople(doc: Document, sentences: readonly Sentence[], lex: StatementLexicon, blocked: readonly Range[]): Person[] {
  const people: Person[] = [];
  const runs: Run[] = [];
  for (const s of sentences) {
    for (const run of nameRuns(doc.norm, s, lex).flatMap((r) => splitAtBlocked(r, blocked))) {
      const person = personOf(doc, run, lex, blocked);
      if (person) people.push(person);
      else runs.push(run);
    }
  }
  const all = [...people, ...surnameRepeats(doc, runs, people, lex)].sort((a, b) => a.mention.start - b.mention.start);
  return fullNames(all);
}

export interface Range {
  start: number;
  end: number;
}

// --- internal ---

interface Token {
  start: number;
  end: number;
  text: string;
}

interface Run {
  tokens: Token[];
  sentence: Sentence;
}

const WORD = /[A-Za-z][A-Za-z'.-]*/g;
const NAME_TOKEN = /^(?:[A-Z][a-z]+(?:['-][A-Za-z]+)*|[A-Z][a-z]*\.|[A-Z]\.|(?:al|el|ul|ad|as|an|at|az)-[A-Z][a-z]+(?:-[A-Z][a-z]+)*|bin|ibn|abu|de|da|van|von|der|du|le|la|bint)$/;
const PARTICLE = /^(?:al|el|ul|bin|ibn|abu|de|da|van|von|der|du|le|la|bint)$/;
const STOP = new Set([
  "The", "A", "An", "On", "In", "At", "But", "And", "Or", "If", "As", "After", "Before", "When", "While", "Since", "This",
  "That", "These", "Those", "It", "He", "She", "They", "We", "I", "His", "Her", "Their", "Its", "Our", "Over", "Under",
  "Regardless", "However", "Meanwhile", "Many", "Some", "Two", "One", "Three", "According", "During", "From", "For",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
  "May", "June", "July", "August", "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.",
  "Aug.", "Sept.", "Sep.", "Oct.", "Nov.", "Dec.", "God", "Allah", "Islam", "Muslim", "Christian",
]);
const REPORT_AFTER = /^\s+(?:has |had |have |also |later |then |earlier )?(?:said|says|told|tells|stated|added|announced|declared|warned|urged|called|accused|blamed|denied|promised|pledged|vowed|spoke|phoned|met|claimed|insisted|indicated|wrote|tweeted|offered|condemned|welcomed)\b/;

/** Runs of name-like words inside one sentence ("Mullah Abdul Ghani Baradar"). */
function nameRuns(norm: string, s: Sentence, lex: StatementLexicon): Run[] {
  const text = norm.slice(s.span.start, s.span.end);
  const runs: Run[] = [];
  let current: Token[] = [];
  const flush = (): void => {
    while (current.length > 0 && PARTICLE.test(current[current.length - 1]!.text)) current.pop();
    while (current.length > 0 && STOP.has(current[0]!.text)) current.shift();
    if (current.length > 0) runs.push({ tokens: current, sentence: s });
    current = [];
  };
  WORD.lastIndex = 0;
  let prevEnd = -1;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const raw = trimWord(m[0], lex);
    const start = s.span.start + m.index;
    const token = { start, end: start + raw.length, text: raw };
    const joined = prevEnd >= 0 && /^ +$/.test(norm.slice(prevEnd, start));
    if (!joined) flush();
    if (NAME_TOKEN.test(raw)) {
      if (current.length === 0 && PARTICLE.test(raw)) continue;
      current.push(token);
      prevEnd = token.end;
    } else {
      flush();
      prevEnd = -1;
    }
  }
  flush();
  return runs;
}

/** A word without trailing hyphens, and without a final period unless it is a title ("Col.") or an initial. */
function trimWord(word: string, lex: StatementLexicon): string {
  const w = word.replace(/[-']+$/, "");
  if (!w.endsWith(".") || /^[A-Z]\.$/.test(w) || lex.titles.includes(w) || lex.honorifics.has(w)) return w;
  return w.replace(/\.+$/, "");
}

/** A run is a person when a title, a role noun before it, an appositive or a reporting verb says so. */
function personOf(doc: Document, run: Run, lex: StatementLexicon, blocked: readonly Range[]): Person | undefined {
  const titled = splitTitle(run.tokens, lex);
  const nameTokens = trimName(titled.name, lex);
  if (nameTokens.length === 0 || nameTokens.length > 5) return undefined;
  if (nameTokens.some((t) => STOP.has(t.text)) || nameTokens.every((t) => /\.$/.test(t.text))) return undefined;
  const first = nameTokens[0]!;
  const last = nameTokens[nameTokens.length - 1]!;
  const before = roleBefore(doc.norm, titled.name.length < run.tokens.length ? run.tokens[0]!.start : first.start, run.sentence, lex, blocked);
  const after = appositive(doc.norm, last.end, run.sentence, lex);
  const roleTitle = titled.title.filter((t) => !lex.honorifics.has(t.text));
  const titleStart = roleTitle.length > 0 ? roleTitle[0]!.start : undefined;
  const hasTitle = titleStart !== undefined;
  const reported = nameTokens.length >= 2 && REPORT_AFTER.test(doc.norm.slice(last.end, last.end + 40));
  const commaRole = nameTokens.length >= 2 ? commaAfterRole(doc.norm, first.start, run.sentence, lex) : undefined;
  if (titled.title.length === 0 && !before && !after && !reported && !commaRole) return undefined;
  const name = nameText(doc, nameTokens);
  const roleStart = before?.start ?? (titleStart !== undefined ? modifiersBefore(doc.norm, titleStart, run.sentence, lex, blocked) : undefined);
  const titleEnd = hasTitle ? roleTitle[roleTitle.length - 1]!.end : undefined;
  const role = after
    ? { start: after.start, end: after.end }
    : roleStart !== undefined
      ? { start: roleStart, end: titleEnd ?? before!.end }
      : commaRole;
  const mentionStart = hasTitle && roleTitle[roleTitle.length - 1]!.end + 1 >= first.start - 1 ? titleStart : first.start;
  return {
    name,
    ...(role && { role: cleanRole(doc.text.slice(role.start, role.end)), roleSpan: spanOf(doc, role.start, role.end) }),
    mention: spanOf(doc, mentionStart ?? first.start, last.end),
    extent: { start: Math.min(roleStart ?? first.start, first.start), end: Math.max(after?.end ?? last.end, last.end) },
    sentence: run.sentence.index,
  };
}

/** Splits "Afghan President Ashraf Ghani" into title part and name part at the last title. */
function splitTitle(tokens: Token[], lex: StatementLexicon): { title: Token[]; name: Token[] } {
  const words = tokens.map((t) => t.text);
  let cut = 0;
  for (let i = 0; i < tokens.length; i++) {
    for (const title of [...lex.titles, ...lex.honorifics]) {
      const parts = title.split(" ");
      if (parts.every((p, k) => words[i + k] === p) && i + parts.length > cut && i + parts.length < tokens.length) {
        cut = i + parts.length;
      }
    }
  }
  return { title: tokens.slice(0, cut), name: tokens.slice(cut) };
}

/** Drops honorifics left at the front of a name ("Mullah"). */
function trimName(tokens: Token[], lex: StatementLexicon): Token[] {
  let i = 0;
  while (i < tokens.length - 1 && lex.honorifics.has(tokens[i]!.text)) i++;
  return tokens.slice(i);
}

function nameText(doc: Document, tokens: Token[]): string {
  return doc.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end).replace(/\s+/g, " ");
}

/** "senior Taliban leader" right before a name: lower-case role words, ending in a role noun. */
function roleBefore(norm: string, nameStart: number, s: Sentence, lex: StatementLexicon, blocked: readonly Range[]): Range | undefined {
  const head = norm.slice(s.span.start, nameStart);
  const m = /([A-Za-z][A-Za-z.'-]*)\s+$/.exec(head);
  if (!m || !lex.roleNouns.has(m[1]!.toLowerCase())) return undefined;
  const nounStart = s.span.start + m.index;
  return { start: modifiersBefore(norm, nounStart, s, lex, blocked), end: nounStart + m[1]!.length };
}

/** Extends a role back over the words that qualify it ("Pakistani", "senior", "Taliban"): at most four. */
function modifiersBefore(norm: string, from: number, s: Sentence, lex: StatementLexicon, blocked: readonly Range[]): number {
  const words = [...norm.slice(s.span.start, from).matchAll(/([A-Za-z][A-Za-z.'-]*)\s+/g)];
  let start = from;
  for (let k = words.length - 1; k >= 0 && k >= words.length - 4; k--) {
    const w = words[k]!;
    const at = s.span.start + w.index;
    if (at + w[0].length !== start) break;
    const named = blocked.some((b) => b.start <= at && at < b.end);
    const lower = w[1]!.toLowerCase();
    const isMod = named || lex.roleModifiers.has(lower) || lex.roleNouns.has(lower) || /^[A-Z]/.test(w[1]!);
    if (!isMod || STOP.has(w[1]!)) break;
    start = at;
  }
  return start;
}

/** ", a Taliban spokesman," or ", Norway\'s foreign minister" after a name: a noun phrase headed by a role. */
function appositive(norm: string, nameEnd: number, s: Sentence, lex: StatementLexicon): Range | undefined {
  const tail = norm.slice(nameEnd, Math.min(s.span.end, nameEnd + 90));
  const m = /^,\s+((?:a|an|the|[A-Z])[^,;"()]{1,80}?)(?=,|\s+(?:and|said|says|told|has|had|was|is|who|added|announced|stated|wrote)\b|\s*;|\.["']?\s*$|$)/.exec(tail);
  if (!m) return undefined;
  const phrase = m[1]!.replace(/\s+(?:for|of|at|in|with|to)\s+.*$/, "");
  const head = phrase.split(/\s+/).pop()!.toLowerCase();
  if (!lex.roleNouns.has(head) && !lex.titles.some((t) => phrase.endsWith(t))) return undefined;
  const start = nameEnd + m[0].length - m[1]!.length;
  return { start, end: start + m[1]!.length };
}

/** "The Inspector General of Police, Chandra Fernando told …": a role then a comma before the name. */
function commaAfterRole(norm: string, nameStart: number, s: Sentence, lex: StatementLexicon): Range | undefined {
  const head = norm.slice(s.span.start, nameStart);
  const m = /(?:^|[,;]\s*)((?:(?:the|a|an)\s+)?)([^,;]{2,60}),\s+$/i.exec(head);
  if (!m) return undefined;
  const seg = m[2]!;
  const isRole = lex.titles.some((t) => seg.includes(t)) || seg.toLowerCase().split(/\s+/).some((w) => lex.roleNouns.has(w));
  if (!isRole) return undefined;
  const start = s.span.start + m.index + m[0].length - seg.length - (head.length - head.trimEnd().length) - 1;
  return { start, end: start + seg.length };
}

function cleanRole(role: string): string {
  return role.replace(/^(?:a|an|the)\s+/i, "").replace(/\s+/g, " ").trim();
}

/** "Trump said" after "President Donald Trump": a single word that is a known person's surname. */
function surnameRepeats(doc: Document, runs: Run[], people: Person[], lex: StatementLexicon): Person[] {
  const bySurname = new Map<string, Person>();
  for (const p of people) bySurname.set(p.name.split(" ").pop()!, p);
  const out: Person[] = [];
  for (const run of runs) {
    const tokens = trimName(splitTitle(run.tokens, lex).name, lex);
    const first = tokens[0];
    const known = first && tokens.length === 1 ? bySurname.get(first.text) : undefined;
    if (!known || known.mention.start > first!.start) continue;
    const after = appositive(doc.norm, first!.end, run.sentence, lex);
    out.push({
      name: known.name,
      ...(after
        ? { role: cleanRole(doc.text.slice(after.start, after.end)), roleSpan: spanOf(doc, after.start, after.end) }
        : known.role !== undefined && { role: known.role }),
      mention: spanOf(doc, first!.start, after ? after.end : first!.end),
      extent: { start: first!.start, end: after?.end ?? first!.end },
      sentence: run.sentence.index,
    });
  }
  return out;
}

/** "Leggett, the spokesman" after "Col. Sonny Leggett": a lone surname takes the full name met before. */
function fullNames(people: Person[]): Person[] {
  const bySurname = new Map<string, Person>();
  return people.map((p) => {
    const words = p.name.split(" ");
    const known = words.length === 1 ? bySurname.get(p.name) : undefined;
    if (words.length > 1) bySurname.set(words[words.length - 1]!, p);
    if (!known) return p;
    return { ...p, name: known.name, ...(p.role === undefined && known.role !== undefined && { role: known.role }) };
  });
}

/** Words that are places or actors ("Afghan", "Taliban") are not names: the run splits around them. */
function splitAtBlocked(run: Run, blocked: readonly Range[]): Run[] {
  const out: Run[] = [];
  let current: Token[] = [];
  for (const t of run.tokens) {
    if (blocked.some((b) => b.start < t.end && t.start < b.end)) {
      if (current.length > 0) out.push({ tokens: current, sentence: run.sentence });
      current = [];
    } else current.push(t);
  }
  if (current.length > 0) out.push({ tokens: current, sentence: run.sentence });
  return out;
}
