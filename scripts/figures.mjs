#!/usr/bin/env node
// The size and cold-start figures the README and the performance guide state, written from the
// checks that measure them — never typed by hand. docs/figures.json holds the last measurement;
// the tables between `<!-- figures:NAME -->` and `<!-- /figures:NAME -->` are rendered from it.
//
//   node scripts/figures.mjs --update   take sizes from .tmp/size.json (`size-limit --json`) and,
//                                       when bench/results/latest.json has one, the cold-import
//                                       run; save docs/figures.json; rewrite the tables
//   node scripts/figures.mjs --check    fail if a table differs from what docs/figures.json
//                                       renders, or (after the size check) if a recorded size is
//                                       more than 3 % (at least 0.25 kB) off this build's
//
// `npm run figures` measures the sizes and updates; `npm run bench` then `npm run figures` also
// takes the cold-import figures.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const dataPath = join(root, "docs", "figures.json");
const sizePath = join(root, ".tmp", "size.json");
const benchPath = join(root, "bench", "results", "latest.json");
export const documents = ["README.md", "docs/guides/performance.md"];

const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const ms = (x) => `${x.toFixed(0)} ms`;

/** Rows of the size table: one per import, with and without dependencies. */
function sizeRows(sizes) {
  const byName = new Map(sizes.map((r) => [r.name, r]));
  const imports = [
    ...new Set(sizes.map((r) => r.name.replace(/, (with dependencies|own code)$/, ""))),
  ];
  return imports.map((imp) => ({
    imp,
    deps: byName.get(`${imp}, with dependencies`),
    own: byName.get(`${imp}, own code`),
  }));
}

/** The tables, by marker name, rendered from the recorded figures. */
export function render(data) {
  const sizes = [
    `Measured by \`npm test\`'s size check (esbuild, minified, gzip level 9) on iopkit ${data.sizes.version}:`,
    "what an app's bundle grows by, dependencies included (zod, ts-pattern; fast-check for",
    "`iopkit/testing`), and iopkit's own code alone. Budgets are in `.size-limit.js`.",
    "",
    "| import | with dependencies | budget | own code | budget |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...sizeRows(data.sizes.rows).map(
      ({ imp, deps, own }) =>
        `| \`${imp}\` | ${deps ? kB(deps.size) : "—"} | ${deps ? kB(deps.limit) : "—"} | ${own ? kB(own.size) : "—"} | ${own ? kB(own.limit) : "—"} |`,
    ),
  ];
  const c = data.coldImport;
  const zod = c.rows.find((r) => r.specifier === "zod");
  const cold = [
    `Measured by \`npm run bench\` (bench/cold-import.ts) on ${c.machine}, ${c.node}, ${c.date}:`,
    `\`import()\` of the built package in a fresh process, median of ${c.samples} processes each (min–max).`,
    "",
    "| import | median | min–max | beyond zod's own import | goal |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...c.rows.map(
      (r) =>
        `| \`import("${r.specifier}")\` | ${ms(r.medianMs)} | ${ms(r.minMs)}–${ms(r.maxMs)} | ${r.specifier === "zod" ? "—" : `+${ms(r.medianMs - zod.medianMs)}`} | ${r.goal === undefined ? "—" : `≤ +${r.goal} ms`} |`,
    ),
  ];
  return { sizes: sizes.join("\n"), "cold-import": cold.join("\n") };
}

const marker = (name) =>
  new RegExp(`(<!-- figures:${name} -->\\n)([\\s\\S]*?)(<!-- /figures:${name} -->)`);

/** A document with its tables replaced by `tables`; throws if a marker pair is missing. */
export function withTables(text, tables, file) {
  let out = text;
  for (const [name, table] of Object.entries(tables)) {
    if (!marker(name).test(out)) throw new Error(`${file}: no <!-- figures:${name} --> table`);
    out = out.replace(marker(name), (_m, a, _old, b) => `${a}${table}\n${b}`);
  }
  return out;
}

export const readData = () => JSON.parse(readFileSync(dataPath, "utf8"));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const data = readData();
  if (process.argv.includes("--update")) {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    if (!existsSync(sizePath)) throw new Error("no .tmp/size.json: run `npm run figures`");
    const rows = JSON.parse(readFileSync(sizePath, "utf8"));
    data.sizes = {
      version: pkg.version,
      rows: rows.map((r) => ({ name: r.name, size: r.size, limit: r.sizeLimit })),
    };
    if (existsSync(benchPath)) {
      const bench = JSON.parse(readFileSync(benchPath, "utf8"));
      const run = bench.results.find((r) => r.name === "cold import");
      if (run !== undefined) {
        data.coldImport = {
          machine: `${bench.platform}, ${availableParallelism()} cores`,
          node: bench.node,
          date: bench.date.slice(0, 10),
          samples: run.coldImport[0].samples.length,
          rows: run.coldImport.map((r) => ({
            specifier: r.specifier,
            medianMs: r.medianMs,
            minMs: r.minMs,
            maxMs: r.maxMs,
            ...(r.specifier === "iopkit"
              ? { goal: 20 }
              : r.specifier === "iopkit/core"
                ? { goal: 5 }
                : {}),
          })),
        };
      }
    }
    writeFileSync(dataPath, `${JSON.stringify(data, null, 2)}\n`);
    for (const file of documents) {
      const p = join(root, file);
      writeFileSync(p, withTables(readFileSync(p, "utf8"), render(data), file));
    }
    console.log(`figures: docs/figures.json and the tables in ${documents.join(", ")} rewritten`);
  } else if (process.argv.includes("--check")) {
    const problems = [];
    const tables = render(data);
    for (const file of documents) {
      const text = readFileSync(join(root, file), "utf8");
      if (withTables(text, tables, file) !== text)
        problems.push(`${file}: a table differs from docs/figures.json (run npm run figures)`);
    }
    let compared = 0;
    if (existsSync(sizePath)) {
      const measured = new Map(
        JSON.parse(readFileSync(sizePath, "utf8")).map((r) => [r.name, r.size]),
      );
      for (const r of data.sizes.rows) {
        const now = measured.get(r.name);
        if (now === undefined)
          problems.push(`docs/figures.json: "${r.name}" is no longer measured`);
        else if (Math.abs(now - r.size) > Math.max(250, 0.03 * r.size))
          problems.push(`"${r.name}": the docs say ${kB(r.size)}, this build measures ${kB(now)}`);
        else compared += 1;
      }
      for (const name of measured.keys())
        if (!data.sizes.rows.some((r) => r.name === name))
          problems.push(`"${name}" is measured but not in the docs`);
    }
    if (problems.length > 0) {
      console.error(`${problems.join("\n")}\nRun \`npm run figures\` and commit the result.`);
      process.exit(1);
    }
    console.log(
      `the docs' size and cold-import tables match docs/figures.json${compared > 0 ? `; its ${compared} sizes are within 3 % of this build's` : ""}`,
    );
  } else {
    console.error("usage: node scripts/figures.mjs --update | --check");
    process.exit(2);
  }
}
