// The scheduling guide's stage diagram and its text alternative are drawn from the stage table the
// planner runs (scripts/stage-diagram.ts). If this fails, run `npx tsx scripts/stage-diagram.ts`
// and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { planningStages } from "../../src/schedule/pipeline";
import {
  diagramStages,
  GUIDE_PATH,
  stageList,
  stageSvg,
  SVG_PATH,
  withStageList,
} from "../../scripts/stage-diagram";

describe("the stage diagram", () => {
  it("is what the stage table draws (docs/guides/planner-stages.svg)", () => {
    expect(readFileSync(SVG_PATH, "utf8")).toBe(stageSvg(diagramStages));
  });

  it("has its text alternative in the scheduling guide, from the same table", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withStageList(guide, stageList(diagramStages)));
    expect(guide).toContain("](./planner-stages.svg)");
  });

  it("draws every stage the planner runs, in order, then the result", () => {
    expect(diagramStages.map((s) => s.name)).toEqual([
      ...planningStages.map((s) => s.name),
      "Result",
    ]);
    const svg = stageSvg(diagramStages);
    const names = [...svg.matchAll(/font-weight="700" font-size="14">(\d+)\. ([^<]+)</g)].map(
      (m) => m[2],
    );
    expect(names).toEqual(diagramStages.map((s) => s.name));
  });

  it("fits a 375 px screen and says what it shows", () => {
    const svg = stageSvg(diagramStages);
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="title">[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="desc">In order: 1\. People, 2\. Rosters/);
  });
});
