import { describe, expect, it } from "vitest";
import { compatible, dateWithin, judgeFields } from "./judge.js";
import { matchEvents } from "./match.js";
import type { GoldEvent, PredEvent } from "./types.js";

/** A gold event that determines nothing, with the given fields set. */
function gold(fields: Partial<GoldEvent> = {}): GoldEvent {
  return { type: null, subType: null, date: null, location: null, actors: [], fatalities: null, injuries: null, optional: false, ...fields };
}

const day = (d: string) => ({ start: d, end: d });
const AFG = (admin1: string | null, names: string[] = []) => ({ country: "Afghanistan", admin1, names });

describe("null in gold matches anything and is not scored", () => {
  it("an all-null gold event is compatible with any prediction and judges nothing", () => {
    const p: PredEvent = { type: "Battles", subType: "Armed clash", date: day("2011-05-02"), location: { name: "Herat", country: "Afghanistan", admin1: "Herat" } };
    expect(compatible(gold(), p)).toBe(true);
    expect(judgeFields(gold(), p)).toEqual({});
  });

  it("judges only the fields the gold gives", () => {
    const g = gold({ type: "Battles", fatalities: 4 });
    expect(judgeFields(g, { type: "Battles", fatalities: { best: 5 } })).toEqual({ type: true, fatalities: false });
  });

  it("a field the prediction leaves out never blocks a match, but is wrong when judged", () => {
    const g = gold({ date: day("2012-03-01"), location: AFG("Kunar") });
    const p: PredEvent = { type: "Battles" };
    expect(compatible(g, p)).toBe(true);
    expect(judgeFields(g, p)).toEqual({ country: false, admin1: false, date: false });
  });
});

describe("dates", () => {
  const g = gold({ date: { start: "2010-07-10", end: "2010-07-16" } });
  it.each([
    ["2010-07-12", "2010-07-12", true, true],
    ["2010-07-10", "2010-07-16", true, true],
    ["2010-07-15", "2010-07-18", true, false],
    ["2010-07-17", "2010-07-17", false, false],
    ["2010-07-01", "2010-07-09", false, false],
  ])("predicted %s..%s: overlaps %s, within %s", (start, end, overlaps, within) => {
    expect(compatible(g, { date: { start, end } })).toBe(overlaps);
    expect(judgeFields(g, { date: { start, end } }).date ?? false).toBe(within);
  });

  it("a gold range with no start means on or before its end", () => {
    const open = { start: null, end: "1989-11-20" };
    expect(dateWithin(open, day("1989-08-02"))).toBe(true);
    expect(dateWithin(open, day("1989-11-21"))).toBe(false);
  });

  it("a one-day gold date wants exactly that day", () => {
    expect(dateWithin(day("2013-02-04"), day("2013-02-04"))).toBe(true);
    expect(dateWithin(day("2013-02-04"), { start: "2013-02-03", end: "2013-02-04" })).toBe(false);
  });
});

describe("places", () => {
  it("admin1 spelling variants match and are right", () => {
    const g = gold({ location: AFG("Paktya", ["Paktya"]) });
    const p: PredEvent = { location: { name: "Gardez", admin1: "Paktia", country: "Afghanistan" } };
    expect(compatible(g, p)).toBe(true);
    expect(judgeFields(g, p)).toEqual({ country: true, admin1: true });
  });

  it("a different admin1 or country blocks the match", () => {
    const g = gold({ location: AFG("Kandahar") });
    expect(compatible(g, { location: { name: "Lashkar Gah", admin1: "Helmand", country: "Afghanistan" } })).toBe(false);
    expect(compatible(g, { location: { name: "Quetta", admin1: "Kandahar", country: "Pakistan" } })).toBe(false);
  });

  it("without gold admin1, one of the gold names must be among the predicted place's names", () => {
    const g = gold({ location: { country: "El Salvador", admin1: null, names: ["SAN MIGUEL", "CHAPELTIQUE"] } });
    expect(compatible(g, { location: { name: "Chapeltique", admin1: "San Miguel", country: "El Salvador" } })).toBe(true);
    expect(compatible(g, { location: { name: "Soyapango", admin1: "San Salvador", country: "El Salvador" } })).toBe(false);
  });

  it("a prediction located to the country only is not blocked by gold names", () => {
    const g = gold({ location: { country: "El Salvador", admin1: null, names: ["SAN MIGUEL"] } });
    expect(compatible(g, { location: { name: "El Salvador", country: "El Salvador" } })).toBe(true);
  });
});

describe("actors", () => {
  it("compares actor1 with predicted actor1/assoc1 and actor2 with actor2/assoc2, ignoring year ranges", () => {
    const g = gold({
      actors: [
        { role: "actor1", match: ["Military Forces of Afghanistan (2014-2021)", "Afghan soldiers"] },
        { role: "actor2", match: ["Taliban"] },
      ],
    });
    const p: PredEvent = {
      actors: [
        { role: "assoc1", name: "Military Forces of Afghanistan" },
        { role: "actor2", name: "Unidentified Armed Group (Afghanistan)", mention: { text: "Taliban militants" } },
      ],
    };
    expect(judgeFields(g, p)).toEqual({ actor1: true, actor2: true });
    const swapped: PredEvent = { actors: [{ role: "actor1", name: "Taliban" }, { role: "actor2", name: "Military Forces of Afghanistan" }] };
    expect(judgeFields(g, swapped)).toEqual({ actor1: false, actor2: false });
  });
});

describe("one-to-one greedy matching", () => {
  const kunar = gold({ type: "Battles", date: day("2011-09-01"), location: AFG("Kunar") });
  const nangarhar = gold({ type: "Explosions/Remote violence", subType: "Air/drone strike", date: day("2011-09-01"), location: AFG("Nangarhar") });

  it("each event is used once, best-agreeing pairs first", () => {
    const strike: PredEvent = { type: "Explosions/Remote violence", subType: "Air/drone strike", date: day("2011-09-01") };
    const clash: PredEvent = { type: "Battles", date: day("2011-09-01"), location: { name: "Asadabad", admin1: "Kunar", country: "Afghanistan" } };
    // Both predictions are compatible with the Nangarhar event (the strike has no place), but the
    // clash agrees best with Kunar and the strike with Nangarhar.
    const pairs = matchEvents([kunar, nangarhar], [strike, clash]);
    expect(pairs.map((p) => [p.gold, p.pred])).toEqual([[0, 1], [1, 0]]);
  });

  it("a second prediction of the same event stays unmatched", () => {
    const twice: PredEvent = { type: "Battles", date: day("2011-09-01"), location: { name: "Kunar", admin1: "Kunar", country: "Afghanistan" } };
    const pairs = matchEvents([kunar], [twice, twice]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]!.pred).toBe(0);
  });

  it("at equal agreement a required event is matched before an optional one", () => {
    const optional = gold({ optional: true });
    const required = gold();
    const pairs = matchEvents([optional, required], [{ type: "Battles" }]);
    expect(pairs.map((p) => p.gold)).toEqual([1]);
  });

  it("incompatible pairs never match, however few events there are", () => {
    expect(matchEvents([kunar], [{ type: "Battles", date: day("2011-09-05") }])).toEqual([]);
  });
});
