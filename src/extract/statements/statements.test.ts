import { describe, expect, it } from "vitest";
import type { Statement } from "../../contract.js";
import { buildContext } from "./context.js";
import { fixture, type FixtureSpec } from "./fixture.js";
import { findStatements } from "./statements.js";

const here = "[statements] ";

const ACTORS: FixtureSpec["actors"] = [
  { text: "Northern Front", name: "Northern Front" },
  { text: "NORTHERN FRONT", name: "Northern Front" },
  { text: "The rebels", name: "Northern Front" },
  { text: "the rebels", name: "Northern Front" },
  { text: "The army", name: "Military Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "the army", name: "Military Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "Government forces", name: "Military Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "The government", name: "Government of Freedonia", kind: "government", iso3: "FRE" },
  { text: "Police", name: "Police Forces of Freedonia", kind: "state", iso3: "FRE" },
  { text: "Islamic State", name: "Islamic State" },
  { text: "United Nations", name: "United Nations", kind: "external" },
  { text: "Houthi", name: "Houthi Movement" },
  { text: "Residents", name: "Civilians (Freedonia)", kind: "civilians" },
  { text: "The ministry", name: "Government of Freedonia", kind: "government", iso3: "FRE" },
];
const PLACES: FixtureSpec["places"] = [
  { text: "India", country: "India", iso3: "IND" },
  { text: "Freedonia", country: "Freedonia", iso3: "FRE" },
];
const DATES: FixtureSpec["dates"] = [
  { text: "Monday", start: "2021-06-07" },
  { text: "Tuesday", start: "2021-06-08" },
  { text: "Thursday", start: "2021-06-10" },
  { text: "Friday", start: "2021-06-11" },
];

function run(text: string, spec: FixtureSpec = {}): Statement[] {
  const { doc, found } = fixture(text, { published: "2021-06-11", actors: ACTORS, places: PLACES, dates: DATES, ...spec });
  const out = findStatements(buildContext(doc, found));
  for (const s of out) {
    for (const span of [...s.evidence, s.speaker.mention]) expect(span.text, here + "span text").toBe(text.slice(span.start, span.end));
  }
  return out;
}

describe("statements: one speech act per sentence", () => {
  // [what, sentence, kind, speaker (name or organisation), speaker mention, about]
  const cases: [string, string, Statement["kind"], string, string, string[]][] = [
    [
      "phone call with a titled speaker",
      "Prime Minister Omar Haidari spoke with rebel commander Jamal Wardak by telephone on Thursday.",
      "phone_call", "Omar Haidari", "Prime Minister Omar Haidari", ["Omar Haidari", "Jamal Wardak"],
    ],
    [
      "in a phone call with",
      "President Lena Varga discussed the border crisis in a phone call with Chancellor Marc Olsen on Monday.",
      "phone_call", "Lena Varga", "President Lena Varga", ["Lena Varga", "Marc Olsen"],
    ],
    ["held talks", "Foreign Minister Ana Ruiz held talks with the Northern Front in Havana on Tuesday.", "talks", "Ana Ruiz", "Foreign Minister Ana Ruiz", ["Ana Ruiz", "Northern Front"]],
    ["met with", "Special Envoy Tom Baker met with Houthi leaders in Muscat.", "talks", "Tom Baker", "Special Envoy Tom Baker", ["Tom Baker", "Houthi Movement"]],
    ["announcement by a group", "On Monday the Northern Front announced it had seized two border posts.", "announcement", "Northern Front", "Northern Front", ["Northern Front"]],
    ["claim of responsibility", "Islamic State claimed responsibility for the bombing, which killed 12 people.", "claim", "Islamic State", "Islamic State", ["Islamic State"]],
    ["threat", "The army threatened to storm the town if the fighters did not surrender.", "threat", "Military Forces of Freedonia", "The army", ["Military Forces of Freedonia"]],
    ["promise", "The government pledged to rebuild the destroyed clinics.", "promise", "Government of Freedonia", "The government", ["Government of Freedonia"]],
    ["call on", "The United Nations urged the army to protect civilians.", "call", "United Nations", "United Nations", ["United Nations", "Military Forces of Freedonia"]],
    ["denial", "The rebels denied involvement in the attack on the convoy.", "denial", "Northern Front", "The rebels", ["Northern Front"]],
    ["rejected the accusations", "The ministry rejected the accusations as baseless.", "denial", "Government of Freedonia", "The ministry", ["Government of Freedonia"]],
    ["blamed", "Police blamed the Northern Front for the ambush.", "accusation", "Police Forces of Freedonia", "Police", ["Police Forces of Freedonia", "Northern Front"]],
    ["accused … of", "The government accused the rebels of shelling a market.", "accusation", "Government of Freedonia", "The government", ["Government of Freedonia", "Northern Front"]],
    ["a country condemns", "India condemned the attack on the embassy.", "announcement", "Government of India", "India", ["Government of India"]],
    ["passive agent", "The offer of talks was welcomed by India.", "announcement", "Government of India", "India", ["Government of India"]],
    ["upper-case wire copy", "THE NORTHERN FRONT DENIED INVOLVEMENT IN THE ATTACK.", "denial", "Northern Front", "NORTHERN FRONT", ["Northern Front"]],
    [
      "call in a quotation, speaker after it",
      '"We call on the army to stop shelling," said Col. Ivan Petrov, a rebel spokesman.',
      "call", "Ivan Petrov", "Col. Ivan Petrov", ["Ivan Petrov", "Military Forces of Freedonia"],
    ],
    [
      "threat read from what a minister said",
      "Interior Minister Sami Khan said the attack might force the government to launch an offensive.",
      "threat", "Sami Khan", "Interior Minister Sami Khan", ["Sami Khan"],
    ],
    [
      "participle after a quotation",
      'Inspector General Ravi Mehta told reporters, "It was them," blaming the Northern Front.',
      "accusation", "Ravi Mehta", "Inspector General Ravi Mehta", ["Ravi Mehta", "Northern Front"],
    ],
  ];
  it.each(cases)("%s", (_what, text, kind, speaker, mention, about) => {
    const out = run(text);
    expect(out, here + text).toHaveLength(1);
    const s = out[0]!;
    expect(s.kind).toBe(kind);
    expect(s.speaker.name ?? s.speaker.organization).toBe(speaker);
    expect(s.speaker.mention.text).toBe(mention);
    expect(s.about).toEqual(about);
    expect(s.evidence.map((e) => e.text)).toEqual([text]);
    expect(s.id).toBe("s1");
  });
});

describe("statements: speakers, dates and channels", () => {
  it("takes name, role, organisation and channel from the sentence's attribution", () => {
    const text = "A spokesman for the Interior Ministry, Said Karimi, denied the report on Friday.";
    const [s] = run(text, { attributions: [{ text: "Said Karimi", name: "Said Karimi", role: "spokesman", organization: "Interior Ministry", channel: "statement" }] });
    expect(s?.kind).toBe("denial");
    expect(s?.speaker).toMatchObject({ name: "Said Karimi", role: "spokesman", organization: "Interior Ministry", channel: "statement" });
    expect(s?.speaker.mention).toEqual({ start: 39, end: 50, text: "Said Karimi" });
    expect(s?.date).toEqual({ start: "2021-06-11", end: "2021-06-11", precision: 1 });
  });

  it("reads a role and organisation from an appositive and a channel from the sentence", () => {
    const text = '"We urge the United Nations to step in," Idris Kamal, a Northern Front spokesman, said on Twitter.';
    const [s] = run(text);
    expect(s?.speaker).toMatchObject({ name: "Idris Kamal", role: "Northern Front spokesman", organization: "Northern Front", channel: "Twitter" });
  });

  it("dates the act by the written date nearest its cue", () => {
    const [s] = run("Government forces shelled the town on Friday after the rebels announced on Tuesday that they had left.");
    expect(s?.date).toEqual({ start: "2021-06-08", end: "2021-06-08", precision: 1 });
  });

  it('dates "a day after" relative to the sentence\'s date', () => {
    const [s] = run("Government forces shelled the town on Friday, a day after the rebels declared a truce.");
    expect(s?.kind).toBe("announcement");
    expect(s?.date).toEqual({ start: "2021-06-10", end: "2021-06-10", precision: 1 });
  });

  it("falls back on the reference date, and drops the statement when there is none", () => {
    const text = "The rebels denied involvement in the attack.";
    expect(run(text)[0]?.date).toEqual({ start: "2021-06-11", end: "2021-06-11", precision: 1 });
    const { doc, found } = fixture(text, { actors: ACTORS });
    expect(findStatements(buildContext(doc, found))).toEqual([]);
  });

  it("resolves a pronoun to the last speaker", () => {
    const out = run("Defence Minister Ali Reza said the front was calm on Friday. He warned that the army would retaliate for any attack.");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "threat", speaker: { name: "Ali Reza" } });
  });

  it("knows a surname met before", () => {
    const out = run("Prime Minister Omar Haidari visited the border. Haidari promised to rebuild the bridge.");
    expect(out[0]).toMatchObject({ kind: "promise", speaker: { name: "Omar Haidari", mention: { text: "Haidari" } } });
  });
});

