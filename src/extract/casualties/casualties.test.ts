import { describe, expect, it } from "vitest";
import type { ActorMention, CasualtyMention, Quantity } from "../annotations.js";
import { makeDocument, spanOf, type Document } from "../document.js";
import { sentenceRanges } from "../../testing/sentences.js";
import { casualtiesStage, findCasualties } from "./casualties.js";
import { casualtyWords } from "./words.js";

const here = "[casualties] ";

// --- test doubles for the stages this one reads (written by others) ---

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, twenty: 20,
};
const VAGUE: Record<string, number> = { dozens: 12, several: 3, scores: 40 };

/** Quantities as the quantities stage gives them: "at least eight" is low 8, best 8, high null. */
function quantitiesOf(doc: Document): Quantity[] {
  const re = /\b(?:(at least|more than|nearly|about|up to) )?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|several|scores)\b/gi;
  const out: Quantity[] = [];
  for (const m of doc.text.matchAll(re)) {
    const raw = m[2]!.toLowerCase();
    const n = NUMBER_WORDS[raw] ?? VAGUE[raw] ?? Number(raw.replace(/,/g, ""));
    const q: Quantity = { span: spanOf(doc, m.index, m.index + m[0].length), by: "test", low: n, best: n, high: null, vague: raw in VAGUE };
    if (m[1]) q.qualifier = m[1].toLowerCase();
    out.push(q);
  }
  return out;
}

function casualtiesOf(text: string, actors: ActorMention[] = []): CasualtyMention[] {
  const doc = makeDocument(text, { id: "c" });
  const found = findCasualties(doc, sentenceRanges(text), quantitiesOf(doc), actors, casualtyWords());
  for (const c of found) {
    expect(c.span.text, here + "span").toBe(doc.text.slice(c.span.start, c.span.end));
    if (c.victims) expect(c.victims.text, here + "victims").toBe(doc.text.slice(c.victims.start, c.victims.end));
  }
  return found;
}

type Row = [kind: string, span: string, best: number, category: string, victims?: string];
const brief = (c: CasualtyMention): Row => (c.victims ? [c.kind, c.span.text, c.best, c.category, c.victims.text] : [c.kind, c.span.text, c.best, c.category]);

