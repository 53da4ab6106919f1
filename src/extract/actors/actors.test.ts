import { describe, expect, it } from "vitest";
import type { ActorMention, PlaceAnnotations, PlaceMention } from "../annotations.js";
import { makeDocument } from "../document.js";
import type { Found } from "../stage.js";
import { textStage } from "../text/sentences.js";
import { actorsStage, findActors } from "./actors.js";
import { loadActorDictionary } from "./dictionary.js";

const dict = loadActorDictionary();
const here = "[actors] ";

/** The stage on a text whose places stage found `iso3` as the main country (and `mentions`). */
function actorsOf(text: string, iso3?: string, mentions: PlaceMention[] = []): ActorMention[] {
  const doc = makeDocument(text, { id: "t" });
  const places: PlaceAnnotations = iso3 ? { mentions, country: { name: iso3, iso3 } } : { mentions };
  const found: Found = { text: textStage.run(doc, {}, {} as never), places };
  const out = findActors(doc, found, dict);
  for (const m of out) expect(m.span.text, here + "span text").toBe(text.slice(m.span.start, m.span.end));
  return out;
}

function place(text: string, name: string, kind: PlaceMention["kind"], iso3: string): PlaceMention {
  const start = text.indexOf(name);
  return { span: { start, end: start + name.length, text: name }, by: "test", name, kind, country: iso3, iso3, precision: 1 };
}

type Row = [text: string, country: string | undefined, expected: [span: string, name: string, inter: number][]];

function check(rows: Row[]): void {
  for (const [text, country, expected] of rows) {
    it(text, () => {
      const got = actorsOf(text, country);
      const dump = JSON.stringify(got.map((m) => [m.span.text, m.name, m.inter, m.by]));
      expect(got.map((m) => [m.span.text, m.name, m.inter]), here + dump).toEqual(expected);
      let from = 0;
      for (const m of got) {
        // Offsets: each span is the next occurrence of its text.
        const at = text.indexOf(m.span.text, from);
        expect(m.span.start, here + m.span.text).toBe(at);
        from = m.span.end;
      }
    });
  }
}

describe("country forces", () => {
  check([
    ["Afghan security forces repelled the assault.", "AFG", [["Afghan security forces", "Military Forces of Afghanistan", 1]]],
    ["U.S. forces carried out the raid, officials said.", "AFG", [["U.S. forces", "Military Forces of the United States", 8]]],
    ["American troops and Afghan commandos cleared the village.", "AFG", [
      ["American troops", "Military Forces of the United States", 8],
      ["Afghan commandos", "Military Forces of Afghanistan", 1],
    ]],
    ["Pakistan's army said it had killed the commander.", "PAK", [["Pakistan's army", "Military Forces of Pakistan", 1]]],
    ["The Iraqi police and the Syrian army both claimed the town.", "IRQ", [
      ["The Iraqi police", "Police Forces of Iraq", 1],
      ["the Syrian army", "Military Forces of Syria", 8],
    ]],
    ["Afghan and coalition forces killed the cell leader.", "AFG", [
      ["Afghan", "Military Forces of Afghanistan", 1],
      ["coalition forces", "Coalition Forces", 8],
    ]],
    ["Israeli jets struck a building in Gaza City.", "PSE", [["Israeli jets", "Military Forces of Israel", 8]]],
    ["Myanmar military units shelled the township.", "MMR", [["Myanmar military units", "Military Forces of Myanmar", 1]]],
  ]);
});

