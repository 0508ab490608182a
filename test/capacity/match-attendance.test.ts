// matchAttendance: one match shared by billableDays and authorizationLedger gives exactly what each
// computes on its own; a match made for other input is refused by code and path; it is a snapshot.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IopError,
  parseAttendanceRecord,
  parseAuthorization,
  parseSchedule,
  programTemplates,
  type AttendanceRecord,
} from "iopkit";
import {
  authorizationLedger,
  billableDays,
  billingRuleSets,
  matchAttendance,
  type MatchedAttendance,
} from "iopkit/capacity";
import { attendanceLog, schedule as scheduleArb } from "iopkit/testing";
import { issuesOf } from "./fixtures";

const clinic = scheduleArb({ maxParticipants: 5, maxWeeks: 3 }).chain(({ input, schedule }) =>
  fc
    .record({ attendance: attendanceLog(schedule), seed: fc.integer() })
    .map(({ attendance, seed }) => ({ input, schedule, attendance, seed })),
);

/** `list` shuffled by a seeded linear congruential walk (fast-check keeps the seed). */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  const out = [...list];
  let x = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
    const j = x % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe("matchAttendance: shared by billableDays and authorizationLedger", () => {
  it("with `matched`, both give what they give alone; the records' order does not matter", () => {
    fc.assert(
      fc.property(clinic, ({ input, schedule, attendance, seed }) => {
        const program = input.program;
        const from = schedule.window.from;
        const lastDay = schedule.sessions.reduce(
          (d, x) => (x.start.slice(0, 10) > d ? x.start.slice(0, 10) : d),
          from,
        );
        const authorizations = [...new Set(schedule.sessions.flatMap((s) => s.participantIds))].map(
          (participantId, i) =>
            parseAuthorization({
              id: `a-${i}`,
              participantId,
              payer: "P",
              level: "intensive-outpatient",
              from,
              to: lastDay,
              units: { of: "days", count: 4 },
            }),
        );
        const asOf =
          schedule.sessions[Math.floor(schedule.sessions.length / 2)]?.start.slice(0, 10) ?? from;
        const rules = billingRuleSets.sudIop;
        const alone = billableDays({ program, schedule, attendance, rules });
        const ledger = authorizationLedger({ program, authorizations, schedule, attendance, asOf });
        const matched = matchAttendance({ program, schedule, attendance });
        expect(matched).toEqual({
          timeZone: program.timeZone,
          sessions: schedule.sessions.length,
          records: attendance.length,
        });
        expect(billableDays({ program, schedule, attendance, rules, matched })).toEqual(alone);
        expect(
          authorizationLedger({ program, authorizations, schedule, attendance, asOf, matched }),
        ).toEqual(ledger);
        const mixed = shuffled(attendance, seed);
        expect(billableDays({ program, schedule, attendance: mixed, rules })).toEqual(alone);
        expect(
          authorizationLedger({ program, authorizations, schedule, attendance: mixed, asOf }),
        ).toEqual(ledger);
      }),
      { numRuns: 40 },
    );
  });
});

