/**
 * @module extract/resources
 * The data the stages read: gazetteer, actor dictionary, lexicons. Loaded once per process
 * (the gazetteer is several MB) and passed to every stage, so stages stay pure functions.
 */
import { loadGazetteer, type Gazetteer } from "./places/gazetteer.js";
import { loadActorDictionary, type ActorDictionary } from "./actors/dictionary.js";

export interface Resources {
  gazetteer: Gazetteer;
  actors: ActorDictionary;
}

export interface ResourceOptions {
  /** A user's actor dictionary (JSON or YAML) whose entries are added to, and win over, the shipped one. */
  actorsFile?: string;
}

const cache = new Map<string, Resources>();

export function loadResources(options: ResourceOptions = {}): Resources {
  const key = options.actorsFile ?? "";
  let resources = cache.get(key);
  if (!resources) {
    resources = { gazetteer: loadGazetteer(), actors: loadActorDictionary(options.actorsFile) };
    cache.set(key, resources);
  }
  return resources;
}
