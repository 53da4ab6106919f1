import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeDocument } from "../document.js";
import { loadGazetteer } from "./gazetteer.js";
import { findPlaces } from "./places.js";

const gaz = loadGazetteer();

function run(text: string) {
  return findPlaces(makeDocument(text, { id: "n" }), { text: { sentences: [] } }, gaz);
}

/** Sentences whose capitalised words are place names somewhere, but not places here. */
const NO_PLACE: string[] = [
  "Mullah Abdul Ghani Baradar met the envoy on Tuesday.",
  "Col. Sonny Leggett, a coalition spokesman, said the operation was over.",
  "Police said the Union had called off the strike.",
  "In March, Liberty Mission officials met Eagle Scouts.",
  "Lashkar-e-Taiba claimed responsibility for the attack.",
  "President Obama spoke with reporters at the White House.",
  "The Medellin cartel was blamed for the killing.",
  "Car bomb kills 12 near checkpoint.",
  "Reform of the security forces will take years, Of course.",
  "Gen. John Campbell said the Taliban had regrouped.",
  "The Taliban district commander was detained, officials said.",
  "Boko Haram fighters stormed the school.",
  "Gen. Carlos Ramirez and Mr. Ponce met the press.",
  "The Kabul Times reported the story first.",
  "A spokesman for the Central American University said classes would resume.",
  "Latin America and the Caribbean saw fewer protests.",
];

const NO_PLACE_CAPS: string[] = [
  "THE NATIONAL POLICE TOLD US THAT THE ORDER CAME FROM THE CAPITAL.",
  "THE REFORM WAS APPROVED BY THE UNION AT THE END OF THE MISSION.",
  "GENERAL JUAN RAFAEL BUSTILLO SAID THE ARMY WOULD MAKE NO COMMENT.",
  "THE DRUG TRAFFICKERS DID NOT TURN UP IN THE AREA AT THE AGREED TIME.",
  "THE MILITARY SERVICE LAW STATES THAT A STATE OF MAXIMUM ALERT IS IN EFFECT.",
];

describe("places: names that are not places", () => {
  it.each(NO_PLACE)("%s", (sentence) => {
    const kinds = run(sentence).mentions.filter((m) => m.kind !== "demonym").map((m) => `${m.span.text}→${m.name}`);
    expect(kinds).toEqual([]);
  });

  it.each(NO_PLACE_CAPS)("%s", (sentence) => {
    expect(run(sentence).mentions.map((m) => `${m.span.text}→${m.name}`)).toEqual([]);
  });

  it("does not read American in Central American or Latin American as the United States", () => {
    const res = run("Central American leaders and Latin American diplomats met in Panama.");
    expect(res.mentions.map((m) => m.iso3)).toEqual(["PAN"]);
  });

  it("keeps a village abroad out of an article about another country", () => {
    // "Garm" and "Ser" are towns elsewhere; the district is not in the gazetteer under this spelling.
    const res = run("KABUL, Afghanistan - Insurgents attacked a patrol in Garm Ser district, Helmand province.");
    expect(res.mentions.map((m) => m.name)).toEqual(["Kabul", "Afghanistan", "Helmand"]);
  });
});

describe("places: odd text", () => {
  it.each(["", "   ", "\u0000\u2028\u2029", "!!!???...", "123 456", "a".repeat(5000), "A-".repeat(2000)])("%j gives no error", (text) => {
    expect(() => run(text)).not.toThrow();
  });

  it("keeps every span on the original text, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.constantFrom("in Kunduz", "IN SAN MIGUEL DEPARTMENT", "U.S.", "Deir ez\u2011Zor", "Afghan\u2019s"), (noise, name) => {
        const text = `${noise} ${name} ${noise}`;
        for (const m of run(text).mentions) expect(m.span.text).toBe(text.slice(m.span.start, m.span.end));
      }),
      { numRuns: 200 },
    );
  });
});
