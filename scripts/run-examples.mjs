#!/usr/bin/env node
// Runs every program in examples/ (they are type-checked by `npm run typecheck`) and fails if any
// exits non-zero or prints nothing. Output goes to .tmp/examples/<name>.log; the demo runs with its
// default options into .tmp/examples/demo-out so `out/` stays the user's.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const logs = join(root, ".tmp", "examples");
mkdirSync(logs, { recursive: true });
// *.test.ts examples are test files: vitest runs them (npm run test:unit).
const files = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
  .sort();
let failed = 0;
for (const file of files) {
  const args = file === "demo.ts" ? ["--out", join(logs, "demo-out")] : [];
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [join(root, "node_modules", "tsx", "dist", "cli.mjs"), join("examples", file), ...args],
    {
      cwd: root,
      encoding: "utf8",
      timeout: 120_000,
      env: { ...process.env, NO_COLOR: "1" },
    },
  );
  const out = `${r.stdout ?? ""}${r.stderr ?? ""}`;
  writeFileSync(join(logs, `${file}.log`), out);
  const ok = r.status === 0 && (r.stdout ?? "").trim().length > 0;
  console.log(`${ok ? "✓" : "✖"} examples/${file} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  if (!ok) {
    failed += 1;
    console.log(out.split("\n").slice(-30).join("\n"));
  }
}
if (failed > 0) {
  console.error(`${failed} example(s) failed; logs in .tmp/examples/`);
  process.exit(1);
}