/** [sentence, expected mentions]. Every mention here is asserted. */
const TABLE: [string, Row[]][] = [
  ["The rebels carried out 25 attacks that killed four civilians, 11 security forces and wounded 18 others, a spokesman said.", [
    ["killed", "killed four civilians", 4, "civilians", "civilians"],
    ["killed", "11 security forces", 11, "security", "security forces"],
    ["injured", "wounded 18 others", 18, "unknown", "others"],
  ]],
  ["In one raid in the north, at least eight soldiers were killed overnight.", [["killed", "at least eight soldiers were killed", 8, "security", "soldiers"]]],
  ["A policeman was killed near the market.", [["killed", "A policeman was killed", 1, "security", "policeman"]]],
  ["A SOLDIER WAS WOUNDED AND TAKEN TO THE MILITARY HOSPITAL.", [["injured", "A SOLDIER WAS WOUNDED", 1, "security", "SOLDIER"]]],
  ["The blast hit a minibus, killing 6 civilians, including 2 women.", [["killed", "killing 6 civilians", 6, "civilians", "civilians"]]],
  ["The bomber struck a mosque, killing at least 49 people and wounding more than 100 others.", [
    ["killed", "killing at least 49 people", 49, "unknown", "people"],
    ["injured", "wounding more than 100 others", 100, "unknown", "others"],
  ]],
  ["THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES.", [
    ["killed", "THREE SUBVERSIVES WERE KILLED", 3, "militants", "SUBVERSIVES"],
    ["injured", "SEVEN OTHERS WERE WOUNDED", 7, "militants", "OTHERS"],
  ]],
  ["The explosion left 12 dead.", [["killed", "12 dead", 12, "unknown"]]],
  ["The blast left 12 people dead and 30 wounded.", [["killed", "12 people dead", 12, "unknown", "people"], ["injured", "30 wounded", 30, "unknown"]]],
  ["The death toll rose to 20 on Tuesday.", [["killed", "death toll rose to 20", 20, "unknown"]]],
  ["Police said 12 bodies were found in a ditch.", [["killed", "12 bodies", 12, "unknown", "bodies"]]],
  ["Workers recovered the bodies of three journalists.", [["killed", "bodies of three journalists", 3, "civilians", "journalists"]]],
  ["Five people died in the fire.", [["killed", "Five people died", 5, "unknown", "people"]]],
  ["THE PATROL REPORTED ANOTHER CLASH THAT RESULTED IN ONE DEAD TERRORIST.", [["killed", "ONE DEAD TERRORIST", 1, "militants", "TERRORIST"]]],
  ["Two insurgents were killed in the raid.", [["killed", "Two insurgents were killed", 2, "militants", "insurgents"]]],
  ["Troops returned fire, killing two insurgents.", [["killed", "killing two insurgents", 2, "militants", "insurgents"]]],
  ["The Taliban leader was killed in a drone strike.", [["killed", "The Taliban leader was killed", 1, "militants", "Taliban leader"]]],
  ["The minister, Ahmed Karimi, was fatally shot at his home.", [["killed", "The minister, Ahmed Karimi, was fatally shot", 1, "civilians", "minister"]]],
  ["A 50-year-old Japanese journalist was also killed.", [["killed", "A 50-year-old Japanese journalist was also killed", 1, "civilians", "50-year-old Japanese journalist"]]],
  ["Eight Afghan soldiers and two policemen were killed.", [
    ["killed", "Eight Afghan soldiers", 8, "security", "Afghan soldiers"],
    ["killed", "two policemen were killed", 2, "security", "policemen"],
  ]],
  ["Gunmen killed a teacher and wounded his two sons.", [["killed", "killed a teacher", 1, "civilians", "teacher"], ["injured", "wounded his two sons", 2, "civilians", "sons"]]],
  ["The militants killed him on Sunday.", [["killed", "killed him", 1, "unknown"]]],
  ["Dozens of people were injured in the stampede.", [["injured", "Dozens of people were injured", 12, "unknown", "people"]]],
  ["FOUR PEASANTS WERE MURDERED BY A DEATH SQUAD.", [["killed", "FOUR PEASANTS WERE MURDERED", 4, "civilians", "PEASANTS"]]],
  ["Officials said 57 people who were killed in the quake were buried.", [["killed", "57 people who were killed", 57, "unknown", "people"]]],
  ["Two civilians were killed and a soldier was injured.", [
    ["killed", "Two civilians were killed", 2, "civilians", "civilians"],
    ["injured", "a soldier was injured", 1, "security", "soldier"],
  ]],
];

describe("casualties: figures and categories", () => {
  it.each(TABLE)("%s", (sentence, expected) => {
    const found = casualtiesOf(sentence);
    expect(found.map(brief), here + sentence).toEqual(expected);
    for (const c of found) expect(c.modality).toBe("asserted");
  });

  it("keeps the quantity's low/best/high and never adds wounded to killed", () => {
    const [killed, injured] = casualtiesOf("The attack killed at least 49 people and wounded more than 100 others.");
    expect(killed).toMatchObject({ kind: "killed", low: 49, best: 49, high: null });
    expect(injured).toMatchObject({ kind: "injured", low: 100, best: 100, high: null });
  });

  it("gives offsets into the whole text, the sentence index and the rule", () => {
    const text = "Talks resumed on Monday. A policeman was killed.";
    const [c] = casualtiesOf(text);
    expect(c).toMatchObject({ sentence: 1, by: "casualties/passive", span: { start: 25, end: 47, text: "A policeman was killed" } });
  });
});

describe("casualties: zeros", () => {
  it.each([
    ["No casualties were reported after the clash.", ["killed", "injured"]],
    ["THE ATTACK RESULTED IN NO CASUALTIES.", ["killed", "injured"]],
    ["No one was hurt in the blast.", ["killed", "injured"]],
    ["No one was killed in the attack.", ["killed"]],
    ["The rebels fled and no soldiers were killed.", ["killed"]],
    ["There were no deaths, police said.", ["killed"]],
  ])("%s", (sentence, kinds) => {
    const found = casualtiesOf(sentence);
    expect(found.map((c) => c.kind).sort()).toEqual([...kinds].sort());
    for (const c of found) expect(c).toMatchObject({ low: 0, best: 0, modality: "asserted" });
  });

  it("reads 'no immediate reports of casualties' as unknown, not zero", () => {
    expect(casualtiesOf("There were no immediate reports of casualties.")).toEqual([]);
  });
});

