/**
 * End to end on the shared worked examples (read from ../shared, never copied here): the seed
 * article must come out whole. Skips with a message when ../shared is absent.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/eval/report.js";
import { evaluate } from "../../src/eval/run.js";

const seed = fileURLToPath(new URL("../../../shared/examples/seed", import.meta.url));
const here = "[extract/examples] ";

describe.skipIf(!existsSync(seed))("the seed example (../shared/examples/seed)", () => {
  it(`${here}all three events, the tally, the statements and the commitments are found`, async () => {
    const report = buildReport(await evaluate([seed]));
    const d = report.datasets[0]!;
    const text = JSON.stringify(d);
    expect(d.f1, text).toBe(1);
    for (const field of ["type", "subType", "actor1", "actor2", "country", "admin1", "date", "fatalities"] as const) {
      expect(d.fields[field].value, `${field}: ${text}`).toBe(1);
    }
    expect(d.examples?.tallies.value).toBe(1);
    expect(d.examples?.statements.value).toBe(1);
    expect(d.examples?.commitments.value).toBe(1);
  });
});

if (!existsSync(seed)) console.warn(`${here}skipped: ${seed} not found (the shared evaluation data sits beside the checkout)`);
