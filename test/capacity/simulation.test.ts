// The simulation draws each week's census from its exact distribution: Poisson for new admissions
// (thinning a Poisson stream; Eick, Massey & Whitt 1993), binomial for people enrolled today who are
// alike. These tests hold the tables it draws from to the textbook formulas, the draw to inversion,
// the selection of a percentile to a sort, and whole forecasts to distributions worked out by hand.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastCapacity, type ForecastCapacityOptions } from "iopkit/capacity";
import { compileForecastModel } from "../../src/capacity/forecast-model";
import {
  binomialTable,
  drawFrom,
  poissonQuantile,
  poissonTable,
  selectRank,
  type CountTable,
} from "../../src/capacity/poisson";
import { onePhaseProgram, templateProgram } from "./fixtures";

/** `[lo, [cdf…]]` rounded to 12 places. */
const shape = (t: CountTable) => [t.lo, Array.from(t.cdf, (c) => Number(c.toFixed(12)))];

/** The first index whose cumulative probability exceeds `u`, by a plain scan. */
const scan = (t: CountTable, u: number) => t.lo + t.cdf.findIndex((c) => c > u);

describe("poissonTable", () => {
  it("is the one point 0 for a mean of 0 (or below)", () => {
    expect(shape(poissonTable(0))).toEqual([0, [1]]);
    expect(shape(poissonTable(-1))).toEqual([0, [1]]);
  });

  it("mean 1: P(0) = P(1) = e⁻¹, P(2) = e⁻¹/2, … summed", () => {
    const t = poissonTable(1);
    const e = Math.exp(-1);
    expect(t.lo).toBe(0);
    expect(t.cdf[0]).toBeCloseTo(e, 14);
    expect(t.cdf[1]).toBeCloseTo(2 * e, 14);
    expect(t.cdf[2]).toBeCloseTo(2.5 * e, 14);
    expect(t.cdf[3]).toBeCloseTo((2.5 + 1 / 6) * e, 14);
    expect(t.cdf[t.cdf.length - 1]).toBe(1);
    // Terms below 1e-17 of the mode's are left out: 1/k! < 1e-17 from k = 19.
    expect(t.cdf.length).toBe(19);
  });

  it("successive terms have the ratio mean / (k + 1) at every mean, and the tails left out hold < 1e-12", () => {
    for (const mean of [0.3, 4.5, 30, 700, 12_345.6]) {
      const t = poissonTable(mean);
      const p = Array.from(t.cdf, (c, i) => c - (i === 0 ? 0 : (t.cdf[i - 1] ?? 0)));
      // Where both terms are large enough for their difference of sums to keep 6 digits.
      for (let i = 0; i + 2 < p.length; i++) {
        const k = t.lo + i;
        if ((p[i] ?? 0) < 1e-8 || (p[i + 1] ?? 0) < 1e-8) continue;
        expect((p[i + 1] ?? 0) / (p[i] ?? 1) / (mean / (k + 1))).toBeCloseTo(1, 6);
      }
      expect(t.lo).toBeLessThanOrEqual(poissonQuantile(mean, 1e-12));
      expect(t.lo + t.cdf.length - 1).toBeGreaterThanOrEqual(poissonQuantile(mean, 1 - 1e-12));
      // The table's median is the Poisson median.
      expect(scan(t, 0.5 - 1e-12)).toBe(poissonQuantile(mean, 0.5));
    }
  });

  it("leaves out the left tail of a large mean: mean 10,000 starts above 9,000", () => {
    const t = poissonTable(10_000);
    expect(t.lo).toBeGreaterThan(9000);
    expect(t.lo).toBeLessThan(9700);
  });
});

describe("binomialTable", () => {
  it("is one point when nothing can vary: no trials, a chance of 0 or of 1", () => {
    expect(shape(binomialTable(0, 0.4))).toEqual([0, [1]]);
    expect(shape(binomialTable(5, 0))).toEqual([0, [1]]);
    expect(shape(binomialTable(5, 1))).toEqual([5, [1]]);
  });

  it("2 fair trials: 1/4, 3/4, 1; 10 fair trials: P(N ≤ 6) = 0.828125, P(N ≤ 7) = 0.9453125", () => {
    expect(shape(binomialTable(2, 0.5))).toEqual([0, [0.25, 0.75, 1]]);
    const t = binomialTable(10, 0.5);
    expect(t.lo).toBe(0);
    expect(t.cdf[6]).toBeCloseTo(0.828125, 14);
    expect(t.cdf[7]).toBeCloseTo(0.9453125, 14);
    expect(t.cdf).toHaveLength(11);
  });

  it("3 trials at 0.9 (mode at the top): 0.001, 0.028, 0.271, 1", () => {
    expect(shape(binomialTable(3, 0.9))).toEqual([0, [0.001, 0.028, 0.271, 1]]);
  });

  it("successive terms have the ratio (n − k)/(k + 1) · q/(1 − q), and a large n leaves its tails out", () => {
    for (const [n, q] of [
      [7, 0.2],
      [40, 0.65],
      [100_000, 0.3],
    ] as const) {
      const t = binomialTable(n, q);
      const p = Array.from(t.cdf, (c, i) => c - (i === 0 ? 0 : (t.cdf[i - 1] ?? 0)));
      for (let i = 0; i + 2 < p.length; i++) {
        const k = t.lo + i;
        if ((p[i] ?? 0) < 1e-8 || (p[i + 1] ?? 0) < 1e-8) continue;
        const ratio = ((n - k) / (k + 1)) * (q / (1 - q));
        expect((p[i + 1] ?? 0) / (p[i] ?? 1) / ratio).toBeCloseTo(1, 6);
      }
    }
    const big = binomialTable(100_000, 0.3);
    expect(big.lo).toBeGreaterThan(28_500); // about 8.9 standard deviations (145) below the mean
    expect(big.lo + big.cdf.length - 1).toBeLessThan(31_500);
  });
});

