import { describe, expect, it } from "vitest";
import { parseGoldLiteLine } from "./gold-lite.js";

const line = (gold: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: "demo/7", dataset: "demo", text: "MOGADISHU, 3 MAR 09 -- GUNMEN SHOT A TRADER.", published: "2009-03-03", gold, ...extra });

describe("gold-lite lines", () => {
  it("reads an event, keeping nulls as nulls and dropping actors without a role", () => {
    const doc = parseGoldLiteLine(
      line({
        relevant: true,
        events: [
          {
            type: "Violence against civilians", subType: null,
            date: { start: null, end: "2009-03-02" },
            location: { country: "Somalia", admin1: null, names: ["MOGADISHU"] },
            actors: [{ role: "actor1", match: ["GUNMEN"] }, { match: ["TRADER"] }],
            fatalities: { best: 1, byCategory: { civilians: 1 } }, injuries: null, optional: false,
          },
        ],
        labels: { events: [{}] },
      }),
      "demo.jsonl:1",
    );
    expect("problem" in doc).toBe(false);
    if ("problem" in doc) return;
    expect(doc.events[0]).toEqual({
      type: "Violence against civilians", subType: null,
      date: { start: null, end: "2009-03-02" },
      location: { country: "Somalia", admin1: null, names: ["MOGADISHU"] },
      actors: [{ role: "actor1", match: ["GUNMEN"] }],
      fatalities: 1, injuries: null, optional: false,
    });
  });

  it("keeps a CASE label for classification", () => {
    const doc = parseGoldLiteLine(line({ relevant: false, events: [], labels: { case_label: "DIPLO" } }), "x:1");
    expect("problem" in doc ? undefined : doc.label).toBe("DIPLO");
  });

  it.each([
    ["not json at all", /^demo\.jsonl:4: invalid JSON/],
    [line({ relevant: true, events: [] }, { published: "2009-02-30" }), /^demo\.jsonl:4: not a gold-lite document: published: expected a real date/],
    [line({ relevant: "yes", events: [] }), /^demo\.jsonl:4: not a gold-lite document: gold\.relevant: /],
    [line({ relevant: true, events: [{ fatalities: { best: "two" } }] }), /gold\.events\.0\.fatalities\.best/],
    [JSON.stringify({ id: "demo/8", text: "", gold: { relevant: false, events: [] } }), /text: /],
  ])("names the file, line and field of a malformed line (%#)", (text, message) => {
    const doc = parseGoldLiteLine(text, "demo.jsonl:4");
    expect("problem" in doc ? doc.problem : "").toMatch(message);
  });
});
