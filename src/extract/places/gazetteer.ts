/**
 * @module extract/places/gazetteer
 * The offline gazetteer: every country (with alternative names and demonyms), first- and
 * second-level division and GeoNames town of 500 or more people, indexed by folded name.
 * data/gazetteer.json.gz is built by scripts/build-gazetteer.mjs; it is read once per process,
 * on first use, so commands that never extract do not pay for it. Places are held in typed
 * arrays and packed strings (compact.ts), not one object each, and built only when looked up.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { KeyIndex, StringTable } from "./compact.js";
import { fold } from "./fold.js";

export type PlaceKind = "country" | "admin1" | "admin2" | "city";

export interface Country {
  index: number;
  iso3: string;
  iso2: string;
  /** Common English name ("Syria", "Myanmar", "Democratic Republic of Congo"). */
  name: string;
  /** The masculine English demonym ("Afghan"), "" when the sources give none. */
  demonym: string;
  lat: number;
  lon: number;
}

export interface Place {
  kind: PlaceKind;
  /** Index within its kind; (kind, index) identifies the place. */
  index: number;
  /** Display name: common English or ASCII spelling ("Lashkar Gah", "Helmand"). */
  name: string;
  country: Country;
  admin1?: string;
  admin1Index?: number;
  admin2?: string;
  lat: number;
  lon: number;
  population?: number;
  /** GeoNames feature code of a town ("PPLA" seat of a first-level division, "PPLC" capital). */
  featureCode?: string;
  /** The display name folded: a match on it is a match on the place's own name, not an alternate. */
  key: string;
}

export interface Gazetteer {
  /** Number of places (countries, divisions and towns). */
  readonly size: number;
  /** Longest name, in words. */
  readonly maxTokens: number;
  /** Places with this name, in any spelling the gazetteer knows. */
  lookup(name: string): readonly Place[];
  /** Same as lookup, for a key already folded with `fold`. */
  lookupKey(key: string): readonly Place[];
  hasKey(key: string): boolean;
  /** A country by ISO3, ISO2 or any of its names ("USA", "U.S.", "Burma"). */
  country(codeOrName: string): Country | undefined;
  /** The country a demonym names ("Afghan", "Afghans", "U.S.") */
  demonym(word: string): Country | undefined;
  /** Same as demonym, for a key already folded. */
  demonymKey(key: string): Country | undefined;
  /** The country of an ISO3 code. */
  countryByIso3(iso3: string): Country | undefined;
  /** The first-level division a place lies in (itself for a division). */
  admin1Of(place: Place): Place | undefined;
  /** True when a folded name is also a common English word ("police", "reading", "mission"). */
  isCommonWord(key: string): boolean;
  /** True when a folded name is a country's code that counts only in capitals ("CAR", "US"). */
  isAcronym(key: string): boolean;
}

const DEFAULT_FILE = new URL("../../../data/gazetteer.json.gz", import.meta.url);

const cache = new Map<string, Gazetteer>();

/** The shipped gazetteer (or one at `file`), loaded on first use and kept for the process. */
export function loadGazetteer(file: string | URL = DEFAULT_FILE): Gazetteer {
  const id = String(file);
  let gaz = cache.get(id);
  if (!gaz) {
    gaz = lazyGazetteer(() => readData(file));
    cache.set(id, gaz);
  }
  return gaz;
}

// --- internal ---

/** Numeric columns are arrays; text columns are one string, a line per row (see compact.ts). */
type Columns<N extends string, T extends string> = Record<N, number[]> & Record<T, string>;

interface RawData {
  version: number;
  coordScale: number;
  maxTokens: number;
  countries: [string, string, string, number, number, string, string, string][];
  admin1: Columns<"country" | "lat" | "lon", "code" | "name" | "keys">;
  admin2: Columns<"admin1" | "lat" | "lon", "name" | "keys">;
  fcodes: string[];
  cities: Columns<"country" | "admin1" | "admin2" | "lat" | "lon" | "pop" | "fcode", "name" | "keys">;
  common: string[];
  acronyms: string[];
}

const KINDS: readonly PlaceKind[] = ["country", "admin1", "admin2", "city"];
const NONE: readonly Place[] = Object.freeze([]);
/** Names whose places are kept built; past this the cache starts again (bounded memory). */
const CACHE_LIMIT = 20000;
/** A place is stored in the index as index * 4 + kind number. */
const ref = (kind: number, index: number): number => index * 4 + kind;

