/**
 * @module cli/args
 * Options several commands share, defined once so they read and behave the same everywhere.
 */
import { isIsoDate } from "../extract/extract.js";
import { inputError } from "../errors.js";

/** `--db DIR|URL`: where the data is. */
export const DB_ARG = {
  type: "string",
  description: "database: a folder (embedded) or postgres://… (default: $DATABASE_URL, else ./truce-data)",
} as const;

/** Refuses a `--published` that is not a real YYYY-MM-DD day, naming the option. */
export function checkPublished(value: string | undefined): void {
  if (value !== undefined && !isIsoDate(value)) throw inputError(`--published "${value}": not a real date in the form YYYY-MM-DD`);
}
