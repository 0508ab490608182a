// Stage 5, one-to-ones (src/schedule/stages/one-to-ones.ts): one of each required one-to-one in
// every block of N ISO weeks, placed around the participant's week with a free staff member (S8).
import { describe, expect, it } from "vitest";
import type { PlanScheduleOptions } from "iopkit";
import { placeOneToOnes } from "../../../src/schedule/stages/one-to-ones";
import { enrol, stateBefore, tinyProgram, worker, records } from "./helpers";

const run = (options: PlanScheduleOptions) => {
  const state = stateBefore(options, "One-to-ones");
  const before = records(state).length;
  placeOneToOnes(state);
  return { state, placed: records(state).slice(before) };
};
const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** Free only during the tiny program's groups (Mon and Wed 09:00–12:00). */
const onlyGroups = [
  ...WEEKDAYS.map((weekday) => ({ weekday, from: "07:00", to: "09:00" })),
  ...WEEKDAYS.map((weekday) => ({ weekday, from: "12:00", to: "20:00" })),
  ...([2, 4, 5] as const).map((weekday) => ({ weekday, from: "09:00", to: "12:00" })),
];

describe("placeOneToOnes", () => {
  it("places the weekly individual session right after the participant's group, with a staff member, across the DST change", () => {
    const { placed, state } = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-02")],
      staff: [worker("t-1", ["therapist"])],
      from: "2026-03-02",
      weeks: 2,
      seed: 1,
    });
    expect(placed).toEqual([
      {
        formatVersion: 2,
        id: "ind.p-1.20260302",
        sessionType: "individual-therapy",
        start: "2026-03-02T12:00:00.000-06:00",
        end: "2026-03-02T13:00:00.000-06:00",
        participantIds: ["p-1"],
        staffIds: ["t-1"],
        phaseId: "only",
      },
      {
        formatVersion: 2,
        id: "ind.p-1.20260309",
        sessionType: "individual-therapy",
        start: "2026-03-09T12:00:00.000-05:00",
        end: "2026-03-09T13:00:00.000-05:00",
        participantIds: ["p-1"],
        staffIds: ["t-1"],
        phaseId: "only",
      },
    ]);
    expect(state.shortfalls).toEqual([]);
  });

  it.each([
    [1, 4],
    [2, 2],
    [3, 2],
  ])(
    "every %i week(s): %i individual sessions in four weeks (blocks from the phase's first ISO week)",
    (every, count) => {
      const [phase] = tinyProgram().phases;
      if (phase === undefined) throw new Error("the tiny program has a phase");
      const program = tinyProgram("America/Chicago", {
        phases: [{ ...phase, individualEveryWeeks: every }],
      });
      const { placed } = run({
        program,
        enrollments: [enrol("p-1", "2026-03-02")],
        from: "2026-03-02",
        weeks: 4,
        seed: 1,
      });
      expect(placed.map((r) => r.sessionType)).toEqual(
        Array<string>(count).fill("individual-therapy"),
      );
    },
  );

  it("reports a judged block it cannot fill: no time the participant is free (S8)", () => {
    const { placed, state } = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-02", {}, { unavailable: onlyGroups })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(placed).toEqual([]);
    expect(state.shortfalls.map((s) => [s.invariant, s.code, s.isoWeek, s.message])).toEqual([
      [
        "S8",
        "no-participant-slot",
        "2026-W10",
        "no individual-therapy could be placed between 2026-03-02 and 2026-03-08: no open time fits the participant's other sessions and unavailability",
      ],
    ]);
  });

  it("reports a block no staff member is free for: no-staff-slot", () => {
    const groupsOnly = worker("t-1", ["therapist"]);
    const busyTherapist = {
      ...groupsOnly,
      availability: ([1, 3] as const).map((weekday) => ({ weekday, from: "09:00", to: "12:00" })),
    };
    const { placed, state } = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-02")],
      staff: [busyTherapist],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(placed).toEqual([]);
    expect(state.shortfalls.map((s) => [s.invariant, s.code])).toEqual([["S8", "no-staff-slot"]]);
  });

  it("does not judge a block the window or the phase cuts (a partial first week)", () => {
    const { state } = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-05", {}, { unavailable: onlyGroups })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(state.shortfalls).toEqual([]);
  });
});
