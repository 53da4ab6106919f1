import { describe, expect, it } from "vitest";
import { numberValue, scanNumbers } from "./number-words.js";

describe("numberValue", () => {
  const cases: [string, number | undefined][] = [
    ["49", 49],
    ["1,000", 1000],
    ["10,000", 10000],
    ["eight", 8],
    ["EIGHT", 8],
    ["thirty-two", 32],
    ["twenty one", 21],
    ["a dozen", 12],
    ["two dozen", 24],
    ["half a dozen", 6],
    ["one hundred and twenty", 120],
    ["fifteen hundred", 1500],
    ["a thousand", 1000],
    ["three million", 3000000],
    ["2.5 million", 2500000],
    ["a", 1],
    ["an", 1],
    ["ONE", 1],
    ["7.62", undefined],
    ["second", undefined],
    ["1st", undefined],
    ["hundred", undefined],
    ["two three", undefined],
    ["", undefined],
  ];
  it.each(cases)("%s → %s", (text, value) => expect(numberValue(text)).toBe(value));
});

describe("scanNumbers", () => {
  it("finds every number with exact offsets", () => {
    const text = "Between ten and fifteen men, 1,200 women and a dozen children; M16 and 3rd ignored.";
    const found = scanNumbers(text).map((t) => [text.slice(t.start, t.end), t.value]);
    expect(found).toEqual([
      ["ten", 10],
      ["fifteen", 15],
      ["1,200", 1200],
      ["a dozen", 12],
    ]);
  });

  it("splits a run of words that is not one number", () => {
    const text = "one two three";
    expect(scanNumbers(text).map((t) => text.slice(t.start, t.end))).toEqual(["one", "two", "three"]);
  });

  it("does not read a list of codes as one number", () => {
    expect(scanNumbers("1314,1198").length).toBe(0);
  });
});
