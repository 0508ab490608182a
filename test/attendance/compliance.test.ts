// weeklyCompliance and checkAttendance, one rule per test, each naming its source.
import { describe, expect, it } from "vitest";
import {
  checkAttendance,
  IopError,
  parseAttendanceRecord,
  parseEnrollment,
  parseParticipant,
  safeParseAttendanceRecord,
  weeklyCompliance,
  type AttendanceRecord,
} from "iopkit";
import { person } from "../people";
import { program, recordAll, scheduleOf, session, templateDay, templateWeek } from "./fixtures";

const enrol = (id: string, start: string, extra: Record<string, unknown> = {}) =>
  parseEnrollment({ participant: parseParticipant(person(id)), start, ...extra });

describe("attendance records", () => {
  it("parses a record and rejects unknown keys (records are strict)", () => {
    const r = { sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 120 };
    expect(parseAttendanceRecord(r)).toEqual({ formatVersion: 2, ...r });
    expect(safeParseAttendanceRecord({ ...r, minutes: 3 }).success).toBe(false);
  });

  it("an absence has 0 minutes attended", () => {
    const r = safeParseAttendanceRecord({
      sessionId: "s-1",
      participantId: "p-1",
      status: "absent-unexcused",
      minutesAttended: 30,
    });
    expect(r.success ? [] : r.error.issues.map((i) => i.code)).toEqual(["absent-with-minutes"]);
  });
});

