import { describe, expect, it } from "vitest";
import type { Attribution } from "../annotations.js";
import { findActors } from "../actors/actors.js";
import { loadActorDictionary } from "../actors/dictionary.js";
import { makeDocument } from "../document.js";
import type { Found } from "../stage.js";
import { textStage } from "../text/sentences.js";
import { attributionsStage, findAttributions } from "./attributions.js";
import { findQuotes } from "./quotes.js";

const dict = loadActorDictionary();
const here = "[attribution] ";

/** The stage on a text, with sentences from the text stage and actors from the actors stage. */
function attributionsOf(text: string, iso3 = "AFG"): Attribution[] {
  const doc = makeDocument(text, { id: "t" });
  const found: Found = { text: textStage.run(doc, {}, {} as never), places: { mentions: [], country: { name: iso3, iso3 } } };
  found.actors = findActors(doc, found, dict);
  const out = findAttributions(doc, found, dict);
  for (const a of out) {
    expect(a.span.text, here + "span").toBe(text.slice(a.span.start, a.span.end));
    if (a.quote) expect(a.quote.text, here + "quote").toBe(text.slice(a.quote.start, a.quote.end));
  }
  return out;
}

interface Expected {
  mention: string;
  name?: string;
  role?: string;
  organization?: string;
  channel?: string;
  quote?: string;
  sentence?: number;
  verb?: string;
}

function view(a: Attribution): Expected {
  const v: Expected = { mention: a.span.text };
  for (const k of ["name", "role", "organization", "channel"] as const) if (a[k] !== undefined) v[k] = a[k];
  if (a.quote) v.quote = a.quote.text;
  return v;
}

type Row = [text: string, expected: Expected[], iso3?: string];

function check(rows: Row[]): void {
  for (const [text, expected, iso3] of rows) {
    it(text, () => {
      const got = attributionsOf(text, iso3);
      const dump = JSON.stringify(got.map((a) => ({ ...view(a), by: a.by })));
      expect(got.map((a) => ({ ...view(a), sentence: a.sentence, verb: a.verb })), here + dump).toEqual(
        expected.map((e) => ({ sentence: 0, verb: "say", ...e })),
      );
      let from = 0;
      for (const a of got) {
        expect(a.span.start, here + a.span.text).toBe(text.indexOf(a.span.text, from));
        from = a.span.start;
      }
    });
  }
}

describe("named speakers, roles and organisations", () => {
  check([
    ["Twelve insurgents were killed, according to Nasrat Rahimi, a spokesman for the Interior Ministry.", [
      { mention: "Nasrat Rahimi", name: "Nasrat Rahimi", role: "spokesman", organization: "Interior Ministry", verb: "according to" },
    ]],
    ["Zabiullah Mujahid, a Taliban spokesman, said the fighters had withdrawn.", [
      { mention: "Zabiullah Mujahid", name: "Zabiullah Mujahid", role: "Taliban spokesman", organization: "Taliban" },
    ]],
    ["The U.S. military spokesman in Kabul said the strike was defensive.", [
      { mention: "U.S. military spokesman", role: "U.S. military spokesman", organization: "U.S. military" },
    ]],
    ["Senior police officer Shafqat Malik said the bomb weighed 50 kilograms.", [
      { mention: "Senior police officer Shafqat Malik", name: "Shafqat Malik", role: "senior police officer", organization: "Police Forces of Pakistan" },
    ], "PAK"],
    ["Interior Minister Rehman Malik said the offensive would go ahead.", [
      { mention: "Interior Minister Rehman Malik", name: "Rehman Malik", role: "Interior Minister" },
    ], "PAK"],
    ["Pakistani officials said at least 41 people died.", [
      { mention: "Pakistani officials", role: "Pakistani officials", organization: "Government of Pakistan" },
    ], "PAK"],
    ["The Foreign Minister of Sri Lanka said talks would resume.", [
      { mention: "Foreign Minister", role: "Foreign Minister", organization: "Government of Sri Lanka" },
    ], "LKA"],
    ["The Indian foreign ministry said it welcomed the truce.", [
      { mention: "Indian foreign ministry", role: "Indian foreign ministry", organization: "Government of India" },
    ], "NPL"],
  ]);
});

describe("role-only and actor speakers", () => {
  check([
    ["Officials said four civilians died, and police said the attackers fled.", [
      { mention: "Officials", role: "officials" },
      { mention: "police", role: "police", organization: "Police Forces of Afghanistan" },
    ]],
    ["Witnesses on the scene said troops opened fire.", [{ mention: "Witnesses", role: "witnesses" }], "MMR"],
    ["One eyewitness told the Voice of America that he saw smoke.", [
      { mention: "One eyewitness", role: "eyewitness", channel: "Voice of America", verb: "tell" },
    ], "PAK"],
    ["Libya said it had suspended flights.", [{ mention: "Libya", role: "government", organization: "Government of Libya" }], "LBY"],
    ["The Taliban said they had not attacked cities.", [{ mention: "Taliban", organization: "Taliban" }]],
    ["State media reported that 20 people died.", [{ mention: "State media", role: "state media", verb: "report" }], "MMR"],
    ["Reuters reported the convoy was hit.", [{ mention: "Reuters", role: "media", organization: "Reuters", verb: "report" }]],
  ]);
});

describe("channels", () => {
  check([
    ["\"We are committed to the agreement,\" said Col. Sonny Leggett in a statement on Twitter.", [
      { mention: "Col. Sonny Leggett", name: "Sonny Leggett", role: "Col.", channel: "Twitter", quote: "We are committed to the agreement" },
    ]],
    ["The ministry said in a statement that it would investigate.", [{ mention: "ministry", role: "ministry", channel: "statement" }]],
    ["The governor told reporters the road was closed.", [{ mention: "governor", role: "governor", channel: "reporters", verb: "tell" }]],
    ["A district chief told Reuters that 11 were wounded.", [{ mention: "district chief", role: "district chief", channel: "Reuters", verb: "tell" }]],
    ["At a news conference, the army spokesman said the operation was over.", [
      { mention: "army spokesman", role: "army spokesman", organization: "Military Forces of Afghanistan", channel: "news conference" },
    ]],
  ]);
});