describe("statements: several speakers in one sentence", () => {
  it("joined subjects each make a statement", () => {
    const out = run("President Lena Varga, Freedonia's head of state, and Chancellor Marc Olsen have condemned the killing.");
    expect(out.map((s) => [s.kind, s.speaker.name])).toEqual([
      ["announcement", "Marc Olsen"],
      ["announcement", "Lena Varga"],
    ]);
  });

  it("a demonym before a title makes the speaker's government", () => {
    const [s] = run("Freedonian Interior Minister Sami Khan warned that the army would strike back.", {
      places: [...PLACES!, { text: "Freedonian", country: "Freedonia", iso3: "FRE", kind: "demonym" }],
    });
    expect(s?.speaker).toMatchObject({ name: "Sami Khan", role: "Freedonian Interior Minister", organization: "Government of Freedonia" });
  });
});

describe("statements: one act told over several sentences", () => {
  it("an announcement and its spokesman's words are one statement", () => {
    const text = "On Monday the Northern Front announced a halt to its attacks. Idris Kamal, a Northern Front spokesman, said the pause would hold.";
    const out = run(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "announcement", speaker: { name: "Idris Kamal", organization: "Northern Front" } });
    expect(out[0]!.date.start).toBe("2021-06-07");
    expect(out[0]!.evidence.map((e) => e.start)).toEqual([0, 62]);
  });

  it("a quotation over several sentences is one statement, the strongest kind winning", () => {
    const text = '"The rebels promised they would pull back. We call on them to keep their word," Col. Ivan Petrov said on Friday.';
    const out = run(text);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: "call", speaker: { name: "Ivan Petrov" } });
    expect(out[0]!.evidence.length).toBeGreaterThanOrEqual(2);
  });

  it("two speakers make two statements", () => {
    const out = run("The army accused the rebels of shelling a school. The rebels denied the accusation.");
    expect(out.map((s) => [s.id, s.kind, s.speaker.organization])).toEqual([
      ["s1", "accusation", "Military Forces of Freedonia"],
      ["s2", "denial", "Northern Front"],
    ]);
  });
});

describe("statements: not every 'said' is a statement", () => {
  const negatives: [string, string][] = [
    ["reporting a fact", "Police said the bomb weighed 50 kilograms."],
    ["witnesses", "Witnesses said troops fired into the crowd."],
    ["a vague speaker", "Residents accused the soldiers of looting shops."],
    ["negated", "The rebels did not deny the report."],
    ["only expected", "The government is expected to announce new measures on Monday."],
    ["an agreement is no speaker", "The peace deal signed by the Northern Front called for a prisoner exchange."],
    ["a negated meeting", "The Northern Front would not enter into talks with the government."],
    ["no cue", "Officials said the talks could resume next week."],
    ["the blamed are no speaker", "Some reporters claim the rebels are to blame for the fire, accusing them of arson."],
    ["empty text", ""],
  ];
  it.each(negatives)("%s", (_what, text) => {
    expect(run(text), here + text).toEqual([]);
  });
});
