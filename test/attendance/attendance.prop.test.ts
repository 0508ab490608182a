// Laws of the attendance part over generated clinics (programs in zones with DST changes,
// schedules from planSchedule) and attendance generated consistent with them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  checkAttendance,
  drugTestSummary,
  sessionTypes,
  WeekCompliance,
  weeklyCompliance,
} from "iopkit";
import { attendanceLog, drugTestResults, schedule } from "iopkit/testing";

const clinic = schedule({ maxParticipants: 6, maxWeeks: 5 }).chain(({ input, schedule: s }) =>
  fc
    .record({ attendance: attendanceLog(s), drugTests: drugTestResults(s) })
    .map((x) => ({ input, schedule: s, ...x })),
);

const clinicalMinutes = (c: Parameters<typeof weeklyCompliance>[0]): number => {
  const clinical = new Set(
    c.schedule.sessions
      .filter((s) => sessionTypes[s.sessionType].countsTowardClinicalHours)
      .map((s) => s.id as string),
  );
  return c.attendance
    .filter((r) => clinical.has(r.sessionId))
    .reduce((sum, r) => sum + r.minutesAttended, 0);
};

describe("generated attendance and drug tests fit their schedule", () => {
  it("checkAttendance finds nothing; tests sit on planned drug-test sessions", () => {
    fc.assert(
      fc.property(clinic, ({ schedule: s, attendance, drugTests }) => {
        expect(checkAttendance({ schedule: s, attendance })).toEqual([]);
        const tests = new Map(
          s.sessions.filter((x) => x.sessionType === "drug-test").map((x) => [x.id as string, x]),
        );
        for (const t of drugTests) {
          const planned = tests.get(t.sessionId ?? "");
          expect(planned?.participantIds).toContain(t.participantId);
          expect(planned?.start).toBe(t.collectedAt);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe("weeklyCompliance laws", () => {
  it("attended hours never exceed scheduled hours, with or without enrolments", () => {
    fc.assert(
      fc.property(clinic, fc.boolean(), ({ input, schedule: s, attendance }, withEnrollments) => {
        const rows = weeklyCompliance({
          program: input.program,
          schedule: s,
          attendance,
          ...(withEnrollments ? { enrollments: input.enrollments } : {}),
        });
        for (const w of rows) expect(w.attendedHours).toBeLessThanOrEqual(w.scheduledHours + 1e-9);
      }),
      { numRuns: 40 },
    );
  });

  it("the weeks' attended minutes add up to the attendance records' clinical minutes", () => {
    fc.assert(
      fc.property(clinic, fc.boolean(), ({ input, schedule: s, attendance }, withEnrollments) => {
        const options = {
          program: input.program,
          schedule: s,
          attendance,
          ...(withEnrollments ? { enrollments: input.enrollments } : {}),
        };
        const rows = weeklyCompliance(options);
        const total = rows.reduce((sum, w) => sum + w.attendedMinutes, 0);
        expect(total).toBe(clinicalMinutes(options));
        expect(rows.reduce((sum, w) => sum + w.attendedHours * 60, 0)).toBeCloseTo(total, 6);
      }),
      { numRuns: 40 },
    );
  });

  it("rows are valid plain records, one per participant and week, sorted, judged against their expected band", () => {
    fc.assert(
      fc.property(clinic, ({ input, schedule: s, attendance }) => {
        const rows = weeklyCompliance({
          program: input.program,
          schedule: s,
          attendance,
          enrollments: input.enrollments,
        });
        const keys = rows.map((w) => `${w.participantId} ${w.isoWeek}`);
        expect([...keys].sort()).toEqual(keys);
        expect(new Set(keys).size).toBe(keys.length);
        for (const w of rows) {
          expect(WeekCompliance.parse(w)).toEqual(w);
          expect(JSON.parse(JSON.stringify(w))).toEqual(w);
          expect(w.phaseIds).toContain(w.phaseId);
          if (!w.partial) expect(w.expectedBand).toEqual(w.band);
          else expect(w.expectedBand.max).toBeLessThanOrEqual(w.band.max);
          const h = w.attendedHours;
          const { min, max } = w.expectedBand;
          expect(w.status).toBe(h < min - 1e-9 ? "below" : h > max + 1e-9 ? "above" : "within");
        }
      }),
      { numRuns: 40 },
    );
  });

  it("is deterministic and does not mutate its inputs", () => {
    fc.assert(
      fc.property(clinic, ({ input, schedule: s, attendance }) => {
        const before = JSON.stringify({ s, attendance });
        const a = weeklyCompliance({ program: input.program, schedule: s, attendance });
        const b = weeklyCompliance({ program: input.program, schedule: s, attendance });
        expect(a).toEqual(b);
        expect(JSON.stringify({ s, attendance })).toBe(before);
      }),
      { numRuns: 20 },
    );
  });
});

describe("attendanceSummary and drugTestSummary laws", () => {
  it("every counted session is attended, absent or unrecorded; the rate is a share; days add up", () => {
    fc.assert(
      fc.property(clinic, ({ input, schedule: s, attendance }) => {
        for (const p of attendanceSummary({ program: input.program, schedule: s, attendance })) {
          expect(p.attended + p.excused + p.unexcused + p.unrecorded).toBe(p.sessions);
          if (p.rate !== null) {
            expect(p.rate).toBeGreaterThanOrEqual(0);
            expect(p.rate).toBeLessThanOrEqual(1);
          }
          expect(p.days.reduce((m, d) => m + d.attendedMinutes, 0)).toBe(p.attendedMinutes);
          expect(p.attendedMinutes).toBeLessThanOrEqual(p.scheduledMinutes + 1e-9);
          expect(p.currentUnexcusedStreak).toBeLessThanOrEqual(p.longestUnexcusedStreak);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("a run of negatives never exceeds the negatives; a confirmed positive sets the sobriety date", () => {
    fc.assert(
      fc.property(clinic, ({ input, drugTests }) => {
        for (const t of drugTestSummary({ program: input.program, results: drugTests })) {
          expect(t.negativeStreak).toBeLessThanOrEqual(t.byResult.negative);
          const confirmed = drugTests.some(
            (r) => r.participantId === t.participantId && r.confirmed === true,
          );
          expect(t.sobrietyDate !== null).toBe(confirmed);
        }
      }),
      { numRuns: 40 },
    );
  });
});
