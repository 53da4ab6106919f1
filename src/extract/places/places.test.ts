import { describe, expect, it } from "vitest";
import type { PlaceMention } from "../annotations.js";
import { makeDocument } from "../document.js";
import type { Resources } from "../resources.js";
import { loadGazetteer } from "./gazetteer.js";
import { findPlaces, placesStage } from "./places.js";

const gaz = loadGazetteer();

interface Expected {
  text: string;
  kind: PlaceMention["kind"];
  name?: string;
  iso3: string;
  admin1?: string;
  admin2?: string;
  precision: 1 | 2 | 3;
  /** The n-th occurrence of `text` in the sentence (default 0). */
  nth?: number;
}

type Case = [sentence: string, expected: Expected[]];

function run(text: string) {
  return findPlaces(makeDocument(text, { id: "t" }), { text: { sentences: [] } }, gaz);
}

function offset(text: string, needle: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  return at;
}

function check(sentence: string, expected: Expected[]): void {
  const { mentions } = run(sentence);
  for (const m of mentions) expect(m.span.text).toBe(sentence.slice(m.span.start, m.span.end));
  for (const e of expected) {
    const start = offset(sentence, e.text, e.nth);
    const hit = mentions.find((m) => m.span.start === start && m.span.text === e.text);
    expect(hit, `${e.text} in: ${sentence}\nfound: ${JSON.stringify(mentions.map((m) => [m.span.text, m.kind, m.name, m.iso3]))}`).toBeDefined();
    expect(hit!.kind).toBe(e.kind);
    expect(hit!.iso3).toBe(e.iso3);
    expect(hit!.precision).toBe(e.precision);
    if (e.name) expect(hit!.name).toBe(e.name);
    if (e.admin1) expect(hit!.admin1).toBe(e.admin1);
    if (e.admin2) expect(hit!.admin2).toBe(e.admin2);
  }
}

const city = (text: string, iso3: string, admin1: string, precision: 1 | 2 = 1, name?: string): Expected =>
  ({ text, kind: "city", iso3, admin1, precision, ...(name ? { name } : {}) });
const province = (text: string, iso3: string, name: string): Expected => ({ text, kind: "admin1", iso3, name, admin1: name, precision: 3 });
const country = (text: string, iso3: string, name?: string): Expected => ({ text, kind: "country", iso3, precision: 3, ...(name ? { name } : {}) });
const demonym = (text: string, iso3: string): Expected => ({ text, kind: "demonym", iso3, precision: 3 });

const MIXED_CASE: Case[] = [
  ["Taliban fighters attacked a checkpoint in Kunduz on Tuesday, killing four police officers.", [city("Kunduz", "AFG", "Kunduz")]],
  ["Insurgents ambushed a supply convoy in Kunduz province late on Monday.", [province("Kunduz", "AFG", "Kunduz")]],
  ["The Kunduz provincial police chief said six attackers were killed.", [province("Kunduz", "AFG", "Kunduz")]],
  ["A roadside bomb struck a patrol near Lashkar Gah, the capital of Helmand province.", [
    city("Lashkar Gah", "AFG", "Helmand", 2), province("Helmand", "AFG", "Helmand")]],
  ["Fighting continued across Helmand on Wednesday, officials said.", [province("Helmand", "AFG", "Helmand")]],
  ["Two soldiers were killed in the Andar district of Ghazni province.", [
    { text: "Andar", kind: "admin2", iso3: "AFG", admin1: "Ghazni", admin2: "Andar", precision: 2 }, province("Ghazni", "AFG", "Ghazni")]],
  ["Airstrikes hit rebel positions outside Deir ez-Zor on Sunday.", [city("Deir ez-Zor", "SYR", "Deir ez-Zor", 2)]],
  ["Clashes erupted in southern Afghanistan overnight.", [country("Afghanistan", "AFG")]],
  ["Afghan soldiers and U.S. forces searched the compound.", [demonym("Afghan", "AFG"), demonym("U.S.", "USA")]],
  ["The talks in the U.S. capital ended without a deal, the U.S. said.", [country("U.S.", "USA", "United States")]],
  ["The attack in Herat was the third this month.", [city("Herat", "AFG", "Herat")]],
  ["Gunmen opened fire on worshippers in Peshawar, Khyber Pakhtunkhwa, on Friday.", [
    city("Peshawar", "PAK", "Khyber Pakhtunkhwa"), province("Khyber Pakhtunkhwa", "PAK", "Khyber Pakhtunkhwa")]],
  ["A car bomb exploded in Grozny, the capital of Chechnya, on Sunday.", [city("Grozny", "RUS", "Chechnya"), province("Chechnya", "RUS", "Chechnya")]],
  ["Protesters set fire to the Italian consulate in Benghazi.", [city("Benghazi", "LBY", "Benghazi"), demonym("Italian", "ITA")]],
  ["Government troops retook Kondoz after a week of fighting.", [city("Kondoz", "AFG", "Kunduz", 1, "Kunduz")]],
  ["The army said the militants had fled to Hilmand.", [province("Hilmand", "AFG", "Helmand")]],
  ["Burma's military detained the protest leaders on Friday.", [country("Burma", "MMR", "Myanmar")]],
  ["Peacekeepers were sent to Ivory Coast and the DRC last year.", [country("Ivory Coast", "CIV"), country("DRC", "COD")]],
  ["Syrian government forces shelled Idlib province, activists said.", [demonym("Syrian", "SYR"), province("Idlib", "SYR", "Idlib")]],
  ["Pakistani and Israeli officials met American envoys.", [demonym("Pakistani", "PAK"), demonym("Israeli", "ISR"), demonym("American", "USA")]],
  ["Three civilians died in Mazar-i-Sharif, police said.", [city("Mazar-i-Sharif", "AFG", "Balkh")]],
  ["A suicide bomber struck a market in Pul-e Alam district, Logar province, on Monday.", [
    { text: "Pul-e Alam", kind: "admin2", iso3: "AFG", admin1: "Logar", precision: 2 }, province("Logar", "AFG", "Logar")]],
  ["Fighters loyal to the government entered Aleppo's eastern districts.", [city("Aleppo", "SYR", "Aleppo")]],
];

