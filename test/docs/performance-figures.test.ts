// The Performance guide's planner figures and scaling chart are drawn from bench/planner-figures.json
// (a copy of a benchmark run's planner results) by bench/report.ts; nothing in them is typed by hand.
// If this fails, run `npx tsx bench/report.ts --from-figures` (or a new benchmark run and
// `npx tsx bench/report.ts`) and commit what it writes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BENCH_FIGURES_PATH,
  benchTable,
  CHART_PATH,
  FIGURES_PATH,
  GUIDE_PATH,
  LIMITS_FIGURES_PATH,
  limitsTable,
  plannerTable,
  RELIABILITY_PATH,
  scalingSvg,
  withBenchTable,
  withLimitsTable,
  withPlannerTable,
  type BenchFigures,
  type LimitsFigures,
  type PlannerFigures,
} from "../../bench/report";

const figures = JSON.parse(readFileSync(FIGURES_PATH, "utf8")) as PlannerFigures;

describe("the Performance guide's planner figures", () => {
  it("are the table bench/report.ts draws from bench/planner-figures.json", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withPlannerTable(guide, plannerTable(figures)));
  });

  it("show the scaling chart drawn from the same figures, at 360 px with a description", () => {
    const svg = readFileSync(CHART_PATH, "utf8");
    expect(svg).toBe(scalingSvg(figures));
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
    expect(svg).toMatch(/<desc id="desc">1,000 participants: \d+ µs/);
    expect(readFileSync(GUIDE_PATH, "utf8")).toContain("](./planner-scaling.svg)");
  });

  it("cover the four sizes of the scaling series, and both workloads with their goals", () => {
    expect(figures.scaling.points.map((p) => p.units)).toEqual([1_000, 5_000, 10_000, 20_000]);
    expect(figures.clinic.goalMs).toBe(25);
    expect([figures.network.goalMs, figures.network.goalRssMiB]).toEqual([1000, 500]);
  });
});

describe("the Performance guide's main table", () => {
  const benches = JSON.parse(readFileSync(BENCH_FIGURES_PATH, "utf8")) as BenchFigures;
  it("is the table bench/report.ts draws from bench/figures.json", () => {
    const guide = readFileSync(GUIDE_PATH, "utf8");
    expect(guide).toBe(withBenchTable(guide, benchTable(benches)));
  });

  it("holds every bench of bench/ that no other table draws, each with its goals' verdicts", () => {
    const drawn = Object.keys(benches);
    for (const file of [
      "zone-clock.bench.ts",
      "expand.bench.ts",
      "compliance.bench.ts",
      "analytics.bench.ts",
      "analytics-1m.bench.ts",
      "fhir-read.bench.ts",
      "fhir-read-single.bench.ts",
    ])
      expect(drawn).toContain(file);
    // A bench with goals shows each goal's verdict.
    for (const f of Object.values(benches))
      if (Object.keys(f.result.goals ?? {}).length > 0)
        expect(f.result.verdicts?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("the Reliability guide's worst case of each limit", () => {
  const limits = JSON.parse(readFileSync(LIMITS_FIGURES_PATH, "utf8")) as LimitsFigures;
  it("is the table bench/report.ts draws from bench/limits-figures.json", () => {
    const guide = readFileSync(RELIABILITY_PATH, "utf8");
    expect(guide).toBe(withLimitsTable(guide, limitsTable(limits)));
  });

  it("covers every point of bench/limits.bench.ts, each with a time and the memory it adds", () => {
    expect(limits.points.map((p) => p.label)).toEqual([
      "plan 20k×12w",
      "plan 2307×104w",
      "check 20k×12w",
      "expand 20k×12w",
      "replay 100k events",
    ]);
    for (const p of limits.points) {
      expect(p.ms).toBeGreaterThan(0);
      expect(p.addedMiB).toBeGreaterThan(0);
    }
  });
});
