// forecastCapacity on programs small enough to work out by hand: the Mt/G/∞ mean, Poisson
// percentiles, groups, staff hours, rooms, the first week over (at n − 1, n, n + 1), today's
// census, the simulation's determinism, and every option it refuses.
import { describe, expect, it } from "vitest";
import {
  forecastCapacity,
  stayDistribution,
  stayFromSurvival,
  type ForecastCapacityOptions,
} from "iopkit/capacity";
import { issuesOf, onePhaseProgram, templateProgram } from "./fixtures";

/** Everyone stays exactly two weeks; 3 admissions a week (6 referrals, half admitted). */
const base: ForecastCapacityOptions = {
  from: "2026-03-02",
  weeks: 4,
  referralsPerWeek: 6,
  admissionRate: 0.5,
  stay: { weeks: [0, 1] },
};

function poissonCdf(mean: number, k: number): number {
  let term = Math.exp(-mean);
  let sum = term;
  for (let i = 1; i <= k; i++) {
    term *= mean / i;
    sum += term;
  }
  return sum;
}

describe("forecastCapacity (analytic): the Mt/G/∞ census", () => {
  const f = forecastCapacity(onePhaseProgram(), base);

  it("week 1 holds that week's admissions, later weeks two weeks' worth (mean = λ × weeks stayed so far)", () => {
    expect(f.weeks.map((w) => w.census.mean)).toEqual([3, 6, 6, 6]);
    expect(f.weeks.map((w) => w.admissions)).toEqual([3, 3, 3, 3]);
    expect(f.weeks.map((w) => w.start)).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
    ]);
  });

  it("percentiles are Poisson quantiles: the smallest k with P(N ≤ k) ≥ p", () => {
    // Poisson(6): P(N ≤ 5) = 0.446 < 0.5 ≤ P(N ≤ 6) = 0.606; P(N ≤ 8) = 0.847 < 0.9 ≤ P(N ≤ 9) = 0.916.
    expect(poissonCdf(6, 5)).toBeLessThan(0.5);
    expect(poissonCdf(6, 6)).toBeGreaterThanOrEqual(0.5);
    expect(poissonCdf(6, 8)).toBeLessThan(0.9);
    expect(poissonCdf(6, 9)).toBeGreaterThanOrEqual(0.9);
    expect(f.percentiles).toEqual([50, 90]);
    expect(f.weeks[1]?.census.percentiles).toEqual([6, 9]);
    // Poisson(3): median 3, 90th 5.
    expect(f.weeks[0]?.census.percentiles).toEqual([3, 5]);
    expect(f.weeks[1]?.phases).toEqual([
      { phaseId: "only", census: { mean: 6, percentiles: [6, 9] } },
    ]);
  });

  it("groups round up per phase and track; their mean is E[ceil(N / capacity)]; below-minimum is P(1 ≤ N < minimum)", () => {
    const g = f.weeks[1]?.groups;
    expect(g).toHaveLength(1);
    expect(g?.[0]).toMatchObject({ phaseId: "only", track: null });
    expect(g?.[0]?.groups.percentiles).toEqual([1, 1]);
    // E[ceil(N/12)] = P(N > 0) + P(N > 12) + P(N > 24) + …
    const expected = 1 - poissonCdf(6, 0) + (1 - poissonCdf(6, 12)) + (1 - poissonCdf(6, 24));
    expect(g?.[0]?.groups.mean).toBeCloseTo(expected, 9);
    // minimum 3: P(N = 1) + P(N = 2) = e^-6 (6 + 18).
    expect(g?.[0]?.belowMinimum).toBeCloseTo(24 * Math.exp(-6), 12);
  });

  it("groups of 4: ceil(6 / 4) = 2 at the median and ceil(9 / 4) = 3 at the 90th percentile", () => {
    const small = forecastCapacity(onePhaseProgram({ capacity: 4 }), base);
    expect(small.weeks[1]?.groups[0]?.groups.percentiles).toEqual([2, 3]);
    expect(small.weeks[1]?.totalGroups.percentiles).toEqual([2, 3]);
  });

  it("staff hours: 9 h of group therapy per group plus 1 h of individual therapy per participant, for the therapist", () => {
    expect(f.weeks[1]?.clinicianHours).toEqual([
      {
        role: "therapist",
        hours: {
          mean: 9 * (f.weeks[1]?.totalGroups.mean ?? 0) + 6,
          percentiles: [9 * 1 + 6, 9 * 1 + 9],
        },
      },
    ]);
  });

  it("rooms: the most in-person groups meeting at once (groups on different days share a room)", () => {
    const small = forecastCapacity(onePhaseProgram({ capacity: 4 }), base);
    expect(small.weeks[1]?.rooms.percentiles).toEqual([2, 3]);
  });

  it("Little's law: the steady state is admissions per week × mean stay", () => {
    expect(f.steadyState).toEqual({ admissionsPerWeek: 3, meanStayWeeks: 2, census: 6 });
    const varying = forecastCapacity(onePhaseProgram(), {
      ...base,
      referralsPerWeek: [2, 4, 6, 8, 100],
    });
    expect(varying.steadyState.admissionsPerWeek).toBe(2.5);
    expect(varying.weeks.map((w) => w.census.mean)).toEqual([1, 3, 5, 7]);
  });

  it("cites Little (1961), Eick, Massey & Whitt (1993) and de Bruin et al. (2010), and says what the model is", () => {
    expect(f.sources.map((s) => s.source)).toEqual([
      "little-1961",
      "eick-massey-whitt-1993",
      "de-bruin-2010-erlang",
    ]);
    expect(f.definition).toContain("Mt/G/∞");
    expect(f.mode).toBe("analytic");
    expect(f.runs).toBeNull();
    expect(f.seed).toBeNull();
  });
});

