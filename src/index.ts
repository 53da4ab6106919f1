/**
 * @module truce
 * Library API: `import { extract } from "truce"` gives the same result as `truce extract`.
 */
export { extract, isIsoDate, type ExtractOptions } from "./extract/extract.js";
export type * from "./contract.js";
export { ACLED_TYPES } from "./contract.js";
export { TruceError } from "./errors.js";
