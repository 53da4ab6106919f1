import { describe, expect, it } from "vitest";
import { addMonths, dayOf, iso, mondayOf, parseIso, weekdayOf } from "./calendar.js";

describe("calendar", () => {
  it("rejects days that do not exist", () => {
    expect(dayOf(2021, 2, 29)).toBeUndefined();
    expect(dayOf(2020, 2, 29)).toBeDefined();
    expect(dayOf(2020, 4, 31)).toBeUndefined();
    expect(dayOf(2020, 13, 1)).toBeUndefined();
    expect(parseIso("2020-02-30")).toBeUndefined();
    expect(parseIso("not a date")).toBeUndefined();
  });

  it("round-trips and counts weekdays from Sunday = 0", () => {
    const d = parseIso("2020-03-04")!;
    expect(iso(d)).toBe("2020-03-04");
    expect(weekdayOf(d)).toBe(3);
    expect(iso(mondayOf(d))).toBe("2020-03-02");
    expect(iso(mondayOf(parseIso("2020-03-08")!))).toBe("2020-03-02");
  });

  it("keeps month arithmetic inside the target month", () => {
    expect(iso(addMonths(parseIso("2020-03-31")!, -1))).toBe("2020-02-29");
    expect(iso(addMonths(parseIso("2020-01-15")!, -14))).toBe("2018-11-15");
  });
});