describe("quotes", () => {
  check([
    ["\"We will respond,\" the rebels said.", [{ mention: "rebels", role: "rebels", quote: "We will respond" }], "SYR"],
    ["Mujahid said: \"The deal is binding.\"", [{ mention: "Mujahid", name: "Mujahid", quote: "The deal is binding." }]],
    ["The commander said \"we are ready\" before leaving.", [{ mention: "commander", role: "commander", quote: "we are ready" }]],
  ]);

  it("a quote that ends its own sentence is not the next speaker's", () => {
    const got = attributionsOf("\"It is over.\" Officials said later that talks would resume.");
    expect(got.map(view)).toEqual([{ mention: "Officials", role: "officials" }]);
  });

  it("a quote of several sentences attaches to the speaker after it", () => {
    const got = attributionsOf("\"We are ready. We will fight,\" said Gen. Abdul Rashid.");
    expect(got.map(view)).toEqual([{ mention: "Gen. Abdul Rashid", name: "Abdul Rashid", role: "Gen.", quote: "We are ready. We will fight" }]);
  });

  it("finds quotes, a paragraph break closing an open one", () => {
    const text = "\"One,\" he said. \"Two\n\n\"Three,\" she said.";
    expect(findQuotes(text).map((q) => text.slice(q.start, q.end))).toEqual(["One", "Three"]);
  });
});

describe("references across the article", () => {
  it("a surname carries the full name and role given earlier; 'he said' is the last named speaker", () => {
    const text = [
      "The strike was defensive, said Col. Sonny Leggett in a statement on Twitter.",
      "Leggett, the U.S. military spokesman, said on Twitter Wednesday that it was a warning.",
      "\"It was a defensive strike,\" he said.",
    ].join(" ");
    const got = attributionsOf(text);
    expect(got.map((a) => [a.span.text, a.name, a.role, a.organization, a.channel, a.sentence, a.by])).toEqual([
      ["Col. Sonny Leggett", "Sonny Leggett", "Col.", undefined, "Twitter", 0, "attribution/verb-subject"],
      ["Leggett", "Sonny Leggett", "U.S. military spokesman", "U.S. military", "Twitter", 1, "attribution/appositive/surname"],
      ["he", "Sonny Leggett", "U.S. military spokesman", "U.S. military", undefined, 2, "attribution/subject-verb/pronoun"],
    ]);
    expect(got[2]!.quote?.text).toBe("It was a defensive strike");
  });

  it("a title anywhere earlier names the person ('President Donald Trump' … 'Trump said')", () => {
    const got = attributionsOf("President Donald Trump praised the deal. Trump said the troops would leave.");
    expect(got.map((a) => [a.span.text, a.name, a.role, a.sentence])).toEqual([["Trump", "Donald Trump", "President", 1]]);
  });

  it("'the ministry' is the ministry named before", () => {
    const got = attributionsOf("Nine died, a spokesman for the Defense Ministry said. Later the ministry said the toll had risen.");
    expect(got.map((a) => [a.span.text, a.role, a.organization])).toEqual([
      ["spokesman", "spokesman", "Defense Ministry"],
      ["ministry", "ministry", "Defense Ministry"],
    ]);
  });

  it("'he said' with no one named before is dropped", () => {
    expect(attributionsOf("He said the road was closed.")).toEqual([]);
  });
});

describe("upper-case wire copy", () => {
  check([
    ["ACCORDING TO COLONEL RENE PONCE, THE DEFENSE MINISTER, THE FMLN ATTACKED THE GARRISON.", [
      { mention: "COLONEL RENE PONCE", name: "RENE PONCE", role: "DEFENSE MINISTER", verb: "according to" },
    ], "SLV"],
    ["THE OFFICIAL SAID THE ATTACK WAS OVER. REPORTS SAID IT WAS NOT.", [{ mention: "OFFICIAL", role: "OFFICIAL" }], "SLV"],
  ]);
});

describe("upper-case surnames", () => {
  it("a lone capitalised word is a name only once a title has named that person", () => {
    const text = "COLONEL RENE PONCE VISITED THE TOWN. PONCE TOLD REPORTERS THAT THE GUERRILLAS FLED.";
    const got = attributionsOf(text, "SLV");
    expect(got.map((a) => ({ ...view(a), start: a.span.start, sentence: a.sentence }))).toEqual([
      { mention: "PONCE", name: "RENE PONCE", role: "COLONEL", channel: "reporters", start: text.lastIndexOf("PONCE"), sentence: 1 },
    ]);
    expect(attributionsOf("PONCE TOLD REPORTERS THAT THE GUERRILLAS FLED.", "SLV")).toEqual([]);
  });
});

describe("negatives", () => {
  const none = [
    "Twelve people were reported killed in the blast.",
    "The attack, which is said to be the worst this year, destroyed the market.",
    "In a statement posted online, nothing was claimed.",
    "\"We will fight,\" read a banner in the square.",
    "The road to the village was closed on Sunday.",
  ];
  for (const text of none) it(text, () => expect(attributionsOf(text).map(view)).toEqual([]));

  it("never throws on odd text", () => {
    const doc = makeDocument("\" \" \" said said according to ,,, \"", { id: "odd" });
    expect(() => attributionsStage.run(doc, {}, { actors: dict } as never)).not.toThrow();
  });
});
