import { describe, expect, it } from "vitest";
import { detectLanguage } from "./language.js";

describe("detectLanguage", () => {
  it.each([
    ["wire copy", "Gunmen stormed a police station in the northern town of Baraki before dawn on Tuesday, killing four officers and wounding two others, a district official said."],
    ["all-caps wire copy", "GUNMEN STORMED A POLICE STATION IN THE NORTHERN TOWN OF BARAKI BEFORE DAWN ON TUESDAY, KILLING FOUR OFFICERS AND WOUNDING TWO OTHERS, A DISTRICT OFFICIAL SAID."],
    ["a headline too short to judge", "Blast kills 4 in Baraki"],
    [
      "a report heavy with names",
      "KABUL, June 3 - Taliban fighters from Kunduz, Baghlan and Takhar were moved to Nangarhar and Laghman after the clashes, said Mawlawi Abdul Rahman Haqqani, a spokesman for the provincial governor of Nangarhar.",
    ],
  ])("English: %s", (_, text) => {
    expect(detectLanguage(text)).toEqual({ code: "en", name: "English", english: true });
  });

  it.each([
    ["French", "fr", "Des hommes armés ont attaqué un poste de police dans la ville de Baraki mardi avant l'aube, tuant quatre policiers et en blessant deux autres, a indiqué un responsable local."],
    ["Spanish", "es", "Hombres armados atacaron una comisaría en la ciudad norteña de Baraki antes del amanecer del martes, matando a cuatro agentes e hiriendo a otros dos, dijo un funcionario."],
    ["Arabic", "ar", "هاجم مسلحون مركزا للشرطة في بلدة باراكي الشمالية قبل فجر الثلاثاء، مما أسفر عن مقتل أربعة من رجال الشرطة وإصابة اثنين آخرين، بحسب مسؤول محلي."],
    ["Russian", "ru", "Вооруженные люди напали на полицейский участок в северном городе Бараки во вторник перед рассветом, убив четырех полицейских и ранив еще двоих, сообщил местный чиновник."],
  ])("not English: %s", (name, code, text) => {
    expect(detectLanguage(text)).toEqual({ code, name, english: false });
  });
});