describe("matchAttendance: a match made for other input is refused", () => {
  const program = { timeZone: "America/New_York" };
  const schedule = parseSchedule({
    window: { from: "2026-03-02", weeks: 1 },
    sessions: [
      {
        id: "g1",
        sessionType: "group-therapy",
        start: "2026-03-02T09:00:00.000-05:00",
        end: "2026-03-02T12:00:00.000-05:00",
        participantIds: ["p1"],
        staffIds: [],
      },
    ],
  });
  const attendance = [
    parseAttendanceRecord({
      sessionId: "g1",
      participantId: "p1",
      status: "present",
      minutesAttended: 180,
    }),
  ];
  const rules = billingRuleSets.sudIop;
  const expected = [["matched-for-other-input", ["matched"]]];

  it("one not made by matchAttendance (an object of the same shape)", () => {
    const forged: MatchedAttendance = { timeZone: program.timeZone, sessions: 1, records: 1 };
    expect(
      issuesOf(() => billableDays({ program, schedule, attendance, rules, matched: forged })),
    ).toEqual(expected);
  });

  it("another attendance list, another schedule's sessions, another zone", () => {
    const matched = matchAttendance({ program, schedule, attendance });
    expect(
      issuesOf(() =>
        billableDays({ program, schedule, attendance: [...attendance], rules, matched }),
      ),
    ).toEqual(expected);
    expect(
      issuesOf(() =>
        billableDays({
          program,
          schedule: { sessions: [...schedule.sessions] },
          attendance,
          rules,
          matched,
        }),
      ),
    ).toEqual(expected);
    expect(
      issuesOf(() =>
        billableDays({
          program: { timeZone: "America/Chicago" },
          schedule,
          attendance,
          rules,
          matched,
        }),
      ),
    ).toEqual(expected);
    // The same lists in a new wrapper object are the same input.
    expect(
      billableDays({
        program,
        schedule: { sessions: schedule.sessions },
        attendance,
        rules,
        matched,
      }),
    ).toHaveLength(1);
  });

  it("a list that grew or shrank after matching", () => {
    const list: AttendanceRecord[] = [...attendance];
    const matched = matchAttendance({ program, schedule, attendance: list });
    list.pop();
    expect(
      issuesOf(() =>
        authorizationLedger({
          program: programTemplates.substanceUseAdult({ timeZone: program.timeZone }),
          authorizations: [],
          schedule,
          attendance: list,
          asOf: "2026-03-09",
          matched,
        }),
      ),
    ).toEqual(expected);
    const sessions = [...schedule.sessions];
    const other = matchAttendance({ program, schedule: { sessions }, attendance });
    sessions.pop();
    expect(
      issuesOf(() =>
        billableDays({ program, schedule: { sessions }, attendance, rules, matched: other }),
      ),
    ).toEqual(expected);
  });

  it("is a snapshot: a record changed after matching is read as it was", () => {
    const record = { ...(attendance[0] as AttendanceRecord) };
    const list = [record];
    const matched = matchAttendance({ program, schedule, attendance: list });
    (record as { status: string }).status = "absent-unexcused";
    (record as { minutesAttended: number }).minutesAttended = 0;
    expect(billableDays({ program, schedule, attendance: list, rules, matched })[0]).toMatchObject({
      code: "H0015",
      hours: 3,
    });
    expect(billableDays({ program, schedule, attendance: list, rules })[0]).toMatchObject({
      code: null,
      notBillable: "no-service-attended",
    });
  });

  it("the messages say what is wrong and what to do", () => {
    const messages = (f: () => unknown): string[] => {
      try {
        f();
      } catch (e) {
        if (e instanceof IopError) return e.issues.map((i) => i.message);
      }
      return [];
    };
    const forged: MatchedAttendance = { timeZone: program.timeZone, sessions: 1, records: 1 };
    expect(
      messages(() => billableDays({ program, schedule, attendance, rules, matched: forged })),
    ).toEqual(["matched was not made by matchAttendance"]);
    const matched = matchAttendance({ program, schedule, attendance });
    expect(
      messages(() =>
        billableDays({ program, schedule, attendance: [...attendance], rules, matched }),
      ),
    ).toEqual([
      "matched was made for another schedule, attendance list or time zone, or a list has changed length since: match again",
    ]);
  });

  it("bad options name each path; every error names matchAttendance", () => {
    const bad = {
      program: null,
      schedule: { sessions: 2 },
      attendance: "x",
    } as unknown as Parameters<typeof matchAttendance>[0];
    expect(issuesOf(() => matchAttendance(bad))).toEqual([
      ["invalid-type", ["program"]],
      ["invalid-type", ["schedule", "sessions"]],
      ["invalid-type", ["attendance"]],
    ]);
    expect(() => matchAttendance(bad)).toThrow(/^matchAttendance: /);
    expect(
      issuesOf(() =>
        matchAttendance({ program, schedule: null, attendance } as unknown as typeof bad),
      ),
    ).toEqual([["invalid-type", ["schedule"]]]);
    // A list that throws when read: still an IopError naming matchAttendance.
    const throwing = new Proxy([...schedule.sessions], {
      get(target, key) {
        if (key === "0") throw new Error("no");
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(() =>
      matchAttendance({ program, schedule: { sessions: throwing }, attendance }),
    ).toThrow(/^matchAttendance: /);
    const messages = (zone: unknown): string[] => {
      try {
        matchAttendance({ program: { timeZone: zone as string }, schedule, attendance });
      } catch (e) {
        if (e instanceof IopError)
          return e.issues.map((i) => `${i.code} ${i.path.join(".")}: ${i.message}`);
      }
      return [];
    };
    expect(messages("Mars/Olympus")).toEqual([
      "invalid-time-zone program.timeZone: program.timeZone must be an IANA time zone known to this runtime, got a string of 12 characters",
    ]);
    expect(messages(5)).toEqual([
      "invalid-time-zone program.timeZone: program.timeZone must be an IANA time zone known to this runtime, got 5",
    ]);
    const mars = { program: { timeZone: "Mars/Olympus" }, schedule, attendance };
    expect(issuesOf(() => matchAttendance(mars))).toEqual([
      ["invalid-time-zone", ["program", "timeZone"]],
    ]);
    expect(() => matchAttendance(mars)).toThrow(/^matchAttendance: /);
    expect(issuesOf(() => billableDays({ ...mars, rules }))).toEqual([
      ["invalid-time-zone", ["program", "timeZone"]],
    ]);
    const misfit = [
      { ...(attendance[0] as AttendanceRecord), sessionId: "nope" },
    ] as AttendanceRecord[];
    expect(() => matchAttendance({ program, schedule, attendance: misfit })).toThrow(
      /^matchAttendance: /,
    );
  });

  it("attendance that does not fit is refused when matching, naming the record", () => {
    const bad = [
      ...attendance,
      parseAttendanceRecord({
        sessionId: "nope",
        participantId: "p1",
        status: "present",
        minutesAttended: 5,
      }),
    ];
    expect(issuesOf(() => matchAttendance({ program, schedule, attendance: bad }))).toEqual([
      ["unknown-session", ["attendance", 1, "sessionId"]],
    ]);
  });
});
