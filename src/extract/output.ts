/**
 * @module extract/output
 * Turns what the stages found into the v1 extraction contract.
 */
import type { ConflictEvent, Extraction, Tally } from "../contract.js";
import type { Annotations } from "./annotations.js";
import type { Document } from "./document.js";

export function toExtraction(doc: Document, found: Annotations): Extraction {
  const warnings: string[] = [];
  const published = doc.published ?? found.dates.reference;
  if (!doc.published && found.dates.referenceFrom === "dateline") {
    warnings.push(`no publication date given: relative dates resolved against the dateline's date ${found.dates.reference}`);
  } else if (!published) {
    warnings.push("no publication date given and none in a dateline: relative dates were left unresolved");
  }
  const extraction: Extraction = {
    version: 1,
    article: {
      id: doc.id,
      ...(doc.title !== undefined && { title: doc.title }),
      ...(published !== undefined && { published }),
      ...(doc.source !== undefined && { source: doc.source }),
      ...(doc.url !== undefined && { url: doc.url }),
      language: doc.language,
    },
    events: found.events,
    tallies: withIncludedEvents(found.tallies, found.events),
    statements: found.statements,
    agreements: found.agreements,
  };
  if (warnings.length > 0) extraction.warnings = warnings;
  return extraction;
}

/** A tally lists the events of the article it already counts, so nobody counts them twice. */
function withIncludedEvents(tallies: readonly Tally[], events: readonly ConflictEvent[]): Tally[] {
  return tallies.map((t) => {
    const includes = events.filter((e) => e.partOf === t.id).map((e) => e.id);
    return includes.length > 0 ? { ...t, includes } : t;
  });
}
