#!/usr/bin/env node
// `npm test`: every check a release needs. Independent checks run side by side (the machine's
// cores kept busy, the longest first); the package is built once and packed once, and the smoke
// test, attw, publint and `npm publish --dry-run` all read that one tarball. Each check's output
// goes to .tmp/release-check/<check>.log; a green run prints one line per check, a failing check
// prints its whole output. Exit status 1 if any check failed.
//
//   node scripts/release-check.mjs              every check
//   node scripts/release-check.mjs unit lint    only these (and the checks they need)
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const logs = join(root, ".tmp", "release-check");
mkdirSync(logs, { recursive: true });
const bin = (name) => join(root, "node_modules", ".bin", name);
const last = (text, re) => [...text.matchAll(new RegExp(re.source, "g"))].at(-1);

/**
 * The checks. `needs`: checks that must pass first. `cpus`: how many cores the check keeps busy.
 * `summary`: the one line worth reading from a green run's output.
 */
const checks = [
  {
    name: "unit",
    // Type tests (*.test-d.ts) are compiled by the typecheck check (tsconfig.json includes test/);
    // `npm run test:unit` still runs them through vitest. vitest's default is one worker fewer
    // than the cores (one, on two); the unit tests are the longest check, so they get them all.
    cmd: `${bin("vitest")} run --typecheck.enabled=false --maxWorkers=${availableParallelism()}`,
    first: true,
    cpus: 2,
    summary: (out) => {
      const files = last(out, /Test Files\s+(\d+) passed/)?.[1];
      const tests = last(out, /Tests\s+(\d+) passed/)?.[1];
      const seed = process.env["FC_SEED"] || "20260309";
      const runs = process.env["FC_RUNS"] ? `, FC_RUNS=${process.env["FC_RUNS"]}` : "";
      return `${tests} tests in ${files} files (fast-check seed ${seed}${runs})`;
    },
  },
  {
    name: "build",
    cmd: "npm run --silent build",
    summary: (out) => `dist/ built (ESM, CJS, types); ${last(out, /(\d+ JSON Schemas)/)?.[1]}`,
  },
  {
    name: "typecheck",
    cmd: "npm run --silent typecheck",
    summary: () =>
      "src alone (no DOM, no Node types), then src, tests, type tests, examples, bench",
  },
  {
    name: "lint",
    cmd: "npm run --silent lint",
    summary: () => "eslint (typed rules, layers) and prettier: clean",
  },
  {
    name: "docs",
    cmd: "npm run --silent docs",
    summary: () => "typedoc site in docs/site/, no warnings",
  },
  {
    name: "examples",
    cmd: "node scripts/run-examples.mjs",
    summary: (out) => `${(out.match(/^✓/gm) ?? []).length} programs in examples/ ran`,
  },
  {
    name: "exports",
    cmd: "node scripts/sync-exports.mjs --check",
    summary: () => "package.json exports and typedoc entry points match scripts/parts.mjs",
  },
  { name: "pack", needs: ["build"], cmd: "node scripts/pack.mjs", summary: (out) => out.trim() },
  {
    name: "size",
    needs: ["build"],
    cmd: `${bin("size-limit")} --json > .tmp/size.json`,
    summary: () => {
      const rows = JSON.parse(readFileSync(join(root, ".tmp", "size.json"), "utf8"));
      const whole = rows.find((r) => r.name.startsWith('import * from "iopkit", with'));
      return `${rows.length} budgets met; the whole library with dependencies ${(whole.size / 1000).toFixed(1)} kB`;
    },
  },
  {
    name: "figures",
    needs: ["size"],
    cmd: "node scripts/figures.mjs --check && node scripts/mutation-figures.mjs --check",
    summary: (out) => out.trim(),
  },
  {
    name: "api",
    needs: ["build"],
    cmd: "node scripts/api-report.mjs",
    summary: (out) => out.trim(),
  },
  {
    name: "publint",
    needs: ["pack"],
    cmd: `${bin("publint")} run --strict "$(node -p "require('./.tmp/pack/pack.json').tarball")"`,
    summary: () => "publint --strict on the tarball: no issues",
  },
  {
    name: "attw",
    needs: ["pack"],
    cmd: `${bin("attw")} "$(node -p "require('./.tmp/pack/pack.json').tarball")" --profile node16 --format table-flipped`,
    summary: () =>
      "attw (node16 profile) on the tarball: types resolve for every entry, ESM and CJS",
  },
  {
    name: "publish",
    needs: ["pack"],
    cmd: `npm publish "$(node -p "require('./.tmp/pack/pack.json').tarball")" --dry-run --json --loglevel=error`,
    summary: (out) => {
      const j = JSON.parse(out.slice(out.indexOf("{")));
      const p = j.iopkit ?? j;
      return `npm publish --dry-run: ${p.id}, ${p.files.length} files, provenance-ready publishConfig`;
    },
  },
  {
    name: "smoke",
    needs: ["pack"],
    cmd: "node scripts/smoke-pack.mjs --packed",
    summary: () => "the tarball installed: ESM, CJS and types (nodenext, bundler) of every entry",
  },
];

