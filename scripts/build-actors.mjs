#!/usr/bin/env node
/**
 * Builds data/actors-countries.json: for every country, the names it is written under, its
 * demonyms, and its seven ACLED-style country actors (military, police, civilians, unidentified
 * armed group, protesters, rioters, government).
 *
 * Source: the `world-countries` package (ODbL; mledoze/countries), plus the overrides below
 * where ACLED or news copy writes a country differently. Run: node scripts/build-actors.mjs
 * The output is committed; edit the overrides here, not the output.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const countries = require("world-countries/countries.json");
const OUT = new URL("../data/actors-countries.json", import.meta.url);

/** ACLED's spelling of a country where it differs from world-countries' common name. */
const NAME = {
  COD: "Democratic Republic of Congo", COG: "Republic of Congo", CZE: "Czech Republic", TUR: "Turkey",
  SWZ: "eSwatini", TLS: "East Timor", CPV: "Cape Verde", VAT: "Vatican City", MKD: "North Macedonia",
  STP: "Sao Tome and Principe", BLM: "Saint-Barthelemy", CUW: "Curacao", ALA: "Aland Islands",
  REU: "Reunion",
};

/** Countries whose name takes "the" after "of" ("Military Forces of the United States"). */
const THE = new Set(["USA", "GBR", "PHL", "NLD", "CAF", "COD", "COG", "ARE", "BHS", "MDV", "COM", "CZE", "DOM", "SLB", "MHL", "SYC", "GMB"]);

/** Extra names news copy uses. */
const ALIASES = {
  USA: ["U.S.", "US", "U.S.A.", "USA", "America", "United States of America"],
  GBR: ["Britain", "Great Britain", "U.K.", "UK"],
  MMR: ["Burma"],
  CIV: ["Cote d'Ivoire", "Côte d'Ivoire"],
  COD: ["DR Congo", "DRC", "Congo-Kinshasa", "Zaire", "Democratic Republic of the Congo", "Congo"],
  COG: ["Congo-Brazzaville", "Republic of the Congo"],
  PSE: ["Palestinian Territories", "Palestinian territories", "State of Palestine"],
  TUR: ["Türkiye", "Turkiye"],
  KOR: ["Republic of Korea"],
  PRK: ["DPRK"],
  RUS: ["Russian Federation"],
  CZE: ["Czechia"],
  MKD: ["Macedonia"],
  SWZ: ["Swaziland", "Eswatini"],
  TLS: ["Timor-Leste"],
  NLD: ["Holland"],
  ARE: ["UAE", "U.A.E.", "Emirates"],
  VNM: ["Viet Nam"],
  LAO: ["Lao"],
};

/** Demonyms news copy uses beyond world-countries' one per country. */
const DEMONYMS = {
  USA: ["American", "U.S.", "US"],
  GBR: ["British", "U.K.", "UK"],
  AFG: ["Afghani"],
  NPL: ["Nepalese", "Nepali"],
  MMR: ["Burmese", "Myanmar"],
  SLV: ["Salvadorean", "Salvadoran"],
  PHL: ["Philippine"],
  AZE: ["Azeri"],
  SAU: ["Saudi Arabian"],
  BIH: ["Bosnian Serb"],
  COD: ["Congolese"],
  DOM: ["Dominican"],
  IND: ["Indian"],
  FRA: ["French"],
  NLD: ["Dutch"],
  NOR: ["Norwegian"],
  KOR: ["South Korean"],
  PRK: ["North Korean"],
  SOM: ["Somalian"],
  ISR: ["Israeli"],
  SDN: ["Sudani"],
  YEM: ["Yemenite"],
  BGD: ["Bangladeshi"],
  GIN: ["Guinean"],
};

/** A demonym claimed by several countries belongs to the one listed in DEMONYMS; others lose it. */
const CLAIMED = new Set(Object.values(DEMONYMS).flat());

/** ISO codes that read as English words are not aliases ("IN", "IS", "TO"); two-letter codes never are. */
const ALIAS_OK = /^[\p{L}][\p{L}'.\- ]{2,}$/u;

const KINDS = [
  ["military", (c) => `Military Forces of ${c.of}`, 1, "state", "security"],
  ["police", (c) => `Police Forces of ${c.of}`, 1, "state", "security"],
  ["civilians", (c) => `Civilians (${c.name})`, 7, "civilians", "civilians"],
  ["unidentified", (c) => `Unidentified Armed Group (${c.name})`, 3, "unidentified", "militants"],
  ["protesters", (c) => `Protesters (${c.name})`, 6, "protesters", "civilians"],
  ["rioters", (c) => `Rioters (${c.name})`, 5, "rioters", "unknown"],
  ["government", (c) => `Government of ${c.of}`, 1, "government", "unknown"],
];

/** Names in Latin letters only: news copy in English does not write a country in IPA or Cyrillic. */
function latinOnly(s) {
  return /^[A-Za-z\u00C0-\u024F0-9'.\-, ()]+$/.test(s);
}

function countryOf(x) {
  const iso3 = x.cca3;
  const name = NAME[iso3] ?? x.name.common;
  const of = THE.has(iso3) ? `the ${name}` : name;
  const raw = [x.name.common, x.name.official, ...x.altSpellings, ...(ALIASES[iso3] ?? [])];
  const aliases = [...new Set([name, ...raw])].filter((a) => latinOnly(a) && (ALIAS_OK.test(a) || (ALIASES[iso3] ?? []).includes(a)) && !a.includes(","));
  const own = DEMONYMS[iso3] ?? [];
  const base = [x.demonyms?.eng?.m, x.demonyms?.eng?.f].filter(Boolean).flatMap((d) => d.split(/,\s*|\s+or\s+/));
  const demonyms = [...new Set([...own, ...base.filter((d) => own.includes(d) || !CLAIMED.has(d))])].filter(latinOnly);
  return { iso3, name, of, aliases, demonyms };
}

function actorsOf(c) {
  return KINDS.map(([role, nameOf, inter, kind, category]) => ({ name: nameOf(c), inter, kind, category, iso3: c.iso3, role }));
}

const table = countries
  .map(countryOf)
  .sort((a, b) => a.iso3.localeCompare(b.iso3));

const out = {
  _comment:
    "Generated by scripts/build-actors.mjs from the world-countries package (ODbL, mledoze/countries) with overrides; do not edit by hand, add or override actors in data/actors.json or a --actors file instead. countries: names and demonyms that make a country actor ('Afghan soldiers', 'Pakistan's army'); actors: each country's canonical actors by role.",
  countries: table,
  actors: table.flatMap(actorsOf),
};

const text = JSON.stringify(out, null, 1).replace(/\n\s+(?=[^\s{[])/g, " ").replace(/\n\s+\}/g, " }").replace(/\n\s+\]/g, " ]");
writeFileSync(OUT, text + "\n");
// Read back so a formatting slip fails here, not at run time.
JSON.parse(readFileSync(OUT, "utf8"));
console.log(`wrote ${table.length} countries, ${out.actors.length} actors`);