describe("bare force words take the article's country", () => {
  check([
    ["Soldiers returned fire and police sealed off the area.", "AFG", [
      ["Soldiers", "Military Forces of Afghanistan", 1],
      ["police", "Police Forces of Afghanistan", 1],
    ]],
    ["The military said security forces killed six.", "MMR", [
      ["The military", "Military Forces of Myanmar", 1],
      ["security forces", "Military Forces of Myanmar", 1],
    ]],
    ["Two policemen and a police officer were wounded at the garrison.", "PAK", [
      ["policemen", "Police Forces of Pakistan", 1],
      ["police officer", "Police Forces of Pakistan", 1],
      ["the garrison", "Military Forces of Pakistan", 1],
    ]],
    ["Army officers and riot police moved in.", "KEN", [
      ["Army officers", "Military Forces of Kenya", 1],
      ["riot police", "Police Forces of Kenya", 1],
    ]],
    ["Government troops retook the town.", "SDN", [["Government troops", "Military Forces of Sudan", 1]]],
  ]);
});

describe("named groups", () => {
  check([
    ["Taliban fighters attacked a checkpoint overnight.", "AFG", [["Taliban fighters", "Taliban", 2]]],
    ["A spokesman for the Taliban denied it.", "AFG", [["the Taliban", "Taliban", 2]]],
    ["The Taliban's leadership met in Doha.", "AFG", [["The Taliban", "Taliban", 2]]],
    ["Maoist rebels announced a ceasefire.", "NPL", [["Maoist rebels", "Communist Party of Nepal (Maoist)", 2]]],
    ["Maoist rebels blew up a rail line in Jharkhand.", "IND", [["Maoist rebels", "CPI (Maoist): Communist Party of India (Maoist)", 2]]],
    ["al-Shabaab militants stormed the hotel.", "SOM", [["al-Shabaab militants", "al-Shabaab", 2]]],
    ["Islamic State claimed the bombing.", "AFG", [["Islamic State", "Islamic State (Afghanistan)", 2]]],
    ["Islamic State claimed the bombing.", "FRA", [["Islamic State", "Islamic State", 2]]],
    ["The Houthis fired a missile; Houthi fighters advanced on Marib.", "YEM", [
      ["The Houthis", "Ansar Allah", 2],
      ["Houthi fighters", "Ansar Allah", 2],
    ]],
    ["The Tehrik-i-Taliban Pakistan (TTP) claimed responsibility.", "PAK", [["The Tehrik-i-Taliban Pakistan (TTP)", "TTP: Tehreek-i-Taliban Pakistan", 2]]],
    ["Pakistani Taliban gunmen opened fire.", "PAK", [["Pakistani Taliban gunmen", "TTP: Tehreek-i-Taliban Pakistan", 2]]],
    ["The Liberation Tigers of Tamil Eelam denied involvement, and the Tigers said so again.", "LKA", [
      ["The Liberation Tigers of Tamil Eelam", "LTTE: Liberation Tigers of Tamil Eelam", 2],
      ["the Tigers", "LTTE: Liberation Tigers of Tamil Eelam", 2],
    ]],
    ["Wagner mercenaries and Malian soldiers entered the village.", "MLI", [
      ["Wagner mercenaries", "Wagner Group", 8],
      ["Malian soldiers", "Military Forces of Mali", 1],
    ]],
    ["The RSF and the SAF fought in Khartoum.", "SDN", [
      ["The RSF", "RSF: Rapid Support Forces", 2],
      ["the SAF", "Military Forces of Sudan", 1],
    ]],
    ["FARC dissidents and ELN guerrillas clashed.", "COL", [
      ["FARC dissidents", "FARC Dissidents", 2],
      ["ELN guerrillas", "ELN: National Liberation Army", 2],
    ]],
    ["UN peacekeepers and NATO troops patrolled.", "COD", [
      ["UN peacekeepers", "UN: United Nations", 8],
      ["NATO troops", "NATO: North Atlantic Treaty Organization", 8],
    ]],
    ["The Communist Party of Nepal (Maoist) said it would talk.", "NPL", [["The Communist Party of Nepal (Maoist)", "Communist Party of Nepal (Maoist)", 2]]],
  ]);
});