describe("forecastCapacity: phases along the planned path and tracks", () => {
  // Three phases of 4 planned weeks; everyone stays exactly 12 weeks; one admission a week.
  const stay = { weeks: [...Array.from({ length: 11 }, () => 0), 1] };
  const f = forecastCapacity(templateProgram, {
    from: "2026-03-02",
    weeks: 14,
    referralsPerWeek: 1,
    stay,
  });

  it("week 6 has weeks 3–6's admissions in the first phase and weeks 1–2's in the second", () => {
    expect(f.weeks[5]?.phases.map((p) => [p.phaseId, p.census.mean])).toEqual([
      ["intensive", 4],
      ["step-down", 2],
      ["transition", 0],
    ]);
  });

  it("week 12 holds four of each, and the first cohort has left by week 13", () => {
    expect(f.weeks[11]?.phases.map((p) => p.census.mean)).toEqual([4, 4, 4]);
    expect(f.weeks[12]?.census.mean).toBe(12);
  });

  it("new admissions split over the tracks equally by default, or by trackShares", () => {
    const morning = (x: typeof f) =>
      x.weeks[11]?.groups.find((g) => g.phaseId === "intensive" && g.track === "morning");
    expect(morning(f)?.census.mean).toBe(2);
    const shared = forecastCapacity(templateProgram, {
      from: "2026-03-02",
      weeks: 14,
      referralsPerWeek: 1,
      stay,
      trackShares: { morning: 0.75, evening: 0.25 },
    });
    expect(morning(shared)?.census.mean).toBe(3);
  });
});

describe("forecastCapacity: today's census", () => {
  it("someone a week in with a two-week stay is there in week 1 only; someone past the longest stay is reported and counted once", () => {
    const f = forecastCapacity(onePhaseProgram(), {
      ...base,
      referralsPerWeek: 0,
      enrolled: [
        { participantId: "p-1", admittedOn: "2026-02-23" },
        { participantId: "p-2", admittedOn: "2026-02-16" },
        { participantId: "p-3", admittedOn: "2026-03-02" },
      ],
    });
    // p-3 (admitted today, week 0 of a 2-week stay) is there in weeks 1 and 2.
    expect(f.weeks.map((w) => w.census.mean)).toEqual([3, 1, 0, 0]);
    expect(f.beyondDistribution).toEqual(["p-2"]);
  });

  it("an enrolled person's track is kept", () => {
    const f = forecastCapacity(templateProgram, {
      from: "2026-03-02",
      weeks: 1,
      referralsPerWeek: 0,
      stay: { weeks: [0, 0, 0, 1] },
      enrolled: [{ participantId: "p-1", admittedOn: "2026-03-02", track: "evening" }],
    });
    expect(f.weeks[0]?.groups.map((g) => [g.phaseId, g.track, g.census.mean])).toEqual([
      ["intensive", "morning", 0],
      ["intensive", "evening", 1],
      ["step-down", "morning", 0],
      ["step-down", "evening", 0],
      ["transition", "morning", 0],
      ["transition", "evening", 0],
    ]);
  });
});

