/**
 * @module extract/actors/dictionary
 * The actor dictionary: canonical ACLED-style actor names with their aliases, inter codes, kind
 * and casualty category. Three layers, each adding to and winning over the one before:
 * data/actors-countries.json (every country's generated actors, names and demonyms),
 * data/actors.json (named groups, international forces, extra aliases) and a user's file
 * (`--actors FILE`, JSON or YAML of the same shape).
 */
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import type { Inter } from "../../contract.js";
import { dataPath } from "../../data-path.js";
import { TruceError } from "../../errors.js";
import type { ActorKind, ActorMention } from "../annotations.js";

export type CountryActorKind = "military" | "police" | "civilians" | "unidentified" | "protesters" | "rioters" | "government";
export type Category = ActorMention["category"];

export interface ActorEntry {
  name: string;
  inter: Inter;
  kind: ActorKind;
  category: Category;
  iso3?: string;
  /** This entry is its country's canonical actor of this role. */
  role?: CountryActorKind;
  aliases: readonly string[];
  /** Words that name the group only before a fighter noun ("Maoist rebels"). */
  adjectives: readonly string[];
  /** The group this one is a branch of ("Islamic State" for "Islamic State (Afghanistan)"). */
  parent?: string;
}

export interface CountryInfo {
  iso3: string;
  /** The name used in actor names: "Civilians (Syria)". */
  name: string;
  /** The name after "of": "Military Forces of the United States". */
  of: string;
  aliases: readonly string[];
  demonyms: readonly string[];
}

export interface ActorDictionary {
  readonly size: number;
  readonly entries: readonly ActorEntry[];
  readonly countries: readonly CountryInfo[];
  byName(name: string): ActorEntry | undefined;
  country(iso3: string): CountryInfo | undefined;
  /** The country's canonical actor of a role, if the dictionary has one. */
  role(iso3: string, role: CountryActorKind): ActorEntry | undefined;
  /** The branch of a group in a country ("Islamic State" in Afghanistan). */
  branch(parent: string, iso3: string): ActorEntry | undefined;
}

/** The canonical actor of a kind for a country: "Military Forces of Afghanistan", inter 1. */
export function countryActor(dict: ActorDictionary, iso3: string, kind: CountryActorKind): { name: string; inter: Inter } {
  const entry = countryEntry(dict, iso3, kind);
  return { name: entry.name, inter: entry.inter };
}

/** The full entry behind countryActor; a country the dictionary lacks gets a name without one. */
export function countryEntry(dict: ActorDictionary, iso3: string | undefined, kind: CountryActorKind): ActorEntry {
  const found = iso3 ? dict.role(iso3, kind) : undefined;
  if (found) return found;
  const [inter, actorKind, category, name] = GENERIC[kind];
  return { name, inter, kind: actorKind, category, aliases: [], adjectives: [] };
}

/** Loads the shipped dictionary and, if given, a user's file whose entries are added and win. */
export function loadActorDictionary(file?: string): ActorDictionary {
  const layers: DictionaryFile[] = [shipped()];
  if (file) layers.push(readDictionaryFile(file));
  return build(layers);
}

// --- internal ---

const GENERIC: Record<CountryActorKind, [Inter, ActorKind, Category, string]> = {
  military: [1, "state", "security", "Military Forces"],
  police: [1, "state", "security", "Police Forces"],
  civilians: [7, "civilians", "civilians", "Civilians"],
  unidentified: [3, "unidentified", "militants", "Unidentified Armed Group"],
  protesters: [6, "protesters", "civilians", "Protesters"],
  rioters: [5, "rioters", "unknown", "Rioters"],
  government: [1, "government", "unknown", "Government"],
};

/** ACLED's inter code and the casualty category a kind implies when an entry does not say. */
const KIND_DEFAULTS: Record<ActorKind, [Inter, Category]> = {
  state: [1, "security"],
  rebel: [2, "militants"],
  militia: [3, "militants"],
  identity: [4, "militants"],
  rioters: [5, "unknown"],
  protesters: [6, "civilians"],
  civilians: [7, "civilians"],
  external: [8, "security"],
  unidentified: [3, "militants"],
  government: [1, "unknown"],
};

const KINDS = ["state", "rebel", "militia", "identity", "rioters", "protesters", "civilians", "external", "unidentified", "government"] as const;
const ROLES = ["military", "police", "civilians", "unidentified", "protesters", "rioters", "government"] as const;

const EntrySchema = z.strictObject({
  name: z.string().trim().min(1),
  kind: z.enum(KINDS),
  inter: z.number().int().min(1).max(8).optional(),
  category: z.enum(["civilians", "security", "militants", "unknown"]).optional(),
  iso3: z.string().regex(/^[A-Z]{3}$/, "a three-letter upper-case ISO code").optional(),
  role: z.enum(ROLES).optional(),
  aliases: z.array(z.string().trim().min(1)).optional(),
  adjectives: z.array(z.string().trim().min(1)).optional(),
  parent: z.string().trim().min(1).optional(),
});

const CountrySchema = z.strictObject({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  name: z.string().min(1),
  of: z.string().min(1).optional(),
  aliases: z.array(z.string().min(1)).optional(),
  demonyms: z.array(z.string().min(1)).optional(),
});

