/**
 * @module extract/stage
 * A stage is a pure function of the document and what earlier stages found. It fills exactly
 * one key of the annotations; the pipeline runs the stages in the order of one list.
 */
import type { Annotations } from "./annotations.js";
import type { Document } from "./document.js";
import type { Resources } from "./resources.js";

/** What earlier stages found: a stage may read only keys of stages listed before it. */
export type Found = Partial<Annotations>;

export interface Stage<K extends keyof Annotations = keyof Annotations> {
  /** The key of the annotations this stage fills. */
  key: K;
  /** Keys this stage reads; the pipeline checks at load time that earlier stages fill them. */
  needs: readonly (keyof Annotations)[];
  run(doc: Document, found: Found, resources: Resources): Annotations[K];
}

export function defineStage<K extends keyof Annotations>(stage: Stage<K>): Stage<K> {
  return stage;
}

/** Reads a key an earlier stage filled; the pipeline's load-time check makes this safe. */
export function need<K extends keyof Annotations>(found: Found, key: K): Annotations[K] {
  const value = found[key];
  if (value === undefined) throw new Error(`pipeline order: stage output "${key}" read before it was produced`);
  return value as Annotations[K];
}
