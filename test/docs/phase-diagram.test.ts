// The phase ladder of the docs (docs/guides/phase-ladder.svg) and its text alternative are drawn
// from the adult substance-use template (scripts/phase-diagram.ts). If this fails, run
// `npx tsx scripts/phase-diagram.ts` and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  drawnProgram,
  GUIDE_PATH,
  ladderList,
  ladderSteps,
  ladderSvg,
  SVG_PATH,
  withLadderList,
} from "../../scripts/phase-diagram";

const steps = ladderSteps(drawnProgram);

describe("the phase ladder diagram", () => {
  it("is what the template draws", () => {
    expect(readFileSync(SVG_PATH, "utf8")).toBe(ladderSvg(drawnProgram, steps));
  });

  it("has its text alternative in the guide, from the same template", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withLadderList(guide, ladderList(steps)));
    expect(guide).toContain("](./phase-ladder.svg)");
  });

  it("draws every phase with its hours band, in order", () => {
    expect(steps.map((s) => s.name)).toEqual(drawnProgram.phases.map((p) => p.name));
    const svg = ladderSvg(drawnProgram, steps);
    for (const [i, p] of drawnProgram.phases.entries()) {
      expect(svg).toContain(`>${String(p.hoursPerWeek.min)}–${String(p.hoursPerWeek.max)} h<`);
      expect(ladderList(steps).split("\n")[i]).toContain(`**${p.name}**`);
    }
  });

  it("fits a 375 px screen and says what it shows", () => {
    const svg = ladderSvg(drawnProgram, steps);
    expect(svg).toMatch(/viewBox="0 0 360 \d+" width="360"/);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="title">The phases of .+<\/title>/);
    expect(svg).toMatch(/<desc id="desc">Hours per week step down phase by phase\. .+<\/desc>/);
  });
});
