import { describe, expect, it } from "vitest";
import { findExtras } from "./extras.js";
import type { GoldExtras } from "./types.js";

const gold: GoldExtras = {
  tallies: [{ period: { start: "2019-01-01", end: "2019-12-31" }, country: "Yemen", count: null, fatalities: 212, injuries: null }],
  statements: [
    { kind: "claim", speaker: "Houthi movement" },
    { kind: "denial", speaker: "Ahmed Saleh" },
    { kind: "call", speaker: null },
  ],
  agreements: [{ name: "Hodeidah truce", parties: ["Government of Yemen", "Houthis"], commitments: ["cease_hostilities", "withdraw", "withdraw"] }],
};

describe("tallies, statements, agreements and commitments", () => {
  it("finds each gold item at most once, by the rules of each kind", () => {
    const found = findExtras(gold, {
      tallies: [{ period: { start: "2019-06-01", end: "2019-06-30" }, area: { country: "Yemen" }, fatalities: { best: 212 } }],
      statements: [
        { kind: "claim", speaker: { organization: "Houthi movement" } },
        { kind: "accusation", speaker: { name: "Ahmed Saleh" } },
        { kind: "call", speaker: { name: "a relief agency" } },
        { kind: "call", speaker: { name: "a second caller" } },
      ],
      agreements: [{ name: "ceasefire in Hodeidah", parties: ["Houthis", "Government of Yemen (2017-)"], commitments: [{ kind: "withdraw" }, { kind: "hold_talks" }] }],
    });
    expect(found.tallies).toEqual({ hit: 1, of: 1 });
    expect(found.statements).toEqual({ hit: 2, of: 3 });
    expect(found.agreements).toEqual({ hit: 1, of: 1 });
    expect(found.commitments).toEqual({ hit: 1, of: 3 });
  });

  it("a tally with the wrong figure or country is not found", () => {
    const wrongFigure = findExtras(gold, { tallies: [{ period: { start: "2019-01-01", end: "2019-12-31" }, area: { country: "Yemen" }, fatalities: { best: 21 } }] });
    const wrongCountry = findExtras(gold, { tallies: [{ period: { start: "2019-01-01", end: "2019-12-31" }, area: { country: "Oman" }, fatalities: { best: 212 } }] });
    expect(wrongFigure.tallies.hit).toBe(0);
    expect(wrongCountry.tallies.hit).toBe(0);
  });
});
