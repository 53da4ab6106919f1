/**
 * @module extract/casualties/casualties
 * Killed and injured figures with their victims' category: "at least eight soldiers were
 * killed", "killing four civilians, 11 security forces and wounding 18 others", "left 12 dead",
 * "the death toll rose to 20", "no one was hurt". Numbers come from the quantities stage; the
 * category from the victim noun or an actor in its phrase. Wounded are never added to killed.
 */
import type { ActorMention, CasualtyMention, Modality, Quantity } from "../annotations.js";
import { spanOf, type Document } from "../document.js";
import { defineStage } from "../stage.js";
import { modalityAt } from "../triggers/modality.js";
import { lowerOf, sentencesOf, type SentenceRange } from "../triggers/scan.js";
import {
  countOf,
  headAfter,
  headEndingAt,
  isItemStart,
  itemAfter,
  itemBefore,
  unitsOf,
  type Count,
  type Item,
  type PhraseContext,
} from "./phrases.js";
import { casualtyWords, type CasualtyWords, type Kind, type Verb, type VerbForm } from "./words.js";

export const casualtiesStage = defineStage({
  key: "casualties",
  needs: ["text", "quantities", "actors"],
  run: (doc, found): CasualtyMention[] =>
    findCasualties(doc, sentencesOf(doc, found), found.quantities ?? [], found.actors ?? [], casualtyWords()),
});

/** Every casualty figure of the document, in text order. */
export function findCasualties(
  doc: Document,
  sentences: readonly SentenceRange[],
  quantities: readonly Quantity[],
  actors: readonly ActorMention[],
  words: CasualtyWords,
): CasualtyMention[] {
  const lower = lowerOf(doc);
  return sentences.flatMap((s) => new SentenceReader(doc, lower, s, quantities, actors, words).read());
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
const REPORTING = new Set(["said", "says", "say", "told", "reported", "reports", "added", "stated", "according"]);
/** How far back "The minister, Ahmed Karimi, was shot" is read for the victim noun. */
const APPOSITION_REACH = 12;

class SentenceReader {
  private readonly ctx: PhraseContext;
  private readonly drafts: Draft[] = [];
  private readonly usedUnits = new Set<number>();

  constructor(
    private readonly doc: Document,
    private readonly lower: string,
    private readonly sentence: SentenceRange,
    quantities: readonly Quantity[],
    actors: readonly ActorMention[],
    private readonly words: CasualtyWords,
  ) {
    const inSentence = actors.filter((a) => a.span.start >= sentence.start && a.span.end <= sentence.end);
    this.ctx = { units: unitsOf(lower, sentence, quantities), words, actors: inSentence };
  }

  read(): CasualtyMention[] {
    this.readZeros();
    this.readTolls();
    this.readVerbs();
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
    const chain = this.chainBefore(i);
    const modality = this.modality(this.ctx.units[i]!.start, this.ctx.units[last]!.end);
    if (this.readAdjective(i, kind, modality)) return;
    if (chain.passive && has("passive")) this.readSubjects(i, last, chain, kind, modality, "casualties/passive", true);
    else if (has("active") && isItemStart(this.ctx, last + 1)) this.readObjects(i, last, kind, modality);
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

  /** Victims before the verb: "eight soldiers and two policemen were killed", "a policeman was killed". */
  private readSubjects(i: number, last: number, chain: Chain, kind: Kind, modality: Modality, rule: string, singularVerb: boolean): void {
    const items = this.subjectList(chain.npEnd);
    const verbEnd = this.ctx.units[last]!.end;
    const counted = items.filter((it) => it.count !== undefined);
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

  /** Victims after an active verb: "killed four civilians, 11 security forces". */
  private readObjects(i: number, last: number, kind: Kind, modality: Modality): void {
    const units = this.ctx.units;
    let k = last + 1;
    let first = true;
    for (let item = itemAfter(this.ctx, k); item; item = itemAfter(this.ctx, k)) {
      if (item.qUnit !== undefined && this.usedUnits.has(item.qUnit)) break;
      this.claim(item);
      const start = first ? units[i]!.start : item.start;
      this.add({ kind, item, start, end: item.end, modality: this.zeroIsAsserted(item, modality), rule: "casualties/active" });
      first = false;
      k = item.lastUnit + 1;
      if (!this.continuesList(k)) break;
      k += units[k]!.w === "," && units[k + 1]?.w === "and" ? 2 : 1;
    }
  }

  /**
   * Whether the list of victims goes on at unit k: ", 11 security forces", "and a policeman";
   * not ", a spokesman said", where a new clause starts.
   */
  private continuesList(k: number): boolean {
    const units = this.ctx.units;
    const sep = units[k]?.w;
    if (sep !== "," && sep !== "and") return false;
    const next = sep === "," && units[k + 1]?.w === "and" ? k + 2 : k + 1;
    if (!isItemStart(this.ctx, next)) return false;
    const item = itemAfter(this.ctx, next);
    if (!item || REPORTING.has(units[item.lastUnit + 1]?.w ?? "")) return false;
    return units[next]!.q !== undefined || units[next - 1]!.w === "and";
  }

  /** "12 bodies were found", "the bodies of three journalists". */
  private readBodies(): void {
    const units = this.ctx.units;
    for (let k = 0; k < units.length; k++) {
      if (!BODIES.has(units[k]!.w)) continue;
      const before = itemBefore(this.ctx, k);
      const ofItem = units[k + 1]?.w === "of" ? itemAfter(this.ctx, k + 2) : undefined;
      const item = before?.qUnit !== undefined ? before : ofItem;
      if (!item?.count || (item.qUnit !== undefined && this.usedUnits.has(item.qUnit))) continue;
      this.claim(item);
      const start = Math.min(item.start, units[k]!.start);
      this.add({ kind: "killed", item, start, end: Math.max(item.end, units[k]!.end), modality: this.modality(units[k]!.start, units[k]!.end), rule: "casualties/bodies" });
    }
  }

  /** Coordinated victim phrases ending at unit e: "four civilians, two soldiers and a policeman". */
  private subjectList(e: number): Item[] {
    const units = this.ctx.units;
    const items: Item[] = [];
    for (let item = itemBefore(this.ctx, e); item; item = itemBefore(this.ctx, e)) {
      if (item.qUnit !== undefined && this.usedUnits.has(item.qUnit)) break;
      items.unshift(item);
      let k = item.firstUnit - 1;
      if (units[k]?.w !== "and" && units[k]?.w !== ",") break;
      k--;
      if (units[k]?.w === ",") k--;
      e = k;
    }
    return items;
  }

  /** The auxiliaries and adverbs before a verb ("is rumored to have been"), and whether they make it passive. */
  private chainBefore(i: number): Chain {
    const units = this.ctx.units;
    let j = i - 1;
    let passive = false;
    let singular = false;
    while (j >= 0 && this.words.chain.has(units[j]!.w)) {
      if (this.words.passiveMarkers.has(units[j]!.w)) passive = true;
      if (SINGULAR_CHAIN.has(units[j]!.w)) singular = true;
      j--;
    }
    return { npEnd: j, passive, singular };
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
