import { describe, expect, it } from "vitest";
import type { DateMention } from "../annotations.js";
import { makeDocument } from "../document.js";
import { DROPPED_PARSERS, parserNames } from "./chrono-dates.js";
import { datesStage, findDates } from "./dates.js";

// Wednesday 4 March 2020 unless a case says otherwise.
const WED = "2020-03-04";

interface Expected {
  text: string;
  kind: DateMention["kind"];
  start?: string;
  end?: string;
  precision?: 1 | 2 | 3;
  duration?: string;
  certain: boolean;
  /** The n-th occurrence of `text` in the sentence (default 0). */
  nth?: number;
}

type Case = [sentence: string, published: string | undefined, expected: Expected[]];

function day(text: string, d: string, certain: boolean): Expected {
  return { text, kind: "date", start: d, end: d, precision: 1, certain };
}

function range(text: string, start: string, end: string, precision: 1 | 2 | 3, certain = false): Expected {
  return { text, kind: "range", start, end, precision, certain };
}

function duration(text: string, iso: string): Expected {
  return { text, kind: "duration", duration: iso, certain: true };
}

function run(sentence: string, published?: string) {
  return findDates(makeDocument(sentence, { id: "t", ...(published ? { published } : {}) }));
}

function check(sentence: string, published: string | undefined, expected: Expected[]): void {
  const { mentions } = run(sentence, published);
  const got = mentions.map((m) => ({ text: m.span.text, start: m.span.start, end: m.span.end }));
  expect(got.map((g) => g.text), JSON.stringify(mentions, null, 1)).toEqual(expected.map((e) => e.text));
  expected.forEach((e, i) => {
    const m = mentions[i]!;
    let at = -1;
    for (let n = 0; n <= (e.nth ?? 0); n++) at = sentence.indexOf(e.text, at + 1);
    expect(m.span.start).toBe(at);
    expect(m.span.end).toBe(at + e.text.length);
    expect(m.span.text).toBe(sentence.slice(m.span.start, m.span.end));
    expect(m.kind).toBe(e.kind);
    expect(m.start).toBe(e.start);
    expect(m.end).toBe(e.end);
    if (e.precision !== undefined) expect(m.precision).toBe(e.precision);
    expect(m.duration).toBe(e.duration);
    expect(m.certain).toBe(e.certain);
  });
}

describe("weekdays resolve to the latest such day on or before the reference", () => {
  const cases: Case[] = [
    ["Gunmen stormed a police post in the north on Wednesday, officials said.", WED, [day("Wednesday", "2020-03-04", false)]],
    ["The convoy was ambushed Tuesday near the border.", WED, [day("Tuesday", "2020-03-03", false)]],
    ["A car bomb exploded outside the ministry on Thursday.", WED, [day("Thursday", "2020-02-27", false)]],
    ["Police said last Friday that two suspects had been held.", WED, [day("last Friday", "2020-02-28", false)]],
    ["Friday morning's raid left three dead.", WED, [day("Friday morning", "2020-02-28", false)]],
    ["Friday's blast tore through a market.", WED, [day("Friday", "2020-02-28", false)]],
    ["Last Wednesday the rebels shelled the town.", WED, [day("Last Wednesday", "2020-02-26", false)]],
    ["Talks opened in Doha on Wednesday, March 4, with both sides present.", WED, [day("Wednesday, March 4", "2020-03-04", true)]],
    ["Negotiators will meet again on Friday to discuss a truce.", WED, [day("Friday", "2020-03-06", false)]],
    ["Voting on Friday, March 6 passed off calmly.", WED, [day("Friday, March 6", "2020-03-06", true)]],
    ["A vote is scheduled for next Monday.", WED, [day("next Monday", "2020-03-09", false)]],
    ["The army will investigate the attack that killed ten on Monday.", WED, [day("Monday", "2020-03-02", false)]],
    ["The raid came shortly before dawn on Sunday.", WED, [day("Sunday", "2020-03-01", false)]],
    ["THE GUERRILLAS ATTACKED THE GARRISON ON SATURDAY NIGHT.", WED, [day("SATURDAY NIGHT", "2020-02-29", false)]],
  ];
  it.each(cases)("%s", (sentence, published, expected) => check(sentence, published, expected));
});

describe("the night before, yesterday, today", () => {
  const cases: Case[] = [
    ["Heavy fighting raged overnight in the eastern suburbs.", WED, [range("overnight", "2020-03-03", "2020-03-04", 2)]],
    ["Militants fired rockets at the base last night.", WED, [day("last night", "2020-03-03", false)]],
    ["Shots were heard around midnight near the airport.", WED, [range("around midnight", "2020-03-03", "2020-03-04", 2)]],
    ["The truce will take effect at midnight.", WED, [range("at midnight", "2020-03-04", "2020-03-05", 2)]],
    ["Yesterday troops opened fire on protesters.", WED, [day("Yesterday", "2020-03-03", false)]],
    ["The ministry said today that 12 soldiers died.", WED, [day("today", "2020-03-04", false)]],
    ["A mortar round hit the compound this morning.", WED, [day("this morning", "2020-03-04", false)]],
    ["YESTERDAY AFTERNOON URBAN GUERRILLAS BOMBED A BANK.", WED, [day("YESTERDAY AFTERNOON", "2020-03-03", false)]],
    ["LAST NIGHT TERRORISTS DYNAMITED TWO POWER PYLONS.", WED, [day("LAST NIGHT", "2020-03-03", false)]],
    ["THIS MORNING THE ARMY REPORTED NEW CLASHES.", WED, [day("THIS MORNING", "2020-03-04", false)]],
    ["Two days ago a drone strike hit the village.", WED, [day("Two days ago", "2020-03-02", false)]],
  ];
  it.each(cases)("%s", (sentence, published, expected) => check(sentence, published, expected));
});

