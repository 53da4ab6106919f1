import { describe, expect, it } from "vitest";
import { loadGazetteer, type Place } from "./gazetteer.js";

const gaz = loadGazetteer();

const describePlace = (p: Place): string => `${p.kind}:${p.name}/${p.admin1 ?? ""}/${p.country.iso3}`;

describe("gazetteer: lookups", () => {
  const cases: [name: string, expected: string][] = [
    ["Kunduz", "city:Kunduz/Kunduz/AFG"],
    ["Kunduz", "admin1:Kunduz/Kunduz/AFG"],
    ["Kondoz", "city:Kunduz/Kunduz/AFG"],
    ["Qunduz", "admin1:Kunduz/Kunduz/AFG"],
    ["Helmand", "admin1:Helmand/Helmand/AFG"],
    ["Hilmand", "admin1:Helmand/Helmand/AFG"],
    ["Lashkar Gah", "city:Lashkar Gah/Helmand/AFG"],
    ["LASHKAR GAH", "city:Lashkar Gah/Helmand/AFG"],
    ["Deir ez-Zor", "city:Deir ez-Zor/Deir ez-Zor/SYR"],
    ["Deir ez Zor", "admin1:Deir ez-Zor/Deir ez-Zor/SYR"],
    ["Khyber Pakhtunkhwa", "admin1:Khyber Pakhtunkhwa/Khyber Pakhtunkhwa/PAK"],
    ["NWFP", "admin1:Khyber Pakhtunkhwa/Khyber Pakhtunkhwa/PAK"],
    ["Chechnya", "admin1:Chechnya/Chechnya/RUS"],
    ["Benghazi", "admin1:Benghazi/Benghazi/LBY"],
    ["Paktya", "admin1:Paktia/Paktia/AFG"],
    ["Uruzgan", "admin1:Uruzgan/Uruzgan/AFG"],
    ["San Salvador", "city:San Salvador/San Salvador/SLV"],
    ["San Miguel", "admin1:San Miguel/San Miguel/SLV"],
    ["Usulután", "admin1:Usulutan/Usulutan/SLV"],
    ["Andar", "admin2:Andar/Ghazni/AFG"],
  ];
  it.each(cases)("%s → %s", (name, expected) => {
    expect(gaz.lookup(name).map(describePlace)).toContain(expected);
  });

  it("knows nothing of a made-up name", () => {
    expect(gaz.lookup("Qwxzzy Gah")).toEqual([]);
  });

  it("gives a division a representative point and a town its population", () => {
    const helmand = gaz.lookup("Helmand").find((p) => p.kind === "admin1")!;
    expect(helmand.lat).toBeGreaterThan(29);
    expect(helmand.lat).toBeLessThan(33);
    const kabul = gaz.lookup("Kabul").find((p) => p.kind === "city")!;
    expect(kabul.featureCode).toBe("PPLC");
    expect(kabul.population).toBeGreaterThan(1000000);
    expect(gaz.admin1Of(kabul)?.name).toBe("Kabul");
  });
});

describe("gazetteer: countries", () => {
  const byName: [query: string, iso3: string, name: string][] = [
    ["Afghanistan", "AFG", "Afghanistan"],
    ["AFG", "AFG", "Afghanistan"],
    ["AF", "AFG", "Afghanistan"],
    ["Burma", "MMR", "Myanmar"],
    ["Ivory Coast", "CIV", "Ivory Coast"],
    ["U.S.", "USA", "United States"],
    ["USA", "USA", "United States"],
    ["UK", "GBR", "United Kingdom"],
    ["DRC", "COD", "Democratic Republic of Congo"],
    ["Russian Federation", "RUS", "Russia"],
    ["Syrian Arab Republic", "SYR", "Syria"],
    ["Republic of El Salvador", "SLV", "El Salvador"],
    ["Turkiye", "TUR", "Turkey"],
  ];
  it.each(byName)("%s → %s %s", (query, iso3, name) => {
    const c = gaz.country(query);
    expect(c?.iso3).toBe(iso3);
    expect(c?.name).toBe(name);
  });

  const demonyms: [word: string, iso3: string][] = [
    ["Afghan", "AFG"], ["Afghans", "AFG"], ["Syrian", "SYR"], ["U.S.", "USA"], ["American", "USA"], ["Americans", "USA"],
    ["Pakistani", "PAK"], ["Pakistanis", "PAK"], ["Israeli", "ISR"], ["French", "FRA"], ["Dutch", "NLD"], ["Salvadoran", "SLV"],
  ];
  it.each(demonyms)("demonym %s → %s", (word, iso3) => {
    expect(gaz.demonym(word)?.iso3).toBe(iso3);
  });

  it("finds a country by ISO3", () => {
    expect(gaz.countryByIso3("col")?.name).toBe("Colombia");
  });
});

describe("gazetteer: word classes", () => {
  it("marks place names that are common English words", () => {
    for (const w of ["police", "reform", "mission", "liberty", "union", "eagle", "reading"]) expect(gaz.isCommonWord(w), w).toBe(true);
    for (const w of ["kunduz", "helmand", "san salvador"]) expect(gaz.isCommonWord(w), w).toBe(false);
  });

  it("marks country codes that count only in capitals", () => {
    expect(gaz.isAcronym("car")).toBe(true);
    expect(gaz.isAcronym("drc")).toBe(true);
    expect(gaz.isAcronym("afghanistan")).toBe(false);
  });

  it("holds every country and a quarter of a million places", () => {
    expect(gaz.size).toBeGreaterThan(250000);
    expect(gaz.countryByIso3("SSD")?.name).toBe("South Sudan");
    expect(gaz.maxTokens).toBeGreaterThanOrEqual(5);
  });
});
