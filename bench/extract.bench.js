// Extraction throughput on real articles: the shared dev texts (not shipped), else the example corpus.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { extract } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = `${root}../shared/data`;

function corpus() {
  const docs = [];
  if (existsSync(shared)) {
    for (const name of ["isaf", "muc4", "wikievents", "case2021"]) {
      const file = `${shared}/${name}/dev.jsonl`;
      if (!existsSync(file)) continue;
      for (const line of readFileSync(file, "utf8").split("\n")) {
        if (!line.trim()) continue;
        const d = JSON.parse(line);
        docs.push({ id: d.id, text: d.text, published: d.published ?? undefined });
      }
    }
    return { docs, from: "../shared/data/*/dev.jsonl" };
  }
  const dir = `${root}examples/corpus`;
  for (const f of existsSync(dir) ? readdirSync(dir) : []) {
    if (!f.endsWith(".json")) continue;
    const d = JSON.parse(readFileSync(`${dir}/${f}`, "utf8"));
    docs.push({ id: d.id, text: d.text, published: d.published });
  }
  return { docs, from: "examples/corpus" };
}

const { docs, from } = corpus();
if (docs.length === 0) {
  console.log("no corpus found (../shared/data or examples/corpus)");
  process.exit(0);
}
const t0 = performance.now();
extract("Warm-up: gunmen killed two villagers in Mopti on Sunday.", { published: "2024-05-06" });
const loadMs = performance.now() - t0;
let peakRss = process.memoryUsage().rss;
let bytes = 0;
let events = 0;
const start = performance.now();
for (const [i, d] of docs.entries()) {
  bytes += Buffer.byteLength(d.text);
  events += extract(d.text, { id: d.id, published: d.published }).events.length;
  if (i % 50 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const seconds = (performance.now() - start) / 1000;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
console.log(`corpus: ${docs.length} articles from ${from}, ${(bytes / 1e6).toFixed(2)} MB, ${Math.round(words / docs.length)} words/article on average`);
console.log(`resources loaded (gazetteer, dictionaries) in ${loadMs.toFixed(0)} ms`);
console.log(`extract: ${(docs.length / seconds).toFixed(1)} articles/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, ${events} events, single process`);
console.log(`peak resident memory: ${(peakRss / 2 ** 20).toFixed(0)} MB`);
