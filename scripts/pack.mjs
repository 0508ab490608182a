#!/usr/bin/env node
// Packs the built package once into .tmp/pack/ (run `npm run build` first) and checks what npm
// would publish: only dist/, README.md, LICENSE, CHANGELOG.md and package.json; no tests,
// fixtures, scratch files or source maps; every file the `exports` map names is in it. The smoke
// test, attw, publint and `npm publish --dry-run` then all use this one tarball
// (.tmp/pack/pack.json says where it is).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const packDir = join(root, ".tmp", "pack");
const manifest = join(packDir, "pack.json");

/** What may be published: the build and the package's own documents. */
const allowed = [
  /^dist\/(.+\/)?[\w.-]+\.(js|cjs|d\.ts|d\.cts)$/,
  /^dist\/schemas\/[\w-]+\.schema\.json$/,
  /^(README\.md|LICENSE|CHANGELOG\.md|package\.json)$/,
];

/** Every file path the `exports` map points at (`./schemas/*` checked against dist/schemas/). */
function exportedFiles(pkg) {
  const out = [];
  const walk = (v) => {
    if (typeof v === "string") out.push(v.replace(/^\.\//, ""));
    else if (v !== null && typeof v === "object") for (const x of Object.values(v)) walk(x);
  };
  walk(pkg.exports);
  return out.filter((f) => !f.includes("*"));
}

/** The only packages the shipped JavaScript may load (type-only dependencies must not appear). */
const runtimeDependencies = new Set(["zod", "ts-pattern", "fast-check"]);

/** Imports of packages other than {@link runtimeDependencies} in the packed JavaScript. */
function runtimeImports(files) {
  const problems = [];
  for (const f of files.filter((x) => /\.(js|cjs)$/.test(x))) {
    const text = readFileSync(join(root, f), "utf8");
    const specifiers = text.matchAll(
      /^(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']|^import\s*["']([^"']+)["']|\brequire\(\s*["']([^"']+)["']\s*\)/gm,
    );
    for (const m of specifiers) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (spec.startsWith(".")) continue;
      const name = spec.startsWith("@")
        ? spec.split("/").slice(0, 2).join("/")
        : spec.split("/")[0];
      if (!runtimeDependencies.has(name)) problems.push(`${f}: imports ${spec} at run time`);
    }
  }
  return problems;
}

/** Packs once and checks the file list; returns `{ tarball, files, size, unpackedSize }`. */
export function pack() {
  if (!existsSync(join(root, "dist", "index.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  rmSync(packDir, { recursive: true, force: true });
  mkdirSync(packDir, { recursive: true });
  const out = execFileSync("npm", ["pack", "--json", "--pack-destination", packDir], {
    cwd: root,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [packed] = JSON.parse(out);
  const files = packed.files.map((f) => f.path).sort();
  const problems = [
    ...files
      .filter((f) => !allowed.some((re) => re.test(f)))
      .map((f) => `${f}: not on the allow-list (scripts/pack.mjs)`),
    ...exportedFiles(JSON.parse(readFileSync(join(root, "package.json"), "utf8")))
      .filter((f) => !files.includes(f))
      .map((f) => `${f}: named by package.json "exports" but not packed`),
    ...(files.some((f) => f.startsWith("dist/schemas/"))
      ? []
      : ["dist/schemas/: no JSON Schemas packed"]),
    ...runtimeImports(files),
  ];
  if (problems.length > 0)
    throw new Error(`the package is not fit to publish:\n${problems.join("\n")}`);
  const result = {
    tarball: join(packDir, packed.filename),
    files,
    size: packed.size,
    unpackedSize: packed.unpackedSize,
  };
  writeFileSync(manifest, `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** The tarball packed by the last `pack()`, or a fresh one. */
export function packed() {
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, "utf8"));
    if (existsSync(m.tarball)) return m;
  }
  return pack();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = pack();
  console.log(
    `packed ${r.files.length} files (allow-list kept, every export present, runtime imports only zod, ts-pattern, fast-check): ` +
      `${(r.size / 1024).toFixed(1)} kB, ${(r.unpackedSize / 1024).toFixed(1)} kB unpacked`,
  );
}
