#!/usr/bin/env node
// The CLI is compiled to dist/ by `npm run build`, which `npm ci` runs through `prepare`.
import("../dist/cli/main.js").then(
  (m) => m.cli(),
  (err) => {
    const why = err && err.code === "ERR_MODULE_NOT_FOUND" ? "it is not built: run npm run build" : String(err && err.message);
    process.stderr.write(`truce: cannot start: ${why}\n`);
    process.exitCode = 70;
  },
);
