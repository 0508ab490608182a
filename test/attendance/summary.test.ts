// attendanceSummary and the drug-test records, one rule per test, each naming its source.
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  checkAttendance,
  defineProgram,
  drugTestFindings,
  drugTestSummary,
  migrateRecord,
  parseDrugTestResult,
  readDrugTest,
  safeParseDrugTestResult,
  type AttendanceRecord,
  type AttendanceStatus,
  type DrugTestResult,
  type DrugTestResultInput,
  type ScheduledSession,
} from "iopkit";
import { lengthOf, program, scheduleOf, session, templateDay, templateWeek } from "./fixtures";

/** Records the sessions in order with the given statuses (full minutes when attended). */
function record(sessions: readonly ScheduledSession[], statuses: readonly AttendanceStatus[]) {
  return sessions.flatMap((s, i): AttendanceRecord[] => {
    const status = statuses[i];
    if (status === undefined) return [];
    return [
      {
        formatVersion: 2,
        sessionId: s.id,
        participantId: s.participantIds[0] ?? ("p-1" as AttendanceRecord["participantId"]),
        status,
        minutesAttended: status.startsWith("absent") ? 0 : lengthOf(s),
      },
    ];
  });
}

/** One full-minutes record of a session's first participant. */
const rec = (s: ScheduledSession | undefined, status: AttendanceStatus): AttendanceRecord =>
  record(s === undefined ? [] : [s], [status])[0] as AttendanceRecord;

/** Five one-hour groups on consecutive weekdays. */
const groups = ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13"].map((d, i) =>
  session(`s-${i}`, d, "09:00", 60, ["p-1"], { phaseId: "intensive" }),
);
const schedule = scheduleOf(groups, "2026-03-09", 1);

describe("attendanceSummary: the rate under the absence policy (program.absencePolicy)", () => {
  const attendance = record(groups, [
    "present",
    "absent-excused",
    "present",
    "absent-unexcused",
    "late",
  ]);

  it("excused absences do not count against the rate by default (excusedCountsAsAbsent: false)", () => {
    const [s] = attendanceSummary({ program, schedule, attendance });
    expect(s).toMatchObject({ sessions: 5, attended: 3, excused: 1, unexcused: 1, late: 1 });
    expect(s?.rate).toBeCloseTo(3 / 4);
  });

  it("they do when the policy says so", () => {
    const strict = defineProgram({
      ...program,
      absencePolicy: { ...program.absencePolicy, excusedCountsAsAbsent: true },
    });
    expect(attendanceSummary({ program: strict, schedule, attendance })[0]?.rate).toBeCloseTo(
      3 / 5,
    );
  });

  it("sessions without a record are reported, not counted", () => {
    const [s] = attendanceSummary({ program, schedule, attendance: attendance.slice(0, 2) });
    expect(s).toMatchObject({ sessions: 5, unrecorded: 3, attended: 1, rate: 1 });
  });

  it("from, asOf and phaseId narrow the sessions counted", () => {
    const [s] = attendanceSummary({
      program,
      schedule,
      attendance,
      from: "2026-03-10",
      asOf: "2026-03-12",
    });
    expect(s?.sessions).toBe(3);
    expect(attendanceSummary({ program, schedule, attendance, phaseId: "step-down" })).toEqual([]);
  });
});

describe("attendanceSummary: streaks and alerts (absencePolicy: alert at 2, lost to contact after 14 days; unverified defaults)", () => {
  it("alerts when unexcused absences in a row reach unexcusedStreakAlert; excused ones neither extend nor break a run", () => {
    const attendance = record(groups, [
      "absent-unexcused",
      "absent-excused",
      "absent-unexcused",
      "absent-unexcused",
      "present",
    ]);
    const [s] = attendanceSummary({ program, schedule, attendance });
    expect(s?.longestUnexcusedStreak).toBe(3);
    expect(s?.currentUnexcusedStreak).toBe(0);
    expect(s?.alerts).toEqual([
      {
        code: "unexcused-streak",
        message: "2 unexcused absences in a row (alert at 2)",
        on: "2026-03-11",
        sessionIds: ["s-0", "s-2"],
      },
    ]);
  });

  it("flags lost to contact when the last attended session is more than lostToContactDays before asOf", () => {
    const attendance = record(groups, ["present", "absent-unexcused"]);
    const at = (asOf: string) =>
      attendanceSummary({ program, schedule, attendance, asOf })[0]?.alerts.map((a) => a.code);
    expect(at("2026-03-23")).toEqual([]); // 14 days after 2026-03-09
    expect(at("2026-03-24")).toEqual(["lost-to-contact"]); // 15 days
  });
});