describe("casualties: modality", () => {
  it.each([
    ["At least one monk is rumored to have been killed.", "hypothetical"],
    ["Three soldiers may have been killed in the ambush.", "hypothetical"],
    ["A car bomb may have killed two men.", "hypothetical"],
    ["The militants threatened to kill five hostages.", "reported_threat"],
    ["The officer said he was not wounded.", "negated"],
    ["The group vowed to kill ten soldiers for every fighter lost.", "intention"],
  ])("%s", (sentence, modality) => {
    const found = casualtiesOf(sentence);
    expect(found.length, here + sentence).toBe(1);
    expect(found[0]!.modality).toBe(modality);
  });
});

describe("casualties: no figure", () => {
  it.each([
    "Soldiers were killed in the fighting.",
    "The wounded were taken to hospital.",
    "The 25-year-old driver fled the scene.",
    "The army killed the plan to expand the base.",
    "Three hours after the attack, police closed the road.",
    "Police shot at the tyres of the car.",
    "The attack killed civilians and soldiers alike.",
  ])("%s", (sentence) => {
    expect(casualtiesOf(sentence).map(brief), here + sentence).toEqual([]);
  });
});

describe("casualties: actors give the category", () => {
  it("takes the category and name of an actor in the victims' phrase", () => {
    const text = "Two Hizb fighters were killed.";
    const doc = makeDocument(text, { id: "a" });
    const actor: ActorMention = { span: spanOf(doc, 4, 8), by: "test", name: "Hizb", inter: 2, kind: "rebel", category: "militants" };
    const [c] = casualtiesOf(text, [actor]);
    expect(c).toMatchObject({ best: 2, category: "militants", actor: "Hizb" });
  });

  it("uses an actor for a generic noun ('commander') but not for 'people' itself", () => {
    const text = "A Hizb commander was killed. Ten people were wounded.";
    const doc = makeDocument(text, { id: "a" });
    const hizb: ActorMention = { span: spanOf(doc, 2, 6), by: "test", name: "Hizb", inter: 2, kind: "rebel", category: "militants" };
    const people: ActorMention = { span: spanOf(doc, 33, 39), by: "test", name: "Civilians", inter: 7, kind: "civilians", category: "civilians" };
    const [commander, wounded] = casualtiesOf(text, [hizb, people]);
    expect(commander).toMatchObject({ best: 1, category: "militants" });
    expect(wounded).toMatchObject({ best: 10, category: "unknown" });
  });
});

