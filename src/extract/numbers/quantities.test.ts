import { describe, expect, it } from "vitest";
import { makeDocument } from "../document.js";
import { findQuantities, quantitiesStage } from "./quantities.js";

/** [span text, low, best, high, qualifier?, vague?, nth occurrence of the span text?] */
type Q = [text: string, low: number, best: number, high: number | null, qualifier?: string, vague?: boolean, nth?: number];
type Case = [sentence: string, expected: Q[]];

function check(sentence: string, expected: Q[]): void {
  const got = findQuantities(makeDocument(sentence, { id: "t" }));
  expect(got.map((q) => q.span.text), JSON.stringify(got, null, 1)).toEqual(expected.map((e) => e[0]));
  expected.forEach(([text, low, best, high, qualifier, vague, nth], i) => {
    const q = got[i]!;
    let at = -1;
    for (let n = 0; n <= (nth ?? 0); n++) at = sentence.indexOf(text, at + 1);
    expect(q.span.start).toBe(at);
    expect(q.span.end).toBe(at + text.length);
    expect(q.span.text).toBe(sentence.slice(q.span.start, q.span.end));
    expect([q.low, q.best, q.high]).toEqual([low, best, high]);
    expect(q.qualifier).toBe(qualifier);
    expect(q.vague).toBe(vague ?? false);
  });
}

describe("digits and number words", () => {
  const cases: Case[] = [
    ["The blast killed 49 people and wounded 1,000 others.", [["49", 49, 49, 49], ["1,000", 1000, 1000, 1000]]],
    ["Some 10,000 residents fled the town.", [["Some 10,000", 10000, 10000, 10000, "some"]]],
    ["Eight soldiers and thirty-two civilians died.", [["Eight", 8, 8, 8], ["thirty-two", 32, 32, 32]]],
    ["A dozen policemen were wounded.", [["A dozen", 12, 12, 12]]],
    ["One hundred and twenty prisoners escaped.", [["One hundred and twenty", 120, 120, 120]]],
    ["ONE EXTREMIST WAS KILLED AND TWO SOLDIERS WERE WOUNDED.", [["ONE", 1, 1, 1], ["TWO", 2, 2, 2]]],
    ["THE ATTACK LEFT TWENTY-FIVE DEAD.", [["TWENTY-FIVE", 25, 25, 25]]],
    ["About 2.5 million people have been displaced.", [["About 2.5 million", 2500000, 2500000, 2500000, "about"]]],
    ["Half a dozen fighters surrendered.", [["Half a dozen", 6, 6, 6]]],
    ["One of the soldiers later died.", [["One", 1, 1, 1]]],
    ["Two thousand five hundred troops were deployed.", [["Two thousand five hundred", 2500, 2500, 2500]]],
  ];
  it.each(cases)("%s", check);
});

describe("qualifiers (UCDP low/best/high)", () => {
  const cases: Case[] = [
    ["At least 8 people were killed.", [["At least 8", 8, 8, null, "at least"]]],
    ["More than 100 houses burned.", [["More than 100", 100, 100, null, "more than"]]],
    ["Over 40 rebels were captured.", [["Over 40", 40, 40, null, "over"]]],
    ["Up to 15 bodies were found.", [["Up to 15", 1, 15, 15, "up to"]]],
    ["As many as 15 villagers are missing.", [["As many as 15", 1, 15, 15, "as many as"]]],
    ["Nearly 20 soldiers died.", [["Nearly 20", 20, 20, 20, "nearly"]]],
    ["ALMOST 20 PEASANTS WERE KIDNAPPED.", [["ALMOST 20", 20, 20, 20, "almost"]]],
    ["About 50 gunmen stormed the jail.", [["About 50", 50, 50, 50, "about"]]],
    ["Around 300 families left.", [["Around 300", 300, 300, 300, "around"]]],
    ["Approximately 70 people were hurt.", [["Approximately 70", 70, 70, 70, "approximately"]]],
    ["An estimated 400 civilians died.", [["An estimated 400", 400, 400, 400, "an estimated"]]],
    ["No fewer than 12 policemen died.", [["No fewer than 12", 12, 12, null, "no fewer than"]]],
    ["Fewer than 10 attackers survived.", [["Fewer than 10", 1, 10, 10, "fewer than"]]],
    ["They killed 30 or more people.", [["30 or more", 30, 30, null, "or more"]]],
    ["AT LEAST FIVE GUERRILLAS DIED.", [["AT LEAST FIVE", 5, 5, null, "at least"]]],
  ];
  it.each(cases)("%s", check);
});