describe("upper-case wire copy", () => {
  check([
    ["PEASANTS WERE KIDNAPPED BY TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL.", "SLV", [
      ["PEASANTS", "Civilians (El Salvador)", 7],
      ["TERRORISTS", "FMLN: Farabundo Marti National Liberation Front", 2],
      ["THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN]", "FMLN: Farabundo Marti National Liberation Front", 2],
    ]],
    ["THE SALVADORAN ARMY SAID US TROOPS WERE NOT THERE. IT IS NOT CLEAR.", "SLV", [
      ["THE SALVADORAN ARMY", "Military Forces of El Salvador", 1],
      ["US TROOPS", "Military Forces of the United States", 8],
    ]],
    ["SHINING PATH MEMBERS DYNAMITED A BRIDGE, THE MRTA SAID.", "PER", [
      ["SHINING PATH MEMBERS", "Shining Path", 2],
      ["THE MRTA", "MRTA: Tupac Amaru Revolutionary Movement", 2],
    ]],
  ]);
});

describe("governments", () => {
  check([
    ["The United States conducted an airstrike on Wednesday.", "AFG", [["The United States", "Government of the United States", 8]]],
    ["Libya suspended flights to Italy.", "LBY", [["Libya", "Government of Libya", 1]]],
    ["In a statement, India welcomed the truce.", "NPL", [["India", "Government of India", 8]]],
    ["Pakistani officials said the government would respond.", "PAK", [
      ["Pakistani officials", "Government of Pakistan", 1],
      ["the government", "Government of Pakistan", 1],
    ]],
    ["Burma's government blamed the monks.", "MMR", [
      ["Burma's government", "Government of Myanmar", 1],
      ["the monks", "Civilians (Myanmar)", 7],
    ]],
  ]);
});

describe("civilians, protesters, rioters, unidentified attackers", () => {
  check([
    ["Unknown gunmen killed three villagers and a teacher.", "PAK", [
      ["Unknown gunmen", "Unidentified Armed Group (Pakistan)", 3],
      ["villagers", "Civilians (Pakistan)", 7],
      ["teacher", "Civilians (Pakistan)", 7],
    ]],
    ["A suicide bomber struck worshippers at the mosque.", "PAK", [
      ["suicide bomber", "Unidentified Armed Group (Pakistan)", 3],
      ["worshippers", "Civilians (Pakistan)", 7],
    ]],
    ["Armed men abducted two journalists and a driver.", "NGA", [
      ["Armed men", "Unidentified Armed Group (Nigeria)", 3],
      ["journalists", "Civilians (Nigeria)", 7],
      ["driver", "Civilians (Nigeria)", 7],
    ]],
    ["Police fired tear gas at protesters and students marching to the square.", "MMR", [
      ["Police", "Police Forces of Myanmar", 1],
      ["protesters", "Protesters (Myanmar)", 6],
      ["students", "Protesters (Myanmar)", 6],
    ]],
    ["Rioters torched the consulate as a mob gathered.", "LBY", [
      ["Rioters", "Rioters (Libya)", 5],
      ["a mob".slice(2), "Rioters (Libya)", 5],
    ]],
    ["Insurgents ambushed a convoy.", "SOM", [["Insurgents", "Unidentified Armed Group (Somalia)", 3]]],
    ["Syrian civilians fled as rebels advanced.", "SYR", [
      ["Syrian civilians", "Civilians (Syria)", 7],
      ["rebels", "Unidentified Armed Group (Syria)", 3],
    ]],
  ]);

  it("fighters of no named group take the group the article names most", () => {
    const got = actorsOf("Insurgents attacked a post. Later the Taliban claimed it, and Taliban fighters withdrew.", "AFG");
    expect(got[0]).toMatchObject({ name: "Taliban", inter: 2, category: "militants", by: "actors/militant/group" });
  });

  it("'armed insurgents' are the article's group; 'unknown insurgents' are not", () => {
    const got = actorsOf("Haqqani network fighters fled. Armed insurgents fired; unknown insurgents fled.", "AFG");
    expect(got.map((m) => [m.span.text, m.name])).toEqual([
      ["Haqqani network fighters", "Haqqani Network"],
      ["Armed insurgents", "Haqqani Network"],
      ["unknown insurgents", "Unidentified Armed Group (Afghanistan)"],
    ]);
  });

  it("a short acronym of another country's group needs the group named in full", () => {
    expect(actorsOf("The report (PDF) says coalition security forces detained two insurgents.", "AFG").map((m) => [m.span.text, m.name])).toEqual([
      ["coalition security forces", "Coalition Forces"],
      ["insurgents", "Unidentified Armed Group (Afghanistan)"],
    ]);
    expect(actorsOf("The People's Defense Force (PDF) said PDF fighters took the town.", "THA").map((m) => m.name)).toEqual([
      "PDF: People's Defense Force",
      "PDF: People's Defense Force",
    ]);
  });

  it("casualty categories follow the kind", () => {
    const got = actorsOf("Soldiers, villagers and militants were killed.", "AFG");
    expect(got.map((m) => m.category)).toEqual(["security", "civilians", "militants"]);
  });
});

