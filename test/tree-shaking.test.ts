// Tree-shaking is proved, not hoped: module-level values built by calls are wrapped
// `/* @__PURE__ */ pure(() => …)` (tables) or `/* @__PURE__ */ lazySchema(() => …)` (zod schemas,
// built on first use) so bundlers drop the unused ones, and importing iopkit builds no schema at
// all; the size budgets in `npm test` measure the result.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { unannotated } from "../scripts/pure-annotations.mjs";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory()
      ? files(p)
      : p.endsWith(".ts") && !p.endsWith("core/pure.ts")
        ? [p]
        : [];
  });

// Every zod/mini constructor iopkit calls, counted.
vi.mock("zod/mini", async (importOriginal) => {
  const mini = await importOriginal<Record<string, unknown>>();
  let built = 0;
  const counted: Record<string, unknown> = { built: () => built };
  for (const [name, value] of Object.entries(mini))
    counted[name] =
      typeof value === "function" && /^[a-z_]/.test(name)
        ? (...args: unknown[]) => {
            built++;
            return (value as (...a: unknown[]) => unknown)(...args);
          }
        : value;
  return counted;
});

const scratch = join(".tmp", "tree-shaking");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** What the checker says about a module with `source`. */
function check(source: string): { name: string; reason: string }[] {
  mkdirSync(scratch, { recursive: true });
  const file = join(scratch, `m${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  return unannotated(file).map((u) => ({ name: u.name, reason: u.reason }));
}

describe("tree-shaking", () => {
  it("every module-level value built by a call in src is annotated pure, and no schema is built at import (fix: node scripts/pure-annotations.mjs --fix)", () => {
    const found = files("src")
      .flatMap((f) => unannotated(f))
      .map((u) => `${u.file}:${u.line} ${u.name} ${u.reason}`);
    expect(found).toEqual([]);
  });

  it("schemas are composed with src/core/zod.ts (JIT objects, no stand-ins inside), never zod/mini's own", () => {
    /** Each `z.strictObject(` / `z.array(` … in code (comments left out), even over lines. */
    const composing = (source: string): number[] => {
      const code = source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, (c) => c.replace(/[^\n]/g, " "));
      const re =
        /\bz\s*\.\s*(strictObject|object|looseObject|array|optional|nullable|_default|prefault|union|discriminatedUnion|pipe)\s*\(/g;
      return [...code.matchAll(re)].map((m) => code.slice(0, m.index).split("\n").length);
    };
    const found = files("src")
      .filter((f) => !f.endsWith("core/zod.ts"))
      .flatMap((f) => composing(readFileSync(f, "utf8")).map((line) => `${f}:${line}`));
    expect(found).toEqual([]);
    expect(composing("const a = z\n  .strictObject({});\n/** z.array(x) */")).toEqual([1]);
  });

  it.each([
    ["planSchedule", false],
    ["scorePhq9", false],
    ["canDisclose", false],
    ["weeklyCompliance", false],
    ["parseAttendanceRecord", true],
  ])("a bundle of { %s } carries zod only if it validates (%s)", async (name, validates) => {
    const { build } = await import("esbuild");
    const out = await build({
      stdin: {
        contents: `export { ${name} } from "./src/index.ts";`,
        resolveDir: ".",
        loader: "ts",
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "neutral",
      mainFields: ["module", "main"],
      metafile: true,
      logLevel: "silent",
      external: ["luxon", "ts-pattern", "fast-check"],
    });
    const output = Object.values(out.metafile.outputs)[0];
    // What is in the bundle (modules esbuild read but shook out entirely have 0 bytes in it).
    const inputs = Object.entries(output?.inputs ?? {}).flatMap(([f, v]) =>
      v.bytesInOutput > 0 ? [f] : [],
    );
    expect(inputs.length).toBeGreaterThan(0);
    const zod = inputs.filter((f) => f.includes("node_modules/zod/"));
    expect(zod.length > 0).toBe(validates);
    if (validates) expect(zod.some((f) => f.includes("/v4/classic/"))).toBe(false); // mini only
  });

  it("the checker flags a bare call, a schema built in pure(), and accepts the lazy forms", () => {
    expect(
      check(
        [
          "const a = z.string();",
          "const b = /* @__PURE__ */ pure(() => z.strictObject({ x: z.string() }));",
          'const c = /* @__PURE__ */ pure(() => new Set(["x"]));',
          "const d = /* @__PURE__ */ lazySchema(() => z.string());",
          "const e = lazySchema(() => z.string());",
          "const f = /* @__PURE__ */ lazyInternal(() => z.number());",
          "const g = () => z.string();",
        ].join("\n"),
      ),
    ).toEqual([
      { name: "a", reason: "unannotated" },
      { name: "b", reason: "schema-at-import" },
      { name: "e", reason: "unannotated" },
    ]);
  });

  it("importing iopkit builds no schema; using one builds it (and its parts) then", async () => {
    // zod/mini's constructors, counted (vi.mock is hoisted above the imports of this file, and
    // vitest runs each test file in its own module graph: nothing imported iopkit before).
    const iop: Record<string, unknown> = await import("iopkit");
    const { built: count } = (await import("zod/mini")) as unknown as { built: () => number };
    expect(count()).toBe(0);
    // The exported schemas (typeof does not read them; `in`, a property or a parse would).
    const schemas = Object.entries(iop).filter(
      ([name, v]) => /^[A-Z]/.test(name) && typeof v === "object" && v !== null,
    );
    expect(schemas.length).toBeGreaterThan(100);
    expect(count()).toBe(0);
    expect("safeParse" in (iop["Sex"] as object)).toBe(true); // a read builds that one
    expect(count()).toBe(1);
    (iop["safeParseAttendanceRecord"] as (x: unknown) => unknown)({});
    const attendance = count();
    expect(attendance).toBeGreaterThan(6);
    (iop["safeParseAttendanceRecord"] as (x: unknown) => unknown)({});
    expect(count()).toBe(attendance); // built once
    (iop["safeParseParticipant"] as (x: unknown) => unknown)({});
    expect(count()).toBeGreaterThan(attendance);
  });
});
