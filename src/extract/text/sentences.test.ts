import { describe, expect, it } from "vitest";
import { makeDocument } from "../document.js";
import { findDateline, splitSentences } from "./sentences.js";

const here = "[text/sentences] ";

function sentencesOf(text: string): string[] {
  return splitSentences(makeDocument(text, { id: "t" })).map((s) => s.span.text);
}

describe("splitSentences", () => {
  const cases: [string, string, string[]][] = [
    [
      "titles and initials",
      "Gen. Ahmad Wali said U.S. forces left the base. Col. John F. Miller disagreed.",
      ["Gen. Ahmad Wali said U.S. forces left the base.", "Col. John F. Miller disagreed."],
    ],
    [
      "an initialism that ends the sentence",
      "The convoy was sent by the U.N. The drivers were released on Jan. 5 near the border.",
      ["The convoy was sent by the U.N.", "The drivers were released on Jan. 5 near the border."],
    ],
    [
      "a quotation holding two sentences splits inside the quote",
      '"We fired first. We had no choice," said Capt. Omar Idris. Nobody was hurt.',
      ['"We fired first.', 'We had no choice," said Capt. Omar Idris.', "Nobody was hurt."],
    ],
    [
      "a closing quote after the period",
      'A spokesman said the "truce is over." The army said nothing.',
      ['A spokesman said the "truce is over."', "The army said nothing."],
    ],
    [
      "int'l and decimals",
      "He told the int'l press that 2.5 tonnes of aid arrived. Trucks waited.",
      ["He told the int'l press that 2.5 tonnes of aid arrived.", "Trucks waited."],
    ],
    [
      "hard-wrapped wire copy keeps wrapped lines together",
      "LIMA, 12 MAR 89 (EFE) -- [TEXT] FOUR POLICEMEN WERE KILLED WHEN A GROUP OF\nGUERRILLAS AMBUSHED THEIR PATROL NEAR THE TOWN OF HUANTA. THE ATTACK\nTOOK PLACE AT DAWN.",
      [
        "LIMA, 12 MAR 89 (EFE) -- [TEXT] FOUR POLICEMEN WERE KILLED WHEN A GROUP OF\nGUERRILLAS AMBUSHED THEIR PATROL NEAR THE TOWN OF HUANTA.",
        "THE ATTACK\nTOOK PLACE AT DAWN.",
      ],
    ],
    [
      "header lines are sentences of their own",
      "2024-05-S-011\nKANDAHAR, Afghanistan (May 3, 2024)\nA patrol found a weapons cache.",
      ["2024-05-S-011", "KANDAHAR, Afghanistan (May 3, 2024)", "A patrol found a weapons cache."],
    ],
    ["a lower-case continuation after a quote", 'He said "enough." and left.', ['He said "enough." and left.']],
  ];
  it.each(cases)(`${here}%s`, (_name, text, expected) => {
    expect(sentencesOf(text)).toEqual(expected);
  });

  it(`${here}spans index the original text, even with typographic quotes and odd spaces`, () => {
    const text = "\u201CWe will respond,\u201D\u00A0the minister said.\u2028Shelling resumed at dawn.";
    const doc = makeDocument(text, { id: "t" });
    const sentences = splitSentences(doc);
    expect(sentences.map((s) => s.span.text)).toEqual(["\u201CWe will respond,\u201D\u00A0the minister said.", "Shelling resumed at dawn."]);
    for (const s of sentences) expect(text.slice(s.span.start, s.span.end)).toBe(s.span.text);
  });

  it(`${here}empty and blank text have no sentences`, () => {
    expect(sentencesOf("")).toEqual([]);
    expect(sentencesOf(" \n\n\t ")).toEqual([]);
  });
});

describe("findDateline", () => {
  const cases: [string, string, string][] = [
    ["GOMA, Congo (AP) \u2014 Rebels shelled the town on Monday.", "GOMA, Congo (AP) \u2014", "GOMA"],
    ["SAN SALVADOR, 3 JAN 90 (RADIO CADENA) -- [TEXT] TWO SOLDIERS DIED.", "SAN SALVADOR, 3 JAN 90 (RADIO CADENA) --", "SAN SALVADOR"],
    ["BAMAKO, June 3 (Reuters) - Gunmen killed five villagers.", "BAMAKO, June 3 (Reuters) -", "BAMAKO"],
    ["2024-05-S-011\nKANDAHAR, Afghanistan (May 3, 2024)\nA patrol found a cache.", "KANDAHAR, Afghanistan (May 3, 2024)", "KANDAHAR"],
  ];
  it.each(cases)(`${here}dateline of %j`, (text, dateline, place) => {
    const found = findDateline(makeDocument(text, { id: "t" }));
    expect(found?.span.text).toBe(dateline);
    expect(found?.place?.text).toBe(place);
  });

  it(`${here}no dateline in an ordinary first sentence`, () => {
    expect(findDateline(makeDocument("Gunmen killed five villagers in Mopti on Sunday.", { id: "t" }))).toBeUndefined();
    expect(findDateline(makeDocument("The UN said on Monday that aid had arrived.", { id: "t" }))).toBeUndefined();
  });
});
