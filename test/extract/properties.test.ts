/**
 * Property tests: for any input, `extract` returns a valid v1 object, never throws, and every
 * span lies inside the text and equals what it covers.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extract } from "../../src/index.js";
import { badSpans, schemaErrors } from "../../src/testing/contract-check.js";

const here = "[extract/properties] ";

const WORDS = [
  "KABUL,", "Afghanistan", "—", "The", "Taliban", "attacked", "a", "checkpoint", "in", "Kunduz", "on", "Monday,",
  "killing", "at", "least", "eight", "soldiers", "and", "wounding", "12", "others,", "according", "to", "police.",
  "\"We", "will", "respond,\"", "said", "Col.", "Ahmed", "Noor,", "a", "spokesman", "for", "the", "army.", "U.S.",
  "airstrike", "overnight", "dozens", "of", "civilians", "were", "killed", "ceasefire", "signed", "within", "14", "months",
  "SAN", "SALVADOR,", "3", "JAN", "90", "--", "GUERRILLAS", "AMBUSHED", "A", "PATROL.", "\n", "\n\n", "  ", "<p>", "</p>",
  "<script>alert(1)</script>", "&amp;", "’", "“", "”", "\u2028", "🙂", "Ωμέγα", "مقتل", "爆炸", "\u0000", "\uD800", "3-4", "1,000",
];

const newsLike = fc.array(fc.constantFrom(...WORDS), { maxLength: 120 }).map((ws) => ws.join(" "));
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 400 }),
  fc.string({ unit: "grapheme", maxLength: 400 }),
  newsLike,
  fc.tuple(newsLike, fc.nat({ max: 5000 })).map(([t, n]) => `${" ".repeat(n)}${t}${"\n".repeat(n % 300)}`),
);

function check(text: string, published?: string): void {
  const x = extract(text, published ? { published } : {});
  const errors = schemaErrors(x);
  if (errors.length > 0) throw new Error(`schema: ${errors.slice(0, 5).join("; ")}`);
  const spans = badSpans(x, text);
  if (spans.length > 0) throw new Error(`spans: ${spans.slice(0, 3).join("; ")}`);
}

describe("extract on any input", () => {
  it(`${here}never throws, always valid v1, every span exact`, () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom("2020-03-04", "1990-01-03", "2024-02-29")), (text, published) => {
        check(text, published ?? undefined);
      }),
      { numRuns: 300 },
    );
  });

  it(`${here}spans stay exact when typography is folded (curly quotes, dashes, odd spaces)`, () => {
    const text = "GOMA, Congo \u2014 \u201CWe lost four men,\u201D\u00A0said Maj.\u2009Jean Kabila. M23 rebels shelled the town overnight, killing three civilians.";
    check(text, "2024-05-02");
  });

  it(`${here}a detector for bad spans fails on a wrong span (the check itself can fail)`, () => {
    const text = "Gunmen killed two villagers in Mopti on Sunday.";
    const x = extract(text, { published: "2024-05-06" });
    expect(badSpans(x, text)).toEqual([]);
    const broken = { ...x, tallies: [{ id: "t1", period: { start: "2024-05-01", end: "2024-05-06" }, area: { country: "Mali", iso3: "MLI" }, fatalities: null, injuries: null, sources: [], evidence: [{ start: 0, end: 6, text: "Killed" }] }] };
    expect(badSpans(broken, text)).toHaveLength(1);
    expect(schemaErrors({ ...x, version: 2 })).not.toEqual([]);
  });
});
