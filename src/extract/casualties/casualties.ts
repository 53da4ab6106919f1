/**
 * @module extract/casualties/casualties
 * Killed and injured figures with their victims' category: "at least eight soldiers were
 * killed", "killing four civilians, 11 security forces and wounding 18 others", "left 12 dead",
 * "the death toll rose to 20", "no one was hurt". Numbers come from the quantities stage; the
 * category from the victim noun or an actor in its phrase. Wounded are never added to killed.
 */
import type { ActorMention, Annotation, CasualtyMention, Modality, Quantity } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import { defineStage } from "../stage.js";
import { modalityAt } from "../triggers/modality.js";
import { lowerOf, sentencesOf, type SentenceRange } from "../triggers/scan.js";
import {
  countOf,
  headAfter,
  headEndingAt,
  isStop,
  isItemStart,
  itemAfter,
  itemBefore,
  unitsOf,
  type Count,
  type Item,
} from "./phrases.js";
import { quantityLexicon } from "../numbers/lexicon.js";
import { nameEndAfter, nameItem, nameStartBefore, type NameContext } from "./names.js";
import { casualtyWords, type CasualtyWords, type Kind, type Verb, type VerbForm } from "./words.js";

export const casualtiesStage = defineStage({
  key: "casualties",
  needs: ["text", "quantities", "places", "actors"],
  run: (doc, found): CasualtyMention[] =>
    findCasualties(doc, sentencesOf(doc, found), found.quantities ?? [], found.actors ?? [], casualtyWords(), found.places?.mentions ?? []),
});

/** Every casualty figure of the document, in text order. */
export function findCasualties(
  doc: Document,
  sentences: readonly SentenceRange[],
  quantities: readonly Quantity[],
  actors: readonly ActorMention[],
  words: CasualtyWords,
  places: readonly Annotation[] = [],
): CasualtyMention[] {
  const lower = lowerOf(doc);
  return sentences.flatMap((s) => new SentenceReader(doc, lower, s, quantities, actors, words, places).read());
}

// --- internal ---

/** Where a mention's words are and how it reads, before it becomes a CasualtyMention. */
interface Draft {
  kind: Kind;
  item: Item;
  start: number;
  end: number;
  modality: Modality;
  rule: string;
}

