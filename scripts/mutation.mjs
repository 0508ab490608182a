#!/usr/bin/env node
// npm run mutation -- src/schedule/check.ts [more files of the same part] [--force]
//
// Mutates the given source files and runs, for each mutant, the tests of their part (test/<part>/),
// with MUTATION_FC_RUNS property runs (default 20; fast-check's global default in test/setup.ts is
// 100). Results: the clear-text report on stdout, .tmp/mutation/report.json, and the committed
// incremental file mutation/incremental.json (a rerun after a small change re-tests only the
// mutants it touches). Equivalent mutants that cannot be killed are listed, each with its reason,
// in mutation/equivalent.md.
import { spawnSync } from "node:child_process";

const files = process.argv.slice(2).filter((a) => !a.startsWith("-"));
// StrykerJS's own flags (e.g. `--force`: re-test every mutant, reusing nothing) pass through.
const flags = process.argv.slice(2).filter((a) => a.startsWith("-"));
if (files.length === 0) {
  console.error("usage: npm run mutation -- src/<part>/<file>.ts [src/<part>/<file>.ts …]");
  process.exit(2);
}
const partsOf = new Set(files.map((f) => /^src\/([a-z]+)\//.exec(f)?.[1]));
if (partsOf.has(undefined) || partsOf.size !== 1) {
  console.error("mutation: give files of one part, as src/<part>/… paths");
  process.exit(2);
}
const [part] = partsOf;
const r = spawnSync("npx", ["stryker", "run", "--mutate", files.join(","), ...flags], {
  stdio: "inherit",
  env: {
    ...process.env,
    MUTATION_PART: part,
    FC_RUNS: process.env["MUTATION_FC_RUNS"] ?? "20",
  },
});
// The testing guide's figures come from the report just written, never from hand edits.
if (r.status === 0)
  spawnSync("node", ["scripts/mutation-figures.mjs", "--update"], { stdio: "inherit" });
process.exit(r.status ?? 1);
