// The scheduling guide's sample week (docs/guides/sample-week.svg) and its text alternative are
// drawn from a real plan (scripts/week-diagram.ts). If this fails, run
// `npx tsx scripts/week-diagram.ts` and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sessionTypes } from "../../src/program/index";
import {
  GUIDE_PATH,
  samplePlan,
  SVG_PATH,
  weekCells,
  weekList,
  weekSvg,
  withWeekList,
} from "../../scripts/week-diagram";

const plan = samplePlan();
const cells = weekCells(plan);

describe("the sample week diagram", () => {
  it("is what the planner plans", () => {
    expect(readFileSync(SVG_PATH, "utf8")).toBe(weekSvg(cells));
  });

  it("has its text alternative in the scheduling guide, from the same plan", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withWeekList(guide, weekList(cells)));
    expect(guide).toContain("](./sample-week.svg)");
  });

  it("shows every session of the participant's week but the drug tests", () => {
    const tests = plan.filter((s) => s.sessionType === "drug-test");
    expect(tests.length).toBeGreaterThan(0); // the plan has drug tests: the view leaves them out
    expect(cells).toHaveLength(plan.length - tests.length);
    // What the reader sees: the drawing's text and the list (the description says tests are left out).
    const texts = [...weekSvg(cells).matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]);
    const drawn = `${texts.join("\n")}\n${weekList(cells)}`;
    expect(drawn).not.toContain(sessionTypes["drug-test"].name);
    // Friday 13 November holds only a drug test: it gets no column.
    expect(tests.map((t) => t.start.slice(0, 10))).toContain("2026-11-13");
    expect(drawn).not.toContain("13 Nov");
    // The plan's wall-clock times, as drawn: Monday 9 November opens with individual therapy.
    expect(cells[0]).toEqual({
      day: "2026-11-09",
      from: 17 * 60,
      to: 18 * 60,
      name: "Individual therapy",
    });
  });

  it("fits a 375 px screen and says what it shows", () => {
    const svg = weekSvg(cells);
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="title">[^<]+<\/title>/);
    expect(svg).toMatch(/<desc id="desc">Mon 9 Nov: Individual therapy 17:00–18:00, /);
  });
});