describe("attendanceSummary: minutes, make-ups and service days", () => {
  it("counts late and left-early minutes, split when the record says so", () => {
    const attendance: AttendanceRecord[] = [
      { ...rec(groups[0], "late"), minutesAttended: 45 },
      { ...rec(groups[1], "left-early"), minutesAttended: 50 },
      { ...rec(groups[2], "late"), minutesAttended: 40, lateMinutes: 5, leftEarlyMinutes: 15 },
    ];
    const [s] = attendanceSummary({ program, schedule, attendance });
    expect(s).toMatchObject({ lateMinutes: 15 + 5, leftEarlyMinutes: 10 + 15, attended: 3 });
  });

  it("counts make-up sessions scheduled and attended (planner: make-ups for closures)", () => {
    const withMakeUp = [
      ...groups,
      session("m-1", "2026-03-14", "09:00", 60, ["p-1"], { makeUp: true }),
    ];
    const [s] = attendanceSummary({
      program,
      schedule: scheduleOf(withMakeUp, "2026-03-09", 1),
      attendance: [rec(withMakeUp[5], "present")],
    });
    expect(s?.makeUps).toEqual({ scheduled: 1, attended: 1 });
  });

  it("a day of at least 3 attended clinical hours meets the per-diem threshold (H0015: ≥ 3 h a day)", () => {
    const days = [...templateDay("2026-03-09", ["p-1"]), ...templateDay("2026-03-10", ["p-1"])];
    const attendance = record(days, ["present", "present", "present", "absent-unexcused"]);
    const [s] = attendanceSummary({
      program,
      schedule: scheduleOf(days, "2026-03-09", 1),
      attendance,
    });
    expect(s?.days).toEqual([
      {
        date: "2026-03-09",
        scheduledMinutes: 180,
        attendedMinutes: 180,
        hours: 3,
        meetsPerDiem: true,
      },
      {
        date: "2026-03-10",
        scheduledMinutes: 180,
        attendedMinutes: 120,
        hours: 2,
        meetsPerDiem: false,
      },
    ]);
  });

  it("leaves drug-test collections to the drug-test results", () => {
    const week = [
      ...templateWeek("2026-03-09", [1], ["p-1"]),
      session("t-1", "2026-03-09", "12:30", 15, ["p-1"], { type: "drug-test" }),
    ];
    const [s] = attendanceSummary({
      program,
      schedule: scheduleOf(week, "2026-03-09", 1),
      attendance: record(week, ["present", "present", "absent-unexcused"]),
    });
    expect(s).toMatchObject({ sessions: 2, unexcused: 0 });
  });
});