describe("checkAttendance: records that do not fit the schedule are reported, never dropped", () => {
  const sessions = templateDay("2026-03-09", ["p-1", "p-2"]);
  const schedule = scheduleOf(sessions, "2026-03-09", 1);
  const ok: AttendanceRecord = parseAttendanceRecord({
    sessionId: "g-2026-03-09",
    participantId: "p-1",
    status: "present",
    minutesAttended: 120,
  });
  const bad: AttendanceRecord[] = [
    ok,
    { ...ok, sessionId: "nope" as AttendanceRecord["sessionId"] },
    { ...ok, participantId: "p-9" as AttendanceRecord["participantId"] },
    { ...ok, participantId: "p-2" as AttendanceRecord["participantId"], minutesAttended: 121 },
    { ...ok, status: "late", minutesAttended: 100 },
  ];

  it("names each problem with its path, a code and a message an app can show", () => {
    expect(checkAttendance({ schedule, attendance: bad })).toEqual([
      {
        code: "unknown-session",
        path: ["attendance", 1, "sessionId"],
        message: "session nope is not in the schedule",
      },
      {
        code: "not-on-roster",
        path: ["attendance", 2, "participantId"],
        message: "participant p-9 is not on the roster of session g-2026-03-09",
      },
      {
        code: "minutes-beyond-session",
        path: ["attendance", 3, "minutesAttended"],
        message:
          "121 minutes recorded (attended, late and left early) but session g-2026-03-09 lasts 120",
      },
      {
        code: "duplicate-attendance",
        path: ["attendance", 4],
        message: "participant p-1 already has a record for session g-2026-03-09 (attendance[0])",
      },
    ]);
    expect(checkAttendance({ schedule, attendance: [ok] })).toEqual([]);
  });

  it("finds each record's own seat when records come out of roster order", () => {
    const second = { ...ok, participantId: "p-2" as AttendanceRecord["participantId"] };
    expect(checkAttendance({ schedule, attendance: [second, ok] })).toEqual([]);
    expect(checkAttendance({ schedule, attendance: [second, ok, second] })).toEqual([
      {
        code: "duplicate-attendance",
        path: ["attendance", 2],
        message: "participant p-2 already has a record for session g-2026-03-09 (attendance[0])",
      },
    ]);
  });

  it("a roster listing someone twice keeps their first seat, however many came before them", () => {
    // The 65th person (past the first 64 the matcher tracks before it grows) is listed twice.
    const ids = Array.from({ length: 65 }, (_, i) => `p-${i + 1}`);
    const crowd = scheduleOf(templateDay("2026-03-09", [...ids, "p-65"]), "2026-03-09", 1);
    const records = [...ids, "p-65"].map((id) => ({
      ...ok,
      participantId: id as AttendanceRecord["participantId"],
    }));
    expect(checkAttendance({ schedule: crowd, attendance: records })).toEqual([
      {
        code: "duplicate-attendance",
        path: ["attendance", 65],
        message: "participant p-65 already has a record for session g-2026-03-09 (attendance[64])",
      },
    ]);
  });

  it("late and left-early minutes count toward the session's length", () => {
    const r = {
      ...ok,
      status: "late" as const,
      minutesAttended: 100,
      lateMinutes: 15,
      leftEarlyMinutes: 10,
    };
    expect(checkAttendance({ schedule, attendance: [r] }).map((i) => i.code)).toEqual([
      "minutes-beyond-session",
    ]);
  });

  it("weeklyCompliance throws IopError carrying every problem", () => {
    let caught: unknown;
    try {
      weeklyCompliance({ program, schedule, attendance: bad });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(IopError);
    expect((caught as IopError).issues).toHaveLength(4);
  });
});

describe("weeklyCompliance (DESIGN.md S5; ASAM adult IOP 9–19 h/week; template bands)", () => {
  const week = templateWeek("2026-03-09", [1, 2, 3, 4], ["p-1"]);

  it("a full intensive week, 4 days × 3 h = 12 h, is within 12–16 h (H0015: ≥ 3 h a day, ≥ 3 days)", () => {
    const [w] = weeklyCompliance({
      program,
      schedule: scheduleOf(week, "2026-03-09", 1),
      attendance: recordAll(week),
    });
    expect(w).toEqual({
      participantId: "p-1",
      isoWeek: "2026-W11",
      phaseId: "intensive",
      phaseIds: ["intensive"],
      attendedHours: 12,
      attendedMinutes: 720,
      scheduledHours: 12,
      band: { min: 12, max: 16 },
      expectedBand: { min: 12, max: 16 },
      status: "within",
      partial: false,
    });
  });

  it("a missed day leaves the week below the band; extra hours put it above", () => {
    const missed = recordAll(week).map((r) =>
      r.sessionId.endsWith("03-10")
        ? { ...r, status: "absent-unexcused" as const, minutesAttended: 0 }
        : r,
    );
    const schedule = scheduleOf(week, "2026-03-09", 1);
    expect(weeklyCompliance({ program, schedule, attendance: missed })[0]).toMatchObject({
      attendedHours: 9,
      scheduledHours: 12,
      status: "below",
    });
    const more = [
      ...week,
      ...templateDay("2026-03-13", ["p-1"]),
      session("i-1", "2026-03-13", "13:00", 120, ["p-1"], { type: "individual-therapy" }),
    ];
    expect(
      weeklyCompliance({
        program,
        schedule: scheduleOf(more, "2026-03-09", 1),
        attendance: recordAll(more),
      })[0],
    ).toMatchObject({ attendedHours: 17, status: "above" });
  });

  it("drug-test collections are not clinical time (session types: drug test)", () => {
    const withTest = [
      ...week,
      session("t-1", "2026-03-10", "12:30", 15, ["p-1"], { type: "drug-test" }),
    ];
    const [w] = weeklyCompliance({
      program,
      schedule: scheduleOf(withTest, "2026-03-09", 1),
      attendance: recordAll(withTest),
    });
    expect(w).toMatchObject({ attendedHours: 12, scheduledHours: 12 });
  });

  it("weeks are ISO weeks on the program's clock: Sunday 20:00 in New York is still that week", () => {
    const sessions = [
      session("a", "2026-03-09", "09:00", 120, ["p-1"], { phaseId: "intensive" }),
      // 2026-03-15T20:00-04:00 is Monday 00:00 UTC, but Sunday on the clinic's clock.
      session("b", "2026-03-15", "20:00", 60, ["p-1"], { phaseId: "intensive" }),
    ];
    const rows = weeklyCompliance({
      program,
      schedule: scheduleOf(sessions, "2026-03-09", 2),
      attendance: recordAll(sessions),
    });
    expect(rows.map((r) => [r.isoWeek, r.attendedHours])).toEqual([["2026-W11", 3]]);
  });

  it("an admission mid-week is a partial week, judged against the prorated band (DESIGN S5: first weeks may be partial)", () => {
    // Admitted Wednesday: 2 of the phase's 4 session days remain, so 12–16 h becomes 6–8 h.
    const days = templateWeek("2026-03-09", [3, 4], ["p-1"]);
    const schedule = scheduleOf(days, "2026-03-09", 1);
    const expected = {
      attendedHours: 6,
      band: { min: 12, max: 16 },
      expectedBand: { min: 6, max: 8 },
      status: "within",
      partial: true,
    };
    const withEnrollment = weeklyCompliance({
      program,
      schedule,
      attendance: recordAll(days),
      enrollments: [enrol("p-1", "2026-03-11")],
    });
    expect(withEnrollment[0]).toMatchObject(expected);
    // Without enrolments, the first scheduled session stands for the admission.
    expect(weeklyCompliance({ program, schedule, attendance: recordAll(days) })[0]).toMatchObject(
      expected,
    );
  });

  it("a week in which the phase changes is judged against the wider band (DESIGN S5)", () => {
    const sessions = [
      ...templateWeek("2026-03-09", [1, 2, 3], ["p-1"], "intensive"),
      ...templateWeek("2026-03-09", [4], ["p-1"], "step-down"),
    ];
    const enrollment = enrol("p-1", "2026-03-09", {
      path: [
        { phaseId: "intensive", from: "2026-03-09" },
        { phaseId: "step-down", from: "2026-03-12" },
      ],
    });
    for (const enrollments of [[enrollment], undefined]) {
      const [w] = weeklyCompliance({
        program,
        schedule: scheduleOf(sessions, "2026-03-09", 1),
        attendance: recordAll(sessions),
        ...(enrollments === undefined ? {} : { enrollments }),
      });
      expect(w).toMatchObject({
        phaseId: "step-down",
        phaseIds: ["intensive", "step-down"],
        band: { min: 9, max: 16 },
        status: "within",
      });
    }
  });

  it("with enrolments, an enrolled participant with nothing scheduled is still judged (absent for all)", () => {
    const rows = weeklyCompliance({
      program,
      schedule: scheduleOf(week, "2026-03-09", 1),
      attendance: recordAll(week),
      enrollments: [enrol("p-1", "2026-03-09"), enrol("p-2", "2026-03-09")],
    });
    expect(rows.map((r) => [r.participantId, r.attendedHours, r.status])).toEqual([
      ["p-1", 12, "within"],
      ["p-2", 0, "below"],
    ]);
  });

  it("asOf leaves out later sessions and marks its week partial", () => {
    const two = [...week, ...templateWeek("2026-03-16", [1, 2, 3, 4], ["p-1"])];
    const rows = weeklyCompliance({
      program,
      schedule: scheduleOf(two, "2026-03-09", 2),
      attendance: recordAll(two),
      asOf: "2026-03-10",
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      attendedHours: 6,
      scheduledHours: 6,
      expectedBand: { min: 6, max: 8 },
      partial: true,
      status: "within",
    });
  });
});

describe("weeklyCompliance at its edges", () => {
  const week = templateWeek("2026-03-09", [1, 2, 3, 4], ["p-1"]);
  const two = [...week, ...templateWeek("2026-03-16", [1, 2, 3, 4], ["p-1"])];

  it("refuses options of the wrong shape with one error naming each, under its name", () => {
    const issues = (options: unknown) => {
      try {
        weeklyCompliance(options as never);
      } catch (e) {
        if (e instanceof IopError)
          return [e.message.split(":")[0], e.issues.map((i) => [i.code, i.path.join(".")])];
      }
      return undefined;
    };
    expect(
      issues({
        program: "adult",
        schedule: { sessions: {}, window: { from: "2026-13-01", weeks: 0 } },
        attendance: null,
        enrollments: {},
        asOf: "yesterday",
      }),
    ).toMatchInlineSnapshot(`
      [
        "weeklyCompliance",
        [
          [
            "invalid-type",
            "program",
          ],
          [
            "invalid-type",
            "schedule.sessions",
          ],
          [
            "invalid-date",
            "schedule.window.from",
          ],
          [
            "limit-exceeded",
            "schedule.window.weeks",
          ],
          [
            "invalid-type",
            "attendance",
          ],
          [
            "invalid-type",
            "enrollments",
          ],
          [
            "invalid-date",
            "asOf",
          ],
        ],
      ]
    `);
  });

  it("counts a session on asOf and leaves out one the day after", () => {
    const hours = (asOf: string) =>
      weeklyCompliance({
        program,
        schedule: scheduleOf(two, "2026-03-09", 2),
        attendance: recordAll(two),
        asOf,
      }).map((w) => [w.isoWeek, w.attendedHours]);
    expect(hours("2026-03-16")).toEqual([
      ["2026-W11", 12],
      ["2026-W12", 3],
    ]);
    expect(hours("2026-03-15")).toEqual([["2026-W11", 12]]);
  });

  it("reports participants by id and each one's weeks in order, whatever order the records come in", () => {
    const both = [...templateWeek("2026-03-16", [1, 2, 3, 4], ["p-2", "p-1"]), ...week];
    const rows = weeklyCompliance({
      program,
      schedule: scheduleOf(both, "2026-03-09", 2),
      attendance: recordAll(both).reverse(),
    });
    expect(rows.map((r) => [r.participantId, r.isoWeek])).toEqual([
      ["p-1", "2026-W11"],
      ["p-1", "2026-W12"],
      ["p-2", "2026-W12"],
    ]);
  });
});

describe("weeklyCompliance: a whole week in one phase, between the first and the last", () => {
  // Three weeks Mon–Thu (12 h each); the middle week's hours are changed.
  const around = (middle: ReturnType<typeof templateWeek>) => {
    const sessions = [
      ...templateWeek("2026-03-09", [1, 2, 3, 4], ["p-1"]),
      ...middle,
      ...templateWeek("2026-03-23", [1, 2, 3, 4], ["p-1"]),
    ];
    return weeklyCompliance({
      program,
      schedule: scheduleOf(sessions, "2026-03-09", 3),
      attendance: recordAll(sessions),
    })[1];
  };
  const base = templateWeek("2026-03-16", [1, 2, 3, 4], ["p-1"]);
  const [group, talk] = templateDay("2026-03-20", ["p-1"]); // Friday: 2 h and 1 h
  const [, saturdayTalk] = templateDay("2026-03-21", ["p-1"]);
  const [saturdayGroup] = templateDay("2026-03-21", ["p-1"]);

  it("is within its band at its least and its most, below and above them outside", () => {
    expect(around(base)).toEqual({
      participantId: "p-1",
      isoWeek: "2026-W12",
      phaseId: "intensive",
      phaseIds: ["intensive"],
      attendedHours: 12,
      attendedMinutes: 720,
      scheduledHours: 12,
      band: { min: 12, max: 16 },
      expectedBand: { min: 12, max: 16 },
      status: "within",
      partial: false,
    });
    const extra = (...more: (typeof base)[number][]) => around([...base, ...more]);
    if (
      group === undefined ||
      talk === undefined ||
      saturdayTalk === undefined ||
      saturdayGroup === undefined
    )
      throw new Error("fixture");
    expect([
      extra(group, talk, saturdayTalk)?.attendedHours,
      extra(group, talk, saturdayTalk)?.status,
    ]).toEqual([16, "within"]);
    expect([
      extra(group, talk, saturdayGroup)?.attendedHours,
      extra(group, talk, saturdayGroup)?.status,
    ]).toEqual([17, "above"]);
    const short = around(base.slice(1));
    expect([short?.attendedHours, short?.scheduledHours, short?.status]).toEqual([10, 10, "below"]);
  });
});