describe("periods ending at the reference", () => {
  const cases: Case[] = [
    ["Over the past 24 hours, insurgents carried out 30 attacks.", WED, [range("Over the past 24 hours", "2020-03-03", "2020-03-04", 2)]],
    ["In the past 24 hours the hospital received 40 wounded.", WED, [range("In the past 24 hours", "2020-03-03", "2020-03-04", 2)]],
    ["The army lost nine men over the past two days.", WED, [range("over the past two days", "2020-03-02", "2020-03-04", 2)]],
    ["In the last week, the rebels took four villages.", WED, [range("In the last week", "2020-02-26", "2020-03-04", 2)]],
    ["This week the militia pushed toward the capital.", WED, [range("This week", "2020-03-02", "2020-03-04", 2)]],
    ["Clashes have intensified in recent days.", WED, [range("in recent days", "2020-02-26", "2020-03-04", 2)]],
    ["Aid deliveries fell over the past month.", WED, [range("over the past month", "2020-02-04", "2020-03-04", 3)]],
    ["Last week the army retook the bridge.", WED, [range("Last week", "2020-02-24", "2020-03-01", 2)]],
    ["Last month the truce collapsed.", WED, [range("Last month", "2020-02-01", "2020-02-29", 3)]],
    ["Gunmen raided the village over the weekend.", WED, [range("over the weekend", "2020-02-29", "2020-03-01", 2)]],
    ["Monitors expect more violence in the coming days.", WED, [range("in the coming days", "2020-03-04", "2020-03-07", 2)]],
  ];
  it.each(cases)("%s", (sentence, published, expected) => check(sentence, published, expected));
});

describe("days and months written out", () => {
  const cases: Case[] = [
    ["The attack on March 10 killed four policemen.", WED, [day("March 10", "2019-03-10", true)]],
    ["Gunmen killed a judge on 2 March in the capital.", WED, [day("2 March", "2020-03-02", true)]],
    ["The talks will resume on March 10 in Geneva.", WED, [day("March 10", "2020-03-10", true)]],
    ["Fighting eased before talks on March 10.", WED, [day("March 10", "2020-03-10", true)]],
    ["The ceasefire is due to expire on 20 March.", WED, [day("20 March", "2020-03-20", true)]],
    ["Rebels must disarm by March 31.", WED, [day("March 31", "2020-03-31", true)]],
    ["ON 30 DECEMBER GUERRILLAS ATTACKED A PATROL.", "1990-01-03", [day("30 DECEMBER", "1989-12-30", true)]],
    ["The offensive began on the night of 3 March.", WED, [day("3 March", "2020-03-03", true)]],
    ["The rebels launched an offensive in October.", WED, [{ text: "October", kind: "date", start: "2019-10-01", end: "2019-10-31", precision: 3, certain: true }]],
    ["THE ARMY REPORTED 20 CLASHES IN OCT 89.", "1990-01-03", [{ text: "OCT 89", kind: "date", start: "1989-10-01", end: "1989-10-31", precision: 3, certain: true }]],
    ["The conflict has claimed 5,000 lives since 1996.", WED, [{ text: "1996", kind: "date", start: "1996-01-01", end: "1996-12-31", precision: 3, certain: true }]],
    ["Clashes on 3-4 March left 11 dead.", WED, [range("3-4 March", "2020-03-03", "2020-03-04", 2, true)]],
    ["On 12 January 1990 a bomb exploded in Lima.", WED, [day("12 January 1990", "1990-01-12", true)]],
    ["Elections were held on Jan. 25, 2013, amid tight security.", WED, [day("Jan. 25, 2013", "2013-01-25", true)]],
  ];
  it.each(cases)("%s", (sentence, published, expected) => check(sentence, published, expected));
});

describe("durations", () => {
  const cases: Case[] = [
    ["Foreign troops will withdraw within 14 months.", WED, [duration("within 14 months", "P14M")]],
    ["The deal takes effect in 11 days.", WED, [duration("in 11 days", "P11D")]],
    ["The parties agreed to a truce for three months.", WED, [duration("for three months", "P3M")]],
    ["Both sides declared a three-month ceasefire.", WED, [duration("three-month", "P3M")]],
    ["The militia announced a 72-hour truce.", WED, [duration("72-hour", "PT72H")]],
    ["The siege lasted for a week.", WED, [duration("for a week", "P1W")]],
  ];
  it.each(cases)("%s", (sentence, published, expected) => check(sentence, published, expected));
});

