/**
 * @module cli/commands/eval
 * `truce eval PATH… [--limit N] [--json] [--predictions FILE]`: scores extraction against gold
 * (gold-lite JSONL files, example folders) and prints one report per dataset.
 */
import { defineCommand } from "citty";
import { TruceError } from "../../errors.js";
import { readPredictions } from "../../eval/predictions.js";
import { buildReport, formatReport } from "../../eval/report.js";
import { evaluate, type EvalOptions } from "../../eval/run.js";

export default defineCommand({
  meta: { name: "eval", description: "Score extraction against gold files (gold-lite JSONL, example folders)" },
  args: {
    paths: { type: "positional", required: false, description: "gold-lite JSONL files, example folders, or folders of example folders" },
    limit: { type: "string", description: "score only the first N documents of each dataset" },
    json: { type: "boolean", description: "print the report as JSON" },
    predictions: { type: "string", description: "score saved extractions (JSONL, one v1 extraction per line, matched by article.id) instead of running extract" },
  },
  async run({ args }) {
    const paths = (args._ as unknown[]).map(String);
    if (paths.length === 0) throw new TruceError("E_USAGE", "no gold given: name gold-lite JSONL files or example folders (see truce eval --help)");
    const problems = (p: string): void => void process.stderr.write(`truce: ${p}\n`);
    const options: EvalOptions = { onProblem: problems };
    if (args.limit !== undefined) options.limit = parseLimit(args.limit);
    const extraProblems: string[] = [];
    if (args.predictions) {
      const saved = await readPredictions(args.predictions);
      saved.problems.forEach(problems);
      extraProblems.push(...saved.problems);
      options.predictions = saved.byId;
    }
    const result = await evaluate(paths, options);
    const report = buildReport({ ...result, problems: [...extraProblems, ...result.problems] });
    process.stdout.write(args.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    if (report.problems.length > 0) {
      throw new TruceError("E_PARTIAL", `${report.problems.length} problems in the input (see above); the rest was scored`);
    }
  },
});

// --- internal ---

function parseLimit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1) throw new TruceError("E_USAGE", `--limit "${value}": expected a whole number of documents, 1 or more`);
  return n;
}
