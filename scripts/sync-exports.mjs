#!/usr/bin/env node
// Writes package.json `exports` and typedoc.json `entryPoints` from scripts/parts.mjs (plus the
// `./schemas/*` export of the JSON Schema files).
// With --check, writes nothing and exits 1 if either file is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { parts } from "./parts.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const check = process.argv.includes("--check");
const entry = (base) => ({
  import: { types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` },
  require: { types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` },
});

/** The `exports` map and typedoc entry points that scripts/parts.mjs implies. */
export function expected() {
  const exportsMap = { ".": entry("index") };
  for (const p of parts) exportsMap[`./${p.name}`] = entry(`${p.name}/index`);
  // JSON Schemas of the input records, written by scripts/write-schemas.mjs after tsup.
  exportsMap["./schemas/*"] = "./dist/schemas/*";
  exportsMap["./package.json"] = "./package.json";
  return { exportsMap, entryPoints: parts.map((p) => `src/${p.name}/index.ts`) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { exportsMap, entryPoints } = expected();
  const pkgPath = join(root, "package.json");
  const tdPath = join(root, "typedoc.json");
  const pkg = JSON.parse(readFileSync(pkgPath, "utf8"));
  const td = JSON.parse(readFileSync(tdPath, "utf8"));
  const stale =
    JSON.stringify(pkg.exports) !== JSON.stringify(exportsMap) ||
    JSON.stringify(td.entryPoints) !== JSON.stringify(entryPoints);
  if (check) {
    if (stale) {
      console.error(
        "package.json exports or typedoc.json entryPoints differ from scripts/parts.mjs: run node scripts/sync-exports.mjs",
      );
      process.exit(1);
    }
  } else {
    pkg.exports = exportsMap;
    td.entryPoints = entryPoints;
    // Written as prettier formats them, so `npm run lint` stays clean.
    const options = await prettier.resolveConfig(tdPath);
    writeFileSync(
      pkgPath,
      await prettier.format(JSON.stringify(pkg), { ...options, filepath: pkgPath }),
    );
    writeFileSync(
      tdPath,
      await prettier.format(JSON.stringify(td), { ...options, filepath: tdPath }),
    );
  }
}
