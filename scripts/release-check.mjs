#!/usr/bin/env node
// `npm test`: every check a release needs, in order, each timed; stops at the first failure and
// exits non-zero. `node scripts/release-check.mjs --from <step>` resumes at a step.
import { spawnSync } from "node:child_process";

const steps = [
  ["exports", "node scripts/sync-exports.mjs --check"],
  ["typecheck", "npm run --silent typecheck"],
  ["lint", "npm run --silent lint"],
  ["unit", "npm run --silent test:unit"],
  ["build", "npm run --silent build"],
  ["publint", "npx --no-install publint --strict"],
  ["attw", "npx --no-install attw --pack . --profile node16"],
  ["size", "npx --no-install size-limit"],
  ["smoke", "node scripts/smoke-pack.mjs"],
  ["docs", "npm run --silent docs"],
  ["examples", "npm run --silent test:examples"],
];

const fromIndex = process.argv.indexOf("--from");
const from = fromIndex === -1 ? undefined : process.argv[fromIndex + 1];
const start = from === undefined ? 0 : steps.findIndex(([name]) => name === from);
if (start < 0) {
  console.error(`unknown step ${from}; steps: ${steps.map(([n]) => n).join(", ")}`);
  process.exit(2);
}

const timings = [];
const began = Date.now();
for (const [name, cmd] of steps.slice(start)) {
  process.stdout.write(`\n▶ ${name}: ${cmd}\n`);
  const t0 = Date.now();
  const r = spawnSync(cmd, { shell: true, stdio: "inherit" });
  const seconds = (Date.now() - t0) / 1000;
  timings.push([name, seconds]);
  if (r.status !== 0) {
    console.error(
      `\n✖ ${name} failed (exit ${r.status ?? r.signal}) after ${seconds.toFixed(1)} s`,
    );
    process.exit(1);
  }
}
console.log("\nAll checks passed:");
for (const [name, s] of timings) console.log(`  ${name.padEnd(10)} ${s.toFixed(1).padStart(6)} s`);
console.log(`  ${"total".padEnd(10)} ${((Date.now() - began) / 1000).toFixed(1).padStart(6)} s`);
