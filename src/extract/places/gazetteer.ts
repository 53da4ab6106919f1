/**
 * @module extract/places/gazetteer
 * The offline gazetteer: every country (with alternative names and demonyms), first- and
 * second-level division and GeoNames town of 500 or more people, indexed by folded name.
 * data/gazetteer.json.gz is built by scripts/build-gazetteer.mjs; it is read once per process,
 * on first use, so commands that never extract do not pay for it.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
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

type Columns<T extends string> = Record<T, (number | string)[]>;

interface RawData {
  version: number;
  coordScale: number;
  maxTokens: number;
  countries: [string, string, string, number, number, string, string, string][];
  admin1: Columns<"country" | "code" | "name" | "lat" | "lon" | "keys">;
  admin2: Columns<"admin1" | "name" | "lat" | "lon" | "keys">;
  fcodes: string[];
  cities: Columns<"name" | "country" | "admin1" | "admin2" | "lat" | "lon" | "pop" | "fcode" | "keys">;
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
  if (data.version !== 1) throw new Error(`gazetteer: unsupported data version ${String(data.version)} in ${String(file)}`);
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

class LoadedGazetteer {
  readonly index = new Map<string, number | number[]>();
  readonly demonyms = new Map<string, Country>();
  readonly byIso3 = new Map<string, Country>();
  readonly common: Set<string>;
  readonly acronyms: Set<string>;
  readonly countries: Country[];
  readonly size: number;
  readonly maxTokens: number;
  private readonly scale: number;

  constructor(private readonly data: RawData) {
    this.scale = data.coordScale;
    this.maxTokens = data.maxTokens;
    this.common = new Set(data.common);
    this.acronyms = new Set(data.acronyms);
    this.countries = data.countries.map((c, i) => this.addCountry(c, i));
    this.addKeys(1, data.admin1.keys);
    this.addKeys(2, data.admin2.keys);
    this.addKeys(3, data.cities.keys);
    this.size = this.countries.length + data.admin1.name.length + data.admin2.name.length + data.cities.name.length;
  }

  /**
   * Places are built from the columns on demand and kept (they are never changed), so that
   * frequent names ("San Miguel" has a hundred namesakes) do not allocate on every article.
   */
  private readonly built = new Map<string, readonly Place[]>();

  lookupKey(key: string): readonly Place[] {
    const hit = this.index.get(key);
    if (hit === undefined) return NONE;
    let places = this.built.get(key);
    if (!places) {
      if (this.built.size >= CACHE_LIMIT) this.built.clear();
      places = Object.freeze(typeof hit === "number" ? [this.place(hit)] : hit.map((r) => this.place(r)));
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
    for (const key of keys.split("|")) if (key) this.add(key, ref(0, i));
    for (const key of demonyms.split("|")) if (key && !this.demonyms.has(key)) this.demonyms.set(key, country);
    return country;
  }

  private addKeys(kind: number, keys: (number | string)[]): void {
    for (let i = 0; i < keys.length; i++) {
      const list = String(keys[i]);
      let start = 0;
      while (start <= list.length) {
        let end = list.indexOf("|", start);
        if (end < 0) end = list.length;
        if (end > start) this.add(list.slice(start, end), ref(kind, i));
        start = end + 1;
      }
    }
  }

  private add(key: string, r: number): void {
    const old = this.index.get(key);
    if (old === undefined) this.index.set(key, r);
    else if (typeof old === "number") { if (old !== r) this.index.set(key, [old, r]); }
    else if (!old.includes(r)) old.push(r);
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
    const a = this.data.admin1;
    const name = String(a.name[i]);
    return {
      kind: "admin1", index: i, name, key: fold(name), country: this.countries[Number(a.country[i])]!,
      admin1: name, admin1Index: i, lat: Number(a.lat[i]) / this.scale, lon: Number(a.lon[i]) / this.scale,
    };
  }

  private admin2Place(i: number): Place {
    const a = this.data.admin2;
    const a1 = this.admin1Place(Number(a.admin1[i]));
    const name = String(a.name[i]);
    return { ...a1, kind: "admin2", index: i, name, key: fold(name), admin2: name, lat: Number(a.lat[i]) / this.scale, lon: Number(a.lon[i]) / this.scale };
  }

  private cityPlace(i: number): Place {
    const c = this.data.cities;
    const a1 = Number(c.admin1[i]);
    const a2 = Number(c.admin2[i]);
    const name = String(c.name[i]);
    const place: Place = {
      kind: "city", index: i, name, key: fold(name), country: this.countries[Number(c.country[i])]!,
      lat: Number(c.lat[i]) / this.scale, lon: Number(c.lon[i]) / this.scale,
      population: Number(c.pop[i]), featureCode: this.data.fcodes[Number(c.fcode[i])] ?? "PPL",
    };
    if (a1 >= 0) { place.admin1 = String(this.data.admin1.name[a1]); place.admin1Index = a1; }
    if (a2 >= 0) place.admin2 = String(this.data.admin2.name[a2]);
    return place;
  }
}
