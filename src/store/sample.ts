/**
 * @module store/sample
 * Synthetic articles and extractions with every field filled and every span true to the text,
 * for the store's contract suite and the ingest benchmark (extraction excluded). Deterministic:
 * the same number gives the same article.
 */
import type { ConflictEvent, Extraction, Span } from "../contract.js";

const PLACES = [
  { name: "Kunduz", admin1: "Kunduz", country: "Afghanistan", iso3: "AFG", lat: 36.728, lon: 68.868 },
  { name: "Lashkar Gah", admin1: "Helmand", country: "Afghanistan", iso3: "AFG", lat: 31.593, lon: 64.371 },
  { name: "Mogadishu", admin1: "Banadir", country: "Somalia", iso3: "SOM", lat: 2.046, lon: 45.318 },
  { name: "Mosul", admin1: "Nineveh", country: "Iraq", iso3: "IRQ", lat: 36.34, lon: 43.13 },
] as const;

const ATTACKERS = ["Taliban", "al-Shabaab", "Islamic State", "Unidentified Armed Group"] as const;

export interface SampleArticle {
  id: string;
  text: string;
  published: string;
  extraction: Extraction;
}

/** Article number `n`, published `n` days after `firstDay`, with `eventsPerArticle` events (one sentence each) and a tally. */
export function sampleArticle(n: number, eventsPerArticle = 3, firstDay = "2020-01-01"): SampleArticle {
  const dayOf = (k: number) => new Date(Date.parse(`${firstDay}T00:00:00Z`) + (k % 730) * 86_400_000).toISOString().slice(0, 10);
  const published = dayOf(n);
  const sentences: string[] = [];
  const events: ConflictEvent[] = [];
  let text = `REPORT ${n}. `;
  for (let k = 0; k < eventsPerArticle; k++) {
    const place = PLACES[(n + k) % PLACES.length]!;
    const attacker = ATTACKERS[(n * 7 + k) % ATTACKERS.length]!;
    const killed = ((n + k) % 9) + 1;
    const start = text.length;
    const sentence = `${attacker} fighters attacked a checkpoint in ${place.name} on ${published}, killing at least ${killed} soldiers, police spokesman Ahmad Noori said on Twitter.`;
    text += `${sentence} `;
    sentences.push(sentence);
    const at = (needle: string): Span => spanIn(text, start, needle);
    events.push({
      id: `e${k + 1}`,
      type: "Battles",
      subType: "Armed clash",
      date: { start: published, end: published, precision: 1, mention: at(published) },
      actors: [
        { role: "actor1", name: attacker, inter: 2, mention: at(attacker) },
        { role: "actor2", name: `Military Forces of ${place.country}`, inter: 1 },
      ],
      location: { name: place.name, admin1: place.admin1, country: place.country, iso3: place.iso3, lat: place.lat, lon: place.lon, precision: 1, mention: at(place.name) },
      fatalities: { low: killed, best: killed, high: null, byCategory: { security: killed }, mention: at(`at least ${killed} soldiers`) },
      injuries: k % 2 === 0 ? null : { low: 2, best: 3, high: 4, byCategory: {} },
      weapons: k % 2 === 0 ? ["small arms"] : [],
      sources: [{ name: "Ahmad Noori", role: "spokesman", organization: "police", channel: "Twitter", mention: at("Ahmad Noori") }],
      evidence: [{ start, end: start + sentence.length, text: sentence }],
      confidence: 0.8,
      by: "sample/clash",
    });
  }
  const tallyStart = text.length;
  const tallySentence = `In all, ${eventsPerArticle * 4} attacks were reported in the past week.`;
  text += tallySentence;
  const extraction: Extraction = {
    version: 1,
    article: { id: `sample-${n}`, published, language: "en" },
    events,
    tallies: [
      {
        id: "t1",
        period: { start: dayOf(n - 6), end: published },
        area: { country: "Afghanistan", iso3: "AFG" },
        count: eventsPerArticle * 4,
        fatalities: null,
        injuries: null,
        sources: [],
        evidence: [{ start: tallyStart, end: tallyStart + tallySentence.length, text: tallySentence }],
        includes: events.map((e) => e.id),
      },
    ],
    statements: [],
    agreements: [],
  };
  return { id: `sample-${n}`, text, published, extraction };
}

// --- internal ---

function spanIn(text: string, from: number, needle: string): Span {
  const start = text.indexOf(needle, from);
  return { start, end: start + needle.length, text: needle };
}