function readData(file: string | URL): RawData {
  const data = JSON.parse(gunzipSync(readFileSync(file)).toString("utf8")) as RawData;
  if (data.version !== 2) throw new Error(`gazetteer: unsupported data version ${String(data.version)} in ${String(file)}`);
  return data;
}

function lazyGazetteer(read: () => RawData): Gazetteer {
  let loaded: LoadedGazetteer | undefined;
  const get = (): LoadedGazetteer => (loaded ??= new LoadedGazetteer(read()));
  return {
    get size() { return get().size; },
    get maxTokens() { return get().maxTokens; },
    lookup: (name) => get().lookupKey(fold(name)),
    lookupKey: (key) => get().lookupKey(key),
    hasKey: (key) => get().index.has(key),
    country: (q) => get().country(q),
    demonym: (word) => get().demonyms.get(fold(word)),
    demonymKey: (key) => get().demonyms.get(key),
    countryByIso3: (iso3) => get().byIso3.get(iso3.toUpperCase()),
    admin1Of: (place) => get().admin1Of(place),
    isCommonWord: (key) => get().common.has(key),
    isAcronym: (key) => get().acronyms.has(key),
  };
}

/** The columns of one kind of place, as typed arrays and a string table (see compact.ts). */
interface Admin1Table { country: Uint16Array; name: StringTable; lat: Int32Array; lon: Int32Array }
interface Admin2Table { admin1: Int32Array; name: StringTable; lat: Int32Array; lon: Int32Array }
interface CityTable {
  name: StringTable; country: Uint16Array; admin1: Int32Array; admin2: Int32Array;
  lat: Int32Array; lon: Int32Array; pop: Int32Array; fcode: Uint8Array;
}

const ints = (col: readonly number[]): Int32Array => Int32Array.from(col);
const shorts = (col: readonly number[]): Uint16Array => Uint16Array.from(col);
const bytes = (col: readonly number[]): Uint8Array => Uint8Array.from(col);

function admin1Table(a: RawData["admin1"]): Admin1Table {
  return { country: shorts(a.country), name: new StringTable(a.name, a.lat.length), lat: ints(a.lat), lon: ints(a.lon) };
}

function admin2Table(a: RawData["admin2"]): Admin2Table {
  return { admin1: ints(a.admin1), name: new StringTable(a.name, a.lat.length), lat: ints(a.lat), lon: ints(a.lon) };
}

function cityTable(c: RawData["cities"]): CityTable {
  return {
    name: new StringTable(c.name, c.lat.length), country: shorts(c.country), admin1: ints(c.admin1), admin2: ints(c.admin2),
    lat: ints(c.lat), lon: ints(c.lon), pop: ints(c.pop), fcode: bytes(c.fcode),
  };
}

const PIPE = 0x7c;
const NEWLINE = 0x0a;

/** Counts the names in key columns ("|" between a place's names, "\n" between places). */
function keyStats(texts: readonly string[]): { count: number; chars: number } {
  let count = 0;
  let chars = 0;
  for (const s of texts) {
    chars += s.length;
    count++;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === PIPE || c === NEWLINE) count++;
    }
  }
  return { count, chars };
}

class LoadedGazetteer {
  readonly index: KeyIndex;
  readonly demonyms = new Map<string, Country>();
  readonly byIso3 = new Map<string, Country>();
  readonly common: Set<string>;
  readonly acronyms: Set<string>;
  readonly countries: Country[];
  readonly size: number;
  readonly maxTokens: number;
  private readonly scale: number;
  private readonly fcodes: readonly string[];
  private readonly admin1: Admin1Table;
  private readonly admin2: Admin2Table;
  private readonly cities: CityTable;

  constructor(data: RawData) {
    this.scale = data.coordScale;
    this.maxTokens = data.maxTokens;
    this.common = new Set(data.common);
    this.acronyms = new Set(data.acronyms);
    this.fcodes = data.fcodes;
    const stats = keyStats([...data.countries.map((c) => c[5]), data.admin1.keys, data.admin2.keys, data.cities.keys]);
    this.index = new KeyIndex(stats.count, stats.chars);
    this.countries = data.countries.map((c, i) => this.addCountry(c, i));
    this.addKeys(1, data.admin1.keys);
    this.addKeys(2, data.admin2.keys);
    this.addKeys(3, data.cities.keys);
    this.index.freeze();
    this.admin1 = admin1Table(data.admin1);
    this.admin2 = admin2Table(data.admin2);
    this.cities = cityTable(data.cities);
    this.size = this.countries.length + this.admin1.name.length + this.admin2.name.length + this.cities.name.length;
  }