/** Units read after a toll ("the death toll rose to 20") for its number. */
const TOLL_REACH = 10;
const BODIES = new Set(["body", "bodies", "corpse", "corpses", "remains"]);
const SINGULAR_CHAIN = new Set(["was", "is", "has"]);
const PUNCT = /^[^a-z0-9#]/;
const COMMAS = new Set([",", ";"]);
const ADVERB = /^[a-z]{3,}ly$/;
/** "his body", "her body": one person's body; "the body" may be an assembly. */
const OWNERS = new Set(["his", "her"]);
/** Longest aside skipped between a subject and its verb. */
const ASIDE_REACH = 12;
/** Units of "of the small town of Hostigal" skipped between a victim and the next one. */
const OF_REACH = 8;
/** A past participle, for "was engaged and killed". */
const PARTICIPLE = /^[a-z]+(?:ed|en|wn|ght)$/;
const REPORTING = new Set(["said", "says", "say", "told", "reported", "reports", "added", "stated", "according"]);
/** How far back "The minister, Ahmed Karimi, was shot" is read for the victim noun. */
const APPOSITION_REACH = 12;

/** Words that join victims named one by one ("Navas and Pineda", "a judge, his son and a guard"). */
const JOINERS = new Set([",", "and"]);
const UPPER_ONLY = /^[^a-z]*[A-Z][^a-z]*$/;

class SentenceReader {
  private readonly ctx: NameContext;
  private readonly drafts: Draft[] = [];
  private readonly usedUnits = new Set<number>();

  constructor(
    private readonly doc: Document,
    private readonly lower: string,
    private readonly sentence: SentenceRange,
    quantities: readonly Quantity[],
    actors: readonly ActorMention[],
    private readonly words: CasualtyWords,
    places: readonly Annotation[],
  ) {
    const inSentence = actors.filter((a) => a.span.start >= sentence.start && a.span.end <= sentence.end);
    const allCaps = UPPER_ONLY.test(doc.text.slice(sentence.start, sentence.end));
    const placeSpans = places.filter((p) => p.span.start >= sentence.start && p.span.end <= sentence.end).map((p) => p.span);
    this.ctx = { units: unitsOf(lower, sentence, quantities), words, actors: inSentence, text: doc.text, allCaps, places: placeSpans };
  }

  read(): CasualtyMention[] {
    this.readZeros();
    this.readTolls();
    this.readVerbs();
    this.readNominals();
    this.readBodies();
    this.drafts.sort((a, b) => a.start - b.start);
    this.inheritOthers();
    return this.drafts.map((d) => this.toMention(d));
  }

  /** "no casualties", "no one was hurt": explicit zeros, asserted. */
  private readZeros(): void {
    const text = this.lower.slice(this.sentence.start, this.sentence.end);
    const blocked = this.matches(this.words.zero.notZero, text);
    const kinds: [RegExp[], Kind[]][] = [
      [this.words.zero.both, ["killed", "injured"]],
      [this.words.zero.killed, ["killed"]],
      [this.words.zero.injured, ["injured"]],
    ];
    for (const [regexes, forKinds] of kinds) {
      for (const m of this.matches(regexes, text)) {
        if (blocked.some((b) => b.start < m.end && m.start < b.end)) continue;
        const item = this.bareItem(m.start, m.end, { low: 0, best: 0, high: null });
        for (const kind of forKinds) this.add({ kind, item, start: m.start, end: m.end, modality: "asserted", rule: "casualties/zero" });
      }
    }
  }

  /** "the death toll rose to 20", "a toll of 12". */
  private readTolls(): void {
    const text = this.lower.slice(this.sentence.start, this.sentence.end);
    const units = this.ctx.units;
    for (const m of this.matches([this.words.toll], text)) {
      const at = units.findIndex((u) => u.start >= m.end);
      for (let k = at; k >= 0 && k < units.length && k - at < TOLL_REACH && !/^[^a-z0-9#]/.test(units[k]!.w); k++) {
        const q = units[k]!.q;
        if (!q || this.usedUnits.has(k)) continue;
        this.usedUnits.add(k);
        const item = this.bareItem(units[k]!.start, units[k]!.end, countOf(q));
        this.add({ kind: "killed", item, start: m.start, end: units[k]!.end, modality: this.modality(m.start, m.end), rule: "casualties/toll" });
        break;
      }
    }
  }

  private readVerbs(): void {
    const units = this.ctx.units;
    for (let i = 0; i < units.length; i++) {
      const verbs = this.verbsAt(i);
      if (verbs.length === 0) continue;
      const last = i + verbs[0]!.words.length - 1;
      this.readVerb(i, last, verbs);
      i = last;
    }
  }

  /** Decides how the verb at units [i, last] takes its victims, and reads them. */
  private readVerb(i: number, last: number, verbs: readonly Verb[]): void {
    const kind = verbs[0]!.kind;
    const has = (form: VerbForm): boolean => verbs.some((v) => v.form === form);
    const chain = this.coordinatedChain(this.chainBefore(i), last);
    const modality = this.modality(this.ctx.units[i]!.start, this.ctx.units[last]!.end);
    if (this.readAdjective(i, kind, modality)) return;
    if (has("passive") && this.readAttributive(i, last, kind, modality)) return;
    if (chain.passive && has("passive")) this.readSubjects(i, last, chain, kind, modality, "casualties/passive", true);
    else if (has("active") && this.objectAt(last + 1, true)) this.readObjects(i, last, kind, modality, "casualties/active", true);
    else if (has("active") && this.readBareVague(i, last, kind, modality)) return;
    else if (has("intransitive")) this.readSubjects(i, last, chain, kind, modality, "casualties/intransitive", true);
    // a bare participle needs a number: "12 killed in the blast", not "soldiers killed"
    else if (has("passive")) this.readSubjects(i, last, chain, kind, modality, "casualties/participle", false);
  }

  /** "one dead terrorist", "two wounded soldiers". */
  private readAdjective(i: number, kind: Kind, modality: Modality): boolean {
    const units = this.ctx.units;
    const before = units[i - 1];
    if (this.words.adjectives.get(units[i]!.w) !== kind || !before?.q || this.usedUnits.has(i - 1)) return false;
    const headEnd = headAfter(this.ctx, i + 1);
    if (headEnd < 0) return false;
    const item = itemBefore(this.ctx, headEnd);
    if (!item) return false;
    const counted: Item = { ...item, firstUnit: i - 1, start: before.start, count: countOf(before.q), qUnit: i - 1 };
    this.usedUnits.add(i - 1);
    this.add({ kind, item: counted, start: counted.start, end: counted.end, modality, rule: "casualties/adjective" });
    return true;
  }

  /** "the murdered candidate", "the assassinated Carlos Pizarro": one victim. */
  private readAttributive(i: number, last: number, kind: Kind, modality: Modality): boolean {
    const units = this.ctx.units;
    if (last !== i || !this.words.detOne.has(units[i - 1]?.w ?? "")) return false;
    const headEnd = headAfter(this.ctx, last + 1);
    const head = headEnd < 0 ? undefined : headEndingAt(this.ctx, headEnd);
    const singular = head !== undefined && head !== "others" && !head.plural;
    const end = singular ? headEnd : nameEndAfter(this.ctx, last + 1);
    if (end < 0 || (!singular && headEnd >= 0)) return false;
    const item = { ...nameItem(this.ctx, last + 1, end), firstUnit: i - 1, start: units[i - 1]!.start };
    if (singular) Object.assign(item, itemBefore(this.ctx, end) ?? {}, { count: { low: 1, best: 1, high: null } });
    this.add({ kind, item, start: units[i - 1]!.start, end: units[end]!.end, modality, rule: "casualties/attributive" });
    return true;
  }

  /** Victims before the verb: "eight soldiers and two policemen were killed", "a policeman was killed". */
  private readSubjects(i: number, last: number, verbChain: Chain, kind: Kind, modality: Modality, rule: string, singularVerb: boolean): void {
    const chain = { ...verbChain, npEnd: this.subjectEnd(verbChain.npEnd) };
    const items = this.subjectList(chain.npEnd);
    const verbEnd = this.ctx.units[last]!.end;
    const counted = items.filter((it) => it.count !== undefined);
    if (counted.length === 0 && this.readNamed(chain, verbEnd, kind, modality, rule, singularVerb)) return;
    if (counted.length === 0 && singularVerb && chain.singular) {
      this.readSingular(i, chain.npEnd + 1, verbEnd, items[0], kind, modality, rule);
      return;
    }
    counted.forEach((item, n) => {
      const end = n === counted.length - 1 ? verbEnd : item.end;
      this.claim(item);
      this.add({ kind, item, start: item.start, end, modality: this.zeroIsAsserted(item, modality), rule });
    });
  }

  /**
   * Victims named one by one before the verb: "Navas and Pineda were shot to death" (two),
   * "Inspector Luis Flores died" (one), "his wife and his son also died" (two).
   */
  private readNamed(chain: Chain, verbEnd: number, kind: Kind, modality: Modality, rule: string, singularVerb: boolean): boolean {
    // a bare participle needs a number, and "two dead" is an adjective: neither takes names
    const parts = rule === "casualties/participle" || this.ctx.units[chain.npEnd + 1]?.w === "dead" ? [] : this.namedList(chain.npEnd);
    const n = parts.length;
    const fits = n >= 2 ? !chain.singular : n === 1 && singularVerb && !chain.passive && !chain.singular;
    if (!fits) return this.readClauseSubject(chain, verbEnd, kind, modality, rule);
    const item: Item = { ...parts[0]!, lastUnit: parts[n - 1]!.lastUnit, end: parts[n - 1]!.end, count: { low: n, best: n, high: null } };
    const categories = new Set(parts.map((p) => p.category));
    item.category = categories.size === 1 ? parts[0]!.category : "unknown";
    item.victims = { start: item.start, end: item.end };
    this.add({ kind, item, start: item.start, end: verbEnd, modality, rule: `${rule}-named` });
    return true;
  }

  /** Singular victims joined by "and" or commas, ending at unit e; [] unless the list is clean. */
  private namedList(e: number): Item[] {
    const units = this.ctx.units;
    const parts: Item[] = [];
    let joined = false;
    for (let k = e; k >= 0; ) {
      const part = this.singleBefore(k);
      if (!part) return units[k + 1]?.w === "and" ? [] : parts;
      parts.unshift(part);
      k = part.firstUnit - 1;
      // "another reporter, Mauricio Pineda, died": before any "and", a comma is an apposition
      if (!JOINERS.has(units[k]?.w ?? "") || (units[k]!.w === "," && !joined)) break;
      joined = true;
      k -= units[k]!.w === "and" && units[k - 1]?.w === "," ? 2 : 1;
    }
    const before = units[parts[0] ? parts[0].firstUnit - 1 : -1];
    return !before || PUNCT.test(before.w) || this.words.npStops.has(before.w) ? parts : [];
  }

  /** One victim ending at unit k: "he", "a policeman", "Luis Flores". */
  private singleBefore(k: number): Item | undefined {
    const item = itemBefore(this.ctx, k);
    if (item?.count?.best === 1 && item.qUnit === undefined && !(item.head !== undefined && item.head !== "others" && item.head.plural)) return item;
    if (item) return undefined;
    const first = nameStartBefore(this.ctx, k);
    return first >= 0 ? nameItem(this.ctx, first, k) : undefined;
  }

  /**
   * "several insurgents opened fire on the patrol and were killed": a passive verb after "and"
   * takes the counted victims that open its clause.
   */
  private readClauseSubject(chain: Chain, verbEnd: number, kind: Kind, modality: Modality, rule: string): boolean {
    const units = this.ctx.units;
    if (!chain.passive || units[chain.npEnd]?.w !== "and") return false;
    let from = chain.npEnd - 1;
    while (from > 0 && !PUNCT.test(units[from - 1]!.w) && !this.words.verbs.has(units[from - 1]!.w)) from--;
    for (let k = from; k < chain.npEnd; k++) {
      const item = itemBefore(this.ctx, k);
      if (!item?.count || item.count.best === 0 || item.head === undefined || (item.qUnit !== undefined && this.usedUnits.has(item.qUnit))) continue;
      if (item.firstUnit < from || headEndingAt(this.ctx, k + 1) !== undefined) continue;
      this.claim(item);
      this.add({ kind, item, start: item.start, end: verbEnd, modality, rule: `${rule}-clause` });
      return true;
    }
    return false;
  }

  /** "Kadirgamar was fatally shot": a singular verb with no counted noun is one victim. */
  private readSingular(i: number, chainStart: number, verbEnd: number, item: Item | undefined, kind: Kind, modality: Modality, rule: string): void {
    const units = this.ctx.units;
    const from = item ?? this.appositionNoun(i) ?? this.bareItem(units[i]!.start, units[i]!.start, { low: 1, best: 1, high: null });
    const nearest = [...this.ctx.actors].reverse().find((a) => a.span.end <= units[i]!.start && a.category !== "unknown");
    const single: Item = { ...from, count: { low: 1, best: 1, high: null } };
    if (from.category === "unknown" && nearest) single.category = nearest.category;
    const start = item ? item.start : units[chainStart]!.start;
    this.add({ kind, item: single, start, end: verbEnd, modality, rule: `${rule}-singular` });
  }

  /** "The minister, Ahmed Karimi, was shot": the victim noun before a name in apposition. */
  private appositionNoun(i: number): Item | undefined {
    const units = this.ctx.units;
    for (let k = i - 1; k >= 0 && i - k <= APPOSITION_REACH; k--) {
      const w = units[k]!.w;
      if (REPORTING.has(w) || w === "that" || this.words.verbs.has(w) || w === ";") return undefined;
      const head = headEndingAt(this.ctx, k);
      if (head && head !== "others") return itemBefore(this.ctx, k);
    }
    return undefined;
  }

  /**
   * Victims after an active verb or a nominal: "killed four civilians, 11 security forces",
   * "killing Jan Agha and several other insurgents", "the murder of six priests and two women".
   */
  private readObjects(i: number, last: number, kind: Kind, modality: Modality, rule: string, names: boolean): void {
    const units = this.ctx.units;
    let k = last + 1;
    let first = true;
    for (let item = this.objectAt(k, names); item; item = this.objectAt(k, names)) {
      if (item.qUnit !== undefined && this.usedUnits.has(item.qUnit)) break;
      this.claim(item);
      const start = first ? units[i]!.start : item.start;
      this.add({ kind, item, start, end: item.end, modality: this.zeroIsAsserted(item, modality), rule });
      first = false;
      k = this.continuesList(item, names || item.titled === true);
      if (k < 0) break;
    }
  }

  /**
   * "the force returned fire, killing several.": a vague quantity standing alone after the verb,
   * which the quantities stage leaves out because no noun follows it.
   */
  private readBareVague(i: number, last: number, kind: Kind, modality: Modality): boolean {
    const units = this.ctx.units;
    const u = units[last + 1];
    const entry = u && quantityLexicon().vague.get(u.w);
    if (!u || !entry || entry.best === null || entry.needs !== "word" || !PUNCT.test(units[last + 2]?.w ?? ".")) return false;
    const item = this.bareItem(u.start, u.end, { low: entry.best, best: entry.best, high: null });
    this.add({ kind, item, start: units[i]!.start, end: u.end, modality, rule: "casualties/active-vague" });
    return true;
  }

  /** The victims starting at unit k: a counted phrase, or (where allowed) a person's name. */
  private objectAt(k: number, names: boolean): Item | undefined {
    // "killing all four": "all" before a number adds nothing to it
    if (this.ctx.units[k]?.w === "all" && this.ctx.units[k + 1]?.q) return this.objectAt(k + 1, names);
    if (isItemStart(this.ctx, k)) return itemAfter(this.ctx, k);
    const end = names ? nameEndAfter(this.ctx, k) : -1;
    return end >= 0 ? nameItem(this.ctx, k, end) : this.titledName(k);
  }

  /** "political leaders Hector Oqueli and Gilda Flores": a plural title before names; the first name. */
  private titledName(k: number): Item | undefined {
    const title = headAfter(this.ctx, k);
    const head = title < 0 ? undefined : headEndingAt(this.ctx, title);
    if (head === undefined || head === "others" || !head.plural || this.ctx.units[k]!.q) return undefined;
    const end = nameEndAfter(this.ctx, title + 1);
    return end < 0 ? undefined : { ...nameItem(this.ctx, title + 1, end), firstUnit: k, start: this.ctx.units[k]!.start, titled: true };
  }

  /**
   * "the murder of two judges", "the assassination of Luis Galan", "Galan's assassination":
   * a noun that reports the killing, with its victims after "of" or before "'s".
   */
  private readNominals(): void {
    const units = this.ctx.units;
    for (let i = 0; i < units.length; i++) {
      const kind = this.words.nominals.get(units[i]!.w);
      if (!kind || this.blockedNominal(i) || this.words.nominalNotBefore.has(units[i + 1]?.w ?? "")) continue;
      this.readNominal(i, kind, this.modality(units[i]!.start, units[i]!.end));
    }
  }

  /** The victims of the nominal at unit i: after "of", before "'s", a number before it, or "his". */
  private readNominal(i: number, kind: Kind, modality: Modality): void {
    const units = this.ctx.units;
    const noun = units[i]!.w;
    const of = this.ofAfterNominal(i);
    if (of > 0) return this.readObjects(i, of, kind, modality, "casualties/nominal", this.nominalTakesNames(noun));
    if (/'s$/.test(units[i - 1]?.w ?? "")) return this.nominalTakesNames(noun) ? this.readPossessive(i, kind, modality) : undefined;
    if (this.words.countedNominals.has(noun) && this.readCountedNominal(i, kind, modality)) return;
    if (OWNERS.has(units[i - 1]?.w ?? "") && !/s$/.test(noun)) {
      // "resulting in his death": one person
      const item = this.bareItem(units[i - 1]!.start, units[i]!.end, { low: 1, best: 1, high: null });
      this.add({ kind, item, start: item.start, end: item.end, modality, rule: "casualties/nominal" });
    }
  }

  /** The "of" after a nominal, past a date or place: "the assassination on 22 March of". */
  private ofAfterNominal(i: number): number {
    const units = this.ctx.units;
    if (units[i + 1]?.w === "of") return i + 1;
    if (units[i + 1]?.w !== "on" && units[i + 1]?.w !== "in") return -1;
    for (let k = i + 2; k < units.length && k - i <= 5; k++) {
      if (units[k]!.w === "of") return k;
      if (PUNCT.test(units[k]!.w) || this.words.npStops.has(units[k]!.w)) return -1;
    }
    return -1;
  }

  /** "the murder of Luis Galan"; "the death of Ahmed Shah" only where case shows a name. */
  private nominalTakesNames(noun: string): boolean {
    if (this.words.nominalNeedsVictims.has(noun)) return false;
    return !this.words.nominalNamesInCase.has(noun) || !this.ctx.allCaps;
  }

  /** "caused 12 deaths", "one unfortunate death": the number counts the dead. */
  private readCountedNominal(i: number, kind: Kind, modality: Modality): boolean {
    const units = this.ctx.units;
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      const u = units[k]!;
      if (u.q) {
        if (this.usedUnits.has(k)) return false;
        this.usedUnits.add(k);
        const item = this.bareItem(u.start, units[i]!.end, countOf(u.q));
        this.add({ kind, item, start: u.start, end: units[i]!.end, modality, rule: "casualties/nominal-count" });
        return true;
      }
      if (isStop(this.ctx, k) || this.words.detOne.has(u.w)) return false;
    }
    return false;
  }

  /** "Galan's assassination", "the minister's murder": one victim. */
  private readPossessive(i: number, kind: Kind, modality: Modality): void {
    const units = this.ctx.units;
    const owner = units[i - 1]!;
    const stem = owner.w.slice(0, -2);
    const noun = (this.words.nouns.get(stem) ?? []).find((n) => n.words.length === 1);
    const first = noun ? (noun.plural ? -1 : i - 1) : nameStartBefore(this.ctx, i - 1);
    if (first < 0 || this.words.names.not.has(stem)) return;
    const item = { ...nameItem(this.ctx, first, i - 1), category: noun && noun.head !== "generic" ? noun.head : ("unknown" as const) };
    this.add({ kind, item, start: item.start, end: units[i]!.end, modality, rule: "casualties/nominal" });
  }

  /** "the attempted murder of", "a plot for the assassination of": nobody died. */
  private blockedNominal(i: number): boolean {
    const units = this.ctx.units;
    for (let k = i - 1; k >= 0 && i - k <= 3; k--) {
      if (this.words.nominalBlockers.has(units[k]!.w)) return true;
      if (PUNCT.test(units[k]!.w)) return false;
    }
    return false;
  }

  /**
   * Where the list of victims goes on after `item`, or -1: ", 11 security forces", "and a
   * policeman", "as well as two peasants", ", Luis Flores and"; not ", a spokesman said", where a
   * new clause starts, nor ", 42," (an age).
   */
  private continuesList(item: Item, names: boolean): number {
    const units = this.ctx.units;
    const k = this.joinerAfter(item);
    const len = this.joinerAt(k);
    if (len === 0) return -1;
    const next = k + len;
    const after = this.objectAt(next, names);
    if (!after || REPORTING.has(units[after.lastUnit + 1]?.w ?? "")) return -1;
    if (len > 1 || !COMMAS.has(units[k]!.w)) return next;
    if (units[next]!.q !== undefined) return after.head !== undefined ? next : -1;
    // a name after a bare comma only in a real list: "the murders of Galan, Lara and Pardo";
    // after "two reporters," the names say who the two were
    const isName = after.head === undefined && after.qUnit === undefined;
    const counted = item.qUnit !== undefined || (item.count?.best ?? 0) > 1;
    return names && isName && !counted && this.joinerAt(after.lastUnit + 1) > 0 ? next : -1;
  }

  /**
   * Where a joiner may follow `item`: right after it, after a name's age ("Maria Pulido, 42;"),
   * or after the "of" phrase of a singular victim ("the mayor of Achi, as well as two peasants").
   */
  private joinerAfter(item: Item): number {
    const units = this.ctx.units;
    const k = item.lastUnit + 1;
    const age = units[k + 1];
    if (item.head === undefined && units[k]?.w === "," && age?.q && COMMAS.has(units[k + 2]?.w ?? "")) return k + 2;
    if (units[k]?.w !== "of" || item.count?.best !== 1) return k;
    for (let j = k + 1; j < units.length && j - k <= OF_REACH; j++) {
      if (this.joinerAt(j) > 0 && units[j]!.w !== "and") return j;
      if (this.words.verbs.has(units[j]!.w) || (PUNCT.test(units[j]!.w) && units[j]!.w !== ",")) return k;
    }
    return k;
  }

  /** How many units the list joiner at unit k takes (",", "and", ", and", "as well as"), or 0. */
  private joinerAt(k: number): number {
    const units = this.ctx.units;
    for (const joiner of this.words.joiners) {
      if (joiner.every((w, n) => units[k + n]?.w === w)) return joiner.length;
    }
    return 0;
  }

  /** "12 bodies were found", "the bodies of three journalists". */
  private readBodies(): void {
    const units = this.ctx.units;
    for (let k = 0; k < units.length; k++) {
      if (!BODIES.has(units[k]!.w)) continue;
      const before = itemBefore(this.ctx, k);
      const ofItem = units[k + 1]?.w === "of" ? itemAfter(this.ctx, k + 2) : undefined;
      const item = before !== undefined && this.countsBodies(before) ? before : ofItem;
      if (!item?.count || (item.qUnit !== undefined && this.usedUnits.has(item.qUnit))) continue;
      this.claim(item);
      const start = Math.min(item.start, units[k]!.start);
      this.add({ kind: "killed", item, start, end: Math.max(item.end, units[k]!.end), modality: this.modality(units[k]!.start, units[k]!.end), rule: "casualties/bodies" });
    }
  }

  /** "12 bodies", "both bodies", "his body": a count the bodies phrase itself gives. */
  private countsBodies(item: Item): boolean {
    const first = this.ctx.units[item.firstUnit]?.w ?? "";
    return item.qUnit !== undefined || this.words.detTwo.has(first) || OWNERS.has(first);
  }

  /** Coordinated victim phrases ending at unit e: "four civilians, two soldiers and a policeman". */
  private subjectList(e: number): Item[] {
    const units = this.ctx.units;
    const items: Item[] = [];
    let joined = false;
    for (let item = itemBefore(this.ctx, e); item; item = this.conjunctBefore(e, joined)) {
      if (item.qUnit !== undefined && this.usedUnits.has(item.qUnit)) break;
      items.unshift(item);
      let k = item.firstUnit - 1;
      if (units[k]?.w !== "and" && units[k]?.w !== ",") break;
      joined ||= units[k]!.w === "and";
      k--;
      if (units[k]?.w === ",") k--;
      e = this.skipParenthesis(k);
    }
    return items;
  }

  /**
   * Where the subject ends when an aside stands between it and the verb: "six priests, five of
   * them Spaniards, were killed", "two missionaries -- aged 19 and 21 -- were shot to death",
   * "six priests and two women who worked with them were murdered".
   */
  private subjectEnd(e: number): number {
    const units = this.ctx.units;
    const w = units[e]?.w;
    if (w === ")") return this.skipParenthesis(e);
    if (w === "," || w === "-") {
      for (let j = e - 1; j >= 1 && e - j <= ASIDE_REACH; j--) {
        if (units[j]!.w === w && !(w === "-" && units[j - 1]!.w !== "-")) return w === "-" ? j - 2 : j - 1;
        if (PUNCT.test(units[j]!.w) && units[j]!.w !== "-") break;
      }
      return e;
    }
    return this.relativeStart(e) ?? e;
  }

  /** The unit before "who ..." when a relative clause ends at e and a victim phrase precedes it. */
  private relativeStart(e: number): number | undefined {
    const units = this.ctx.units;
    for (let j = e; j >= 1 && e - j <= ASIDE_REACH; j--) {
      const w = units[j]!.w;
      if (PUNCT.test(w) || this.words.verbs.has(w)) return undefined;
      if ((w === "who" || w === "that") && headEndingAt(this.ctx, j - 1) !== undefined) return j - 1;
    }
    return undefined;
  }

  /** An earlier victim of a list: a counted phrase, or a name once "and" shows it is a list. */
  private conjunctBefore(e: number, joined: boolean): Item | undefined {
    const item = itemBefore(this.ctx, e);
    if (item || !joined) return item;
    const first = nameStartBefore(this.ctx, e);
    return first >= 0 ? nameItem(this.ctx, first, e) : undefined;
  }

  /** "six priests (five Spaniards and one Salvadoran) and two women": the unit before the aside. */
  private skipParenthesis(k: number): number {
    const units = this.ctx.units;
    if (units[k]?.w === "-" && units[k - 1]?.w === "-") {
      for (let j = k - 2; j >= 1 && k - j < 20; j--) if (units[j]!.w === "-" && units[j - 1]!.w === "-") return j - 2;
      return k;
    }
    if (units[k]?.w !== ")") return k;
    for (let j = k - 1; j >= 0 && k - j < 20; j--) if (units[j]!.w === "(") return j - 1;
    return k;
  }

  /**
   * "he was engaged and killed", "were abducted, tortured and killed": a participle joined to an
   * earlier passive takes that passive's subject, unless victims follow ("were ambushed and killed five").
   */
  private coordinatedChain(chain: Chain, last: number): Chain {
    const units = this.ctx.units;
    if (chain.passive || !JOINERS.has(units[chain.npEnd]?.w ?? "") || this.objectAt(last + 1, true)) return chain;
    let j = chain.npEnd;
    for (let n = 0; n < 4 && j >= 1 && JOINERS.has(units[j]!.w) && PARTICIPLE.test(units[j - 1]!.w); n++) {
      const before = this.chainBefore(j - 1);
      if (before.passive) return before;
      j = before.npEnd;
    }
    return chain;
  }

  /** The auxiliaries and adverbs before a verb ("is rumored to have been"), and whether they make it passive. */
  private chainBefore(i: number): Chain {
    const units = this.ctx.units;
    let j = i - 1;
    let passive = false;
    let singular = false;
    while (j >= 0 && (this.words.chain.has(units[j]!.w) || this.isAdverb(units[j]!.w))) {
      if (this.words.passiveMarkers.has(units[j]!.w)) passive = true;
      if (SINGULAR_CHAIN.has(units[j]!.w)) singular = true;
      j--;
    }
    return { npEnd: j, passive, singular };
  }

  /** "brutally", "savagely": an adverb inside a verb chain ("were brutally murdered"). */
  private isAdverb(w: string): boolean {
    return ADVERB.test(w) && !this.words.notAdverbs.has(w);
  }

  /** The verb phrases starting at unit i (all forms of the longest), unless a word after rules it out. */
  private verbsAt(i: number): Verb[] {
    const units = this.ctx.units;
    for (const verb of this.words.verbs.get(units[i]!.w) ?? []) {
      if (!verb.words.every((w, n) => units[i + n]?.w === w)) continue;
      const next = units[i + verb.words.length]?.w ?? "";
      if (this.words.notAfter.get(verb.words.join(" "))?.has(next)) return [];
      return (this.words.verbs.get(units[i]!.w) ?? []).filter((v) => v.words.length === verb.words.length && v.words.every((w, n) => w === verb.words[n]));
    }
    return [];
  }

  /** "others" takes the category of the casualties named before it, when they share one. */
  private inheritOthers(): void {
    for (let n = 0; n < this.drafts.length; n++) {
      const d = this.drafts[n]!;
      if (!d.item.inherits) continue;
      const before = new Set(this.drafts.slice(0, n).filter((p) => !p.item.inherits).map((p) => p.item.category));
      d.item = { ...d.item, category: before.size === 1 ? [...before][0]! : "unknown" };
    }
  }

  private add(draft: Draft): void {
    const clash = this.drafts.some((d) => d.kind === draft.kind && d.start < draft.end && draft.start < d.end);
    if (!clash) this.drafts.push(draft);
  }

  private claim(item: Item): void {
    if (item.qUnit !== undefined) this.usedUnits.add(item.qUnit);
  }

  /** "no soldiers were killed" is an asserted zero, not a negated killing. */
  private zeroIsAsserted(item: Item, modality: Modality): Modality {
    return item.count?.best === 0 ? "asserted" : modality;
  }

  private modality(start: number, end: number): Modality {
    return modalityAt(this.lower, this.sentence, start, end);
  }

  private bareItem(start: number, end: number, count: Count): Item {
    return { firstUnit: -1, lastUnit: -1, start, end, count, category: "unknown", inherits: false };
  }

  private matches(regexes: readonly RegExp[], text: string): { start: number; end: number }[] {
    const out: { start: number; end: number }[] = [];
    for (const re of regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        out.push({ start: this.sentence.start + m.index, end: this.sentence.start + m.index + m[0].length });
        if (m[0].length === 0) re.lastIndex++;
      }
    }
    return out;
  }

  private toMention(d: Draft): CasualtyMention {
    const count = d.item.count ?? { low: 0, best: 0, high: null };
    const mention: CasualtyMention = {
      span: spanOf(this.doc, d.start, d.end),
      by: d.rule,
      kind: d.kind,
      low: count.low,
      best: count.best,
      high: count.high,
      category: d.item.category,
      sentence: this.sentence.index,
      modality: d.modality,
    };
    if (d.item.victims) mention.victims = spanOf(this.doc, d.item.victims.start, d.item.victims.end);
    if (d.item.actor) mention.actor = d.item.actor;
    return mention;
  }
}

interface Chain {
  /** The unit before the chain: where the subject ends. */
  npEnd: number;
  passive: boolean;
  singular: boolean;
}
