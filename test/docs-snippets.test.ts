// Every ```ts block in README.md, the site's landing page (docs/home.md) and docs/guides/*.md is a complete program: this test type-checks
// them all (strict, as an app would import "iopkit") and runs each one, so the docs cannot rot.
// A `// → text` comment on a line states what that line prints: the printed lines must include
// each such text, in order. The snippets are compiled together in one esbuild call ("iopkit"
// resolved to src/ through tsconfig paths, as tsx would, the dependencies left to node_modules),
// then each runs in its own plain node process.
//
// Every `@example` block of the TSDoc in src is compiled and run the same way
// (test/docs/tsdoc-examples.ts): it is given imports of the public names it uses and of the sample
// data it names without defining (test/docs/tsdoc-fixtures.ts); the examples run one after the
// other in a single node process, with `fetch` answered locally.
import { execFileSync } from "node:child_process";
import { build } from "esbuild";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ENTRIES, exampleModule, tsdocExamples, type TsdocExample } from "./docs/tsdoc-examples";

const root = resolve(".");
const dir = join(root, ".tmp", "snippets");
const sources = [
  "README.md",
  "docs/home.md",
  ...readdirSync("docs/guides")
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((f) => `docs/guides/${f}`),
];

interface Snippet {
  readonly source: string;
  readonly index: number;
  readonly line: number;
  readonly code: string;
  readonly file: string;
}

function extract(source: string): Snippet[] {
  const lines = readFileSync(source, "utf8").split("\n");
  const out: Snippet[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== "```ts") continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== "```") end++;
    const name = `${source.replace(/[/.]/g, "_")}_${out.length + 1}.ts`;
    out.push({
      source,
      index: out.length + 1,
      line: start,
      code: lines.slice(start, end).join("\n"),
      file: join(dir, name),
    });
    i = end;
  }
  return out;
}

const snippets = sources.flatMap(extract);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const s of snippets) writeFileSync(s.file, `${s.code}\nexport {};\n`);

/** The public value names of each entry, read from src. */
const entryExports = new Map<string, Set<string>>();
for (const e of ENTRIES) {
  const path = join(
    root,
    "src",
    e === "iopkit" ? "index.ts" : `${e.slice("iopkit/".length)}/index.ts`,
  );
  entryExports.set(e, new Set(Object.keys((await import(path)) as object)));
}
const fixtureNames = new Set(Object.keys(await import("./docs/tsdoc-fixtures")));
interface ExampleFile extends TsdocExample {
  readonly file: string;
}
const examples: ExampleFile[] = tsdocExamples(root).map((x) => ({
  ...x,
  file: join(dir, `tsdoc_${x.source.replace(/[/.-]/g, "_")}_${String(x.line)}.ts`),
}));
for (const x of examples)
  writeFileSync(
    x.file,
    exampleModule(x, entryExports, fixtureNames, "../../test/docs/tsdoc-fixtures"),
  );
writeFileSync(
  join(dir, "tsconfig.json"),
  JSON.stringify({
    extends: "../../tsconfig.json",
    compilerOptions: { noUnusedLocals: false },
    include: ["./*.ts"],
  }),
);

/** Blocks fenced ```ts file=PATH: the file itself is run (by vitest or the examples runner); the block must equal it. */
function fileBlocks(
  source: string,
): { source: string; line: number; path: string; code: string }[] {
  const lines = readFileSync(source, "utf8").split("\n");
  const out: { source: string; line: number; path: string; code: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^```ts file=(\S+)$/.exec(lines[i]?.trim() ?? "");
    if (m === null) continue;
    let end = i + 1;
    while (end < lines.length && lines[end]?.trim() !== "```") end++;
    out.push({ source, line: i + 1, path: m[1] ?? "", code: lines.slice(i + 1, end).join("\n") });
    i = end;
  }
  return out;
}

const compiled = join(dir, "out");
let exampleResults: Record<string, string | null> = {};

/** The compiled program of a snippet or an example. */
const outFile = (s: { readonly file: string }): string =>
  join(compiled, `${s.file.slice(dir.length + 1).replace(/\.ts$/, "")}.mjs`);