describe("ranges (best = low, as the gold codes a range)", () => {
  const cases: Case[] = [
    ["Between 10 and 15 people were wounded.", [["Between 10 and 15", 10, 10, 15]]],
    ["The raid killed 10-15 militants.", [["10-15", 10, 10, 15]]],
    ["10 to 15 soldiers were missing.", [["10 to 15", 10, 10, 15]]],
    ["The shelling killed 10 or 15 people.", [["10 or 15", 10, 10, 15]]],
    ["Two or three gunmen opened fire.", [["Two or three", 2, 2, 3]]],
    ["FROM 20 TO 30 TERRORISTS ATTACKED.", [["FROM 20 TO 30", 20, 20, 30]]],
    ["Some 20 to 30 men were seized.", [["Some 20 to 30", 20, 20, 30, "some"]]],
  ];
  it.each(cases)("%s", check);
});

describe("vague quantities from data/quantities.json", () => {
  const cases: Case[] = [
    ["A few soldiers were wounded.", [["A few", 3, 3, null, undefined, true]]],
    ["Several civilians died.", [["Several", 3, 3, null, undefined, true]]],
    ["Some civilians fled to the hills.", [["Some", 3, 3, null, undefined, true]]],
    ["Dozens of people were killed.", [["Dozens", 12, 12, null, undefined, true]]],
    ["Tens of protesters were detained.", [["Tens", 10, 10, null, undefined, true]]],
    ["Scores of houses burned.", [["Scores", 20, 20, null, undefined, true]]],
    ["Hundreds were arrested.", [["Hundreds", 100, 100, null, undefined, true]]],
    ["THOUSANDS OF PEASANTS FLED.", [["THOUSANDS", 1000, 1000, null, undefined, true]]],
    ["A handful of fighters held out.", [["A handful", 3, 3, null, undefined, true]]],
    ["Tens of thousands of refugees crossed the border.", [["Tens of thousands", 10000, 10000, null, undefined, true]]],
    ["Several hundred protesters marched.", [["Several hundred", 300, 300, null, undefined, true]]],
    ["At least several insurgents were killed.", [["At least several", 3, 3, null, "at least", true]]],
    ["Numerous insurgents were detained.", [["Numerous", 4, 4, null, undefined, true]]],
  ];
  it.each(cases)("%s", check);
});

describe("numbers that are not counts are not reported", () => {
  const none: string[] = [
    "The war has raged since 1996.",
    "In 1989 the army took the town.",
    "The bomb went off at 10:30 in the morning.",
    "A 50-year-old man was among the dead.",
    "The victim, a 20 year old student, was shot.",
    "The driver, 45, was wounded.",
    "Turnout was 50 percent.",
    "Prices rose by 12%.",
    "The ransom was $50,000.",
    "The rebels demanded 50 million dollars.",
    "Police seized M-16 rifles and AK-47 assault rifles.",
    "The car carried fifty kilograms of explosives.",
    "The 1st Battalion moved north.",
    "It was the second attack this month.",
    "Gunmen fired 7.62 mm rounds.",
    "The Security Council passed Resolution 1325.",
    "The convoy was hit on Route 1.",
    "The attack came on March 10.",
    "SAN SALVADOR, 3 JAN 90 -- THE ARMY REPORTED CLASHES.",
    "At 0730 hours the shelling began.",
    "THE ATTACK TOOK PLACE AT 2100 ON 15 JANUARY.",
    "The truce held for three months.",
    "They agreed a three-month ceasefire.",
    "No one was hurt.",
    "They blamed one another.",
    "The talks were held on 29 and 30 January.",
    "Many people fear a new offensive.",
    "The talks lasted several days.",
    "Hundreds of years of history were lost.",
    "Release 2011-01-S-115 lists cases 1314,1198, 1173, 1341.",
    "   2. The victims were taken to hospital.",
    "He served for 7 and 1/2 years.",
  ];
  it.each(none)("%s", (sentence) => {
    expect(findQuantities(makeDocument(sentence, { id: "t" }))).toEqual([]);
  });

  it("keeps a count next to a year or a time", () => {
    check("In 2019, 40 soldiers were killed at 10:30 near Route 1.", [["40", 40, 40, 40]]);
  });
});

describe("the stage", () => {
  it("never throws and keeps spans exact on odd text", () => {
    const odd = ["", "\u0000", "1,2,3,4,5", "- - -", "one one one one", "a a a dozen", "9".repeat(400), "thousands ".repeat(200), "between and", "10 to", "up to"];
    for (const text of odd) {
      const out = quantitiesStage.run(makeDocument(text, { id: "t" }), {}, {} as never);
      for (const q of out) {
        expect(q.span.text).toBe(text.slice(q.span.start, q.span.end));
        expect(q.low).toBeLessThanOrEqual(q.best);
        if (q.high !== null) expect(q.best).toBeLessThanOrEqual(q.high);
      }
    }
  });
});