describe("forecastCapacity: the first week over (groups of 4: 2 needed in week 1, 3 from week 2, at the 90th percentile)", () => {
  const program = onePhaseProgram({ capacity: 4 });
  const over = (groups: number) =>
    forecastCapacity(program, { ...base, available: { groups } }).firstWeekOver;

  it("1 group: week 1 is over (2 needed)", () => {
    expect(over(1)).toEqual({
      week: 1,
      start: "2026-03-02",
      shortfalls: [{ resource: "groups", role: null, needed: 2, available: 1 }],
    });
  });

  it("2 groups: week 2 is over (3 needed)", () => {
    expect(over(2)).toEqual({
      week: 2,
      start: "2026-03-09",
      shortfalls: [{ resource: "groups", role: null, needed: 3, available: 2 }],
    });
  });

  it("3 groups: never over", () => {
    expect(over(3)).toBeNull();
  });

  it("rooms and clinician hours are checked the same way, every shortfall of the week listed", () => {
    const f = forecastCapacity(program, {
      ...base,
      available: { rooms: 2, clinicianHours: { therapist: 32 } },
    });
    // Week 2 at the 90th percentile: 3 rooms; 9 × 3 + 9 = 36 therapist hours.
    expect(f.firstWeekOver).toEqual({
      week: 2,
      start: "2026-03-09",
      shortfalls: [
        { resource: "rooms", role: null, needed: 3, available: 2 },
        { resource: "clinician-hours", role: "therapist", needed: 36, available: 32 },
      ],
    });
    expect(
      forecastCapacity(program, {
        ...base,
        available: { rooms: 3, clinicianHours: { therapist: 36 } },
      }).firstWeekOver,
    ).toBeNull();
  });

  it("the program's group rooms are the default", () => {
    const withRooms = {
      ...program,
      rooms: [{ id: "r-1", name: "Room 1", kind: "group-room" as const, capacity: 14 }],
    };
    expect(forecastCapacity(withRooms, base).firstWeekOver?.shortfalls).toEqual([
      { resource: "rooms", role: null, needed: 2, available: 1 },
    ]);
  });
});

describe("forecastCapacity (simulation)", () => {
  const options: ForecastCapacityOptions = {
    ...base,
    weeks: 6,
    mode: "simulation",
    runs: 400,
    seed: 7,
  };

  it("the same seed gives the same forecast; another seed another", () => {
    const a = forecastCapacity(onePhaseProgram(), options);
    expect(forecastCapacity(onePhaseProgram(), options)).toEqual(a);
    expect(forecastCapacity(onePhaseProgram(), { ...options, seed: 8 })).not.toEqual(a);
    expect(a).toMatchObject({ mode: "simulation", runs: 400, seed: 7 });
  });

  it("runs 1,000 times with seed 0 by default", () => {
    const f = forecastCapacity(onePhaseProgram(), { ...base, mode: "simulation" });
    expect(f).toMatchObject({ runs: 1000, seed: 0 });
  });

  it("its means match the analytic model (within 4 standard errors of a Poisson mean over the runs)", () => {
    const f = forecastCapacity(onePhaseProgram(), { ...options, runs: 2000 });
    const tolerance = (mean: number) => 4 * Math.sqrt(mean / 2000);
    expect(Math.abs((f.weeks[0]?.census.mean ?? 0) - 3)).toBeLessThan(tolerance(3));
    expect(Math.abs((f.weeks[5]?.census.mean ?? 0) - 6)).toBeLessThan(tolerance(6));
  });
});

describe("stayDistribution", () => {
  it("turns days into whole weeks (a started week counts; a same-day stay is one week)", () => {
    expect(stayDistribution([0, 7, 8, 14]).weeks).toEqual([0.5, 0.5]);
    expect(stayDistribution([56, 70, 70, 84]).weeks).toEqual([
      0, 0, 0, 0, 0, 0, 0, 0.25, 0, 0.5, 0, 0.25,
    ]);
  });

  it("refuses an empty list and stays that are not whole days from 0 to 3,640, naming each", () => {
    expect(issuesOf(() => stayDistribution([]))).toEqual([["too-small", []]]);
    expect(issuesOf(() => stayDistribution([3, -1, 3641, 1.5, 3640]))).toEqual([
      ["out-of-range", [1]],
      ["out-of-range", [2]],
      ["out-of-range", [3]],
    ]);
  });
});

