// Instrument definitions cite the sources registry as structured citations (not free text): each
// entry, flag rule, change rule and age range has `sources` whose ids resolve in `iopkit/sources`.
import { describe, expect, it } from "vitest";
import { instruments, measureChange, scorePhq9 } from "iopkit";
import { provenanceProblems } from "../program/provenance";

describe("instrument definitions cite the registry", () => {
  it("every entry, flag rule, change rule and age range has sources that resolve", () => {
    const problems: string[] = [];
    for (const def of Object.values(instruments)) {
      expect(def.sources.length, def.id).toBeGreaterThan(0);
      problems.push(...provenanceProblems(def.id, def.sources));
      for (const f of def.flags)
        problems.push(...provenanceProblems(`${def.id} ${f.code}`, f.sources));
      if (def.change !== undefined)
        problems.push(...provenanceProblems(`${def.id} change`, def.change.sources));
      if (def.ages !== undefined)
        problems.push(...provenanceProblems(`${def.id} ages`, def.ages.sources));
    }
    expect(problems).toEqual([]);
  });

  it("the PHQ-9's sources: Kroenke 2001 and the PHQ screeners; change from CMS159, CBE 1885 and Wu 2020", () => {
    expect(instruments["phq-9"].sources).toEqual([
      { source: "kroenke-2001-phq9" },
      { source: "phq-screeners" },
    ]);
    expect(
      instruments["phq-9"].change?.sources.map((s) => ("source" in s ? s.source : "")),
    ).toEqual([
      "cms159-depression-remission",
      "cbe-1885-depression-response",
      "mbc-depression-metrics-2020",
    ]);
  });

  it("a change's response and remission name the registry ids of their rule", () => {
    const a = scorePhq9([2, 2, 2, 2, 2, 1, 1, 0, 0], { administeredOn: "2026-01-05" });
    const b = scorePhq9([1, 1, 0, 0, 0, 0, 0, 0, 0], { administeredOn: "2026-04-06" });
    const c = measureChange(a, b);
    expect(c.response?.source).toBe(
      "cms159-depression-remission, initial PHQ-9 greater than nine; remission below five; cbe-1885-depression-response, reduced by 50% or greater; mbc-depression-metrics-2020",
    );
  });
});