describe("drug tests (samhsa-tip-47 Appendix B; jarvis-2017-asam-drug-testing; hhs-mandatory-guidelines-urine-2017)", () => {
  const test = (
    day: string,
    result: DrugTestResult["result"],
    extra: Partial<DrugTestResultInput> = {},
  ) =>
    parseDrugTestResult({
      participantId: "p-1",
      collectedAt: `${day}T09:05:00-04:00`,
      result,
      ...extra,
    });
  const onBup = { expected: ["buprenorphine"] };

  it("a refusal or a miss counts as positive when the policy says so (default: it does)", () => {
    const policy = program.drugTestPolicy;
    expect(readDrugTest("refused", policy)).toBe("positive");
    expect(readDrugTest("missed", policy)).toBe("positive");
    const lenient = { refusalCountsAsPositive: false, missedCountsAsPositive: false };
    expect(readDrugTest("refused", lenient)).toBe("neither");
    expect(readDrugTest("missed", lenient)).toBe("neither");
    expect(readDrugTest("dilute", policy)).toBe("neither");
  });

  it("adulterated and substituted specimens count as positive unless the policy says not; invalid only when it says so; none is a negative", () => {
    const policy = program.drugTestPolicy;
    expect(policy.tamperedCountsAsPositive).toBeUndefined();
    expect(policy.invalidCountsAsPositive).toBeUndefined();
    expect(readDrugTest("adulterated", policy)).toBe("positive");
    expect(readDrugTest("substituted", policy)).toBe("positive");
    expect(readDrugTest("invalid", policy)).toBe("neither");
    const lenient = { ...policy, tamperedCountsAsPositive: false };
    expect(readDrugTest("adulterated", lenient)).toBe("neither");
    expect(readDrugTest("substituted", lenient)).toBe("neither");
    const strict = { ...policy, invalidCountsAsPositive: true };
    expect(readDrugTest("invalid", strict)).toBe("positive");
    expect(readDrugTest("dilute", { ...strict, tamperedCountsAsPositive: true })).toBe("neither");
  });

  it("a positive for expected (prescribed) substances only is read as negative; any unexpected one makes it positive", () => {
    const policy = program.drugTestPolicy;
    const expected = test("2026-03-10", "positive", { ...onBup, substances: ["Buprenorphine"] });
    expect(readDrugTest(expected, policy)).toBe("negative");
    expect(drugTestFindings(expected)).toEqual({
      unexpected: [],
      expectedFound: ["Buprenorphine"],
      expectedAbsent: [],
    });
    const mixed = test("2026-03-10", "positive", {
      ...onBup,
      substances: ["buprenorphine", "fentanyl"],
    });
    expect(readDrugTest(mixed, policy)).toBe("positive");
    expect(drugTestFindings(mixed)).toEqual({
      unexpected: ["fentanyl"],
      expectedFound: ["buprenorphine"],
      expectedAbsent: [],
    });
    // Without expected substances every substance found is a positive, as before.
    expect(
      readDrugTest(test("2026-03-10", "positive", { substances: ["buprenorphine"] }), policy),
    ).toBe("positive");
    // A positive that names nothing found stays a positive.
    expect(readDrugTest({ result: "positive" }, policy)).toBe("positive");
  });

  it("the absence of a prescribed substance is flagged on a negative or positive, not on an unread specimen", () => {
    expect(drugTestFindings(test("2026-03-10", "negative", onBup)).expectedAbsent).toEqual([
      "buprenorphine",
    ]);
    expect(
      drugTestFindings(
        test("2026-03-10", "positive", { expected: ["methadone"], substances: ["alcohol"] }),
      ),
    ).toEqual({ unexpected: ["alcohol"], expectedFound: [], expectedAbsent: ["methadone"] });
    for (const r of [
      "dilute",
      "adulterated",
      "substituted",
      "invalid",
      "refused",
      "missed",
    ] as const)
      expect(drugTestFindings(test("2026-03-10", r, onBup)).expectedAbsent, r).toEqual([]);
  });

  it("substances and confirmation belong to a positive result; a positive with expected substances names what it found", () => {
    const r = safeParseDrugTestResult({
      participantId: "p-1",
      collectedAt: "2026-03-10T09:05:00-04:00",
      result: "negative",
      substances: ["opioids"],
      confirmed: true,
    });
    expect(r.success ? [] : r.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["substances-without-positive", ["substances"]],
      ["confirmed-not-positive", ["confirmed"]],
    ]);
    for (const substances of [undefined, []]) {
      const p = safeParseDrugTestResult({
        participantId: "p-1",
        collectedAt: "2026-03-10T09:05:00-04:00",
        result: "positive",
        expected: ["methadone"],
        ...(substances === undefined ? {} : { substances }),
      });
      expect(p.success ? [] : p.error.issues.map((i) => [i.code, i.path])).toEqual([
        ["positive-without-substances", ["substances"]],
      ]);
    }
    expect(
      safeParseDrugTestResult({ ...test("2026-03-10", "positive"), expected: [] }).success,
    ).toBe(true);
  });

  it("a format-2 result migrates to format 3 with expected [] reported as filled", () => {
    const stored = {
      formatVersion: 2,
      participantId: "p-1",
      collectedAt: "2026-03-10T09:05:00-04:00",
      result: "positive",
      substances: ["opioids"],
    };
    const m = migrateRecord("DrugTestResult", stored);
    expect(m.from).toBe(2);
    expect(m.to).toBe(3);
    expect(m.record).toEqual({ ...stored, formatVersion: 3, expected: [] });
    expect(m.notes.map((n) => [n.change, n.path, n.value])).toEqual([["filled", ["expected"], []]]);
    // The parser reads it the same way (nothing is lost).
    expect(parseDrugTestResult(stored)).toEqual(m.record);
    expect(stored).not.toHaveProperty("expected");
  });

  it("counts the latest negatives in a row; a dilute sample breaks the run", () => {
    const results = [
      test("2026-03-10", "negative"),
      test("2026-03-17", "dilute"),
      test("2026-03-24", "negative"),
      test("2026-03-31", "negative"),
    ];
    const [s] = drugTestSummary({ program, results: [...results].reverse() });
    expect(s).toMatchObject({
      tests: 4,
      negativeStreak: 2,
      countedPositive: 0,
      lastTestOn: "2026-03-31",
    });
    expect(drugTestSummary({ program, results, asOf: "2026-03-20" })[0]?.negativeStreak).toBe(0);
  });

  it("an expected positive keeps the run of negatives, is not counted positive, sets no date and calls for no observed collection", () => {
    const results = [
      test("2026-03-10", "negative", onBup),
      test("2026-03-17", "positive", { ...onBup, substances: ["buprenorphine"], confirmed: true }),
      test("2026-03-24", "positive", { ...onBup, substances: ["buprenorphine"] }),
    ];
    const [s] = drugTestSummary({ program, results });
    expect(s).toMatchObject({
      negativeStreak: 3,
      countedPositive: 0,
      expectedPositives: 2,
      lastPositiveOn: null,
      lastConfirmedPositiveOn: null,
      observeNextCollection: false,
      expectedAbsences: 1,
      lastExpectedAbsence: { on: "2026-03-10", substances: ["buprenorphine"] },
    });
    expect(s?.byResult).toEqual({
      negative: 1,
      positive: 2,
      dilute: 0,
      adulterated: 0,
      substituted: 0,
      invalid: 0,
      refused: 0,
      missed: 0,
    });
  });

  it("dates the latest lab-confirmed unexpected positive, never a presumptive screen, an expected substance or a refusal", () => {
    const [s] = drugTestSummary({
      program,
      results: [
        test("2026-03-10", "positive", { substances: ["opioids"], confirmed: true }),
        test("2026-03-17", "positive", { substances: ["opioids"] }),
        test("2026-03-20", "positive", {
          ...onBup,
          substances: ["buprenorphine"],
          confirmed: true,
        }),
        test("2026-03-24", "refused"),
      ],
    });
    expect(s).toMatchObject({
      lastConfirmedPositiveOn: "2026-03-10",
      lastPositiveOn: "2026-03-24",
      countedPositive: 3,
      expectedPositives: 1,
      negativeStreak: 0,
    });
  });

  it("after an unexpected positive, or a dilute, tampered, invalid or refused specimen, the next collection should be observed", () => {
    const cases: [DrugTestResult["result"], Partial<DrugTestResultInput>, boolean][] = [
      ["positive", {}, true],
      ["positive", { ...onBup, substances: ["buprenorphine", "alcohol"] }, true],
      ["positive", { ...onBup, substances: ["buprenorphine"] }, false],
      ["dilute", {}, true],
      ["adulterated", {}, true],
      ["substituted", {}, true],
      ["invalid", {}, true],
      ["refused", {}, true],
      ["missed", {}, false],
      ["negative", {}, false],
      ["negative", onBup, false],
    ];
    for (const [result, extra, observe] of cases)
      expect(
        drugTestSummary({ program, results: [test("2026-03-10", result, extra)] })[0]
          ?.observeNextCollection,
        `${result} ${JSON.stringify(extra)}`,
      ).toBe(observe);
  });
});

