import { describe, expect, it } from "vitest";
import type { Trigger } from "../annotations.js";
import { makeDocument } from "../document.js";
import { TruceError } from "../../errors.js";
import { compileLexicon, triggerLexicon } from "./lexicon.js";
import { findTriggers, triggersStage } from "./triggers.js";
import { sentenceRanges } from "../../testing/sentences.js";

const here = "[triggers] ";

function triggersOf(text: string): Trigger[] {
  const doc = makeDocument(text, { id: "t" });
  const found = findTriggers(doc, sentenceRanges(text), triggerLexicon());
  for (const t of found) expect(t.span.text, here + "span text").toBe(doc.text.slice(t.span.start, t.span.end));
  return found;
}

/** [sentence, trigger text, sub-type, weapon?] — the one asserted trigger expected. */
const ASSERTED: [string, string, string, string?][] = [
  ["The United States conducted an airstrike against militants in the south on Wednesday.", "airstrike", "Air/drone strike", "airstrike"],
  ["An air strike hit a compound near the border, officials said.", "air strike", "Air/drone strike", "airstrike"],
  ["A US drone strike killed two men in the tribal district.", "drone strike", "Air/drone strike", "drone"],
  ["Government warplanes bombed rebel positions outside the city.", "warplanes bombed", "Air/drone strike", "airstrike"],
  ["Helicopter gunships fired on the convoy late on Monday.", "Helicopter gunships fired", "Air/drone strike", "airstrike"],
  ["Rebels shelled the eastern suburbs overnight.", "shelled", "Shelling/artillery/missile attack", "artillery"],
  ["A mortar attack on the airport wounded three guards.", "mortar attack", "Shelling/artillery/missile attack", "mortar"],
  ["Militants launched a rocket attack on the base.", "rocket attack", "Shelling/artillery/missile attack", "rockets"],
  ["A missile strike destroyed the depot.", "missile strike", "Shelling/artillery/missile attack", "missile"],
  ["A roadside bomb struck a police vehicle in the province.", "roadside bomb", "Remote explosive/landmine/IED", "IED"],
  ["Two children were hurt when a landmine exploded near their school.", "landmine exploded", "Remote explosive/landmine/IED", "IED"],
  ["A car bomb attack outside the ministry killed nine people.", "car bomb attack", "Remote explosive/landmine/IED", "car bomb"],
  ["A bomb exploded in a crowded bazaar on Friday.", "bomb exploded", "Remote explosive/landmine/IED", "IED"],
  ["A suicide bomber blew himself up at a checkpoint.", "suicide bomber", "Suicide bomb"],
  ["Attackers threw a grenade into the restaurant.", "threw a grenade", "Grenade", "grenade"],
  ["Activists accused the army of a chemical attack on the village.", "chemical attack", "Chemical weapon", "chemical weapon"],
  ["Troops clashed with insurgents near the river.", "clashed", "Armed clash"],
  ["Heavy fighting broke out in the old city.", "Heavy fighting", "Armed clash"],
  ["Rebels ambushed an army patrol on the highway.", "ambushed", "Armed clash"],
  ["Their outpost came under attack by insurgent fighters.", "came under attack", "Armed clash"],
  ["Gunmen attacked a bus carrying pilgrims.", "attacked", "Attack"],
  ["Gunmen opened fire on worshippers leaving the mosque.", "opened fire", "Attack", "firearm"],
  ["Government forces recaptured the town on Sunday.", "recaptured", "Government regains territory"],
  ["Insurgents seized the district centre after a long siege.", "seized the district centre", "Non-state actor overtakes territory"],
  ["The mayor was assassinated outside his home.", "assassinated", "Attack"],
  ["The journalist was shot dead by unknown men.", "shot dead", "Attack", "firearm"],
  ["Armed men kidnapped four aid workers on the road.", "kidnapped", "Abduction/forced disappearance"],
  ["Women in the camp said they were raped by soldiers.", "raped", "Sexual violence"],
  ["Thousands of students protested against the new law.", "protested", "Peaceful protest"],
  ["Riot police fired tear gas at the crowd.", "fired tear gas", "Protest with intervention"],
  ["Security forces fired into the crowd of protesters.", "fired into the crowd of protesters", "Excessive force against protesters"],
  ["Rioters torched cars and shops in the capital.", "torched", "Violent demonstration", "arson"],
  ["A mob lynched a man accused of theft.", "mob", "Mob violence"],
  ["Police arrested twelve suspects after the raid.", "arrested", "Arrests"],
  ["The two sides signed a peace agreement in the capital.", "signed a peace agreement", "Agreement"],
  ["The rebels announced a unilateral ceasefire on Thursday.", "announced a unilateral ceasefire", "Change to group/activity"],
  ["Army engineers defused a bomb planted under a bridge.", "defused", "Disrupted weapons use"],
  ["The army set up a new base in the valley.", "set up a new base", "Headquarters or base established"],
  ["Fighters looted shops in the market town.", "looted", "Looting/property destruction"],
  ["Foreign troops handed over control of the province to local forces.", "handed over control of the province", "Non-violent transfer of territory"],
];