describe("documentation snippets", () => {
  beforeAll(async () => {
    await build({
      entryPoints: [...snippets.map((s) => s.file), ...examples.map((x) => x.file)],
      outdir: compiled,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      format: "esm",
      platform: "node",
      target: "node20",
      tsconfig: join(dir, "tsconfig.json"),
      external: ["zod", "zod/*", "ts-pattern", "fast-check", "luxon", "@medplum/*"],
      logLevel: "error",
    });
    // Every example in one process, in order; each one's error (or none) as a line of JSON.
    const runner = join(compiled, "run-examples.mjs");
    writeFileSync(
      runner,
      `globalThis.fetch = async () => new Response("{}", { status: 200 });
const log = console.log, warn = console.warn;
const results = {};
for (const file of JSON.parse(process.argv[2])) {
  console.log = console.warn = () => {};
  try {
    await import(file);
    results[file] = null;
  } catch (e) {
    results[file] = String(e?.stack ?? e);
  }
  console.log = log;
  console.warn = warn;
}
log(JSON.stringify(results));
`,
    );
    const files = examples.filter((x) => !x.noRun).map((x) => outFile(x));
    exampleResults = JSON.parse(
      execFileSync(process.execPath, [runner, JSON.stringify(files)], {
        cwd: root,
        encoding: "utf8",
        timeout: 120_000,
      }),
    ) as Record<string, string | null>;
  }, 180_000);

  it.each(
    sources.flatMap(fileBlocks).map((b) => [`${b.source}:${b.line} = ${b.path}`, b] as const),
  )("%s", (_name, b) => {
    expect(
      b.code.trim(),
      `${b.source}:${b.line} differs from ${b.path}: copy the file into the guide`,
    ).toBe(readFileSync(b.path, "utf8").trim());
  });

  it("typedoc.json lists every guide once (in reading order), so the site shows them all", () => {
    const listed = (
      JSON.parse(readFileSync("typedoc.json", "utf8")) as { projectDocuments: string[] }
    ).projectDocuments;
    expect(listed.filter((s) => s.startsWith("docs/guides/")).sort()).toEqual(
      sources.filter((s) => s.startsWith("docs/guides/")),
    );
    // Plus the generated reference page (scripts/code-systems-page.ts, run by `npm run docs`).
    expect(listed.filter((s) => !s.startsWith("docs/guides/"))).toEqual([
      "docs/generated/code-systems.md",
    ]);
  });

  it("there are snippets in the README and in every guide", () => {
    // The glossary is a reference page of definitions (scripts/glossary.ts), with no program; a
    // page whose program is a file in examples/ shows it in a ```ts file= block instead.
    for (const source of sources.filter(
      (s) => s !== "docs/guides/glossary.md" && fileBlocks(s).length === 0,
    ))
      expect(
        snippets.some((s) => s.source === source),
        `${source} has no \`\`\`ts snippet`,
      ).toBe(true);
  });

  it("all type-check under the project's strict settings", () => {
    try {
      execFileSync(
        process.execPath,
        [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(dir, "tsconfig.json")],
        { encoding: "utf8" },
      );
    } catch (e) {
      const out = String((e as { stdout?: string }).stdout ?? e);
      const located = out.replace(
        /\.tmp\/snippets\/([^(]+)\((\d+),/g,
        (_m, f: string, l: string) => {
          const s = snippets.find((x) => x.file.endsWith(f));
          return s === undefined
            ? `${f}(${l},`
            : `${s.source}:${s.line + Number(l) - 1} (snippet ${s.index}) (`;
        },
      );
      throw new Error(`snippets do not type-check:\n${located}`);
    }
    // One tsc run over every snippet: ~25 s on a quiet machine, over 60 s on a loaded one.
  }, 300_000);

  it.each(snippets.map((s) => [`${s.source} #${s.index} (line ${s.line})`, s] as const))(
    "%s runs",
    (_name, s) => {
      const out = execFileSync(process.execPath, [outFile(s)], {
        cwd: root,
        encoding: "utf8",
        timeout: 60_000,
      });
      const expected = [...s.code.matchAll(/\/\/ → (.*)$/gm)].map((m) => (m[1] ?? "").trim());
      const printed = out.split("\n");
      let at = 0;
      for (const text of expected) {
        const found = printed.findIndex((line, i) => i >= at && line.includes(text));
        expect(
          found,
          `${s.source}:${s.line}: expected output "${text}" in:\n${out}`,
        ).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    },
  );

  it("src has @example blocks, and each one is found", () => {
    expect(examples.length).toBeGreaterThan(90);
    for (const x of examples) expect(x.code, `${x.source}:${String(x.line)}`).not.toBe("");
  });

  // A ```ts no-run example (it reads a file an app has) is type-checked with the others only.
  it.each(
    examples
      .filter((x) => !x.noRun)
      .map((x) => [`${x.source}:${String(x.line)} @example`, x] as const),
  )("%s runs", (_name, x) => {
    expect(exampleResults[outFile(x)], `${x.source}:${String(x.line)}`).toBeNull();
  });
});
