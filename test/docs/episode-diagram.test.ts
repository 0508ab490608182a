// The episodes guide's state diagram (docs/guides/episode-states.svg) and its text alternative are
// found by running the episode state machine (scripts/episode-diagram.ts). If this fails, run
// `npx tsx scripts/episode-diagram.ts` and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  episodeList,
  episodeSvg,
  exploreTransitions,
  GUIDE_PATH,
  machineProgram,
  statusOrder,
  SVG_PATH,
  withEpisodeList,
} from "../../scripts/episode-diagram";

const transitions = exploreTransitions(machineProgram);
const moves = (from: string) =>
  transitions.filter((t) => t.from === from && t.to !== from).map((t) => [t.to, t.kinds]);

describe("the episode state diagram", () => {
  it("is what the state machine gives", () => {
    expect(readFileSync(SVG_PATH, "utf8")).toBe(episodeSvg(transitions));
  });

  it("has its text alternative in the episodes guide, from the same run", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withEpisodeList(guide, episodeList(transitions)));
    expect(guide).toContain("](./episode-states.svg)");
  });

  it("finds the machine's rules: admission only after an assessment, one way out of discharge", () => {
    expect(moves("referred")).toEqual([
      ["assessed", ["assessed"]],
      ["discharged", ["discharged"]],
    ]);
    expect(moves("assessed")).toEqual([
      ["admitted", ["admitted"]],
      ["discharged", ["discharged"]],
    ]);
    expect(moves("admitted")).toEqual([
      ["in-phase", ["phase-started"]],
      ["discharged", ["discharged"]],
    ]);
    expect(moves("in-phase")).toEqual([["discharged", ["discharged"]]]);
    expect(moves("discharged")).toEqual([["aftercare", ["aftercare-started"]]]);
    expect(moves("aftercare")).toEqual([]);
    // Steps, relapses and reviews keep the episode in its phase (a relapse is not failure).
    const inPhase = transitions.find((t) => t.from === "in-phase" && t.to === "in-phase");
    expect(inPhase?.kinds).toEqual(
      expect.arrayContaining([
        "stepped-down",
        "stepped-up",
        "relapse-reported",
        "clinical-review-held",
      ]),
    );
    expect(transitions.some((t) => t.from === "discharged" && t.to === "discharged")).toBe(false);
  });

  it("draws every status once, fits a 375 px screen and says what it shows", () => {
    const svg = episodeSvg(transitions);
    const names = [...svg.matchAll(/font-weight="700" font-size="14">([^<]+)</g)].map((m) => m[1]);
    expect(names).toEqual([...statusOrder]);
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('<title id="title">The episode state machine</title>');
    expect(svg).toMatch(/<desc id="desc">[^<]*referred to assessed on assessed;/);
  });
});
