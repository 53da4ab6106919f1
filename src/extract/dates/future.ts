/**
 * @module extract/dates/future
 * Whether a date without a year (or a bare weekday) refers to the future: "talks will resume on
 * March 10" is the next March 10, "gunmen attacked on March 10" the latest one.
 */
import type { Sentence } from "../annotations.js";
import { dateLexicon } from "./lexicon.js";

/** Finds where the sentence around a position starts, from the text stage or, failing that, the text. */
export class SentenceStarts {
  private readonly starts: number[];

  constructor(
    private readonly norm: string,
    sentences: readonly Sentence[] | undefined,
  ) {
    this.starts = (sentences ?? []).map((s) => s.span.start).sort((a, b) => a - b);
  }

  startOf(pos: number): number {
    const known = this.lastAtOrBefore(pos);
    if (known !== undefined) return known;
    const from = Math.max(0, pos - 250);
    const before = this.norm.slice(from, pos);
    const m = /[\s\S]*(?:[.!?]["')\]]?\s|\n\s*\n)/.exec(before);
    return m ? from + m[0].length : from;
  }

  private lastAtOrBefore(pos: number): number | undefined {
    let found: number | undefined;
    for (const s of this.starts) {
      if (s > pos) break;
      found = s;
    }
    return found;
  }
}

/**
 * true when the words before `pos` in its sentence put the date in the future: a future cue
 * with no past-tense verb between it and the date ("will investigate the attack that killed
 * ten on 31 October" is about a past day).
 */
export function isFuture(norm: string, pos: number, sentences: SentenceStarts): boolean {
  const lex = dateLexicon();
  const before = norm.slice(sentences.startOf(pos), pos);
  const near = before.slice(-40);
  if (lex.futureNear.test(near) || lex.futureDirect.test(near)) return true;
  const cue = lastMatch(lex.future, before);
  return cue !== undefined && !PAST.test(before.slice(cue));
}

// --- internal ---

/**
 * A past-tense verb: was, were, had, did, a common irregular past, or an -ed word; not after
 * be/been/being ("will be signed", "will be held" are future passives).
 */
const PAST = new RegExp(
  String.raw`(?<!\b(?:be|been|being|get|got)\s+)\b(?:was|were|had|did|began|took|came|went|left|fled|fought|struck|shot|met|sent|told|gave|found|saw|broke|stole|threw|fell|led|lost|paid|ran|spoke|stood|won|wrote|became|blew|brought|caught|chose|drove|kept|knew|rode|rose|sought|sold|thought|(?!(?:hundred|united|armed|indeed|proceed|exceed|succeed|need|alleged|supposed|concerned|detailed|limited|related|interested|scheduled|expected|planned|rescheduled)\b)[a-z]{2,}ed)\b`,
  "i",
);

/** The offset just after the last match of the global `re` in `text`. */
function lastMatch(re: RegExp, text: string): number | undefined {
  let end: number | undefined;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}
