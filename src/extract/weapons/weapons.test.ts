import { describe, expect, it } from "vitest";
import type { WeaponMention } from "../annotations.js";
import { makeDocument } from "../document.js";
import { TruceError } from "../../errors.js";
import { compileWeapons, findWeapons, weaponLexicon, weaponsStage } from "./weapons.js";

const here = "[weapons] ";

function weaponsOf(text: string): WeaponMention[] {
  const doc = makeDocument(text, { id: "w" });
  const found = findWeapons(doc, [{ index: 0, start: 0, end: text.length }], weaponLexicon());
  for (const w of found) expect(w.span.text, here + "span text").toBe(doc.text.slice(w.span.start, w.span.end));
  return found;
}

/** [sentence, [span text, canonical name][]]. */
const TABLE: [string, [string, string][]][] = [
  ["The US conducted an airstrike on the compound.", [["airstrike", "airstrike"]]],
  ["The sound of rocket fire and light weapons could be heard across the city.", [["rocket fire", "rockets"], ["light weapons", "light weapons"]]],
  ["Soldiers came under small arms fire near the border.", [["small arms fire", "small arms"]]],
  ["The military fired automatic weapons at the marchers.", [["automatic weapons", "automatic weapons"]]],
  ["Insurgents fired mortar rounds and artillery shells at the base.", [["mortar rounds", "mortar"], ["artillery shells", "artillery"]]],
  ["A roadside bomb hit the convoy.", [["roadside bomb", "IED"]]],
  ["An improvised explosive device went off near the gate.", [["improvised explosive device", "IED"]]],
  ["A suicide car bomb exploded outside the ministry.", [["suicide car bomb", "car bomb"]]],
  ["The attacker wore a suicide vest packed with ball bearings.", [["suicide vest", "suicide vest"]]],
  ["Assailants threw a hand grenade into the crowd.", [["hand grenade", "grenade"]]],
  ["Militants fired rocket-propelled grenades at the checkpoint.", [["rocket-propelled grenades", "RPG"]]],
  ["AN M-16 RIFLE, FIVE GRENADES AND AK-47 AMMUNITION WERE SEIZED.", [["M-16 RIFLE", "M-16 rifle"], ["GRENADES", "grenade"], ["AK-47", "AK-47"]]],
  ["POLICE FOUND STICKS OF DYNAMITE IN THE CAR.", [["STICKS OF DYNAMITE", "explosives"]]],
  ["A drone struck a vehicle in the desert.", [["drone", "drone"]]],
  ["He was stabbed with a knife and another man was attacked with a machete.", [["stabbed", "knife"], ["knife", "knife"], ["machete", "machete"]]],
  ["Police used tear gas, rubber bullets and water cannon against the crowd.", [["tear gas", "tear gas"], ["rubber bullets", "rubber bullets"], ["water cannon", "water cannon"]]],
  ["Troops fired live ammunition into the crowd.", [["live ammunition", "live ammunition"]]],
  ["The minister was fatally shot in the chest.", [["fatally shot", "firearm"]]],
  ["Protesters set fire to the consulate and threw stones at police.", [["set fire to", "arson"], ["threw stones", "stones"]]],
  ["Activists said chlorine gas was used in the attack.", [["chlorine gas", "chemical weapon"]]],
];

const NONE: string[] = [
  "A think tank published a report on the fuel tank market.",
  "The senate debated gun control laws.",
  "A bomb threat forced the evacuation of the airport.",
  "The company set up a shell company abroad.",
];

describe("weapons", () => {
  it.each(TABLE)("%s", (sentence, expected) => {
    expect(weaponsOf(sentence).map((w) => [w.span.text, w.name])).toEqual(expected);
  });

  it.each(NONE)("no weapon: %s", (sentence) => {
    expect(weaponsOf(sentence)).toEqual([]);
  });

  it("gives each mention its sentence", () => {
    const text = "Talks resumed. Rebels fired mortars.";
    const doc = makeDocument(text, { id: "s" });
    const found = weaponsStage.run(doc, { text: { sentences: [
      { index: 0, span: { start: 0, end: 14, text: "Talks resumed." }, by: "test" },
      { index: 1, span: { start: 15, end: 36, text: "Rebels fired mortars." }, by: "test" },
    ] } }, {} as never);
    expect(found).toEqual([{ span: { start: 28, end: 35, text: "mortars" }, by: "weapons/lexicon", name: "mortar", sentence: 1 }]);
  });

  it("returns [] on empty text and refuses a malformed file", () => {
    expect(weaponsStage.run(makeDocument("", { id: "e" }), {}, {} as never)).toEqual([]);
    expect(() => compileWeapons({ entries: [{ name: 3 }] })).toThrow(TruceError);
  });
});
