/**
 * @module server/static
 * The dashboard: files of src/web (plain ES modules, no build step) and the Natural Earth
 * country boundaries of world-atlas, plus the province boundary lines of
 * data/admin1-boundaries.json (scripts/build-admin1-boundaries.mjs), all from this machine, so
 * the dashboard needs no network.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Hono, type Context } from "hono";
import { dataPath } from "../data-path.js";
import type { AppEnv } from "./auth.js";
import { notFound } from "./errors.js";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

export function webRoutes(): Hono<AppEnv> {
  const files = loadWeb();
  const app = new Hono<AppEnv>();
  const page = (c: Context<AppEnv>) => c.html(files.get("index.html")?.toString("utf8") ?? "<!doctype html><title>Truce</title><p>The dashboard files are missing.");
  app.get("/", (c) => page(c));
  app.get("/events/:id", (c) => page(c));
  app.get("/web/:file", (c) => {
    const name = c.req.param("file");
    const body = files.get(name);
    if (!body) throw notFound(`no file ${name}`);
    return c.body(new Uint8Array(body), 200, { "Content-Type": TYPES[ext(name)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
  });
  app.get("/world/:file", (c) => {
    const name = c.req.param("file");
    const body = worldFile(name);
    if (!body) throw notFound(`no boundary file ${name}`);
    return c.body(new Uint8Array(body), 200, { "Content-Type": TYPES[".json"]!, "Cache-Control": "public, max-age=86400" });
  });
  return app;
}

// --- internal ---

/** src/web from src/server and from dist/server (tsc copies no .js/.css/.html assets). */
function webDir(): string | null {
  for (const rel of ["../web", "../../src/web"]) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/index.html`)) return dir;
  }
  return null;
}

/** Read once: a few small files; a fixed set also means no path from a URL ever reaches the disk. */
function loadWeb(): Map<string, Buffer> {
  const dir = webDir();
  const out = new Map<string, Buffer>();
  if (!dir) return out;
  for (const f of readdirSync(dir)) if (TYPES[ext(f)] && !f.endsWith(".test.ts")) out.set(f, readFileSync(`${dir}/${f}`));
  return out;
}

const WORLD_FILES = new Set(["countries-110m.json", "countries-50m.json", "land-110m.json"]);
/** Our own boundary files, from data/ rather than from the world-atlas package. */
const DATA_FILES = new Set(["admin1-boundaries.json"]);
const worldCache = new Map<string, Buffer>();

function worldFile(name: string): Buffer | null {
  if (!WORLD_FILES.has(name) && !DATA_FILES.has(name)) return null;
  const cached = worldCache.get(name);
  if (cached) return cached;
  try {
    const path = DATA_FILES.has(name) ? dataPath(name) : createRequire(import.meta.url).resolve(`world-atlas/${name}`);
    const body = readFileSync(path);
    worldCache.set(name, body);
    return body;
  } catch {
    return null;
  }
}

function ext(name: string): string {
  const i = name.lastIndexOf(".");
  return i < 0 ? "" : name.slice(i);
}
