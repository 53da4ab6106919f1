import { describe, expect, it } from "vitest";
import type { Agreement } from "../../contract.js";
import { buildContext } from "../statements/context.js";
import { fixture, type FixtureSpec } from "../statements/fixture.js";
import { findAgreements } from "./agreements.js";

const here = "[agreements] ";

const ACTORS: FixtureSpec["actors"] = [
  { text: "Northern Front", name: "Northern Front" },
  { text: "the rebels", name: "Northern Front" },
  { text: "The rebels", name: "Northern Front" },
  { text: "rebel", name: "Northern Front" },
  { text: "Government forces", name: "Military Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "the army", name: "Military Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "The government", name: "Government of Freedonia", kind: "government", iso3: "FRE" },
  { text: "Houthi", name: "Houthi Movement" },
  { text: "Red Brigade", name: "Red Brigade" },
  { text: "Coalition jets", name: "Military Forces of Saudi Arabia", kind: "state", iso3: "SAU" },
];
const PLACES: FixtureSpec["places"] = [
  { text: "Freedonia", country: "Freedonia", iso3: "FRE" },
  { text: "Yemen", country: "Yemen", iso3: "YEM" },
  { text: "Saudi", country: "Saudi Arabia", iso3: "SAU", kind: "demonym" },
  { text: "Sylvania", country: "Sylvania", iso3: "SYL" },
];
const DATES: FixtureSpec["dates"] = [
  { text: "Friday, June 11", start: "2021-06-11" },
  { text: "Friday", start: "2021-06-11" },
  { text: "Thursday", start: "2021-06-10" },
  { text: "Feb. 12", start: "2021-02-12" },
  { text: "July 2", start: "2021-07-02" },
  { text: "2015", start: "2015-01-01", end: "2015-12-31", precision: 3 },
];

function run(text: string, spec: FixtureSpec = {}): Agreement[] {
  const { doc, found } = fixture(text, { published: "2021-06-11", actors: ACTORS, places: PLACES, dates: DATES, ...spec });
  const out = findAgreements(buildContext(doc, found));
  for (const a of out) {
    for (const span of [...a.evidence, ...a.commitments.map((c) => c.text)]) expect(span.text, here + "span text").toBe(text.slice(span.start, span.end));
  }
  return out;
}

describe("agreements: a deal told over an article", () => {
  const text = [
    "Coalition jets bombed Houthi positions on Friday, June 11, only days after the two sides signed a truce.",
    "The Saudi-Houthi truce signed in Muscat called for the complete withdrawal of Saudi troops from Yemen within nine months.",
    "A key condition of the deal was a pause in cross-border raids.",
    '"The Houthi leadership pledged they would reduce violence and not increase attacks," a coalition officer said.',
    "The agreement also called for a swap of prisoners ahead of direct talks on July 2.",
    "But a senior Houthi commander has ruled that out.",
    "There is no agreement yet on the future of the port.",
  ].join(" ");
  const out = run(text);
  const a = out[0]!;

  it("merges every mention into one agreement named by its parties as written", () => {
    expect(out).toHaveLength(1);
    expect(a.name).toBe("Saudi-Houthi truce");
    expect(a.parties).toEqual(["Saudi Arabia", "Houthi Movement"]);
  });

  it('dates "days after … signed" as a range before the sentence\'s date', () => {
    expect(a.signed).toEqual({ start: "2021-06-04", end: "2021-06-10", precision: 2 });
  });

  it("reads commitments, their party, deadline, rule and status", () => {
    const rows = a.commitments.map((c) => [c.kind, c.party ?? null, c.text.text, c.deadline ?? null, c.deadlineRule ?? null, c.status ?? null]);
    expect(rows).toEqual([
      ["cease_hostilities", null, "the two sides signed a truce", null, null, null],
      ["withdraw", "Saudi Arabia", "the complete withdrawal of Saudi troops from Yemen within nine months", null, "P9M after signing", null],
      ["reduce_violence", "Houthi Movement", "they would reduce violence and not increase attacks", null, null, null],
      ["release_prisoners", null, "a swap of prisoners ahead of direct talks on July 2", "2021-07-02", null, "at risk"],
      ["hold_talks", null, "direct talks on July 2", "2021-07-02", null, "at risk"],
    ]);
  });

  it("keeps the sentences that support it as evidence, and not the negated one", () => {
    expect(a.evidence.map((e) => e.text.slice(0, 20))).toEqual([
      "Coalition jets bombe",
      "The Saudi-Houthi tru",
      "A key condition of t",
      "The agreement also c",
      "But a senior Houthi ",
    ]);
  });
});

