import { describe, expect, it } from "vitest";
import { addDocument, newScore } from "./metrics.js";
import { buildReport, formatReport } from "./report.js";
import type { GoldDoc, GoldEvent, PredEvent } from "./types.js";

function gold(fields: Partial<GoldEvent> = {}): GoldEvent {
  return { type: null, subType: null, date: null, location: null, actors: [], fatalities: null, injuries: null, optional: false, ...fields };
}

function doc(id: string, events: GoldEvent[], relevant = events.length > 0): GoldDoc {
  return { id, dataset: "test", text: "-", published: null, title: null, source: null, relevant, events, where: id };
}

const day = (d: string) => ({ start: d, end: d });
const bombing = gold({ type: "Explosions/Remote violence", date: day("1990-02-14"), fatalities: 3 });
const predBombing: PredEvent = { type: "Explosions/Remote violence", date: day("1990-02-14"), fatalities: { best: 3 } };

describe("dataset counts", () => {
  it("counts a predicted event in an irrelevant document as a false positive", () => {
    const s = newScore("t", "t.jsonl", "gold-lite");
    addDocument(s, doc("a", [], false), { events: [{ type: "Battles" }] });
    addDocument(s, doc("b", [], false), { events: [] });
    addDocument(s, doc("c", [], false), {});
    expect([s.irrelevantDocs, s.irrelevantWithEvents, s.predicted]).toEqual([3, 1, 1]);
    const r = buildReport({ datasets: [s], problems: [], seconds: 1, startupSeconds: 0, unusedPredictions: 0 }).datasets[0]!;
    expect(r.falsePositiveRate).toEqual({ value: 1 / 3, hit: 1, of: 3 });
    expect(r.precision).toEqual({ value: 0, hit: 0, of: 1 });
  });

  it("an optional event that matches is correct; one that does not is no miss", () => {
    const s = newScore("t", "t.jsonl", "gold-lite");
    const optionalKidnap = gold({ subType: "Abduction/forced disappearance", date: day("1990-03-01"), optional: true });
    const optionalThreat = gold({ date: day("1990-05-01"), optional: true });
    addDocument(s, doc("a", [bombing, optionalKidnap, optionalThreat]), {
      events: [predBombing, { subType: "Abduction/forced disappearance", date: day("1990-03-01") }],
    });
    expect([s.goldRequired, s.goldOptional, s.matchedRequired, s.matchedOptional]).toEqual([1, 2, 1, 1]);
    const r = buildReport({ datasets: [s], problems: [], seconds: 1, startupSeconds: 0, unusedPredictions: 0 }).datasets[0]!;
    expect(r.precision).toEqual({ value: 1, hit: 2, of: 2 });
    expect(r.recall).toEqual({ value: 1, hit: 1, of: 1 });
    expect(r.f1).toBe(1);
  });

  it("field accuracy counts only matched events whose gold gives the field", () => {
    const s = newScore("t", "t.jsonl", "gold-lite");
    addDocument(s, doc("a", [bombing]), { events: [{ ...predBombing, fatalities: { best: 4 } }] });
    addDocument(s, doc("b", [gold({ type: "Battles", date: day("1990-04-02") })]), { events: [] });
    expect(s.fields.type).toEqual({ hit: 1, of: 1 });
    expect(s.fields.fatalities).toEqual({ hit: 0, of: 1 });
    expect(s.fields.injuries).toEqual({ hit: 0, of: 0 });
    expect([s.matchedRequired, s.goldRequired]).toEqual([1, 2]);
  });

  it("prints every rate with its counts", () => {
    const s = newScore("muc-like", "muc.jsonl", "gold-lite");
    addDocument(s, doc("a", [bombing, gold({ date: day("1990-02-20") })]), { events: [predBombing, { type: "Battles", date: day("1990-01-01") }] });
    const text = formatReport(buildReport({ datasets: [s], problems: [], seconds: 2, startupSeconds: 0, unusedPredictions: 0 }));
    expect(text).toMatch(/precision\s+0\.50 \(1\/2\)/);
    expect(text).toMatch(/recall\s+0\.50 \(1\/2\)/);
    expect(text).toMatch(/fatalities\s+1\.00 \(1\/1\)/);
    expect(text).toMatch(/injuries\s+n\/a \(0\/0\)/);
    expect(text).toContain("0.5 docs/s");
  });
});

describe("CASE-style classification", () => {
  function labelled(id: string, subType: string | null): GoldDoc {
    const d = doc(id, subType ? [gold({ type: "x", subType })] : [], subType !== null);
    return { ...d, label: subType ?? "NATURAL_DISASTER" };
  }

  it("takes the sub-type of the most confident event; no event is right for a non-ACLED label", () => {
    const s = newScore("case", "case.jsonl", "gold-lite");
    addDocument(s, labelled("1", "Grenade"), {
      events: [
        { type: "Battles", subType: "Armed clash", confidence: 0.4 },
        { type: "Explosions/Remote violence", subType: "Grenade", confidence: 0.9 },
      ],
    });
    addDocument(s, labelled("2", "Peaceful protest"), { events: [{ subType: "Violent demonstration", confidence: 0.7 }] });
    addDocument(s, labelled("3", null), { events: [] });
    addDocument(s, labelled("4", null), { events: [{ subType: "Attack", confidence: 0.2 }] });
    expect(s.labelled).toEqual([
      { gold: "Grenade", pred: "Grenade" },
      { gold: "Peaceful protest", pred: "Violent demonstration" },
      { gold: "(no event)", pred: "(no event)" },
      { gold: "(no event)", pred: "Attack" },
    ]);
    const c = buildReport({ datasets: [s], problems: [], seconds: 1, startupSeconds: 0, unusedPredictions: 0 }).datasets[0]!.classification!;
    expect([c.all.correct, c.all.n]).toEqual([2, 4]);
    // Grenade F1 1 (support 1), Peaceful protest 0 (1), no event: P 1, R 0.5, F1 2/3 (support 2).
    expect(c.all.weightedF1).toBeCloseTo((1 + 0 + 2 * (2 / 3)) / 4, 6);
    expect([c.acledOnly.correct, c.acledOnly.n]).toEqual([1, 2]);
    expect(c.acledOnly.weightedF1).toBeCloseTo(0.5, 6);
  });
});
