import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TruceError } from "../../errors.js";
import { makeDocument } from "../document.js";
import { textStage } from "../text/sentences.js";
import { findActors } from "./actors.js";
import { countryActor, loadActorDictionary } from "./dictionary.js";

const dir = mkdtempSync(join(tmpdir(), "truce-actors-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function names(text: string, iso3: string, dictFile?: string): string[] {
  const doc = makeDocument(text, { id: "d" });
  const found = { text: textStage.run(doc, {}, {} as never), places: { mentions: [], country: { name: iso3, iso3 } } };
  return findActors(doc, found, loadActorDictionary(dictFile)).map((m) => `${m.span.text} = ${m.name} (${m.inter})`);
}

describe("the shipped dictionary", () => {
  const dict = loadActorDictionary();

  it("has every country's actors", () => {
    expect(dict.countries.length).toBeGreaterThan(240);
    expect(countryActor(dict, "AFG", "military")).toEqual({ name: "Military Forces of Afghanistan", inter: 1 });
    expect(countryActor(dict, "PAK", "police")).toEqual({ name: "Police Forces of Pakistan", inter: 1 });
    expect(countryActor(dict, "SYR", "civilians")).toEqual({ name: "Civilians (Syria)", inter: 7 });
    expect(countryActor(dict, "COL", "unidentified")).toEqual({ name: "Unidentified Armed Group (Colombia)", inter: 3 });
    expect(countryActor(dict, "MMR", "protesters")).toEqual({ name: "Protesters (Myanmar)", inter: 6 });
    expect(countryActor(dict, "LBY", "rioters")).toEqual({ name: "Rioters (Libya)", inter: 5 });
    expect(countryActor(dict, "LKA", "government")).toEqual({ name: "Government of Sri Lanka", inter: 1 });
    expect(countryActor(dict, "USA", "military").name).toBe("Military Forces of the United States");
    expect(countryActor(dict, "COD", "civilians").name).toBe("Civilians (Democratic Republic of Congo)");
  });

  it("names an unknown country's actor without a country", () => {
    expect(countryActor(dict, "XXX", "military")).toEqual({ name: "Military Forces", inter: 1 });
  });

  it("has the groups that dominate conflict reporting", () => {
    for (const name of ["Taliban", "al-Shabaab", "Boko Haram", "Hamas", "Hezbollah", "Shining Path", "Communist Party of Nepal (Maoist)", "LTTE: Liberation Tigers of Tamil Eelam", "FMLN: Farabundo Marti National Liberation Front"]) {
      expect(dict.byName(name), name).toBeDefined();
    }
    expect(dict.byName("Military Forces of Sudan")?.aliases).toContain("SAF");
  });
});

describe("a user's file", () => {
  it("adds a group from JSON and wins over the shipped entry", () => {
    const user = file("user.json", JSON.stringify({
      actors: [
        { name: "Military Forces of Afghanistan (2014-2021)", kind: "state", iso3: "AFG", role: "military" },
        { name: "Lions of the Valley", kind: "militia", iso3: "AFG", aliases: ["Lions of the Valley"], adjectives: ["Valley"] },
      ],
    }));
    expect(names("Afghan soldiers fought the Lions of the Valley and Valley gunmen.", "AFG", user)).toEqual([
      "Afghan soldiers = Military Forces of Afghanistan (2014-2021) (1)",
      "the Lions of the Valley = Lions of the Valley (3)",
      "Valley gunmen = Lions of the Valley (3)",
    ]);
  });

  it("reads YAML, a plain list, and adds aliases to a shipped entry", () => {
    const user = file("user.yaml", "- name: Taliban\n  kind: rebel\n  iso3: AFG\n  aliases: [Emirate fighters]\n");
    expect(names("Emirate fighters and Taliban fighters advanced.", "AFG", user)).toEqual([
      "Emirate fighters = Taliban (2)",
      "Taliban fighters = Taliban (2)",
    ]);
  });

  it("adds a demonym through a countries list", () => {
    const user = file("soviet.json", JSON.stringify({ countries: [{ iso3: "RUS", name: "Russia", demonyms: ["Soviet"] }] }));
    expect(names("Soviet troops withdrew.", "AFG", user)).toEqual(["Soviet troops = Military Forces of Russia (8)"]);
  });

  const bad: [string, string, RegExp][] = [
    ["kind.json", JSON.stringify({ actors: [{ name: "X", kind: "pirates" }] }), /kind\.json: actors\[0\] \("X"\) field "kind"/],
    ["iso.json", JSON.stringify([{ name: "Y", kind: "rebel", iso3: "af" }]), /actors\[0\] \("Y"\) field "iso3"/],
    ["extra.json", JSON.stringify([{ name: "Z", kind: "rebel", alias: ["z"] }]), /actors\[0\] \("Z"\)/],
    ["broken.json", "{ actors: [", /broken\.json: not valid JSON/],
    ["broken.yaml", "- name: [", /broken\.yaml: not valid YAML/],
    ["scalar.json", "42", /expected a list of actors/],
  ];
  for (const [name, text, message] of bad) {
    it(`rejects ${name} with E_DATA naming the file and the entry`, () => {
      const path = file(name, text);
      let err: unknown;
      try {
        loadActorDictionary(path);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TruceError);
      expect((err as TruceError).code).toBe("E_DATA");
      expect((err as TruceError).message).toMatch(message);
    });
  }

  it("rejects a missing file", () => {
    expect(() => loadActorDictionary(join(dir, "nope.json"))).toThrow(/nope\.json: cannot read it/);
  });
});
