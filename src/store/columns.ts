/**
 * @module store/columns
 * Column lists and the value clean-ups every write applies (dates the database accepts, whole
 * numbers for counts).
 */

export type ColumnType = "text" | "int" | "smallint" | "bigint" | "float8" | "date" | "jsonb";
export type Columns = readonly (readonly [name: string, type: ColumnType])[];

/** A YYYY-MM-DD string the database accepts as a date, or null. */
export function isoDate(value: string | undefined | null): string | null {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : null;
}

/** Counts are whole numbers in the schema. */
export function int(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? Math.round(value) : null;
}

export function float(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
