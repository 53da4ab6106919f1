/**
 * @module data-path
 * Where the shipped data files are: `data/` at the package root, one level above both `src/`
 * (tests) and `dist/` (the built package).
 */
import { fileURLToPath } from "node:url";

export function dataPath(name: string): string {
  return fileURLToPath(new URL(`../data/${name}`, import.meta.url));
}
