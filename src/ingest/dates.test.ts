import { describe, expect, it } from "vitest";
import { toIsoDay } from "./dates.js";

describe("toIsoDay", () => {
  it.each([
    ["2020-03-04", "2020-03-04"],
    ["2020-03-04T23:30:00+04:30", "2020-03-04"],
    ["2020-03-04 08:00:00", "2020-03-04"],
    ["20200304", "2020-03-04"],
    ["Wed, 04 Mar 2020 23:30:00 +0430", "2020-03-04"],
    ["Tue, 3 Mar 2020 22:10:00 GMT", "2020-03-03"],
    ["March 4, 2020", "2020-03-04"],
    ["4 March 2020", "2020-03-04"],
    ["Sept. 9, 2021", "2021-09-09"],
    ["1st June 2019", "2019-06-01"],
  ])("%s → %s", (input, expected) => {
    expect(toIsoDay(input)).toBe(expected);
  });

  it.each([["2020-02-30"], ["yesterday"], [""], ["Mayor 12, 2020"], ["31 April 2021"], ["0001-01-01"]])("%s → undefined", (input) => {
    expect(toIsoDay(input)).toBeUndefined();
  });
});
