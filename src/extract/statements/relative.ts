/**
 * @module extract/statements/relative
 * "a day after the rebels declared a truce", "just days after the two sides signed a deal": a
 * speech act or signing dated relative to the sentence's own date (or the reference date).
 */
import { agreementLexicon } from "../agreements/lexicon.js";
import { addDays, inQuote, type DayRange, type DocContext } from "./context.js";

/** The date range that "<n> days after" before `pos` in sentence `i` points to, if the sentence says so. */
export function relativeDate(ctx: DocContext, i: number, pos: number): DayRange | undefined {
  const s = ctx.sentences[i];
  if (!s) return undefined;
  const head = ctx.doc.norm.slice(s.span.start, pos);
  for (const r of agreementLexicon().relativeBefore) {
    const m = r.re.exec(head);
    if (!m) continue;
    const at = s.span.start + m.index;
    // "hours after X spoke to Y by phone Tuesday": the act's own date wins over the relative one.
    if ((ctx.dates[i] ?? []).some((d) => d.span.start > at && !inQuote(ctx, d.span))) return undefined;
    const anchor = [...(ctx.dates[i] ?? [])].reverse().find((d) => d.span.end <= at && !inQuote(ctx, d.span))?.start ?? ctx.reference;
    if (anchor === undefined) return undefined;
    return { start: addDays(anchor, -r.from), end: addDays(anchor, -r.to), precision: r.precision };
  }
  return undefined;
}
