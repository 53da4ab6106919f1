import { describe, expect, it } from "vitest";
import type { ConflictEvent } from "../../contract.js";
import { badSpans, schemaErrors } from "../../testing/contract-check.js";
import { extract } from "../extract.js";

const here = "[events/assemble] ";

function eventsOf(text: string, published = "2024-05-08"): ConflictEvent[] {
  const x = extract(text, { published });
  expect(schemaErrors(x)).toEqual([]);
  expect(badSpans(x, text)).toEqual([]);
  return x.events;
}

/** A compact view of an event, to compare in tables. */
function brief(e: ConflictEvent): Record<string, unknown> {
  return {
    type: `${e.type} / ${e.subType}`,
    actor1: e.actors.find((a) => a.role === "actor1")?.name,
    actor2: e.actors.find((a) => a.role === "actor2")?.name,
    place: e.location?.name,
    admin1: e.location?.admin1,
    date: `${e.date.start}..${e.date.end}`,
    killed: e.fatalities?.best,
    wounded: e.injuries?.best,
  };
}

describe("one event per report", () => {
  const cases: [string, string, Record<string, unknown>][] = [
    [
      "an airstrike by a foreign state on a named group",
      "KABUL, Afghanistan — The United States carried out an airstrike against Taliban fighters in Helmand province on Monday, officials said.",
      { type: "Explosions/Remote violence / Air/drone strike", actor1: "Military Forces of the United States", actor2: "Taliban", admin1: "Helmand", date: "2024-05-06..2024-05-06" },
    ],
    [
      "gunmen killing villagers is violence against civilians, the attacker unidentified",
      "Gunmen on motorbikes killed at least 12 villagers near Mopti in central Mali on Sunday, a local official said.",
      { type: "Violence against civilians / Attack", actor1: "Unidentified Armed Group (Mali)", actor2: "Civilians (Mali)", place: "Mopti", date: "2024-05-05..2024-05-05", killed: 12 },
    ],
    [
      "soldiers killed by a named group is a battle",
      "Al-Shabaab fighters attacked an army base in Lower Shabelle region on Tuesday, killing four soldiers and wounding seven others, the military said.",
      { type: "Battles / Armed clash", actor1: "al-Shabaab", actor2: "Military Forces of Somalia", date: "2024-05-07..2024-05-07", killed: 4, wounded: 7 },
    ],
    [
      "a roadside bomb, wounded apart from killed",
      "A roadside bomb struck a police vehicle in Kandahar city on Wednesday, killing two policemen and wounding three, police said.",
      { type: "Explosions/Remote violence / Remote explosive/landmine/IED", place: "Kandahar", date: "2024-05-08..2024-05-08", killed: 2, wounded: 3 },
    ],
  ];
  it.each(cases)(`${here}%s`, (_name, text, expected) => {
    const events = eventsOf(text);
    expect(events, JSON.stringify(events.map(brief))).toHaveLength(1);
    expect(brief(events[0]!)).toMatchObject(expected);
  });
});

describe("mentions of one event merge; different events stay apart", () => {
  it(`${here}"the attack" and "the blast" join the event they refer to`, () => {
    const events = eventsOf(
      "A suicide bomber blew himself up at a market in Peshawar on Friday, killing at least 20 people. The blast also wounded 45 others. Police said the attack bore the hallmarks of the Pakistani Taliban.",
      "2024-05-10",
    );
    expect(events.map(brief)).toEqual([expect.objectContaining({ type: "Explosions/Remote violence / Suicide bomb", place: "Peshawar", killed: 20, wounded: 45 })]);
    expect(events[0]!.evidence.length).toBeGreaterThanOrEqual(2);
  });

  it(`${here}two events in one sentence, each with its own figures, when a clause sets them apart`, () => {
    const events = eventsOf(
      "Army troops clashed with Abu Sayyaf militants in Sulu province on Sunday, leaving two militants dead, while a grenade thrown at a bus station wounded six people.",
      "2024-06-24",
    );
    expect(events.map((e) => [e.subType, e.fatalities?.best, e.injuries?.best])).toEqual([
      ["Armed clash", 2, undefined],
      ["Grenade", undefined, 6],
    ]);
  });

  it(`${here}an event with no place of its own happened where the report's last event did`, () => {
    const events = eventsOf(
      "Afghan forces detained three suspected insurgents during a raid in Nad Ali district of Helmand province on Monday. Later, insurgents opened fire on the patrol, and the security force returned fire, killing one insurgent.",
    );
    const firefight = events.find((e) => e.fatalities?.best === 1);
    expect(firefight, JSON.stringify(events.map(brief))).toBeDefined();
    expect(firefight!.type).toBe("Battles");
    expect(firefight!.location?.admin1).toBe("Helmand");
  });

  it(`${here}two places on two days are two events`, () => {
    const events = eventsOf(
      "Militants attacked a checkpoint in Kunduz on Monday, killing three soldiers. On Tuesday, another attack in Baghlan killed two policemen.",
    );
    expect(events.map((e) => [e.location?.name, e.date.start, e.fatalities?.best])).toEqual([
      ["Kunduz", "2024-05-06", 3],
      ["Baghlan", "2024-05-07", 2],
    ]);
  });
});

describe("what is not an event", () => {
  const cases: [string, string][] = [
    ["a threat", "The group threatened to attack government buildings in Mogadishu if the talks fail."],
    ["a denial", "The rebels denied carrying out the bombing in Goma on Monday."],
    ["a role", "The commander is responsible for IED attacks against security forces in Helmand province."],
    ["a plan", "Police said the cell was planning attacks on churches in Lagos."],
    ["commentary without a day, a place or a figure", "The bombing campaign has shaken confidence in the government."],
  ];
  it.each(cases)(`${here}%s`, (_name, text) => {
    expect(eventsOf(text).map(brief)).toEqual([]);
  });
});

it(`${here}weapons found are a seizure (Disrupted weapons use), not a grenade attack`, () => {
  const events = eventsOf("Troops found three AK-47 rifles, four grenades and a mortar tube in a house in Kunduz on Tuesday.");
  expect(events.map((e) => `${e.type} / ${e.subType}`)).toEqual(["Strategic developments / Disrupted weapons use"]);
});

describe("tallies are not split into events", () => {
  it(`${here}an aggregate keeps its figures, and an incident of it points to it`, () => {
    const x = extract(
      "Over the past week, insurgents carried out 25 attacks across the country that killed 14 civilians and nine soldiers, the Interior Ministry said. In one attack in Ghazni, five soldiers were killed on Monday.",
      { published: "2024-05-08" },
    );
    expect(x.tallies).toHaveLength(1);
    expect(x.tallies[0]).toMatchObject({ count: 25, fatalities: { best: 23, byCategory: { civilians: 14, security: 9 } } });
    expect(x.events).toHaveLength(1);
    expect(x.events[0]).toMatchObject({ partOf: x.tallies[0]!.id, fatalities: { best: 5 } });
    expect(x.tallies[0]!.includes).toEqual([x.events[0]!.id]);
  });
});
