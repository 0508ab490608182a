// attendanceSummary and the drug-test records, one rule per test, each naming its source.
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  defineProgram,
  drugTestSummary,
  parseDrugTestResult,
  readDrugTest,
  safeParseDrugTestResult,
  type AttendanceRecord,
  type AttendanceStatus,
  type DrugTestResult,
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

describe("drug tests (SAMHSA TIP 47 appendix; DOMAIN.md 'Drug testing')", () => {
  const test = (
    day: string,
    result: DrugTestResult["result"],
    extra: Partial<DrugTestResult> = {},
  ) =>
    parseDrugTestResult({
      participantId: "p-1",
      collectedAt: `${day}T09:05:00-04:00`,
      result,
      ...extra,
    });

  it("a refusal or a miss counts as positive when the policy says so (default: it does)", () => {
    const policy = program.drugTestPolicy;
    expect(readDrugTest("refused", policy)).toBe("positive");
    expect(readDrugTest("missed", policy)).toBe("positive");
    const lenient = { refusalCountsAsPositive: false, missedCountsAsPositive: false };
    expect(readDrugTest("refused", lenient)).toBe("neither");
    expect(readDrugTest("missed", lenient)).toBe("neither");
    expect(readDrugTest("dilute", policy)).toBe("neither");
  });

  it("substances and confirmation belong to a positive result", () => {
    const r = safeParseDrugTestResult({
      participantId: "p-1",
      collectedAt: "2026-03-10T09:05:00-04:00",
      result: "negative",
      substances: ["opioids"],
      confirmed: true,
    });
    expect(r.success ? [] : r.error.issues.map((i) => i.code)).toEqual([
      "substances-without-positive",
      "confirmed-not-positive",
    ]);
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

  it("resets the sobriety date only on a lab-confirmed positive (EHRs: sobriety date reset on a positive test)", () => {
    const [s] = drugTestSummary({
      program,
      results: [
        test("2026-03-10", "positive", { substances: ["opioids"], confirmed: true }),
        test("2026-03-17", "positive", { substances: ["opioids"] }),
        test("2026-03-24", "refused"),
      ],
    });
    expect(s).toMatchObject({
      sobrietyDate: "2026-03-10",
      lastPositiveOn: "2026-03-24",
      countedPositive: 3,
      negativeStreak: 0,
    });
  });

  it("after a positive, dilute or refused result the next collection should be observed", () => {
    for (const [result, observe] of [
      ["positive", true],
      ["dilute", true],
      ["refused", true],
      ["missed", false],
      ["negative", false],
    ] as const)
      expect(
        drugTestSummary({ program, results: [test("2026-03-10", result)] })[0]
          ?.observeNextCollection,
      ).toBe(observe);
  });
});
