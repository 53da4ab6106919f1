/**
 * @module ingest/report
 * What a person sees during and after an ingest: a progress bar on a terminal (cli-progress),
 * plain progress lines otherwise (logs, CI), every failure on its own line as it happens, and
 * a closing summary.
 */
import cliProgress from "cli-progress";
import type { IngestSummary, ItemResult } from "./ingest.js";

export interface Progress {
  start(total: number): void;
  item(result: ItemResult, summary: IngestSummary): void;
  stop(): void;
}

export interface ProgressOptions {
  /** One line per item. */
  verbose?: boolean;
  /** Seconds between plain progress lines (default 5). */
  every?: number;
}

export function progressReporter(stream: NodeJS.WriteStream, options: ProgressOptions = {}): Progress {
  return stream.isTTY && !options.verbose ? barProgress(stream) : lineProgress(stream, options);
}

/** The closing summary, several lines. */
export function formatSummary(s: IngestSummary, location: string, maxFailures = 50): string {
  const rate = s.articlesPerSecond >= 10 ? s.articlesPerSecond.toFixed(0) : s.articlesPerSecond.toFixed(1);
  const lines = [`Read ${s.read} article${s.read === 1 ? "" : "s"} in ${s.seconds.toFixed(1)} s (${rate} articles/s) into ${location}`];
  const notExtracted = Object.entries(s.notExtractedReasons)
    .map(([reason, n]) => `${reason} ${n}`)
    .join(", ");
  const row = (label: string, n: number, note = "") => lines.push(`  ${label.padEnd(15)}${String(n).padStart(7)}${note ? `  ${note}` : ""}`);
  row("new", s.new, s.notExtracted > 0 ? `(${s.notExtracted} stored but not extracted: ${notExtracted})` : "");
  row("duplicate", s.duplicate, s.duplicate > 0 ? "(already stored: same text)" : "");
  if (s.reextracted > 0) row("re-extracted", s.reextracted, "(by a newer pipeline)");
  row("failed", s.failed);
  row("events stored", s.events);
  if (s.conflicts > 0) row("review conflicts", s.conflicts, "(a newer pipeline disagrees with reviewed events; the reviews were kept)");
  if (s.failures.length > 0) {
    lines.push("Failed:");
    for (const f of s.failures.slice(0, maxFailures)) lines.push(`  ${f.name}: ${f.reason}`);
    if (s.failures.length > maxFailures) lines.push(`  … and ${s.failures.length - maxFailures} more`);
  }
  return `${lines.join("\n")}\n`;
}

// --- internal ---

function barProgress(stream: NodeJS.WriteStream): Progress {
  const bars = new cliProgress.MultiBar(
    {
      stream,
      format: "ingest [{bar}] {value}/{total} | new {new} · duplicate {duplicate} · failed {failed} | {rate}/s | eta {eta_formatted}",
      barsize: 24,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  return {
    start(total) {
      bar = bars.create(Math.max(total, 1), 0, { new: 0, duplicate: 0, failed: 0, rate: "0" });
    },
    item(result, s) {
      if (result.outcome === "failed") bars.log(`truce: ${result.name}: ${result.reason}\n`);
      if (!bar) return;
      if (s.read > bar.getTotal()) bar.setTotal(s.read);
      bar.update(s.read, { new: s.new, duplicate: s.duplicate, failed: s.failed, rate: s.articlesPerSecond.toFixed(0) });
    },
    stop() {
      bars.stop();
    },
  };
}

function lineProgress(stream: NodeJS.WriteStream, options: ProgressOptions): Progress {
  const every = (options.every ?? 5) * 1000;
  let total = 0;
  let last = Date.now();
  let lastSummary: IngestSummary | undefined;
  const line = (s: IngestSummary) => {
    const of = total > 0 ? `/${Math.max(total, s.read)} (${Math.floor((100 * s.read) / Math.max(total, s.read))}%)` : "";
    stream.write(`ingest: ${s.read}${of} read, ${s.new} new, ${s.duplicate} duplicate, ${s.failed} failed, ${s.events} events, ${s.articlesPerSecond.toFixed(1)} articles/s\n`);
  };
  return {
    start(t) {
      total = t;
    },
    item(result, s) {
      lastSummary = s;
      if (result.outcome === "failed") stream.write(`truce: ${result.name}: ${result.reason}\n`);
      else if (options.verbose) stream.write(`${result.outcome.replace("_", " ")}: ${result.name}${result.events > 0 ? ` (${result.events} event${result.events === 1 ? "" : "s"})` : ""}${result.reason ? ` (${result.reason})` : ""}\n`);
      if (!options.verbose && Date.now() - last >= every) {
        last = Date.now();
        line(s);
      }
    },
    stop() {
      if (!options.verbose && lastSummary && lastSummary.read > 0 && total > 50) line(lastSummary);
    },
  };
}
