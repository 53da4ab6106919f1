import { describe, expect, it } from "vitest";
import { cleanText, contentHash, normaliseForHash } from "./normalise.js";

const REPORT = "Militants attacked a checkpoint in Baghlan on Sunday, killing two soldiers, the army said.";

describe("contentHash: one article, however it was typed", () => {
  it.each([
    ["CRLF and double spaces", "Militants attacked a checkpoint  in Baghlan on Sunday,\r\nkilling two soldiers, the army said."],
    ["leading and trailing blank lines", "\n\n  Militants attacked a checkpoint in Baghlan on Sunday, killing two soldiers, the army said.  \n"],
    ["a non-breaking space", "Militants attacked a checkpoint in\u00a0Baghlan on Sunday, killing two soldiers, the army said."],
  ])("same hash with %s", (_, variant) => {
    expect(contentHash(variant)).toBe(contentHash(REPORT));
  });

  it("typographic quotes and dashes fold to ASCII before hashing", () => {
    const curly = "\u201CWe were hit,\u201D a villager said \u2014 three homes burned.";
    const plain = '"We were hit," a villager said - three homes burned.';
    expect(contentHash(curly)).toBe(contentHash(plain));
  });

  it.each([
    ["another number", REPORT.replace("two", "three")],
    ["another place", REPORT.replace("Baghlan", "Takhar")],
    ["different case", REPORT.toUpperCase()],
  ])("different hash for %s", (_, other) => {
    expect(contentHash(other)).not.toBe(contentHash(REPORT));
  });

  it("is a 64-digit hex SHA-256", () => {
    expect(contentHash(REPORT)).toMatch(/^[0-9a-f]{64}$/);
    expect(normaliseForHash("  a \t b\n")).toBe("a b");
  });
});

describe("cleanText keeps offsets while removing what PostgreSQL refuses", () => {
  it.each([
    ["NUL", "TWO KILLED\u0000 IN BLAST", "TWO KILLED  IN BLAST"],
    ["a lone high surrogate", "bomb \uD83D here", "bomb \uFFFD here"],
    ["a lone low surrogate", "bomb \uDCA5 here", "bomb \uFFFD here"],
    ["a valid pair (kept)", "bomb \uD83D\uDCA5 here", "bomb \uD83D\uDCA5 here"],
  ])("%s", (_, input, expected) => {
    const out = cleanText(input);
    expect(out).toBe(expected);
    expect(out.length).toBe(input.length);
  });

  it("drops a leading byte order mark", () => {
    expect(cleanText("\uFEFFReport")).toBe("Report");
  });
});