describe("the guide table (where a draw starts looking)", () => {
  it("entry j is the first index whose cumulative probability exceeds j / length", () => {
    // Binomial(3, ½): 1/8, 1/2, 7/8, 1. For j/4 = 0, ¼, ½, ¾: indices 0, 1, 2 (½ is not above ½), 2.
    expect(Array.from(binomialTable(3, 0.5).guide)).toEqual([0, 1, 2, 2]);
    expect(Array.from(binomialTable(2, 0.5).guide)).toEqual([0, 1, 1]);
    expect(Array.from(poissonTable(0).guide)).toEqual([0]);
  });
});

describe("drawFrom", () => {
  it("returns the first value whose cumulative probability exceeds u", () => {
    const t = binomialTable(2, 0.5);
    expect([0, 0.2499, 0.25, 0.7499, 0.75, 0.999999].map((u) => drawFrom(t, u))).toEqual([
      0, 0, 1, 1, 2, 2,
    ]);
    const shifted = binomialTable(3, 1);
    expect(drawFrom(shifted, 0)).toBe(3);
    expect(drawFrom(shifted, 0.999)).toBe(3);
  });

  it("agrees with a plain scan of the table for any mean and any u", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (mean, u) => {
          const t = poissonTable(mean);
          expect(drawFrom(t, u)).toBe(scan(t, u));
        },
      ),
    );
  });
});

describe("selectRank", () => {
  it("finds the value at a rank without sorting", () => {
    expect(selectRank(Float64Array.of(5, 1, 4, 1, 3), 0)).toBe(1);
    expect(selectRank(Float64Array.of(5, 1, 4, 1, 3), 1)).toBe(1);
    expect(selectRank(Float64Array.of(5, 1, 4, 1, 3), 2)).toBe(3);
    expect(selectRank(Float64Array.of(5, 1, 4, 1, 3), 4)).toBe(5);
    expect(selectRank(Float64Array.of(7), 0)).toBe(7);
  });

  it("agrees with sorting, with and without ties", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: 0, max: 4 }).map((x) => x / 2),
            fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
          ),
          { minLength: 1, maxLength: 300 },
        ),
        fc.nat(),
        (values, at) => {
          const k = at % values.length;
          const sorted = Float64Array.from(values).sort();
          // Numerically equal (a sort puts −0 before 0; selection may return either).
          expect(selectRank(Float64Array.from(values), k) === sorted[k]).toBe(true);
        },
      ),
    );
  });
});

