// Laws of forecastCapacity over generated referral streams and stay distributions (iopkit/testing):
// Little's law (L = λW; Little 1961) on the analytic model exactly and on the simulation within a
// stated tolerance, determinism for a seed, census ≥ 0, monotone in the admission rate.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { forecastCapacity, stayFromSurvival } from "iopkit/capacity";
import { forecastOptions, stayDistributionArb } from "iopkit/testing";
import { onePhaseProgram, templateProgram } from "./fixtures";

const program = onePhaseProgram();

describe("Little's law: mean census = admissions per week × mean stay", () => {
  it("analytic: exact (to 1e-9) in every week once the longest stay has passed", () => {
    fc.assert(
      fc.property(
        stayDistributionArb(),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (stay, rate) => {
          const longest = stay.weeks.length;
          const f = forecastCapacity(program, {
            from: "2026-03-02",
            weeks: longest + 5,
            referralsPerWeek: rate,
            stay,
          });
          const { census } = f.steadyState;
          for (const w of f.weeks.slice(longest - 1))
            expect(Math.abs(w.census.mean - census)).toBeLessThanOrEqual(
              1e-9 * Math.max(1, census),
            );
        },
      ),
    );
  });

  // Tolerance: over R runs and W weeks after the warm-up, the time-average census has a standard
  // error of sqrt(L / (R · W)): each week's census is Poisson (variance L), and the simulation draws
  // the weeks independently. We allow 5 standard errors (a false alarm about once in 1.7 million by
  // the normal approximation; the seeds are fixed in CI anyway).
  it("simulation: within 5 standard errors over 300 runs × 30 weeks", () => {
    fc.assert(
      fc.property(
        stayDistributionArb({ maxWeeks: 8 }),
        fc.double({ min: 0.5, max: 12, noNaN: true }),
        fc.integer({ min: 0, max: 1000 }),
        (stay, rate, seed) => {
          const m = stay.weeks.length;
          const W = 30;
          const R = 300;
          const f = forecastCapacity(program, {
            from: "2026-03-02",
            weeks: m + W,
            referralsPerWeek: rate,
            stay,
            mode: "simulation",
            runs: R,
            seed,
          });
          const L = f.steadyState.census;
          const observed = f.weeks.slice(m).reduce((s, w) => s + w.census.mean, 0) / W;
          const se = Math.sqrt(L / (R * W));
          expect(Math.abs(observed - L)).toBeLessThanOrEqual(5 * se);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe("forecast laws", () => {
  it("deterministic for a seed (simulation), and never negative", () => {
    fc.assert(
      fc.property(forecastOptions(), fc.integer(), (options, seed) => {
        const o = {
          ...options,
          weeks: Math.min(options.weeks, 12),
          mode: "simulation" as const,
          runs: 50,
          seed,
        };
        const a = forecastCapacity(templateProgram, o);
        expect(forecastCapacity(templateProgram, o)).toEqual(a);
        for (const w of a.weeks) {
          expect(w.census.mean).toBeGreaterThanOrEqual(0);
          for (const g of w.groups) expect(g.groups.percentiles.every((x) => x >= 0)).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it("analytic: more admissions never lower the mean census, a percentile, or the groups needed", () => {
    fc.assert(
      fc.property(
        forecastOptions(),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (options, extra) => {
          const low = forecastCapacity(templateProgram, options);
          const high = forecastCapacity(templateProgram, {
            ...options,
            admissionRate: Math.min(1, (options.admissionRate ?? 1) + extra),
          });
          low.weeks.forEach((w, t) => {
            const h = high.weeks[t];
            expect(h?.census.mean).toBeGreaterThanOrEqual(w.census.mean - 1e-9);
            h?.census.percentiles.forEach((x, j) =>
              expect(x).toBeGreaterThanOrEqual(w.census.percentiles[j] ?? 0),
            );
            h?.totalGroups.percentiles.forEach((x, j) =>
              expect(x).toBeGreaterThanOrEqual(w.totalGroups.percentiles[j] ?? 0),
            );
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("the phases add up to the census (means)", () => {
    fc.assert(
      fc.property(forecastOptions(), (options) => {
        for (const w of forecastCapacity(templateProgram, options).weeks) {
          const sum = w.phases.reduce((s, p) => s + p.census.mean, 0);
          expect(sum).toBeCloseTo(w.census.mean, 9);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("stayFromSurvival laws", () => {
  it("gives shares ≥ 0 adding up to 1 for any falling curve, and P(stay > k) = S(7k) inside the curve", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 400 }), fc.double({ min: 0, max: 1, noNaN: true })), {
          maxLength: 30,
        }),
        fc.integer({ min: 1, max: 80 }),
        (raw, longest) => {
          const days = [...new Set(raw.map(([d]) => d))].sort((a, b) => a - b);
          const shares = raw.map(([, s]) => s).sort((a, b) => b - a);
          const curve = days.map((day, i) => ({ day, survival: shares[i] ?? 0 }));
          const { weeks } = stayFromSurvival(curve, longest);
          expect(weeks.every((w) => w >= 0)).toBe(true);
          expect(weeks.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
          const S = (day: number) =>
            curve.filter((s) => s.day <= day).reduce((m, s) => Math.min(m, s.survival), 1);
          for (let k = 1; k < weeks.length; k++)
            expect(1 - weeks.slice(0, k).reduce((a, b) => a + b, 0)).toBeCloseTo(S(7 * k), 12);
        },
      ),
    );
  });
});
