/**
 * @module eval/examples
 * Reads worked examples (a folder of article.txt + expected.json + meta.json) into the same gold
 * form as gold-lite, so one matcher scores both: an expected.json event keeps its type, date
 * range, place names, actor name and mention, best counts and named sources.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import type { z } from "zod";
import { sameCountry } from "./fold.js";
import type { LoadProblem } from "./gold-lite.js";
import { Expected, firstIssue, Meta } from "./schemas.js";
import type { GoldActor, GoldDoc, GoldEvent, GoldExtras } from "./types.js";

export function isExampleDir(dir: string): boolean {
  return existsSync(join(dir, "expected.json"));
}

/** The example folders directly inside `dir`, by name. */
export function exampleDirs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && isExampleDir(join(dir, d.name)))
    .map((d) => join(dir, d.name))
    .sort();
}

export function* readExamples(dirs: readonly string[]): Generator<GoldDoc | LoadProblem> {
  for (const dir of dirs) yield readExample(dir);
}

export function readExample(dir: string): GoldDoc | LoadProblem {
  const text = readText(join(dir, "article.txt"));
  if (typeof text !== "string") return text;
  const expected = readJson(join(dir, "expected.json"), Expected);
  if ("problem" in expected) return expected;
  const metaPath = join(dir, "meta.json");
  const meta = existsSync(metaPath) ? readJson(metaPath, Meta) : Meta.parse({});
  if ("problem" in meta) return meta;
  const events = expected.events.map(exampleEvent);
  return {
    id: basename(dir),
    dataset: "examples",
    text,
    published: meta.published ?? expected.article?.published ?? null,
    title: meta.title ?? expected.article?.title ?? null,
    source: meta.source ?? expected.article?.source ?? null,
    relevant: events.length > 0,
    events,
    extras: exampleExtras(expected),
    where: dir,
  };
}

// --- internal ---

function readText(path: string): string | LoadProblem {
  try {
    if (statSync(path).size === 0) return { problem: `${path}: empty file` };
    return readFileSync(path, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { problem: `${path}: ${code === "ENOENT" ? "no such file" : "cannot be read"}` };
  }
}

function readJson<T>(path: string, schema: z.ZodType<T>): T | LoadProblem {
  const text = readText(path);
  if (typeof text !== "string") return text;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { problem: `${path}: invalid JSON (${(err as Error).message})` };
  }
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : { problem: `${path}: ${firstIssue(parsed.error)}` };
}

type ExpectedEvent = Expected["events"][number];

function exampleEvent(e: ExpectedEvent): GoldEvent {
  const loc = e.location;
  return {
    type: e.type,
    subType: e.subType,
    date: { start: e.date.start, end: e.date.end },
    location: loc
      ? {
          country: loc.country,
          admin1: loc.admin1 ?? null,
          // A country-level location names no place below the country.
          names: [loc.name, loc.admin2].filter((n): n is string => !!n && !sameCountry(n, loc.country)),
        }
      : null,
    actors: exampleActors(e.actors),
    fatalities: e.fatalities?.best ?? null,
    injuries: e.injuries?.best ?? null,
    optional: false,
    sources: (e.sources ?? []).flatMap((s) => (s.name ? [s.name] : [])),
  };
}

/** Gold actor1/actor2 are named by their canonical name or their words in the text; associates are not scored. */
function exampleActors(actors: ExpectedEvent["actors"]): GoldActor[] {
  const out: GoldActor[] = [];
  for (const a of actors) {
    if (a.role !== "actor1" && a.role !== "actor2") continue;
    out.push({ role: a.role, match: [a.name, a.mention?.text].filter((m): m is string => !!m) });
  }
  return out;
}

function exampleExtras(e: Expected): GoldExtras {
  return {
    tallies: (e.tallies ?? []).map((t) => ({
      period: t.period,
      country: t.area.country ?? null,
      count: t.count ?? null,
      fatalities: t.fatalities?.best ?? null,
      injuries: t.injuries?.best ?? null,
    })),
    statements: (e.statements ?? []).map((s) => ({ kind: s.kind, speaker: s.speaker.name ?? s.speaker.organization ?? null })),
    agreements: (e.agreements ?? []).map((a) => ({ name: a.name, parties: a.parties, commitments: a.commitments.map((c) => c.kind) })),
  };
}