describe("agreements: kinds of mention", () => {
  it("a unilateral ceasefire is a one-party agreement with a timed cease_hostilities commitment", () => {
    const [a, more] = run("The Northern Front announced a 30-day ceasefire starting Friday.");
    expect(more).toBeUndefined();
    expect(a).toMatchObject({ name: "Northern Front unilateral 30-day ceasefire", parties: ["Northern Front"], signed: { start: "2021-06-11", end: "2021-06-11", precision: 1 } });
    expect(a?.commitments).toEqual([
      {
        party: "Northern Front",
        kind: "cease_hostilities",
        text: { start: 0, end: 63, text: "The Northern Front announced a 30-day ceasefire starting Friday" },
        deadlineRule: "P30D after 2021-06-11",
      },
    ]);
  });

  it("a leader's words after the announcement are the commitment", () => {
    const text = "The rebels announced a three-month truce on Thursday. Their leader said in a statement that the fighters would not carry out any offensive action during the truce.";
    const [a] = run(text);
    expect(a?.parties).toEqual(["Northern Front"]);
    expect(a?.commitments).toEqual([
      {
        party: "Northern Front",
        kind: "cease_hostilities",
        text: { start: 92, end: 162, text: "the fighters would not carry out any offensive action during the truce" },
        deadlineRule: "P3M after 2021-06-10",
      },
    ]);
  });

  it("a proper name with a signing date and a requirement", () => {
    const [a] = run("The Lakeside Accord, signed on Feb. 12 between Freedonia and Sylvania, required the withdrawal of heavy weapons from the border.");
    expect(a).toMatchObject({ name: "Lakeside Accord", parties: ["Freedonia", "Sylvania"], signed: { start: "2021-02-12", end: "2021-02-12", precision: 1 } });
    expect(a?.commitments.map((c) => [c.kind, c.text.text])).toEqual([["withdraw", "the withdrawal of heavy weapons from the border"]]);
  });

  it("a ceasefire observed since a year, put at risk later", () => {
    const text = "Police blamed the Red Brigade, who have observed a ceasefire since 2015. Many fear the killing could jeopardize the fragile peace process.";
    const [a] = run(text, { actors: [...ACTORS!, { text: "Police", name: "Police Forces of Freedonia", kind: "state" }] });
    expect(a?.parties).toEqual(["Red Brigade"]);
    expect(a?.name).toBe("Red Brigade ceasefire");
    expect(a?.signed).toBeUndefined();
    expect(a?.commitments).toEqual([
      { party: "Red Brigade", kind: "cease_hostilities", text: { start: 31, end: 71, text: "who have observed a ceasefire since 2015" }, status: "at risk" },
    ]);
    expect(a?.evidence).toHaveLength(2);
  });

  it("a violation puts the commitments at risk", () => {
    const [a] = run("Government forces and the rebels agreed to a truce on Thursday. The rebels accused the army of violating the truce.");
    expect(a?.parties).toEqual(["Military Forces of Freedonia", "Northern Front"]);
    expect(a?.commitments.every((c) => c.status === "at risk")).toBe(true);
  });

  it("a ceasefire and a peace deal between other parties are two agreements", () => {
    const out = run("The Northern Front declared a ceasefire on Thursday. Freedonia and Sylvania signed a peace deal on Friday.");
    expect(out.map((a) => [a.id, a.name, a.parties])).toEqual([
      ["a1", "Northern Front unilateral ceasefire", ["Northern Front"]],
      ["a2", "Freedonia-Sylvania peace deal", ["Freedonia", "Sylvania"]],
    ]);
  });
});

describe("agreements: negated, proposed and unrelated deals make none", () => {
  const negatives: [string, string][] = [
    ["no agreement yet", "There is no agreement yet between the two sides."],
    ["a call for a ceasefire", "The United Nations called for a ceasefire in the north."],
    ["talks on a truce", "Talks on a truce broke down on Monday."],
    ["a rejected proposal", "The rebels rejected a ceasefire proposal from the government."],
    ["failed to reach", "The two sides failed to reach a peace deal in Geneva."],
    ["hoped for", "Both sides said they hoped for a truce before the holiday."],
    ["not signed yet", "The peace deal has not been signed."],
    ["hypothetical", "A ceasefire would be the first step towards talks."],
    ["a trade deal", "The government signed a trade deal with Sylvania."],
    ["far from one", "Far from achieving a truce, the two sides fought on through the night."],
    ["a dialogue about one", "The rebels offered the government a dialogue about a truce."],
    ["a back-reference alone", "The deal was criticised by the opposition."],
    ["empty text", ""],
  ];
  it.each(negatives)("%s", (_what, text) => {
    expect(run(text), here + text).toEqual([]);
  });
});