  /**
   * Places are built from the columns on demand and kept (they are never changed), so that
   * frequent names ("San Miguel" has a hundred namesakes) do not allocate on every article.
   */
  private readonly built = new Map<string, readonly Place[]>();

  lookupKey(key: string): readonly Place[] {
    let places = this.built.get(key);
    if (!places) {
      const refs = this.index.get(key);
      if (refs.length === 0) return NONE;
      if (this.built.size >= CACHE_LIMIT) this.built.clear();
      places = Object.freeze(Array.from(refs, (r) => this.place(r)));
      this.built.set(key, places);
    }
    return places;
  }

  country(q: string): Country | undefined {
    const upper = q.trim().toUpperCase();
    const byCode = this.byIso3.get(upper) ?? this.countries.find((c) => c.iso2 === upper && upper.length === 2);
    if (byCode) return byCode;
    const hit = this.lookupKey(fold(q)).find((p) => p.kind === "country");
    return hit?.country;
  }

  admin1Of(place: Place): Place | undefined {
    if (place.kind === "admin1") return place;
    return place.admin1Index === undefined ? undefined : this.place(ref(1, place.admin1Index));
  }

  private addCountry(row: RawData["countries"][number], i: number): Country {
    const [iso3, iso2, name, lat, lon, keys, demonyms, demonym] = row;
    const country: Country = { index: i, iso3, iso2, name, demonym, lat: lat / this.scale, lon: lon / this.scale };
    this.byIso3.set(iso3, country);
    for (const key of keys.split("|")) if (key) this.index.add(key, ref(0, i));
    for (const key of demonyms.split("|")) if (key && !this.demonyms.has(key)) this.demonyms.set(key, country);
    return country;
  }

  /** Indexes a key column: place i's names are on line i, separated by "|". */
  private addKeys(kind: number, text: string): void {
    let i = 0;
    let start = 0;
    for (let end = 0; end <= text.length; end++) {
      const c = end < text.length ? text.charCodeAt(end) : NEWLINE;
      if (c !== PIPE && c !== NEWLINE) continue;
      if (end > start) this.index.addRange(text, start, end, ref(kind, i));
      if (c === NEWLINE) i++;
      start = end + 1;
    }
  }

  private place(r: number): Place {
    const kind = KINDS[r % 4]!;
    const i = Math.floor(r / 4);
    if (kind === "country") {
      const c = this.countries[i]!;
      return { kind, index: i, name: c.name, key: fold(c.name), country: c, lat: c.lat, lon: c.lon };
    }
    if (kind === "admin1") return this.admin1Place(i);
    if (kind === "admin2") return this.admin2Place(i);
    return this.cityPlace(i);
  }

  private admin1Place(i: number): Place {
    const a = this.admin1;
    const name = a.name.get(i);
    return {
      kind: "admin1", index: i, name, key: fold(name), country: this.countries[a.country[i]!]!,
      admin1: name, admin1Index: i, lat: a.lat[i]! / this.scale, lon: a.lon[i]! / this.scale,
    };
  }

  private admin2Place(i: number): Place {
    const a = this.admin2;
    const a1 = this.admin1Place(a.admin1[i]!);
    const name = a.name.get(i);
    return { ...a1, kind: "admin2", index: i, name, key: fold(name), admin2: name, lat: a.lat[i]! / this.scale, lon: a.lon[i]! / this.scale };
  }

  private cityPlace(i: number): Place {
    const c = this.cities;
    const a1 = c.admin1[i]!;
    const a2 = c.admin2[i]!;
    const name = c.name.get(i);
    const place: Place = {
      kind: "city", index: i, name, key: fold(name), country: this.countries[c.country[i]!]!,
      lat: c.lat[i]! / this.scale, lon: c.lon[i]! / this.scale,
      population: c.pop[i]!, featureCode: this.fcodes[c.fcode[i]!] ?? "PPL",
    };
    if (a1 >= 0) { place.admin1 = this.admin1.name.get(a1); place.admin1Index = a1; }
    if (a2 >= 0) place.admin2 = this.admin2.name.get(a2);
    return place;
  }
}