const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !checks.some((c) => c.name === w));
if (unknown.length > 0) {
  console.error(
    `unknown check(s) ${unknown.join(", ")}; checks: ${checks.map((c) => c.name).join(", ")}`,
  );
  process.exit(2);
}
/** The wanted checks and everything they need. */
const selected = new Set();
const add = (name) => {
  if (selected.has(name)) return;
  selected.add(name);
  for (const n of checks.find((c) => c.name === name)?.needs ?? []) add(n);
};
for (const c of wanted.length === 0 ? checks.map((c) => c.name) : wanted) add(c);
const plan = checks.filter((c) => selected.has(c.name));

const cores = availableParallelism();
const began = Date.now();
const state = new Map(plan.map((c) => [c.name, "waiting"]));
const results = [];
let busy = 0;

console.log(
  `iopkit release checks: ${plan.length} checks on ${cores} cores, node ${process.version}; logs in .tmp/release-check/`,
);

function run(check) {
  state.set(check.name, "running");
  busy += Math.min(check.cpus ?? 1, cores);
  const t0 = Date.now();
  // The longest check runs at normal priority, the rest slightly below, so the longest finishes
  // early and the others fill the cores around it.
  const cmd = check.first || process.platform === "win32" ? check.cmd : `nice -n 5 ${check.cmd}`;
  const child = spawn(cmd, {
    cwd: root,
    shell: true,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks = [];
  child.stdout.on("data", (d) => chunks.push(d));
  child.stderr.on("data", (d) => chunks.push(d));
  return new Promise((done) => {
    child.on("close", (code, signal) => {
      busy -= Math.min(check.cpus ?? 1, cores);
      const out = Buffer.concat(chunks).toString("utf8");
      writeFileSync(join(logs, `${check.name}.log`), out);
      const seconds = (Date.now() - t0) / 1000;
      const ok = code === 0;
      state.set(check.name, ok ? "passed" : "failed");
      let line = "";
      if (ok) {
        try {
          line = check.summary(out);
        } catch {
          line = "passed";
        }
      } else line = `exit ${code ?? signal}`;
      results.push({ name: check.name, ok, seconds, out });
      console.log(
        `${ok ? "✓" : "✖"} ${check.name.padEnd(9)} ${seconds.toFixed(1).padStart(6)} s  ${line}`,
      );
      done();
    });
  });
}

/** Starts every check whose needs have passed while cores are free; resolves when all are done. */
async function schedule() {
  const running = new Set();
  for (;;) {
    for (const c of plan) {
      if (state.get(c.name) !== "waiting") continue;
      const needs = c.needs ?? [];
      if (needs.some((n) => state.get(n) === "failed" || state.get(n) === "skipped")) {
        state.set(c.name, "skipped");
        continue;
      }
      if (!needs.every((n) => state.get(n) === "passed")) continue;
      // One check more than there are cores: most checks wait on the disk or a child now and then.
      if (busy > 0 && busy + Math.min(c.cpus ?? 1, cores) > cores + 1) continue;
      const p = run(c).then(() => running.delete(p));
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
}

await schedule();
const failed = results.filter((r) => !r.ok);
const skipped = plan.filter((c) => state.get(c.name) === "skipped").map((c) => c.name);
const total = ((Date.now() - began) / 1000).toFixed(1);
for (const f of failed) {
  console.log(`\n──── ${f.name} failed; its output (.tmp/release-check/${f.name}.log):\n`);
  console.log(f.out.trimEnd());
}
if (failed.length > 0) {
  console.log(
    `\n✖ ${failed.length} of ${plan.length} checks failed (${failed.map((f) => f.name).join(", ")})` +
      `${skipped.length > 0 ? `; not run: ${skipped.join(", ")}` : ""} — ${total} s`,
  );
  process.exit(1);
}
console.log(`\nAll ${plan.length} checks passed in ${total} s.`);
