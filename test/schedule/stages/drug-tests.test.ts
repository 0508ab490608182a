// Stage 7, drug tests (src/schedule/stages/drug-tests.ts): per participant-week a random count
// inside the phase's bounds, on random days they are on site, collected in a free gap (S12).
import { describe, expect, it } from "vitest";
import { instantToZoned, toEpochDay, type PlanScheduleOptions } from "iopkit";
import { placeDrugTests } from "../../../src/schedule/stages/drug-tests";
import { enrol, stateBefore, tinyProgram, worker, records } from "./helpers";

/** The tiny program (groups Mon and Wed, band from 3 h so a closure needs no make-up) with `min`–2 tests a week. */
function testing(extra: { closures?: string[]; min?: number } = {}) {
  const [phase] = tinyProgram().phases;
  if (phase === undefined) throw new Error("the tiny program has a phase");
  return tinyProgram("America/Chicago", {
    closures: extra.closures ?? [],
    phases: [
      {
        ...phase,
        hoursPerWeek: { min: 3, max: 7 },
        drugTestsPerWeek: { min: extra.min ?? 1, max: 2 },
      },
    ],
    drugTestPolicy: { minDaysApart: 0 },
  });
}

const run = (options: PlanScheduleOptions) => {
  const state = stateBefore(options, "Drug tests");
  const before = records(state).length;
  placeDrugTests(state);
  return { state, tests: records(state).slice(before) };
};
const base = {
  enrollments: [enrol("p-1", "2026-03-02"), enrol("p-2", "2026-03-02")],
  staff: [worker("t-1", ["therapist"]), worker("c-1", ["collector"])],
  from: "2026-03-02",
  weeks: 6,
};

describe("placeDrugTests", () => {
  it("plans 1–2 tests a week per person, only on days they are on site, with a collector", () => {
    const { tests, state } = run({ ...base, program: testing(), seed: 3 });
    const day = (start: string) => instantToZoned(start, "America/Chicago").date;
    for (const id of ["p-1", "p-2"]) {
      const mine = tests.filter((t) => t.participantIds[0] === id);
      expect(mine.every((t) => t.sessionType === "drug-test" && t.staffIds[0] === "c-1")).toBe(
        true,
      );
      const perWeek = Array<number>(6).fill(0);
      for (const t of mine) {
        const onSite = records(state).some(
          (r) =>
            r.sessionType === "group-therapy" &&
            (r.participantIds as readonly string[]).includes(id) &&
            day(r.start) === day(t.start),
        );
        expect(onSite).toBe(true);
        const week = Math.floor((toEpochDay(day(t.start)) - toEpochDay("2026-03-02")) / 7);
        perWeek[week] = (perWeek[week] ?? 0) + 1;
      }
      for (const count of perWeek) expect([1, 2]).toContain(count);
    }
    expect(state.shortfalls).toEqual([]);
  });

  it("draws the same days for the same seed, and other days for another seed", () => {
    const days = (seed: number) =>
      run({ ...base, program: testing(), seed }).tests.map((t) => t.start);
    expect(days(3)).toEqual(days(3));
    expect(
      [5, 6, 7, 8].some((seed) => JSON.stringify(days(seed)) !== JSON.stringify(days(3))),
    ).toBe(true);
  });

  it("reports a full week with fewer on-site days than the minimum: too-few-site-days", () => {
    const { state } = run({
      ...base,
      weeks: 1,
      program: testing({ min: 2, closures: ["2026-03-04"] }),
      seed: 1,
    });
    expect(
      state.shortfalls.map((s) => [s.invariant, s.code, s.participantId, s.isoWeek, s.message]),
    ).toEqual([
      [
        "S12",
        "too-few-site-days",
        "p-1",
        "2026-W10",
        "1 drug test(s) planned in 2026-W10, fewer than the phase's minimum of 2: the participant is on site only 1 day(s) that week",
      ],
      [
        "S12",
        "too-few-site-days",
        "p-2",
        "2026-W10",
        "1 drug test(s) planned in 2026-W10, fewer than the phase's minimum of 2: the participant is on site only 1 day(s) that week",
      ],
    ]);
  });

  it("reports a week whose collections find no free collector: no-collection-slot", () => {
    const tuesdayCollector = {
      ...worker("c-1", ["collector"]),
      availability: [{ weekday: 2 as const, from: "08:00", to: "18:00" }],
    };
    const { state, tests } = run({
      ...base,
      weeks: 1,
      staff: [worker("t-1", ["therapist"]), tuesdayCollector],
      program: testing(),
      seed: 1,
    });
    expect(tests).toEqual([]);
    expect(state.shortfalls.map((s) => [s.code, s.participantId])).toEqual([
      ["no-collection-slot", "p-1"],
      ["no-collection-slot", "p-2"],
    ]);
  });
});