describe("places from the places stage", () => {
  it("a province before police gives that country's police", () => {
    const text = "Helmand police said the convoy was hit.";
    const got = actorsOf(text, "PAK", [place(text, "Helmand", "admin1", "AFG")]);
    expect(got.map((m) => [m.span.text, m.name, m.inter])).toEqual([["Helmand police", "Police Forces of Afghanistan", 8]]);
  });

  it("without a main country, the country the phrases name most is used", () => {
    const got = actorsOf("Afghan soldiers and Afghan police were attacked; troops returned fire.");
    expect(got.map((m) => m.name)).toEqual(["Military Forces of Afghanistan", "Police Forces of Afghanistan", "Military Forces of Afghanistan"]);
  });

  it("with no country at all, names carry no country", () => {
    const got = actorsOf("Troops fired on gunmen.");
    expect(got.map((m) => [m.name, m.inter, m.iso3])).toEqual([["Military Forces", 1, undefined], ["Unidentified Armed Group", 3, undefined]]);
  });
});

describe("negatives", () => {
  const none: [string, string][] = [
    ["Market forces and the forces of nature shaped the deal.", "USA"],
    ["The two parties joined forces before the vote.", "USA"],
    ["Civilian casualties rose; rebel-held towns were shelled.", "SYR"],
    ["The company forces the staff to work late.", "GBR"],
    ["He visited Pakistan and India last year.", "PAK"],
    ["Afghanistan is a landlocked country.", "AFG"],
    ["Tigers are endangered in the wild.", "IND"],
    ["The officer was promoted.", "USA"],
    ["Is it true? It is.", "IRQ"],
    ["The Kosovo Liberation Army was disbanded.", "SRB"],
  ];
  for (const [text, iso3] of none) {
    it(text, () => {
      const got = actorsOf(text, iso3).filter((m) => m.kind === "state" || m.kind === "external" || m.kind === "government" || m.kind === "civilians" || m.kind === "rebel");
      expect(got.map((m) => [m.span.text, m.name])).toEqual([]);
    });
  }

  it("never throws on odd text", () => {
    const doc = makeDocument("\u0000\u0000 ''' [[[ ((( --- ", { id: "odd" });
    expect(() => actorsStage.run(doc, {}, { actors: dict } as never)).not.toThrow();
    expect(actorsStage.run(makeDocument("", { id: "e" }), { text: { sentences: [] }, places: { mentions: [] } }, { actors: dict } as never)).toEqual([]);
  });

  it("is fast: 200 articles' worth of sentences in well under a second", () => {
    const text = "Afghan security forces killed 12 Taliban fighters in Kunduz, officials said. ".repeat(40);
    const doc = makeDocument(text, { id: "p" });
    const found: Found = { text: textStage.run(doc, {}, {} as never), places: { mentions: [], country: { name: "Afghanistan", iso3: "AFG" } } };
    const t0 = performance.now();
    for (let k = 0; k < 200; k++) findActors(doc, found, dict);
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});
