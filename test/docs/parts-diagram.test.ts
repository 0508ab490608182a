// The concepts guide's parts diagram (docs/guides/parts.svg) and its text alternative are drawn
// from scripts/parts.mjs and the import statements under src/ (scripts/parts-diagram.ts). If this
// fails, run `npx tsx scripts/parts-diagram.ts` and commit what it writes.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parts } from "../../scripts/parts.mjs";
import {
  directImports,
  GUIDE_PATH,
  partGraph,
  partsList,
  partsSvg,
  SVG_PATH,
  withPartsList,
} from "../../scripts/parts-diagram";

const nodes = partGraph();

describe("the parts diagram", () => {
  it("is what the code's imports give", () => {
    expect(readFileSync(SVG_PATH, "utf8")).toBe(partsSvg(nodes));
  });

  it("has its text alternative in the concepts guide, from the same graph", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withPartsList(guide, partsList(nodes)));
    expect(guide).toContain("](./parts.svg)");
  });

  it("draws every part once, and every import goes to a lower layer", () => {
    const svg = partsSvg(nodes);
    const names = [...svg.matchAll(/font-weight="700" text-anchor="middle">([^<]+)</g)].map(
      (m) => m[1],
    );
    expect(names).toEqual(parts.map((p) => p.name));
    const layer = new Map(parts.map((p) => [p.name, p.layer]));
    for (const n of nodes) for (const i of n.imports) expect(layer.get(i)).toBeLessThan(n.layer);
  });

  it("reads imports from the code: value, type and re-export imports, across folders", () => {
    const root = mkdtempSync(join(tmpdir(), "parts-"));
    try {
      for (const p of parts) mkdirSync(join(root, p.name, "inner"), { recursive: true });
      writeFileSync(join(root, "core", "index.ts"), "export const a = 1;\n");
      writeFileSync(
        join(root, "program", "inner", "x.ts"),
        'import { a } from "../../core/index";\nexport type { T } from "../../measures/index";\n',
      );
      writeFileSync(join(root, "program", "y.ts"), 'import type { B } from "./inner/x";\n');
      const graph = new Map(partGraph(root).map((n) => [n.name, n.imports]));
      expect(graph.get("program")).toEqual(["core", "measures"]);
      expect(graph.get("core")).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("draws an import once: not again when another arrow reaches it", () => {
    const direct = directImports([
      { name: "core", layer: 1, imports: [] },
      { name: "program", layer: 2, imports: ["core"] },
      { name: "schedule", layer: 3, imports: ["core", "program"] },
    ]);
    expect(direct.get("schedule")).toEqual(["program"]);
    expect(direct.get("program")).toEqual(["core"]);
  });

  it("fits a 375 px screen and says what it shows", () => {
    const svg = partsSvg(nodes);
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="title">How iopkit\'s parts fit together</title>');
    expect(svg).toMatch(
      /<desc id="desc">Each part imports only parts of lower layers\. core \(layer 1\) imports nothing; /,
    );
  });
});
