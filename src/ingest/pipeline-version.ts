/**
 * @module ingest/pipeline-version
 * The version stamped on every extraction run. A stored article is extracted again only by a
 * newer pipeline. It is Truce's package version; TRUCE_PIPELINE_VERSION overrides it (to force
 * a re-extraction after changing a lexicon, and in tests).
 */
import { readFileSync } from "node:fs";

export function pipelineVersion(env: NodeJS.ProcessEnv = process.env): string {
  return env.TRUCE_PIPELINE_VERSION?.trim() || packageVersion();
}

// --- internal ---

let cached: string | undefined;

/** package.json sits two levels above both src/ingest and dist/ingest. */
function packageVersion(): string {
  if (cached === undefined) {
    try {
      const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version?: unknown };
      cached = typeof pkg.version === "string" ? pkg.version : "0.0.0";
    } catch {
      cached = "0.0.0";
    }
  }
  return cached;
}