describe("attendanceSummary: each participant's own seats", () => {
  it("two people in the same sessions are counted apart, each with their own records", () => {
    const shared = ["2026-03-09", "2026-03-10", "2026-03-11"].map((d, i) =>
      session(`t-${i}`, d, "09:00", 60, ["p-1", "p-2"], { phaseId: "intensive" }),
    );
    const mark = (
      pid: string,
      s: ScheduledSession,
      status: AttendanceStatus,
    ): AttendanceRecord => ({
      formatVersion: 2,
      sessionId: s.id,
      participantId: pid as AttendanceRecord["participantId"],
      status,
      minutesAttended: status.startsWith("absent") ? 0 : 60,
    });
    const [a, b, c] = shared as [ScheduledSession, ScheduledSession, ScheduledSession];
    const attendance = [
      mark("p-1", a, "present"),
      mark("p-2", a, "absent-unexcused"),
      mark("p-1", b, "present"),
      mark("p-2", b, "absent-unexcused"),
      mark("p-2", c, "present"),
    ];
    const out = attendanceSummary({
      program,
      schedule: scheduleOf(shared, "2026-03-09", 1),
      attendance,
    });
    expect(out.map((s) => [s.participantId, s.sessions, s.attended])).toEqual([
      ["p-1", 3, 2],
      ["p-2", 3, 1],
    ]);
  });
});

