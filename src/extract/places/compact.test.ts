import { describe, expect, it } from "vitest";
import { KeyIndex, StringTable } from "./compact.js";

describe("StringTable", () => {
  const cases: [string, string[]][] = [
    ["plain ASCII names", ["Lashkar Gah", "Kandahar", "Deir ez-Zor"]],
    ["an empty name between two", ["Mopti", "", "Gao"]],
    ["Latin-1 accents stay one byte", ["Bogotá", "Medellín", "Cúcuta"]],
    ["a name beyond Latin-1 among plain ones", ["Kabul", "Łódź", "Herat", "Đà Nẵng"]],
    ["a single name", ["Mogadishu"]],
  ];
  it.each(cases)("%s", (_, names) => {
    const table = new StringTable(names.join("\n"), names.length);
    expect(table.length).toBe(names.length);
    expect(names.map((_, i) => table.get(i))).toEqual(names);
  });

  it("refuses a text with the wrong number of lines", () => {
    expect(() => new StringTable("Kabul\nHerat\nKunduz", 2)).toThrow(/expected 2/);
    expect(() => new StringTable("Kabul\nHerat", 3)).toThrow(/expected 3/);
  });
});

describe("KeyIndex", () => {
  const index = new KeyIndex(4, 16);
  const added: [string, number][] = [
    ["san miguel", 7], ["san miguel", 3], ["san miguel", 7], ["kabul", 1], ["san miguel", 11], ["kabul", 1],
  ];
  for (const [key, value] of added) index.add(key, value);
  // Grows past the expected size without losing anything.
  for (let i = 0; i < 500; i++) index.add(`town ${i}`, i);
  const line = "herat|kunduz\nmazar i sharif";
  index.addRange(line, 0, 5, 40);
  index.addRange(line, 6, 12, 40);
  index.addRange(line, 13, line.length, 41);
  index.freeze();

  const lookups: [string, number[]][] = [
    ["san miguel", [7, 3, 11]],
    ["kabul", [1]],
    ["herat", [40]],
    ["kunduz", [40]],
    ["mazar i sharif", [41]],
    ["town 0", [0]],
    ["town 499", [499]],
    ["san", []],
    ["san miguelx", []],
    ["", []],
    ["kábul", []],
    ["ка", []],
  ];
  it.each(lookups)("%j", (key, values) => {
    expect([...index.get(key)]).toEqual(values);
    expect(index.has(key)).toBe(values.length > 0);
  });

  it("counts distinct keys", () => {
    expect(index.size).toBe(2 + 500 + 3);
  });

  it("refuses a key that is not folded", () => {
    expect(() => new KeyIndex(1, 1).add("kábul", 1)).toThrow(/not folded/);
  });
});