describe("forecastCapacity (simulation): distributions worked out by hand", () => {
  const R = 4000;
  const sim = { mode: "simulation", runs: R, seed: 11 } as const;

  it("10 people enrolled today who stay 1 or 2 weeks (half each): all 10 in week 1; Binomial(10, ½) in week 2; none in week 3", () => {
    const f = forecastCapacity(onePhaseProgram({ weeks: 4 }), {
      ...sim,
      from: "2026-03-02",
      weeks: 3,
      referralsPerWeek: 0,
      stay: { weeks: [0.5, 0.5] },
      enrolled: Array.from({ length: 10 }, (_, i) => ({
        participantId: `p-${i}`,
        admittedOn: "2026-03-02",
      })),
    });
    expect(f.weeks[0]?.census).toEqual({ mean: 10, percentiles: [10, 10] });
    // Binomial(10, ½): P(N ≤ 4) = 0.377, P(N ≤ 5) = 0.623 (median 5); P(N ≤ 6) = 0.828, P(N ≤ 7) = 0.945.
    expect(f.weeks[1]?.census.percentiles).toEqual([5, 7]);
    expect(Math.abs((f.weeks[1]?.census.mean ?? 0) - 5)).toBeLessThan(5 * Math.sqrt(2.5 / R));
    expect(f.weeks[2]?.census).toEqual({ mean: 0, percentiles: [0, 0] });
  });

  it("20 people enrolled without a track are spread over the two tracks each week: Binomial(20, ½) a track, 20 together", () => {
    const f = forecastCapacity(templateProgram, {
      ...sim,
      from: "2026-03-02",
      weeks: 2,
      referralsPerWeek: 0,
      stay: { weeks: [...Array.from({ length: 11 }, () => 0), 1] },
      enrolled: Array.from({ length: 20 }, (_, i) => ({
        participantId: `p-${i}`,
        admittedOn: "2026-03-02",
      })),
    });
    const week = f.weeks[1];
    expect(week?.phases[0]?.census).toEqual({ mean: 20, percentiles: [20, 20] });
    const [morning, evening] = week?.groups ?? [];
    // Binomial(20, ½): P(N ≤ 9) = 0.412, P(N ≤ 10) = 0.588; P(N ≤ 12) = 0.868, P(N ≤ 13) = 0.942.
    expect(morning?.census.percentiles).toEqual([10, 13]);
    expect(evening?.census.percentiles).toEqual([10, 13]);
    expect((morning?.census.mean ?? 0) + (evening?.census.mean ?? 0)).toBeCloseTo(20, 12);
    expect(Math.abs((morning?.census.mean ?? 0) - 10)).toBeLessThan(5 * Math.sqrt(5 / R));
  });

  it("new admissions only (3 a week, 2-week stays): week 2's census is Poisson(6), median 6 and 90th percentile 9", () => {
    const f = forecastCapacity(onePhaseProgram(), {
      ...sim,
      from: "2026-03-02",
      weeks: 2,
      referralsPerWeek: 3,
      stay: { weeks: [0, 1] },
    });
    // Poisson(6): P(N ≤ 5) = 0.446, P(N ≤ 6) = 0.606; P(N ≤ 8) = 0.847, P(N ≤ 9) = 0.916.
    expect(f.weeks[1]?.census.percentiles).toEqual([6, 9]);
    // Poisson(3) in week 1: P(N ≤ 2) = 0.423, P(N ≤ 3) = 0.647; P(N ≤ 4) = 0.815, P(N ≤ 5) = 0.916.
    expect(f.weeks[0]?.census.percentiles).toEqual([3, 5]);
  });

  it("every group's mean, every week, is the analytic model's within 5 standard errors (tracks, phases, people enrolled with and without a track)", () => {
    const options: ForecastCapacityOptions = {
      from: "2026-03-02",
      weeks: 16,
      referralsPerWeek: [4, 6, 2, 8, 5, 5, 5, 5, 9, 1, 5, 5, 5, 5, 5, 5],
      admissionRate: 0.8,
      stay: { weeks: [0.1, 0, 0.2, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0, 0, 0.1] },
      trackShares: { morning: 0.7, evening: 0.3 },
      enrolled: Array.from({ length: 30 }, (_, i) => ({
        participantId: `p-${i}`,
        admittedOn: ["2026-03-02", "2026-02-16", "2026-01-19", "2025-11-03"][i % 4] ?? "",
        ...(i % 3 === 0 ? {} : { track: i % 3 === 1 ? "morning" : "evening" }),
      })),
    };
    const analytic = forecastCapacity(templateProgram, options);
    const simulated = forecastCapacity(templateProgram, { ...options, ...sim });
    analytic.weeks.forEach((week, t) =>
      week.groups.forEach((g, k) => {
        const mean = simulated.weeks[t]?.groups[k]?.census.mean ?? -1;
        // The variance of a Poisson or a sum of yes/no chances is at most its mean.
        expect(Math.abs(mean - g.census.mean)).toBeLessThanOrEqual(
          5 * Math.sqrt(g.census.mean / R) + 1e-12,
        );
      }),
    );
    expect(simulated.beyondDistribution).toEqual(analytic.beyondDistribution);
  });
});

describe("rooms: only the moments that can be the busiest are kept", () => {
  const shares = { "family-involved": 1, "on-medication": 1 } as const;

  it("three group mornings of one group are one moment", () => {
    expect(compileForecastModel(onePhaseProgram(), shares).roomLoad).toEqual([Float64Array.of(1)]);
  });

  it("a morning and an evening track: two moments, neither covering the other", () => {
    expect(compileForecastModel(onePhaseProgram({ tracks: true }), shares).roomLoad).toEqual([
      Float64Array.of(1, 0),
      Float64Array.of(0, 1),
    ]);
  });

  it("the template's moments: none covers another", () => {
    const { roomLoad } = compileForecastModel(templateProgram, shares);
    const covers = (a: Float64Array, b: Float64Array) => a.every((v, k) => v >= (b[k] ?? 0));
    expect(roomLoad.length).toBeGreaterThan(0);
    roomLoad.forEach((a, i) =>
      roomLoad.forEach((b, j) => {
        if (i !== j) expect(covers(a, b)).toBe(false);
      }),
    );
  });
});
