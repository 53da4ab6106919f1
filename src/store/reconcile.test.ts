import { describe, expect, it } from "vitest";
import type { ConflictEvent } from "../contract.js";
import { reconcile, type ReviewedEvent } from "./reconcile.js";
import { compareVersions } from "./version.js";

const SENTENCE = { start: 0, end: 90, text: "x".repeat(90) };
const OTHER = { start: 100, end: 160, text: "y".repeat(60) };

function ev(id: string, place: string, best: number, evidence = [SENTENCE], type: ConflictEvent["type"] = "Explosions/Remote violence"): ConflictEvent {
  return {
    id,
    type,
    subType: type === "Battles" ? "Armed clash" : "Air/drone strike",
    date: { start: "2021-05-01", end: "2021-05-01", precision: 1 },
    actors: [{ role: "actor1", name: "Military Forces of Afghanistan", inter: 1 }],
    location: { name: place, country: "Afghanistan", iso3: "AFG", precision: 1 },
    fatalities: { low: best, best, high: null, byCategory: {} },
    injuries: null,
    weapons: [],
    sources: [],
    evidence,
    confidence: 0.5,
  };
}

const reviewed = (id: number, status: ReviewedEvent["status"], original: ConflictEvent, current = original): ReviewedEvent => ({ id, status, original, current });

describe("reconcile", () => {
  it("one sentence, strikes in two provinces: each new event meets its own reviewed event, by place", () => {
    const r = reconcile([ev("n1", "Kunduz", 3), ev("n2", "Helmand", 4)], [reviewed(11, "confirmed", ev("a", "Helmand", 4)), reviewed(12, "confirmed", ev("b", "Kunduz", 3))], "2.0");
    expect(r.keep).toEqual([]);
    expect(r.disagreements).toEqual([]);
  });

  it("a pipeline that now agrees with a correction records no conflict", () => {
    const original = ev("a", "Kunduz", 3);
    const corrected = { ...original, fatalities: { low: 5, best: 5, high: null, byCategory: {} } };
    expect(reconcile([ev("n1", "Kunduz", 5)], [reviewed(11, "corrected", original, corrected)], "2.0").disagreements).toEqual([]);
  });

  it("a pipeline that disagrees with a correction records which fields differ", () => {
    const original = ev("a", "Kunduz", 3);
    const corrected = { ...original, fatalities: { low: 5, best: 5, high: null, byCategory: {} } };
    const r = reconcile([ev("n1", "Kunduz", 3)], [reviewed(11, "corrected", original, corrected)], "2.0");
    expect(r.disagreements).toEqual([{ eventId: 11, machine: ev("n1", "Kunduz", 3), note: "pipeline 2.0 differs from the review on fatalities; the review is kept" }]);
  });

  it("a rejected event stays rejected: its new machine version is dropped, silently", () => {
    const r = reconcile([ev("n1", "Kunduz", 3)], [reviewed(11, "rejected", ev("a", "Kunduz", 9))], "2.0");
    expect(r).toEqual({ keep: [], disagreements: [] });
  });

  it("events on other evidence or of another type are new events", () => {
    const fresh = [ev("n1", "Kunduz", 3, [OTHER]), ev("n2", "Kunduz", 3, [SENTENCE], "Battles")];
    const r = reconcile(fresh, [reviewed(11, "confirmed", ev("a", "Kunduz", 3))], "2.0");
    expect(r.keep.map((e) => e.id)).toEqual(["n1", "n2"]);
    expect(r.disagreements.map((d) => d.note)).toEqual(["pipeline 2.0 no longer finds this event; the review is kept"]);
  });
});

describe("compareVersions", () => {
  it.each([
    ["0.10.0", "0.9.2", 1],
    ["1.0.0", "1.0.0", 0],
    ["1.0", "1.0.0", 0],
    ["v2.0.0", "1.9.9", 1],
    ["1.2.3", "1.2.10", -1],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });
});