describe("attendanceSummary at its edges", () => {
  it("takes sessions in start order whatever the schedule's order, and days in date order", () => {
    const reversed = [...groups].reverse();
    const attendance = record(groups, [
      "absent-unexcused",
      "absent-unexcused",
      "present",
      "absent-unexcused",
      "absent-unexcused",
    ]);
    const [s] = attendanceSummary({
      program,
      schedule: scheduleOf(reversed, "2026-03-09", 1),
      attendance,
    });
    // Two runs of two in start order; read backwards they would still be two runs of two, so
    // also check which run is still going and the alerts' dates.
    expect(s?.longestUnexcusedStreak).toBe(2);
    expect(s?.currentUnexcusedStreak).toBe(2);
    expect(s?.alerts.map((a) => [a.code, a.on, a.sessionIds])).toEqual([
      ["unexcused-streak", "2026-03-10", ["s-0", "s-1"]],
      ["unexcused-streak", "2026-03-13", ["s-3", "s-4"]],
    ]);
    expect(s?.lastAttendedOn).toBe("2026-03-11");
    expect(s?.days.map((d) => d.date)).toEqual([
      "2026-03-09",
      "2026-03-10",
      "2026-03-11",
      "2026-03-12",
      "2026-03-13",
    ]);
  });

  it("summarises only the participants asked for, by id, and counts left-early apart from late", () => {
    const both = ["2026-03-09", "2026-03-10"].map((d, i) =>
      session(`b-${i}`, d, "09:00", 60, ["p-2", "p-1"], { phaseId: "intensive" }),
    );
    const attendance: AttendanceRecord[] = both.flatMap((s) =>
      (["p-2", "p-1"] as const).map((p, j) => ({
        formatVersion: 2,
        sessionId: s.id,
        participantId: p as AttendanceRecord["participantId"],
        status: j === 0 ? ("left-early" as const) : ("present" as const),
        minutesAttended: j === 0 ? 45 : 60,
      })),
    );
    const all = attendanceSummary({
      program,
      schedule: scheduleOf(both, "2026-03-09", 1),
      attendance,
    });
    expect(all.map((s) => [s.participantId, s.leftEarly, s.late])).toEqual([
      ["p-1", 0, 0],
      ["p-2", 2, 0],
    ]);
    const one = attendanceSummary({
      program,
      schedule: scheduleOf(both, "2026-03-09", 1),
      attendance,
      participantIds: ["p-2"],
    });
    expect(one.map((s) => s.participantId)).toEqual(["p-2"]);
  });

  it("has no rate and no last attended day when nothing is counted, and says how long since the first session", () => {
    const [s] = attendanceSummary({ program, schedule, attendance: [], asOf: "2026-03-31" });
    expect(s?.rate).toBeNull();
    expect(s?.lastAttendedOn).toBeNull();
    expect(s?.alerts).toEqual([
      {
        code: "lost-to-contact",
        message: "no attended session for 22 days (lost to contact after 14)",
        on: "2026-03-31",
        sessionIds: [],
      },
    ]);
  });

  it("meets the per-diem threshold at exactly 3 hours, not at 2 h 59", () => {
    const day = templateDay("2026-03-09", ["p-1"]);
    const days = (second: number) =>
      attendanceSummary({
        program,
        schedule: scheduleOf(day, "2026-03-09", 1),
        attendance: [
          rec(day[0], "present"),
          { ...rec(day[1], "left-early"), minutesAttended: second },
        ],
      })[0]?.days.map((d) => [d.attendedMinutes, d.meetsPerDiem]);
    expect(days(60)).toEqual([[180, true]]);
    expect(days(59)).toEqual([[179, false]]);
  });

  it("counts only the phase asked for", () => {
    const mixed = [
      session("i-1", "2026-03-09", "09:00", 60, ["p-1"], { phaseId: "intensive" }),
      session("d-1", "2026-03-10", "09:00", 60, ["p-1"], { phaseId: "step-down" }),
    ];
    const [s] = attendanceSummary({
      program,
      schedule: scheduleOf(mixed, "2026-03-09", 1),
      attendance: record(mixed, ["present", "absent-unexcused"]),
      phaseId: "step-down",
    });
    expect([s?.sessions, s?.attended, s?.unexcused]).toEqual([1, 0, 1]);
  });
});

