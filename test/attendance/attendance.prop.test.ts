// Laws of the attendance part over generated clinics (programs in zones with DST changes,
// schedules from planSchedule) and attendance generated consistent with them.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  checkAttendance,
  drugTestSummary,
  readDrugTest,
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

  it("a run of negatives never exceeds the negatives and expected positives; only a confirmed unexpected positive dates one", () => {
    fc.assert(
      fc.property(clinic, ({ input, drugTests }) => {
        for (const t of drugTestSummary({ program: input.program, results: drugTests })) {
          expect(t.negativeStreak).toBeLessThanOrEqual(t.byResult.negative + t.expectedPositives);
          const confirmed = drugTests.some(
            (r) =>
              r.participantId === t.participantId &&
              r.confirmed === true &&
              readDrugTest(r, input.program.drugTestPolicy) === "positive",
          );
          expect(t.lastConfirmedPositiveOn !== null).toBe(confirmed);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("declaring what was found as expected never shortens the run, adds a positive, moves a date or calls for observation (jarvis-2017-asam-drug-testing)", () => {
    fc.assert(
      fc.property(clinic, ({ input, drugTests }) => {
        const program = input.program;
        const prescribed = drugTests.map((r) => ({
          ...r,
          expected: [...new Set([...r.expected, ...(r.substances ?? [])])],
        }));
        const before = drugTestSummary({ program, results: drugTests });
        const after = drugTestSummary({ program, results: prescribed });
        expect(after.map((t) => t.participantId)).toEqual(before.map((t) => t.participantId));
        before.forEach((b, i) => {
          const a = after[i];
          expect(a).toBeDefined();
          if (a === undefined) return;
          expect(a.negativeStreak).toBeGreaterThanOrEqual(b.negativeStreak);
          expect(a.countedPositive).toBeLessThanOrEqual(b.countedPositive);
          expect(
            a.lastConfirmedPositiveOn === null ||
              a.lastConfirmedPositiveOn === b.lastConfirmedPositiveOn,
          ).toBe(true);
          if (!b.observeNextCollection) expect(a.observeNextCollection).toBe(false);
          // Only positives with substances change; nothing else moves.
          expect(a.byResult).toEqual(b.byResult);
        });
      }),
      { numRuns: 40 },
    );
  });
});
