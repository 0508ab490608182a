#!/usr/bin/env node
// Pack smoke test: installs the packed tarball (scripts/pack.mjs) into throwaway consumer projects
// and proves what a user gets: ESM import and CJS require of every subpath, TypeScript type-checking under
// `nodenext` and `bundler` with `skipLibCheck: false`, `iopkit/testing` with fast-check installed,
// and the main entry loading when fast-check is absent. Needs `npm run build` first.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { pack, packed } from "./pack.mjs";
import { parts } from "./parts.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const work = join(root, ".tmp", "smoke");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const dev = pkg.devDependencies;
const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "inherit"], encoding: "utf8" });
const step = (msg) => process.stdout.write(`smoke: ${msg}\n`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// With --packed, the tarball the release check's pack step made; otherwise a fresh one. Either way
// scripts/pack.mjs has checked its file list.
const { tarball, files, size, unpackedSize } = process.argv.includes("--packed")
  ? packed()
  : pack();
step(
  `${files.length} files, ${(size / 1024).toFixed(1)} kB packed, ${(unpackedSize / 1024).toFixed(1)} kB unpacked`,
);

const subpaths = ["iopkit", ...parts.map((p) => `iopkit/${p.name}`)];
const runtimeParts = subpaths.filter((s) => s !== "iopkit/testing");

function consumer(name, deps) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "package.json"),
    JSON.stringify(
      { name: `consumer-${name}`, private: true, type: "module", dependencies: deps },
      null,
      2,
    ),
  );
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], dir);
  return dir;
}

// 1. A full consumer: zod and fast-check installed.
step("consumer with zod and fast-check");
const full = consumer("full", {
  iopkit: `file:${tarball}`,
  zod: dev.zod,
  "fast-check": dev["fast-check"],
});
writeFileSync(
  join(full, "esm.mjs"),
  `${subpaths.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`).join("\n")}
const mods = [${subpaths.map((_, i) => `m${i}`).join(", ")}];
for (const [i, m] of mods.entries()) if (Object.keys(m).length === 0) throw new Error("empty module " + ${JSON.stringify(subpaths)}[i]);
const { IopError } = m0;
const core = m${subpaths.indexOf("iopkit/core")};
if (core.IopError !== IopError) throw new Error("IopError differs between iopkit and iopkit/core");
try { core.toEpochDay("2026-02-30"); throw new Error("no throw"); } catch (e) { if (!(e instanceof IopError)) throw e; }
// Dual package: the CJS build's IopError is another class; isIopError (a brand) knows both.
const { createRequire } = await import("node:module");
const cjs = createRequire(import.meta.url)("iopkit");
if (cjs.IopError === IopError) throw new Error("expected the CJS build to have its own IopError class");
for (const [thrower, guard] of [[cjs, m0], [m0, cjs]]) {
  try { thrower.toEpochDay("2026-02-30"); throw new Error("no throw"); } catch (e) {
    if (!guard.isIopError(e)) throw new Error("isIopError does not recognise the other build's IopError");
  }
}
if (m0.isIopError(new Error("x")) || m0.isIopError({ name: "IopError", issues: [] })) throw new Error("isIopError accepts a look-alike");
console.log("esm ok:", mods.length, "entries; isIopError across ESM and CJS");
`,
);
writeFileSync(
  join(full, "cjs.cjs"),
  `const subpaths = ${JSON.stringify(subpaths)};
const mods = subpaths.map((s) => require(s));
for (const [i, m] of mods.entries()) if (Object.keys(m).length === 0) throw new Error("empty module " + subpaths[i]);
const { IopError } = mods[0];
const core = require("iopkit/core");
if (core.IopError !== IopError) throw new Error("IopError differs between iopkit and iopkit/core (CJS)");
try { core.toEpochDay("2026-02-30"); throw new Error("no throw"); } catch (e) { if (!(e instanceof IopError)) throw e; }
console.log("cjs ok:", mods.length, "entries");
`,
);
process.stdout.write(run("node", ["esm.mjs"], full));
process.stdout.write(run("node", ["cjs.cjs"], full));

// Type-check a consumer file under nodenext and bundler resolution, without skipping lib checks.
const tsFile = `${subpaths.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`).join("\n")}
import { IopError, toEpochDay, type ParticipantId, participantId } from "iopkit";
export const used = [${subpaths.map((_, i) => `m${i}`).join(", ")}];
export const id: ParticipantId = participantId("p-1");
export const day: number = toEpochDay("2026-03-09");
export const isErr = (e: unknown): boolean => e instanceof IopError;
`;
writeFileSync(join(full, "consumer.mts"), tsFile);
writeFileSync(
  join(full, "consumer.cts"),
  tsFile.replace(/^import \* as (m\d+) from ("[^"]+");$/gm, "import $1 = require($2);"),
);
writeFileSync(join(full, "bundler.ts"), tsFile);
const strict = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  noEmit: true,
  types: [],
  lib: ["ES2022", "DOM"],
};
writeFileSync(
  join(full, "tsconfig.nodenext.json"),
  JSON.stringify({
    compilerOptions: { ...strict, module: "nodenext", moduleResolution: "nodenext" },
    files: ["consumer.mts", "consumer.cts"],
  }),
);
writeFileSync(
  join(full, "tsconfig.bundler.json"),
  JSON.stringify({
    compilerOptions: { ...strict, module: "esnext", moduleResolution: "bundler" },
    files: ["bundler.ts"],
  }),
);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
for (const cfg of ["tsconfig.nodenext.json", "tsconfig.bundler.json"]) {
  step(`tsc -p ${cfg} (skipLibCheck: false)`);
  run("node", [tsc, "-p", cfg], full);
}

// 2. A consumer without fast-check: every runtime entry still loads; only iopkit/testing needs it.
step("consumer without fast-check");
const bare = consumer("bare", { iopkit: `file:${tarball}`, zod: dev.zod });
writeFileSync(
  join(bare, "esm.mjs"),
  `${runtimeParts.map((s, i) => `import * as m${i} from ${JSON.stringify(s)};`).join("\n")}\nconsole.log("esm without fast-check ok:", ${runtimeParts.length}, "entries", typeof m0.IopError);\n`,
);
writeFileSync(
  join(bare, "cjs.cjs"),
  `const ms = ${JSON.stringify(runtimeParts)}.map((s) => require(s));\nconsole.log("cjs without fast-check ok:", ms.length, "entries");\n`,
);
process.stdout.write(run("node", ["esm.mjs"], bare));
process.stdout.write(run("node", ["cjs.cjs"], bare));
const installed = readdirSync(join(bare, "node_modules"));
if (installed.includes("fast-check"))
  throw new Error("fast-check was installed into the bare consumer: it must stay an optional peer");

// Extra consumer checks registered by later capabilities (e.g. iopkit/testing usage).
const extras = join(root, "test", "smoke");
for (const extra of existsSync(extras)
  ? readdirSync(extras)
      .filter((f) => f.endsWith(".mjs"))
      .sort()
  : []) {
  step(`extra check ${extra}`);
  const mod = await import(join(root, "test", "smoke", extra));
  await mod.default({
    full,
    bare,
    run,
    write: (dir, name, text) => writeFileSync(join(dir, name), text),
    tsc,
  });
}
step("all good");
