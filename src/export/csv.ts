/**
 * @module export/csv
 * RFC 4180 CSV that spreadsheets open cleanly: CRLF line ends, fields quoted when they hold a
 * comma, a quote, a line break or edge spaces, quotes doubled; optionally a UTF-8 byte order
 * mark, without which Excel reads UTF-8 as the local code page ("KabÅ«l").
 */

export type Cell = string | number | null | undefined;

export const BOM = "\uFEFF";

export function csvField(value: Cell): string {
  if (value === null || value === undefined) return "";
  const s = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : value;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(values: readonly Cell[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
