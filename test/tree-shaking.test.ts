// Tree-shaking is proved, not hoped: module-level values built by calls (zod schemas, tables) are
// wrapped `/* @__PURE__ */ pure(() => …)` so bundlers drop the unused ones; the size-limit budgets
// in `npm test` measure the result (assessEligibility alone ≤ 12 kB of own code).
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
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

describe("tree-shaking", () => {
  it("every module-level value built by a call in src is annotated pure (fix: node scripts/pure-annotations.mjs --fix)", () => {
    const found = files("src")
      .flatMap((f) => unannotated(f))
      .map((u) => `${u.file}:${u.line} ${u.name}`);
    expect(found).toEqual([]);
  });
});