describe("stayFromSurvival", () => {
  it("P(stay > k weeks) = S(7k); those still in at the curve's end leave in week longestWeeks", () => {
    expect(stayFromSurvival([{ day: 14, survival: 0.5 }], 4).weeks).toEqual([0, 0.5, 0, 0.5]);
    // A step on day 13 is inside week 2, so it counts by day 14 (= 7 × 2); one on day 15 does not.
    expect(stayFromSurvival([{ day: 13, survival: 0.25 }], 3).weeks).toEqual([0, 0.75, 0.25]);
    expect(stayFromSurvival([{ day: 15, survival: 0.25 }], 3).weeks).toEqual([0, 0, 1]);
    expect(stayFromSurvival([], 2).weeks).toEqual([0, 1]);
  });

  it("extends to the week after the curve's last step when that is later than longestWeeks", () => {
    expect(stayFromSurvival([{ day: 21, survival: 0.5 }], 1).weeks).toEqual([0, 0, 0.5, 0.5]);
  });

  it("refuses longestWeeks outside 1–520 and steps outside a day ≥ 0 and a share 0–1, naming each", () => {
    expect(issuesOf(() => stayFromSurvival([], 0))).toEqual([["out-of-range", ["longestWeeks"]]]);
    expect(stayFromSurvival([], 1).weeks).toEqual([1]);
    expect(stayFromSurvival([], 520).weeks).toHaveLength(520);
    expect(issuesOf(() => stayFromSurvival([], 521))).toEqual([["out-of-range", ["longestWeeks"]]]);
    expect(
      issuesOf(() =>
        stayFromSurvival(
          [
            { day: -1, survival: 0.5 },
            { day: 3, survival: 1.5 },
            { day: 4, survival: 0.5 },
          ],
          2,
        ),
      ),
    ).toEqual([
      ["out-of-range", ["curve", 0]],
      ["out-of-range", ["curve", 1]],
    ]);
  });
});

describe("forecastCapacity: options refused", () => {
  const program = onePhaseProgram();

  it("schema problems, each at its path", () => {
    expect(
      issuesOf(() =>
        forecastCapacity(program, {
          ...base,
          weeks: 0,
          admissionRate: 1.5,
          stay: { weeks: [] },
          mode: "guess" as "analytic",
          runs: 0,
        }),
      ),
    ).toEqual([
      ["too-small", ["weeks"]],
      ["too-big", ["admissionRate"]],
      ["too-small", ["stay", "weeks"]],
      ["invalid-value", ["mode"]],
      ["too-small", ["runs"]],
    ]);
    expect(issuesOf(() => forecastCapacity(program, { ...base, weeks: 157 }))).toEqual([
      ["too-big", ["weeks"]],
    ]);
    expect(forecastCapacity(program, { ...base, weeks: 156 }).weeks).toHaveLength(156);
  });

  it("shares that do not add up to 1 (within 1e-9), too few weekly rates, unknown and missing tracks, late admissions, unordered percentiles", () => {
    expect(
      issuesOf(() =>
        forecastCapacity(templateProgram, {
          ...base,
          referralsPerWeek: [1, 2, 3],
          stay: { weeks: [0.5, 0.4] },
          trackShares: { morning: 0.5, night: 0.4 },
          enrolled: [{ participantId: "p-1", admittedOn: "2026-03-03", track: "night" }],
          percentiles: [90, 50],
        }),
      ),
    ).toEqual([
      ["too-small", ["referralsPerWeek"]],
      ["shares-do-not-add-up", ["stay", "weeks"]],
      ["unknown-track", ["trackShares", "night"]],
      ["missing-track", ["trackShares"]],
      ["shares-do-not-add-up", ["trackShares"]],
      ["admitted-after-forecast-start", ["enrolled", 0, "admittedOn"]],
      ["unknown-track", ["enrolled", 0, "track"]],
      ["not-ascending", ["percentiles", 1]],
    ]);
    expect(
      forecastCapacity(program, { ...base, stay: { weeks: [0.5, 0.5 + 1e-10] } }).weeks,
    ).toHaveLength(4);
    expect(
      issuesOf(() => forecastCapacity(program, { ...base, stay: { weeks: [0.5, 0.5 + 2e-9] } })),
    ).toEqual([["shares-do-not-add-up", ["stay", "weeks"]]]);
    expect(
      forecastCapacity(program, { ...base, referralsPerWeek: [1, 2, 3, 4] }).weeks,
    ).toHaveLength(4);
    expect(
      forecastCapacity(program, {
        ...base,
        enrolled: [{ participantId: "p-1", admittedOn: "2026-03-02" }],
      }).weeks,
    ).toHaveLength(4);
    expect(issuesOf(() => forecastCapacity(program, { ...base, percentiles: [50, 50] }))).toEqual([
      ["not-ascending", ["percentiles", 1]],
    ]);
  });
});
