/**
 * @module export/countries
 * ISO 3166 numeric codes and ACLED regions by alpha-3 code, for ACLED's `iso` and `region`
 * columns. Regions follow the UN sub-regions with ACLED's own groupings (Middle East; Caucasus
 * and Central Asia; Mexico in Central America; Iran and Turkey in the Middle East).
 */
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface CountryCodes {
  numeric: number | null;
  region: string;
}

export function countryCodes(iso3: string | undefined): CountryCodes | undefined {
  if (!iso3) return undefined;
  const row = table()[iso3.toUpperCase()];
  return row ? { numeric: row[0], region: row[1] } : undefined;
}

// --- internal ---

let loaded: Record<string, [number | null, string]> | undefined;

/** The JSON stays in src/export (tsc copies no .json it does not import), so dist looks there too. */
function table(): Record<string, [number | null, string]> {
  if (!loaded) {
    const path = ["./countries.json", "../../src/export/countries.json"].map((p) => fileURLToPath(new URL(p, import.meta.url))).find((p) => existsSync(p));
    loaded = path ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, [number | null, string]>) : {};
  }
  return loaded;
}