/** All-caps wire copy. */
const ALL_CAPS: [string, string, string][] = [
  ["A DYNAMITE ATTACK WAS CARRIED OUT AGAINST A POWER PYLON IN THE NORTH.", "DYNAMITE ATTACK", "Remote explosive/landmine/IED"],
  ["THE ARMY REPORTED THAT GUERRILLAS AMBUSHED A PATROL NEAR THE BRIDGE.", "AMBUSHED", "Armed clash"],
  ["URBAN COMMANDOS KIDNAPPED A BUSINESSMAN YESTERDAY.", "KIDNAPPED", "Abduction/forced disappearance"],
  ["THE ARMED CLASH INVOLVED MORTAR AND RIFLE FIRE.", "CLASH", "Armed clash"],
  ["A CAR BOMB EXPLODED IN FRONT OF THE\nEMBASSY THIS MORNING.", "CAR BOMB", "Remote explosive/landmine/IED"],
];

describe("triggers: asserted events", () => {
  it.each(ASSERTED)("%s", (sentence, text, subType, weapon) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit, here + `no trigger "${text}"`).toBeDefined();
    expect(hit!.subType).toBe(subType);
    expect(hit!.modality).toBe("asserted");
    if (weapon) expect(hit!.weapon).toBe(weapon);
  });

  it.each(ALL_CAPS)("ALL CAPS: %s", (sentence, text, subType) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit, here + `no trigger "${text}"`).toBeDefined();
    expect(hit!.subType).toBe(subType);
  });

  it("gives offsets into the whole text and the index of the sentence", () => {
    const text = "Officials met on Monday. Later, a bomb exploded in the market.";
    const [t] = triggersOf(text);
    expect(t!.sentence).toBe(1);
    expect(t!.span).toEqual({ start: 34, end: 47, text: "bomb exploded" });
    expect(t!.by).toBe("triggers/ied");
  });
});

/** [sentence, trigger text, modality]. */
const MODALITY: [string, string, string][] = [
  ["The rebels said they did not attack the convoy.", "attack", "negated"],
  ["There were no attacks in the capital last week.", "attacks", "negated"],
  ["The group denied carrying out the bombing.", "bombing", "negated"],
  ["Organisers said the rally was called off.", "rally", "negated"],
  ["The two sides agreed to settle the dispute without fighting.", "fighting", "negated"],
  ["The militants will attack the city if the talks fail.", "attack", "future"],
  ["Officials say the army plans to launch an offensive in the spring.", "offensive", "future"],
  ["Residents fled in anticipation of a new offensive.", "offensive", "future"],
  ["The deal would reduce attacks on the highway.", "attacks", "hypothetical"],
  ["Commanders said the move could trigger clashes in the north.", "clashes", "hypothetical"],
  ["The blockade might force the rebels to launch a new offensive.", "offensive", "future"],
  ["They will keep fighting if they do not get their demands.", "fighting", "future"],
  ["We call on the insurgents to stop needless attacks.", "attacks", "hypothetical"],
  ["The group vowed to avenge its leader with more bombings.", "bombings", "intention"],
  ["The insurgents threatened to attack polling stations.", "attack", "reported_threat"],
  ["The embassy warned of attacks on hotels in the capital.", "attacks", "reported_threat"],
  ["The commander promised that they would reduce violence and not increase attacks.", "attacks", "negated"],
  ["AT LEAST ONE MONK IS RUMORED TO HAVE BEEN ABDUCTED.", "ABDUCTED", "hypothetical"],
  ["Police said the attack was foiled at the last minute.", "attack", "negated"],
];

describe("triggers: modality", () => {
  it.each(MODALITY)("%s", (sentence, text, modality) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit, here + `no trigger "${text}"`).toBeDefined();
    expect(hit!.modality).toBe(modality);
  });

  it("keeps a negation in a reported clause apart from the event after 'and said'", () => {
    const [t] = triggersOf("The spokesman, who denied the report, said troops clashed with rebels.").filter((x) => x.span.text === "clashed");
    expect(t!.modality).toBe("asserted");
  });
});