describe("the reference date", () => {
  it("prefers the publication date", () => {
    const r = run("KABUL, Afghanistan (Jan. 25, 2013)\nYesterday a patrol was hit.", WED);
    expect(r.reference).toBe(WED);
    expect(r.referenceFrom).toBe("published");
  });

  const datelines: [string, string, string][] = [
    ["SAN SALVADOR, 3 JAN 90 (RADIO VENCEREMOS) -- YESTERDAY THE FMLN ATTACKED.", "1990-01-03", "YESTERDAY"],
    ["KABUL, Afghanistan (Jan. 25, 2013)\nDuring an operation yesterday, a leader was detained.", "2013-01-25", "yesterday"],
    ["ISAF Joint Command Operational Update, Jan. 10, 2011\nYesterday a patrol found a cache.", "2011-01-10", "Yesterday"],
    ["LIMA, 12 MAR 89 (EFE) -- YESTERDAY A BOMB EXPLODED.", "1989-03-12", "YESTERDAY"],
    ["MANAGUA, 14 FEB 90 -- [TEXT] YESTERDAY THE CONTRAS ATTACKED.", "1990-02-14", "YESTERDAY"],
  ];
  it.each(datelines)("reads the dateline of %s", (text, reference, relative) => {
    const r = run(text);
    expect(r.reference).toBe(reference);
    expect(r.referenceFrom).toBe("dateline");
    const dl = r.mentions[0]!;
    expect(dl.by).toBe("dates/dateline");
    expect(dl.start).toBe(reference);
    const rel = r.mentions.find((m) => m.span.text === relative)!;
    expect(rel.start! < reference).toBe(true);
  });

  it("takes the dateline the text stage found", () => {
    const doc = makeDocument("MOSCOW -- The talks failed yesterday.", { id: "t" });
    const r = findDates(doc, { text: { sentences: [], dateline: { span: { start: 0, end: 6, text: "MOSCOW" }, by: "text", date: "1990-03-11" } } });
    expect(r.reference).toBe("1990-03-11");
    expect(r.mentions[0]!.start).toBe("1990-03-10");
  });

  it("leaves relative expressions unresolved when there is no reference", () => {
    const r = run("On Jan. 3, 2010, gunmen attacked a bus. Yesterday they fled on Friday. Since 1996, within 3 days, last night.");
    expect(r.reference).toBeUndefined();
    expect(r.referenceFrom).toBeUndefined();
    const byText = new Map(r.mentions.map((m) => [m.span.text, m]));
    expect(byText.get("Jan. 3, 2010")!.start).toBe("2010-01-03");
    expect(byText.get("1996")!.start).toBe("1996-01-01");
    expect(byText.get("within 3 days")!.duration).toBe("P3D");
    for (const t of ["Yesterday", "Friday", "last night"]) {
      expect(byText.get(t)).toBeDefined();
      expect(byText.get(t)!.start).toBeUndefined();
      expect(byText.get(t)!.end).toBeUndefined();
    }
  });

  it("does not take a first sentence for a dateline", () => {
    expect(run("On Jan. 3, 2010, gunmen attacked a bus.").reference).toBeUndefined();
  });
});

describe("negative cases", () => {
  const none: string[] = [
    "A 10-year-old boy was among the dead.",
    "Thousands joined a protest march in the capital.",
    "The rebels may attack again, officials fear.",
    "The next day the bodies were recovered.",
    "The following Sunday the residence was hit again.",
    "Police fired at 9 to disperse the crowd.",
    "He was born on 30 February, he claimed.",
    "Now the villagers are afraid.",
    "The Sun reported the raid.",
    "Two days later the army returned.",
    "Officials met at the last minute.",
  ];
  it.each(none)("%s", (sentence) => {
    expect(run(sentence, WED).mentions).toEqual([]);
  });

  it("never throws and never produces an impossible date", () => {
    const odd = ["", "\u0000\u0000", "31 February 2020", "On 29 February in a year of war.", "x".repeat(5000), "Friday ".repeat(300)];
    for (const text of odd) {
      const doc = makeDocument(text, { id: "t", published: "2021-03-01" });
      const out = datesStage.run(doc, {}, {} as never);
      for (const m of out.mentions) {
        expect(m.span.text).toBe(text.slice(m.span.start, m.span.end));
        for (const d of [m.start, m.end]) if (d) expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
      }
    }
  });

  it("resolves 29 February without a year only to a leap year", () => {
    expect(run("The massacre of 29 February is remembered.", "2020-03-10").mentions[0]!.start).toBe("2020-02-29");
    const later = run("The massacre of 29 February is remembered.", "2021-03-01").mentions;
    expect(later.every((m) => m.start === "2020-02-29")).toBe(true);
  });
});

describe("chrono configuration", () => {
  it("still has every parser we drop (a chrono upgrade that renames one fails here)", () => {
    const names = parserNames();
    for (const dropped of DROPPED_PARSERS) expect(names).toContain(dropped);
  });
});
