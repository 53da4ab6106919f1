import { describe, expect, it } from "vitest";
import { actorWords, placeWords, sameActor, sameCountry, samePlace } from "./fold.js";

describe("place names", () => {
  it.each([
    ["Paktya", "Paktia"],
    ["Hilmand", "Helmand"],
    ["Wardak", "Maidan Wardak"],
    ["KUNAR PROVINCE", "Kunar"],
    ["Sar-e Pul", "Sari Pul"],
    ["Sar-e Pul", "SAR E PUL"],
    ["Usulután", "USULUTAN"],
    ["San Miguel Department", "SAN MIGUEL"],
    ["Khost", "Khowst"],
  ])("%s is the same place as %s", (a, b) => {
    expect(samePlace(a, b)).toBe(true);
    expect(samePlace(b, a)).toBe(true);
  });

  it.each([
    ["Kabul", "Kandahar"],
    ["Gao", "Goa"],
    ["Uruzgan", "Zabul"],
    ["San Miguel", "San Salvador"],
    ["Province", "District"],
    ["Helmand", "Kelmand"],
  ])("%s is not %s", (a, b) => {
    expect(samePlace(a, b)).toBe(false);
  });

  it("drops level words and punctuation", () => {
    expect(placeWords("Nangarhar Province,")).toEqual(["nangarhar"]);
    expect(placeWords("Khyber-Pakhtunkhwa")).toEqual(["khyber", "pakhtunkhwa"]);
  });
});

describe("countries", () => {
  it("folds case and a leading article", () => {
    expect(sameCountry("the Philippines", "PHILIPPINES")).toBe(true);
    expect(sameCountry("Sudan", "South Sudan")).toBe(false);
    expect(sameCountry("Niger", "Nigeria")).toBe(false);
  });
});

describe("actor names", () => {
  it("ignores ACLED year ranges", () => {
    expect(actorWords("Military Forces of Afghanistan (2014-2021)")).toEqual(["military", "forces", "of", "afghanistan"]);
    expect(actorWords("Police Forces of Kenya (2022-)")).toEqual(["police", "forces", "of", "kenya"]);
  });

  it.each([
    ["Military Forces of Afghanistan (2014-2021)", "Military Forces of Afghanistan"],
    ["Taliban", "Taliban fighters"],
    ["Civilians (El Salvador)", "CIVILIANS"],
    ["al-Qaeda", "AL QAEDA"],
    ["Haqqani Network", "Haqqani"],
  ])("%s names %s", (pred, gold) => {
    expect(sameActor(pred, gold)).toBe(true);
  });

  it.each([
    ["Civilians (El Salvador)", "PEASANTS"],
    ["Unidentified Armed Group (Colombia)", "UNIDENTIFIED INDIVIDUALS"],
    ["the", "the Taliban"],
    ["IS", "IS fighters"],
    ["Talibans", "Taliban"],
    ["Police Forces of Iraq", "Military Forces of Iraq"],
  ])("%s does not name %s", (pred, gold) => {
    expect(sameActor(pred, gold)).toBe(false);
  });
});