describe("options of the wrong shape", () => {
  const said = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      if (e instanceof Error && "issues" in e)
        return [
          e.message.split(":")[0],
          (e.issues as { code: string; path: (string | number)[] }[]).map((i) => [
            i.code,
            i.path.join("."),
          ]),
        ];
    }
    return undefined;
  };

  it("attendanceSummary names each bad option under its name", () => {
    expect(
      said(() =>
        attendanceSummary({
          program: null,
          schedule: { sessions: "s" },
          attendance: {},
          from: "2026-3-1",
          asOf: 5,
          participantIds: "p-1",
        } as never),
      ),
    ).toEqual([
      "attendanceSummary",
      [
        ["invalid-type", "program"],
        ["invalid-type", "schedule.sessions"],
        ["invalid-type", "attendance"],
        ["invalid-date", "from"],
        ["invalid-date", "asOf"],
        ["invalid-type", "participantIds"],
      ],
    ]);
  });

  it("checkAttendance names each bad option under its name", () => {
    expect(said(() => checkAttendance({ schedule: null, attendance: "a" } as never))).toEqual([
      "checkAttendance",
      [
        ["invalid-type", "schedule"],
        ["invalid-type", "attendance"],
      ],
    ]);
    expect(
      said(() => checkAttendance({ schedule: { sessions: 1 }, attendance: [] } as never)),
    ).toEqual(["checkAttendance", [["invalid-type", "schedule.sessions"]]]);
  });
});

describe("drug tests at their edges", () => {
  const at = (participantId: string, day: string, result: DrugTestResult["result"], extra = {}) =>
    ({
      formatVersion: 3,
      expected: [],
      participantId: participantId as DrugTestResult["participantId"],
      collectedAt: `${day}T12:30:00.000-04:00`,
      result,
      ...extra,
    }) as DrugTestResult;

  it("compares expected substances without regard to case or surrounding spaces", () => {
    expect(
      drugTestFindings({
        result: "positive",
        substances: [" Buprenorphine "],
        expected: ["buprenorphine"],
      }),
    ).toEqual({ unexpected: [], expectedFound: [" Buprenorphine "], expectedAbsent: [] });
    // Substances on a result that is not a positive are not findings.
    expect(
      drugTestFindings({
        result: "negative",
        substances: ["cocaine"],
        expected: ["methadone"],
      } as never),
    ).toEqual({ unexpected: [], expectedFound: [], expectedAbsent: ["methadone"] });
  });

  it("counts a test collected on asOf, not one the day after, and lists participants by id", () => {
    const results = [
      at("p-2", "2026-03-10", "negative"),
      at("p-1", "2026-03-10", "negative"),
      at("p-1", "2026-03-11", "positive", { substances: ["cocaine"] }),
    ];
    const on = (asOf: string) =>
      drugTestSummary({ program, results, asOf }).map((s) => [
        s.participantId,
        s.tests,
        s.negativeStreak,
      ]);
    expect(on("2026-03-11")).toEqual([
      ["p-1", 2, 0],
      ["p-2", 1, 1],
    ]);
    expect(on("2026-03-10")).toEqual([
      ["p-1", 1, 1],
      ["p-2", 1, 1],
    ]);
  });

  it("dates the latest confirmed unexpected positive, not a later unconfirmed one", () => {
    const [s] = drugTestSummary({
      program,
      results: [
        at("p-1", "2026-03-10", "positive", { substances: ["cocaine"], confirmed: true }),
        at("p-1", "2026-03-12", "positive", { substances: ["cocaine"] }),
      ],
    });
    expect([s?.lastPositiveOn, s?.lastConfirmedPositiveOn]).toEqual(["2026-03-12", "2026-03-10"]);
  });
});
