/**
 * @module extract/pipeline
 * The extraction pipeline: one ordered list of stages. Recognisers that find candidates in the
 * text come first; stages that combine what was found come after. Adding a stage means adding
 * a module and one line here. The order is checked when this module loads.
 */
import type { Annotations } from "./annotations.js";
import type { Document } from "./document.js";
import type { Resources } from "./resources.js";
import type { Found, Stage } from "./stage.js";
import { textStage } from "./text/sentences.js";
import { datesStage } from "./dates/dates.js";
import { quantitiesStage } from "./numbers/quantities.js";
import { placesStage } from "./places/places.js";
import { actorsStage } from "./actors/actors.js";
import { attributionsStage } from "./attribution/attributions.js";
import { triggersStage } from "./triggers/triggers.js";
import { weaponsStage } from "./weapons/weapons.js";
import { casualtiesStage } from "./casualties/casualties.js";
import { talliesStage } from "./tallies/tallies.js";
import { eventsStage } from "./events/assemble.js";
import { statementsStage } from "./statements/statements.js";
import { agreementsStage } from "./agreements/agreements.js";

export const STAGES: readonly Stage[] = [
  // Sentences and the dateline first: every later stage works sentence by sentence.
  textStage,
  // Dates need the dateline, which may be the only reference date the article has.
  datesStage,
  quantitiesStage,
  placesStage,
  // Actors after places: "Afghan soldiers" needs the country a demonym names, and bare
  // "troops" or "police" take the article's country.
  actorsStage,
  // Attribution after actors: "a spokesman for the Taliban" names an organisation.
  attributionsStage,
  triggersStage,
  weaponsStage,
  // Casualties after quantities and actors: "four civilians, 11 security forces" reads both.
  casualtiesStage,
  // Tallies before events: figures over an area and period are claimed here, so that event
  // assembly does not turn "30 attacks in 24 hours" into 30 invented events.
  talliesStage,
  eventsStage,
  statementsStage,
  agreementsStage,
] as Stage[];

checkOrder(STAGES);

/** Runs every stage in order and returns all that was found. */
export function runPipeline(doc: Document, resources: Resources, stages: readonly Stage[] = STAGES): Annotations {
  const found: Found = {};
  for (const stage of stages) {
    (found as Record<string, unknown>)[stage.key] = stage.run(doc, found, resources);
  }
  return found as Annotations;
}

// --- internal ---

/** Throws at load time if a stage reads what no earlier stage produces (a programmer error). */
function checkOrder(stages: readonly Stage[]): void {
  const produced = new Set<keyof Annotations>();
  for (const stage of stages) {
    for (const key of stage.needs) {
      if (!produced.has(key)) throw new Error(`pipeline: stage "${stage.key}" needs "${key}", which no earlier stage produces`);
    }
    if (produced.has(stage.key)) throw new Error(`pipeline: two stages produce "${stage.key}"`);
    produced.add(stage.key);
  }
}