describe("casualties: stage", () => {
  it("returns [] on empty or odd text and without quantities", () => {
    const run = (text: string): CasualtyMention[] => casualtiesStage.run(makeDocument(text, { id: "x" }), {}, {} as never);
    expect(run("")).toEqual([]);
    expect(run("\uD800 ,,, killed . were were killed")).toEqual([]);
    // without the quantities stage, a determiner still counts one
    expect(run("A soldier was killed.").map((c) => c.best)).toEqual([1]);
  });

  it("reads a long article quickly", () => {
    const text = "Rebels attacked the town, killing four civilians and wounding 12 others, police said. ".repeat(600);
    const doc = makeDocument(text, { id: "perf" });
    const qs = quantitiesOf(doc);
    const ss = sentenceRanges(text);
    const t0 = performance.now();
    const found = findCasualties(doc, ss, qs, [], casualtyWords());
    expect(found.length).toBe(1200);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

/** Victims named one by one, nominals, asides and lists. Every mention here is asserted. */
const NAMED: [string, Row[]][] = [
  ["Gunmen killed Jan Agha and several other insurgents near the border.", [
    ["killed", "killed Jan Agha", 1, "unknown", "Jan Agha"],
    ["killed", "several other insurgents", 3, "militants", "other insurgents"],
  ]],
  ["THE REBELS KILLED MAYOR JOSE RAMIREZ AND HIS DRIVER.", [
    ["killed", "KILLED MAYOR JOSE RAMIREZ", 1, "unknown", "MAYOR JOSE RAMIREZ"],
    ["killed", "HIS DRIVER", 1, "civilians", "DRIVER"],
  ]],
  ["JUAN ORTEGA AND PEDRO SALAS WERE SHOT TO DEATH BY GUNMEN.", [
    ["killed", "JUAN ORTEGA AND PEDRO SALAS WERE SHOT TO DEATH", 2, "unknown", "JUAN ORTEGA AND PEDRO SALAS"],
  ]],
  ["Inspector Luis Mena died in the blast.", [["killed", "Inspector Luis Mena died", 1, "unknown", "Inspector Luis Mena"]]],
  ["ANOTHER REPORTER, RAUL SOTO, DIED IN HOSPITAL.", [["killed", "ANOTHER REPORTER, RAUL SOTO, DIED", 1, "civilians", "REPORTER"]]],
  ["A COLONEL, A JUDGE, AND SENATOR LUIS VEGA WERE MURDERED.", [
    ["killed", "A COLONEL, A JUDGE, AND SENATOR LUIS VEGA WERE MURDERED", 3, "unknown", "A COLONEL, A JUDGE, AND SENATOR LUIS VEGA"],
  ]],
  ["He was ambushed and killed on his way home.", [["killed", "He was ambushed and killed", 1, "unknown"]]],
  ["Three gunmen opened fire on the checkpoint and were killed.", [
    ["killed", "Three gunmen opened fire on the checkpoint and were killed", 3, "militants", "gunmen"],
  ]],
  ["Police are investigating the murder of two journalists and a driver.", [
    ["killed", "murder of two journalists", 2, "civilians", "journalists"],
    ["killed", "a driver", 1, "civilians", "driver"],
  ]],
  ["THE GROUP CLAIMED THE ASSASSINATION OF SENATOR LUIS VEGA.", [["killed", "ASSASSINATION OF SENATOR LUIS VEGA", 1, "unknown", "SENATOR LUIS VEGA"]]],
  ["THE JUDGES WENT ON STRIKE AFTER THE ASSASSINATION ON 3 MAY OF JUDGE ROSA DIAZ.", [
    ["killed", "ASSASSINATION ON 3 MAY OF JUDGE ROSA DIAZ", 1, "unknown", "JUDGE ROSA DIAZ"],
  ]],
  ["POLICE ARE INVESTIGATING VEGA'S ASSASSINATION.", [["killed", "VEGA'S ASSASSINATION", 1, "unknown", "VEGA'S"]]],
  ["The agency confirmed the death of Mullah Karim Dad, a rebel commander.", [["killed", "death of Mullah Karim Dad", 1, "unknown", "Mullah Karim Dad"]]],
  ["FOUR MONKS, TWO OF THEM FOREIGNERS, WERE KILLED IN THE RAID.", [
    ["killed", "FOUR MONKS, TWO OF THEM FOREIGNERS, WERE KILLED", 4, "civilians", "MONKS"],
  ]],
  ["Five farmers who were working in the fields were brutally killed.", [
    ["killed", "Five farmers who were working in the fields were brutally killed", 5, "civilians", "farmers"],
  ]],
  ["REBELS KILLED THE MAYOR OF THE TOWN OF SAN LUIS, AS WELL AS THREE PEASANTS.", [
    ["killed", "KILLED THE MAYOR", 1, "civilians", "MAYOR"],
    ["killed", "THREE PEASANTS", 3, "civilians", "PEASANTS"],
  ]],
  ["THE BLAST KILLED ANA RUIZ, 42; LUIS RUIZ, 19; AND A CHILD.", [
    ["killed", "KILLED ANA RUIZ", 1, "unknown", "ANA RUIZ"],
    ["killed", "LUIS RUIZ", 1, "unknown", "LUIS RUIZ"],
    ["killed", "A CHILD", 1, "civilians", "CHILD"],
  ]],
  ["SOLDIERS KILLED TWO REPORTERS, ROBERTO NAVAS AND MAURICIO PINEDA, AT A CHECKPOINT.", [
    ["killed", "KILLED TWO REPORTERS", 2, "civilians", "REPORTERS"],
  ]],
  ["The attack killed Ana Ruiz, Luis Ruiz and Marta Gil.", [
    ["killed", "killed Ana Ruiz", 1, "unknown", "Ana Ruiz"],
    ["killed", "Luis Ruiz", 1, "unknown", "Luis Ruiz"],
    ["killed", "Marta Gil", 1, "unknown", "Marta Gil"],
  ]],
  ["MOURNERS GATHERED AT THE WAKE FOR THE MURDERED CANDIDATE.", [["killed", "THE MURDERED CANDIDATE", 1, "civilians", "CANDIDATE"]]],
  ["He replaced the assassinated Carlos Pizarro as leader.", [["killed", "the assassinated Carlos Pizarro", 1, "unknown", "Carlos Pizarro"]]],
  ["THE COMMITTEE CONDEMNED THE MURDER OF UNION LEADERS JOSE LARA AND ANA GIL.", [
    ["killed", "MURDER OF UNION LEADERS JOSE LARA", 1, "unknown", "JOSE LARA"],
    ["killed", "ANA GIL", 1, "unknown", "ANA GIL"],
  ]],
  ["SIX MONKS -- FOUR THAIS AND TWO BURMESE -- AND A NUN WERE KILLED.", [
    ["killed", "SIX MONKS", 6, "civilians", "MONKS"],
    ["killed", "A NUN WERE KILLED", 1, "civilians", "NUN"],
  ]],
  ["DEATH SQUADS ASSASSINATED FOUR UNION LEADERS.", [["killed", "ASSASSINATED FOUR UNION LEADERS", 4, "unknown", "UNION LEADERS"]]],
  ["Gunmen killed Ana Ruiz, 42, on Monday.", [["killed", "killed Ana Ruiz", 1, "unknown", "Ana Ruiz"]]],
  ["The patrol returned fire, killing several.", [["killed", "killing several", 3, "unknown"]]],
  ["Both soldiers were killed in the ambush.", [["killed", "Both soldiers were killed", 2, "security", "soldiers"]]],
  ["BOTH BODIES WERE FOUND NEAR THE RIVER.", [["killed", "BOTH BODIES", 2, "unknown", "BODIES"]]],
  ["The patrol called in an airstrike, killing all four.", [["killed", "killing all four", 4, "unknown"]]],
  ["The officer was shot and the attack resulted in his death.", [
    ["injured", "The officer was shot", 1, "security", "officer"],
    ["killed", "his death", 1, "unknown"],
  ]],
  ["THE RIOT CAUSED ONE UNFORTUNATE DEATH AND HEAVY DAMAGE.", [["killed", "ONE UNFORTUNATE DEATH", 1, "unknown"]]],
  ["The floods and the fighting caused 12 deaths.", [["killed", "12 deaths", 12, "unknown"]]],
  ["Two members of the mayor's escort were wounded.", [["injured", "Two members of the mayor's escort were wounded", 2, "unknown", "members"]]],
  ["The driver of the truck was killed.", [["killed", "was killed", 1, "civilians", "driver"]]],
  ["Villagers said his body was found at dawn.", [["killed", "his body", 1, "unknown", "body"]]],
];

describe("casualties: names, nominals, asides and lists", () => {
  it.each(NAMED)("%s", (sentence, expected) => {
    const found = casualtiesOf(sentence);
    expect(found.map(brief), here + sentence).toEqual(expected);
    for (const c of found) expect(c.modality).toBe("asserted");
  });

  it.each([
    "The explosion killed everyone inside.",
    "The soldiers died in the blast.",
    "Many died in the fighting.",
    "THEY WERE BRANDED COMMUNISTS AND THEREFORE MURDERED.",
    "THE FLAMES LEFT THE CROPS BURNT AND THE CATTLE DEAD.",
    "They denounced the attempted murder of Judge Rosa Diaz.",
    "THEY MOURNED THE DEATH OF DEMOCRACY.",
    "The massacre of Tuesday shocked the town.",
    "Troops killed Taliban fighters in the valley.",
    "The killing of civilians must stop, the minister said.",
    "Both sides blamed each other for the attack.",
    "The body said the talks would resume.",
    "They mourned their deaths.",
    "Two days after the deaths, police made arrests.",
    "The report blamed 20 death squads for the violence.",
    "She received three death threats last week.",
    "The murdered priests were buried on Sunday.",
    "The strike killed all insurgents in the compound.",
  ])("no figure: %s", (sentence) => {
    expect(casualtiesOf(sentence).map(brief), here + sentence).toEqual([]);
  });

  it("reads victims after 'were ambushed and killed' as objects, not subjects", () => {
    expect(casualtiesOf("Troops were ambushed and killed five attackers.").map(brief)).toEqual([
      ["killed", "killed five attackers", 5, "militants", "attackers"],
    ]);
  });

  it("does not take a place for a person", () => {
    const text = "Troops killed Kandahar on Monday.";
    const doc = makeDocument(text, { id: "p" });
    const place = { span: spanOf(doc, 14, 22), by: "test" };
    expect(findCasualties(doc, sentenceRanges(text), quantitiesOf(doc), [], casualtyWords(), [place])).toEqual([]);
    const named = "Troops killed Karim Kandahari on Monday.";
    const doc2 = makeDocument(named, { id: "p" });
    const part = { span: spanOf(doc2, 20, 29), by: "test" };
    expect(findCasualties(doc2, sentenceRanges(named), quantitiesOf(doc2), [], casualtyWords(), [part]).map((c) => c.best)).toEqual([1]);
  });
});