const ALL_CAPS: Case[] = [
  ["SAN SALVADOR, 3 JAN 90 -- GUERRILLAS ATTACKED A MILITARY POST IN SAN MIGUEL DEPARTMENT.", [
    city("SAN SALVADOR", "SLV", "San Salvador"), province("SAN MIGUEL", "SLV", "San Miguel")]],
  ["SAN SALVADOR, 5 FEB 90 -- THREE SOLDIERS WERE KILLED DURING CLASHES IN USULUTAN AND MORAZAN DEPARTMENTS.", [
    province("USULUTAN", "SLV", "Usulutan"), province("MORAZAN", "SLV", "Morazan")]],
  ["BOGOTA, 12 MAR 90 -- A BOMB EXPLODED NEAR A POLICE STATION IN MEDELLIN, ANTIOQUIA DEPARTMENT.", [
    city("BOGOTA", "COL", "Bogota"), city("MEDELLIN", "COL", "Antioquia"), province("ANTIOQUIA", "COL", "Antioquia")]],
  ["LIMA, 8 MAY 89 -- TERRORISTS DYNAMITED A BRIDGE NEAR HUANCAYO, THE CAPITAL OF JUNIN DEPARTMENT.", [
    city("HUANCAYO", "PER", "Junin", 2), province("JUNIN", "PER", "Junin")]],
  ["SAN SALVADOR, 9 APR 89 -- THE ARMY REPORTED CLASHES IN CHALATENANGO AND NEAR SUCHITOTO.", [
    { text: "CHALATENANGO", kind: "city", iso3: "SLV", precision: 1 }, city("SUCHITOTO", "SLV", "Cuscatlan", 2)]],
];

describe("places: mixed-case news", () => {
  it.each(MIXED_CASE)("%s", check);
});

describe("places: upper-case wire copy", () => {
  it.each(ALL_CAPS)("%s", check);
});

describe("places: ambiguity", () => {
  const cases: Case[] = [
    // The article's country decides between namesakes.
    ["Colombian troops clashed with rebels in Cordoba department on Monday.", [province("Cordoba", "COL", "Cordoba")]],
    ["Protests spread to Cordoba, Argentina's second city, on Friday.", [city("Cordoba", "ARG", "Cordoba"), country("Argentina", "ARG")]],
    ["Fighting broke out in Tripoli, in northern Lebanon, on Monday.", [city("Tripoli", "LBN", "North Lebanon")]],
    ["Libyan militias clashed in Tripoli overnight.", [city("Tripoli", "LBY", "Tripoli")]],
    ["SAN SALVADOR, 2 JUN 89 -- A BOMB EXPLODED IN SANTA ANA.", [city("SANTA ANA", "SLV", "Santa Ana")]],
    // A country's name is the country, its capital's name the capital.
    ["Guatemala rejected the report, officials in Guatemala City said.", [country("Guatemala", "GTM"), city("Guatemala City", "GTM", "Guatemala")]],
    // A town that gives its name to its province is the town; "province" makes it the province.
    ["Rockets landed in Ghazni, and clashes spread across Ghazni province.", [
      city("Ghazni", "AFG", "Ghazni"), { ...province("Ghazni", "AFG", "Ghazni"), nth: 1 }]],
    // A province over a village of the same name.
    ["Troops pushed into Paktika after the ambush.", [province("Paktika", "AFG", "Paktika")]],
  ];
  it.each(cases)("%s", check);
});

describe("places: main country", () => {
  it("weights the dateline", () => {
    const res = run("KABUL, Afghanistan (Jan. 25, 2013) -- A Pakistani envoy met officials after clashes in Ghazni province.");
    expect(res.country).toEqual({ name: "Afghanistan", iso3: "AFG" });
  });

  it("takes the most mentioned country", () => {
    const res = run("Syrian forces shelled Idlib. Turkey condemned the strikes in Syria. Damascus denied it.");
    expect(res.country?.iso3).toBe("SYR");
  });

  it("gives coordinates and population for a town", () => {
    const [m] = run("Rockets hit Kandahar on Monday.").mentions;
    expect(m?.lat).toBeCloseTo(31.6, 0);
    expect(m?.lon).toBeCloseTo(65.7, 0);
    expect(m?.population).toBeGreaterThan(100000);
    expect(m?.by).toBe("places/known-name");
  });
});

describe("places: stage", () => {
  it("runs through the stage interface with the text stage's sentences", () => {
    const text = "KABUL - Two policemen were killed in Logar province. The Taliban denied it.";
    const doc = makeDocument(text, { id: "s" });
    const sentences = [
      { index: 0, span: { start: 0, end: 53, text: text.slice(0, 53) }, by: "text/test" },
      { index: 1, span: { start: 53, end: text.length, text: text.slice(53) }, by: "text/test" },
    ];
    // The places stage reads only the gazetteer of the resources.
    const resources = { gazetteer: gaz } as unknown as Resources;
    const out = placesStage.run(doc, { text: { sentences } }, resources);
    expect(out.mentions.map((m) => m.span.text)).toEqual(["KABUL", "Logar"]);
    expect(out.country?.iso3).toBe("AFG");
  });
});