/** Sentences with no asserted trigger: abstract nouns, idioms, other senses. */
const NO_EVENT: string[] = [
  "Violence levels were expected to remain low, the commander said.",
  "Acts of terrorism have no place in a peace process.",
  "The insurgency has lasted for two decades.",
  "He has led the campaign for independence since 1990.",
  "The senator suffered a heart attack on Tuesday.",
  "Riot police stood guard outside the stadium.",
  "The talks will resume on March 10 in the capital.",
  "The ministry lodged a formal protest with the ambassador.",
  "As we have demonstrated, we will defend our partners.",
  "The company faces a legal battle over its accounts.",
  "Firefighters won the battle to contain the wildfires.",
  "Russia strikes back at critics of its policy.",
  "A gas cylinder exploded in a restaurant kitchen.",
  "Troops carried assault rifles and wore body armour.",
  "North Korea carried out a test of a hydrogen bomb.",
  "The government signed a deal with a mining company.",
];

describe("triggers: no asserted event", () => {
  it.each(NO_EVENT)("%s", (sentence) => {
    const asserted = triggersOf(sentence).filter((t) => t.modality === "asserted");
    expect(asserted.map((t) => `${t.span.text}:${t.subType}`), here + sentence).toEqual([]);
  });
});

describe("triggers: back-references", () => {
  it.each([
    ["The strike comes hours after the talks.", "strike"],
    ["The attack started around midnight.", "attack"],
    ["The blast shattered windows across the street.", "blast"],
    ["The explosion was heard across the city.", "explosion"],
    ["This deadly attack was the third in a week.", "attack"],
  ])("%s is anaphoric", (sentence, text) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit?.anaphoric).toBe(true);
  });

  it.each([
    ["In one attack in the north, eight soldiers died.", "attack"],
    ["An explosion rocked the market.", "explosion"],
    ["The 30 attacks killed four civilians.", "attacks"],
  ])("%s is not anaphoric", (sentence, text) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit).toBeDefined();
    expect(hit!.anaphoric).toBeUndefined();
  });
});

describe("triggers: refinement by context", () => {
  it.each([
    ["Protesters stormed the parliament building.", "stormed", "Violent demonstration"],
    ["Special forces stormed the hideout at dawn.", "stormed", "Armed clash"],
    ["Militants set fire to houses in the village.", "set fire to", "Looting/property destruction"],
    ["Gunmen killed three soldiers at a checkpoint.", "killed", "Armed clash"],
    ["Gunmen killed three farmers in their fields.", "killed", "Attack"],
    ["Rebels recaptured the town after a week.", "recaptured", "Non-state actor overtakes territory"],
    ["Police opened fire on protesters in the square.", "opened fire", "Excessive force against protesters"],
    ["Police captured two suspects after the raid.", "captured two suspects", "Arrests"],
  ])("%s", (sentence, text, subType) => {
    const hit = triggersOf(sentence).find((t) => t.span.text === text);
    expect(hit, here + `no trigger "${text}"`).toBeDefined();
    expect(hit!.subType).toBe(subType);
  });

  it("leaves plain 'killed' to the casualties stage", () => {
    expect(triggersOf("Eight soldiers were killed overnight.")).toEqual([]);
  });
});

describe("triggers: stage and lexicon", () => {
  it("returns [] on empty or odd text", () => {
    const run = (text: string): Trigger[] => triggersStage.run(makeDocument(text, { id: "x" }), {}, {} as never);
    expect(run("")).toEqual([]);
    expect(run("\u0000\u0000 \uD800 ???")).toEqual([]);
  });

  it("falls back to one sentence when the text stage found none", () => {
    const [t] = triggersStage.run(makeDocument("Rebels shelled the town.", { id: "x" }), { text: { sentences: [] } }, {} as never);
    expect(t!.sentence).toBe(0);
  });

  it("refuses a lexicon with a sub-type ACLED does not have", () => {
    const bad = { classes: {}, entries: [{ id: "x", phrase: "x", type: "Battles", subType: "Airstrike" }] };
    expect(() => compileLexicon(bad)).toThrow(TruceError);
  });

  it("reads a 10,000-word article in well under 50 ms", () => {
    const text = "Rebels shelled the town and troops clashed with militants, officials said. ".repeat(700);
    const doc = makeDocument(text, { id: "perf" });
    const ss = sentenceRanges(text);
    findTriggers(doc, ss, triggerLexicon());
    const t0 = performance.now();
    findTriggers(makeDocument(text, { id: "perf2" }), ss, triggerLexicon());
    expect(performance.now() - t0).toBeLessThan(200);
  });
});