const FileSchema = z.looseObject({
  actors: z.array(z.unknown()).optional(),
  countries: z.array(z.unknown()).optional(),
});

type RawEntry = z.infer<typeof EntrySchema>;
type RawCountry = z.infer<typeof CountrySchema>;

interface DictionaryFile {
  entries: RawEntry[];
  countries: RawCountry[];
}

let shippedCache: DictionaryFile | undefined;

function shipped(): DictionaryFile {
  if (!shippedCache) {
    const generated = readDictionaryFile(dataPath("actors-countries.json"));
    const curated = readDictionaryFile(dataPath("actors.json"));
    shippedCache = { entries: [...generated.entries, ...curated.entries], countries: [...generated.countries, ...curated.countries] };
  }
  return shippedCache;
}

function readDictionaryFile(file: string): DictionaryFile {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new TruceError("E_DATA", `actor dictionary ${file}: cannot read it (${(err as Error).message})`);
  }
  return validate(file, parseText(file, text));
}

function parseText(file: string, text: string): unknown {
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new TruceError("E_DATA", `actor dictionary ${file}: not valid ${/\.ya?ml$/i.test(file) ? "YAML" : "JSON"} (${(err as Error).message})`);
  }
}

/** A file is either a list of entries or `{ actors: [...], countries: [...] }`. */
function validate(file: string, data: unknown): DictionaryFile {
  const top: z.infer<typeof FileSchema> | undefined = Array.isArray(data) ? { actors: data } : FileSchema.safeParse(data).data;
  if (!top) throw new TruceError("E_DATA", `actor dictionary ${file}: expected a list of actors or an object with an "actors" list`);
  const entries = (top.actors ?? []).map((raw, i) => check(file, "actors", i, raw, EntrySchema));
  const countries = (top.countries ?? []).map((raw, i) => check(file, "countries", i, raw, CountrySchema));
  return { entries, countries };
}

function check<T>(file: string, list: string, index: number, raw: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` field "${issue.path.join(".")}"` : "";
  const name = typeof raw === "object" && raw !== null && "name" in raw ? ` (${JSON.stringify((raw as { name: unknown }).name)})` : "";
  throw new TruceError("E_DATA", `actor dictionary ${file}: ${list}[${index}]${name}${where}: ${issue?.message ?? "invalid"}`);
}

/** Later layers win: an entry with a known name replaces its fields and adds its aliases. */
function build(layers: readonly DictionaryFile[]): ActorDictionary {
  const byName = new Map<string, ActorEntry>();
  const countries = new Map<string, CountryInfo>();
  for (const layer of layers) {
    for (const raw of layer.entries) byName.set(raw.name, merge(byName.get(raw.name), raw));
    for (const raw of layer.countries) countries.set(raw.iso3, mergeCountry(countries.get(raw.iso3), raw));
  }
  return makeDictionary([...byName.values()], [...countries.values()]);
}

function merge(old: ActorEntry | undefined, raw: RawEntry): ActorEntry {
  const [inter, category] = KIND_DEFAULTS[raw.kind];
  const entry: ActorEntry = {
    name: raw.name,
    kind: raw.kind,
    inter: (raw.inter as Inter | undefined) ?? inter,
    category: raw.category ?? category,
    aliases: unique([...(old?.aliases ?? []), ...(raw.aliases ?? [])]),
    adjectives: unique([...(old?.adjectives ?? []), ...(raw.adjectives ?? [])]),
  };
  const iso3 = raw.iso3 ?? old?.iso3;
  const role = raw.role ?? old?.role;
  const parent = raw.parent ?? old?.parent;
  if (iso3) entry.iso3 = iso3;
  if (role) entry.role = role;
  if (parent) entry.parent = parent;
  return entry;
}

function mergeCountry(old: CountryInfo | undefined, raw: RawCountry): CountryInfo {
  return {
    iso3: raw.iso3,
    name: raw.name,
    of: raw.of ?? old?.of ?? raw.name,
    aliases: unique([...(old?.aliases ?? []), raw.name, ...(raw.aliases ?? [])]),
    demonyms: unique([...(old?.demonyms ?? []), ...(raw.demonyms ?? [])]),
  };
}

function makeDictionary(entries: readonly ActorEntry[], countries: readonly CountryInfo[]): ActorDictionary {
  const names = new Map(entries.map((e) => [e.name, e]));
  const isos = new Map(countries.map((c) => [c.iso3, c]));
  const roles = new Map<string, ActorEntry>();
  const branches = new Map<string, ActorEntry>();
  for (const e of entries) {
    if (e.iso3 && e.role) roles.set(`${e.iso3}/${e.role}`, e);
    if (e.iso3 && e.parent) branches.set(`${e.parent}/${e.iso3}`, e);
  }
  return {
    size: entries.length,
    entries,
    countries,
    byName: (name) => names.get(name),
    country: (iso3) => isos.get(iso3),
    role: (iso3, role) => roles.get(`${iso3}/${role}`),
    branch: (parent, iso3) => branches.get(`${parent}/${iso3}`),
  };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
