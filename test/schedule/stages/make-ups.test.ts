// Stage 6, make-ups (src/schedule/stages/make-ups.ts): a group session lost to a closure is made
// up that ISO week, at the same wall-clock time, for members below their band who can come.
import { describe, expect, it } from "vitest";
import { defineProgram, type PhaseInput, type PlanScheduleOptions } from "iopkit";
import { placeMakeUps } from "../../../src/schedule/stages/make-ups";
import { enrol, stateBefore, tinyProgram, records } from "./helpers";

const run = (options: PlanScheduleOptions) => {
  const state = stateBefore(options, "Make-ups");
  const before = records(state).length;
  placeMakeUps(state);
  return records(state).slice(before);
};

/** The tiny program (Mon and Wed groups, 6 h, weekly individual) with a band from `min` h. */
function withMinimum(min: number) {
  const [phase] = tinyProgram().phases;
  if (phase === undefined) throw new Error("the tiny program has a phase");
  return tinyProgram("America/Chicago", {
    closures: ["2026-03-02"],
    phases: [{ ...phase, hoursPerWeek: { min, max: 7 } }],
  });
}

describe("placeMakeUps", () => {
  // Monday is closed: the week holds Wednesday's 3 h group and the 1 h individual session.
  it.each([
    [3.75, 0],
    [4, 0],
    [4.25, 1],
  ])("band from %s h, 4 h planned: %i make-up (only below the band)", (min, count) => {
    const made = run({
      program: withMinimum(min),
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(made).toHaveLength(count);
  });

  it("makes up on the nearest open day at the same wall-clock time, as a session of the group", () => {
    const made = run({
      program: withMinimum(6),
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(made).toEqual([
      {
        formatVersion: 2,
        id: "only.all.g1.20260302.0.makeup.20260303",
        sessionType: "group-therapy",
        start: "2026-03-03T09:00:00.000-06:00",
        end: "2026-03-03T12:00:00.000-06:00",
        participantIds: ["p-1"],
        staffIds: [],
        groupId: "only.all.g1",
        phaseId: "only",
        patternEntry: 0,
        makeUp: true,
      },
    ]);
  });

  it("picks the day most of them can come, then the next best day for the others", () => {
    const busy = (...weekdays: (2 | 4 | 5)[]) =>
      weekdays.map((weekday) => ({ weekday, from: "08:00", to: "13:00" }));
    const plan = (aBusy: (2 | 4 | 5)[], bBusy: (2 | 4 | 5)[]) =>
      run({
        program: withMinimum(6),
        enrollments: [
          enrol("a", "2026-03-02", {}, { unavailable: busy(...aBusy) }),
          enrol("b", "2026-03-02", {}, { unavailable: busy(...bBusy) }),
        ],
        from: "2026-03-02",
        weeks: 1,
        seed: 1,
      }).map((r) => [r.start, r.participantIds]);
    // Tuesday suits only a, Thursday both (Wednesday holds their own group): Thursday for both.
    expect(plan([], [2])).toEqual([["2026-03-05T09:00:00.000-06:00", ["a", "b"]]]);
    // No day suits both: Tuesday (the nearest) for a, then Thursday for b.
    expect(plan([4, 5], [2])).toEqual([
      ["2026-03-03T09:00:00.000-06:00", ["a"]],
      ["2026-03-05T09:00:00.000-06:00", ["b"]],
    ]);
  });

  it("makes up only for members on the group's roster that day: not after they left it for the next phase", () => {
    const phase = (id: string, weekday: 1 | 3, hours: number): PhaseInput => ({
      id,
      name: id,
      hoursPerWeek: { min: hours, max: hours + 1 },
      weeks: { min: 1, max: 4 },
      plannedWeeks: 4,
      pattern: [
        { sessionType: "group-therapy", weekday, start: "09:00", durationMinutes: hours * 60 },
      ],
      individualEveryWeeks: 1,
      drugTestsPerWeek: { min: 0, max: 0 },
      exitCriteria: {
        minWeeks: 1,
        minAttendanceRate: 0.8,
        negativeTestsInARow: 0,
        requiresClinicianSignOff: false,
      },
    });
    const program = defineProgram({
      ...tinyProgram(),
      id: "two-phases",
      closures: ["2026-03-02"],
      phases: [phase("first", 1, 3), phase("second", 3, 2)],
      lengthWeeks: { min: 2, max: 8 },
    });
    const made = run({
      program,
      enrollments: [
        enrol("stays", "2026-03-02"),
        enrol("moves", "2026-03-02", {
          path: [
            { phaseId: "first", from: "2026-03-02", reason: "admission" },
            { phaseId: "second", from: "2026-03-03", reason: "step-down" },
          ],
        }),
      ],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    // Both lost Monday's first-phase group; from Tuesday "moves" is in the second phase.
    expect(made.map((r) => [r.phaseId, r.start, r.participantIds])).toEqual([
      ["first", "2026-03-03T09:00:00.000-06:00", ["stays"]],
    ]);
  });
});
