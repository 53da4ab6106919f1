import { describe, expect, it } from "vitest";
import { makeDocument } from "../document.js";
import { compilePhrase, lowerOf, matchPhrases, phraseSource, requiredLiterals, sentenceAt, topLevelAlternatives } from "./scan.js";

describe("scan: phrase syntax", () => {
  it.each([
    ["air strike", "air\\s+strike"],
    ["land ?mines?", "land\\s*mines?"],
    ["air[- ]?strikes?", "air[- ]?strikes?"],
    ["{w} attack", "(?:rebels|gunmen)\\s+attack"],
  ])("%s -> %s", (phrase, source) => {
    expect(phraseSource(phrase, { w: ["rebels", "gunmen"] })).toBe(source);
  });

  it("splits top-level alternatives only", () => {
    expect(topLevelAlternatives("a(?:b|c)|d[|]e|f")).toEqual(["a(?:b|c)", "d[|]e", "f"]);
  });

  it.each([
    ["roadside bombs?|ieds?", ["roadside", "ied"]],
    ["(?:car|truck) bombs?", ["bomb"]],
    ["(?:fired|launched) (?:\\S+ )?rockets", ["rockets"]],
    ["x?|ab", undefined],
  ])("literals of %s", (source, literals) => {
    expect(requiredLiterals(phraseSource(source, {}))).toEqual(literals);
  });
});

describe("scan: matching", () => {
  it("keeps the leftmost, then longest, phrase", () => {
    const phrases = ["car bomb", "suicide car bomb", "bomb attack"].map((p) => ({ ...compilePhrase(phraseSource(p, {})), p }));
    const doc = makeDocument("A SUICIDE CAR BOMB ATTACK.", { id: "m" });
    expect(matchPhrases(lowerOf(doc), phrases).map((h) => [h.entry.p, h.start, h.end])).toEqual([["suicide car bomb", 2, 18]]);
  });

  it("finds the sentence of an offset", () => {
    const ss = [{ index: 0, start: 0, end: 10 }, { index: 1, start: 11, end: 20 }];
    expect(sentenceAt(ss, 5)?.index).toBe(0);
    expect(sentenceAt(ss, 15)?.index).toBe(1);
    expect(sentenceAt([], 3)).toBeUndefined();
  });

  it("lower-cases without moving offsets", () => {
    const doc = makeDocument("\u0130STANBUL BLAST", { id: "l" });
    expect(lowerOf(doc).length).toBe(doc.text.length);
  });
});
