/**
 * @module extract/sources
 * Attributions as contract `Source` objects, shared by events, tallies and statements.
 */
import type { Source } from "../contract.js";
import type { Attribution } from "./annotations.js";

export function toSource(a: Attribution): Source {
  return {
    ...(a.name && { name: a.name }),
    ...(a.role && { role: a.role }),
    ...(a.organization && { organization: a.organization }),
    ...(a.channel && { channel: a.channel }),
    ...(a.quote && { quote: a.quote }),
    mention: a.span,
  };
}

/**
 * An unnamed source ("the U.S. military spokesman") takes the name of the person the article
 * names elsewhere in the same role ("Leggett, the U.S. military spokesman").
 */
export function resolveUnnamed(attributions: readonly Attribution[]): Attribution[] {
  const named = attributions.filter((a) => a.name && a.role);
  return attributions.map((a) => {
    if (a.name || !a.role) return a;
    const role = a.role.toLowerCase();
    const same = named.filter((n) => n.role!.toLowerCase() === role);
    const names = new Set(same.map((n) => n.name));
    if (names.size !== 1) return a;
    const first = same[0]!;
    // the mention stays where this sentence cites the source: it is what the reader sees there
    return { ...first, span: a.span, sentence: a.sentence, quote: a.quote ?? first.quote, channel: a.channel ?? first.channel };
  });
}

/** Same person or office twice: keep one, preferring the one with a name and more fields. */
export function dedupeSources(sources: readonly Source[]): Source[] {
  const out: Source[] = [];
  for (const s of sources) {
    const key = (s.name ?? `${s.role ?? ""}|${s.organization ?? ""}`).toLowerCase();
    const i = out.findIndex((o) => (o.name ?? `${o.role ?? ""}|${o.organization ?? ""}`).toLowerCase() === key);
    if (i < 0) out.push(s);
    else if (Object.keys(s).length > Object.keys(out[i]!).length) out[i] = { ...s, mention: out[i]!.mention };
  }
  return out;
}
