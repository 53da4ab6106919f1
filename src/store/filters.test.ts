import { describe, expect, it } from "vitest";
import { parseEventFilter } from "./filters.js";

describe("parseEventFilter", () => {
  it("turns options into a filter, spelling types as ACLED does", () => {
    expect(
      parseEventFilter({ country: "AFG", from: "2020-03-01", to: "2020-03-31", type: "explosions/remote violence", "sub-type": "air/drone strike", actor: "Taliban", bbox: "60, 29, 75, 39", limit: "10", "include-rejected": true }),
    ).toEqual({ country: "AFG", from: "2020-03-01", to: "2020-03-31", type: "Explosions/Remote violence", subType: "Air/drone strike", actor: "Taliban", bbox: [60, 29, 75, 39], limit: 10, includeRejected: true });
  });

  it.each([
    [{ from: "2020-02-30" }, /--from "2020-02-30": not a real date/],
    [{ to: "03/04/2020" }, /--to "03\/04\/2020": not a real date/],
    [{ from: "2020-04-01", to: "2020-03-01" }, /--from 2020-04-01 is after --to 2020-03-01/],
    [{ type: "Fights" }, /--type "Fights": not an ACLED event type/],
    [{ type: "Battles", "sub-type": "Grenade" }, /--sub-type "Grenade": not an ACLED sub-event type of Battles/],
    [{ bbox: "75,29,60,39" }, /--bbox "75,29,60,39": expected minLon,minLat,maxLon,maxLat/],
    [{ bbox: "a,b,c,d" }, /--bbox/],
    [{ limit: "0" }, /--limit "0": expected a positive whole number/],
  ])("refuses %j", (args, message) => {
    expect(() => parseEventFilter(args)).toThrow(message);
  });
});
