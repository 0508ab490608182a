// Stage 8, weekly hours (src/schedule/stages/weekly-hours.ts): each full week's clinical hours
// against its band (S5), with the cause; nobody enrolled in the window left without a session (S13).
import { describe, expect, it } from "vitest";
import type { PlanScheduleOptions } from "iopkit";
import { judgeWeeklyHours } from "../../../src/schedule/stages/weekly-hours";
import { enrol, stateBefore, tinyProgram } from "./helpers";

const run = (options: PlanScheduleOptions) => {
  const state = stateBefore(options, "Weekly hours");
  judgeWeeklyHours(state);
  return state;
};
const WEEKDAYS = [1, 2, 3, 4, 5] as const;
/** Free only during the tiny program's groups (Mon and Wed 09:00–12:00). */
const onlyGroups = [
  ...WEEKDAYS.map((weekday) => ({ weekday, from: "07:00", to: "09:00" })),
  ...WEEKDAYS.map((weekday) => ({ weekday, from: "12:00", to: "20:00" })),
  ...([2, 4, 5] as const).map((weekday) => ({ weekday, from: "09:00", to: "12:00" })),
];

function banded(min: number, closures: string[] = []) {
  const [phase] = tinyProgram().phases;
  if (phase === undefined) throw new Error("the tiny program has a phase");
  return tinyProgram("America/Chicago", {
    closures,
    phases: [{ ...phase, hoursPerWeek: { min, max: 7 } }],
  });
}

describe("judgeWeeklyHours", () => {
  // Monday is closed; Wednesday holds their own group and no other time is free, so there is no
  // make-up and no individual session: the week holds 3 h. (A pattern always meets its band's
  // minimum, so a week falls short when sessions are lost or not placed.)
  it.each([
    [2.75, []],
    [3, []],
    [
      3.25,
      [
        [
          "S5",
          "closure",
          "2026-W10",
          "3 clinical h in 2026-W10, outside 3.25–7 h: sessions lost to a closure could not be made up that week",
        ],
      ],
    ],
  ])("band from %s h, 3 h planned: %j", (min, expected) => {
    const state = run({
      program: banded(min, ["2026-03-02"]),
      enrollments: [enrol("p-1", "2026-03-02", {}, { unavailable: onlyGroups })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(
      state.shortfalls
        .filter((s) => s.invariant === "S5")
        .map((s) => [s.invariant, s.code, s.isoWeek, s.message]),
    ).toEqual(expected);
  });

  it("does not judge a partial week (the first and last weeks of an enrolment)", () => {
    // Starts on Tuesday: the first week holds only Wednesday's group; the second loses Monday's.
    const state = run({
      program: banded(6, ["2026-03-09"]),
      enrollments: [enrol("p-1", "2026-03-03", {}, { unavailable: onlyGroups })],
      from: "2026-03-02",
      weeks: 2,
      seed: 1,
    });
    expect(
      state.shortfalls.filter((s) => s.invariant === "S5").map((s) => [s.isoWeek, s.code]),
    ).toEqual([["2026-W11", "closure"]]);
  });

  it("reports someone enrolled in the window with no session there as unschedulable (S13)", () => {
    const state = run({
      program: tinyProgram(),
      enrollments: [
        enrol("weekend", "2026-03-07", { end: "2026-03-08" }),
        enrol("p-1", "2026-03-02"),
      ],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(state.unschedulable).toEqual([
      {
        participantId: "weekend",
        code: "no-sessions-in-window",
        message:
          "enrolled 2026-03-07 to 2026-03-08 in this window, but no session of their phases falls on an open day then",
      },
    ]);
  });
});
