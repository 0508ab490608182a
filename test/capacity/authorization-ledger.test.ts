import { describe, expect, it } from "vitest";
import { IopError, planSchedule, type AttendanceRecordInput } from "iopkit";
import { authorizationLedger, type AuthorizationLedgerOptions } from "iopkit/capacity";
import { parseAttendanceRecord } from "iopkit";
import { auth, base, IDS, program } from "../auth-fixtures";
import { issuesOf } from "./fixtures";

const schedule = planSchedule(base);
const rec = (sessionId: string, status: AttendanceRecordInput["status"], minutes: number) =>
  parseAttendanceRecord({ sessionId, participantId: "p1", status, minutesAttended: minutes });
// Week 10: p1 came to Monday's group and individual, missed Wednesday's group.
const attendance = [
  rec(IDS.mon1, "present", 180),
  rec(IDS.ind1, "late", 50),
  rec(IDS.wed1, "absent-unexcused", 0),
];
const ledger = (
  authorizations: AuthorizationLedgerOptions["authorizations"],
  extra: Partial<AuthorizationLedgerOptions> = {},
) =>
  authorizationLedger({
    program,
    authorizations,
    schedule,
    attendance,
    asOf: "2026-03-09",
    ...extra,
  });

describe("authorizationLedger: units", () => {
  it("days: attended days before asOf are used, scheduled days from asOf planned", () => {
    const { accounts, warnings } = ledger([auth({ units: { of: "days", count: 3 } })]);
    expect(accounts).toEqual([
      {
        authorizationId: "a1",
        participantId: "p1",
        payer: "Acme Health",
        level: "outpatient",
        from: "2026-03-02",
        to: "2026-03-15",
        units: { of: "days", count: 3 },
        used: 1,
        planned: 2,
        remaining: 2,
        remainingAfterPlan: 0,
        status: "active",
        daysToExpiry: 6,
        expiring: true,
        nextReview: { on: "2026-03-15", daysLeft: 6 },
      },
    ]);
    expect(warnings).toEqual([]);
  });

  it("days: one unit short → units-run-out names the last day's session and the planned discharge", () => {
    const { accounts, warnings } = ledger([auth({ units: { of: "days", count: 2 } })]);
    expect(accounts[0]).toMatchObject({ used: 1, planned: 1, remaining: 1, remainingAfterPlan: 0 });
    expect(warnings).toEqual([
      {
        code: "units-run-out",
        participantId: "p1",
        sessionIds: [IDS.wed2],
        from: "2026-03-11",
        to: "2026-03-11",
        message:
          "1 session planned after the authorised units run out: from 2026-03-11, before the planned discharge on 2026-03-11",
      },
    ]);
  });

  it("units-run-out runs to the planned discharge, even when a later authorisation covers the last sessions", () => {
    // 7 h: 3 h 50 min used, Monday's group (3 h) fits, Monday's individual (1 h) does not; a second
    // authorisation from 10 March covers Wednesday's group, the last planned session.
    const { warnings } = ledger([
      auth({ units: { of: "hours", count: 7 } }),
      auth({ id: "a2", from: "2026-03-10" }),
    ]);
    expect(warnings).toEqual([
      {
        code: "units-run-out",
        participantId: "p1",
        sessionIds: [IDS.ind2],
        from: "2026-03-09",
        to: "2026-03-11",
        message:
          "1 session planned after the authorised units run out: from 2026-03-09, before the planned discharge on 2026-03-11",
      },
    ]);
  });

  it("hours: minutes attended count before asOf (180 + 50 min), session lengths after", () => {
    const [a] = ledger([auth({ units: { of: "hours", count: 12 } })]).accounts;
    // used 3 h 50 min; planned 3 + 1 + 3 = 7 h.
    expect(a).toMatchObject({ used: 3.833333, planned: 7, remaining: 8.166667 });
    expect(a?.remainingAfterPlan).toBeCloseTo(1.166667, 6);
    const [b] = ledger([auth({ units: { of: "hours", count: 10.8 } })]).accounts;
    // 3.83 + 7 = 10.83 > 10.8: the last group does not fit.
    expect(b).toMatchObject({ planned: 4, remainingAfterPlan: 2.966667 });
  });

  it("sessions: an exhausted authorisation on asOf", () => {
    const { accounts, warnings } = ledger([auth({ units: { of: "sessions", count: 2 } })]);
    expect(accounts[0]).toMatchObject({
      used: 2,
      planned: 0,
      remaining: 0,
      remainingAfterPlan: 0,
      status: "exhausted",
      expiring: false,
    });
    expect(warnings.map((w) => [w.code, w.sessionIds])).toEqual([
      ["units-run-out", [IDS.mon2, IDS.ind2, IDS.wed2]],
    ]);
  });

  it("dates only: used and planned count sessions; remaining is null", () => {
    const [a] = ledger([auth()]).accounts;
    expect(a).toMatchObject({
      units: null,
      used: 2,
      planned: 3,
      remaining: null,
      remainingAfterPlan: null,
    });
  });
});

describe("authorizationLedger: warnings", () => {
  it("care attended before the authorisation starts is served-without-authorization", () => {
    const { warnings } = ledger([auth({ from: "2026-03-03" })]);
    expect(warnings).toEqual([
      {
        code: "served-without-authorization",
        participantId: "p1",
        sessionIds: [IDS.mon1, IDS.ind1],
        from: "2026-03-02",
        to: "2026-03-02",
        message:
          "2 sessions attended without an authorisation covering them, 2026-03-02 to 2026-03-02",
      },
    ]);
  });

  it("a plan beyond the authorisation's last day is plan-beyond-authorization", () => {
    const { warnings } = ledger([auth({ to: "2026-03-10" })]);
    expect(warnings.map((w) => [w.code, w.sessionIds, w.from, w.to, w.message])).toEqual([
      [
        "plan-beyond-authorization",
        [IDS.wed2],
        "2026-03-11",
        "2026-03-11",
        "1 session planned on days no authorisation covers, 2026-03-11 to 2026-03-11",
      ],
    ]);
  });

  it("a level the payer did not authorise is level-change-unauthorized, attended or planned", () => {
    const { warnings } = ledger([auth({ level: "intensive-outpatient" })]);
    expect(warnings).toEqual([
      {
        code: "level-change-unauthorized",
        participantId: "p1",
        sessionIds: [IDS.mon1, IDS.ind1, IDS.mon2, IDS.ind2, IDS.wed2],
        from: "2026-03-02",
        to: "2026-03-11",
        message:
          "5 sessions at a level of care no authorisation of the day covers, 2026-03-02 to 2026-03-11",
      },
    ]);
  });

  it("attended after the units ran out is served-without-authorization", () => {
    const { warnings } = ledger([auth({ units: { of: "sessions", count: 1 } })]);
    expect(warnings.map((w) => [w.code, w.sessionIds])).toEqual([
      ["units-run-out", [IDS.mon2, IDS.ind2, IDS.wed2]],
      ["served-without-authorization", [IDS.ind1]],
    ]);
    expect(warnings[0]?.message).toBe(
      "3 sessions planned after the authorised units run out: from 2026-03-09, before the planned discharge on 2026-03-11",
    );
  });

  it("each participant's own seat counts: p2 came to a group p1 missed (days and hours)", () => {
    const other = (sessionId: string, status: AttendanceRecordInput["status"], minutes: number) =>
      parseAttendanceRecord({ sessionId, participantId: "p2", status, minutesAttended: minutes });
    const both = [
      rec(IDS.mon1, "absent-unexcused", 0),
      other(IDS.mon1, "present", 180),
      rec(IDS.wed1, "absent-excused", 0),
      other(IDS.wed1, "late", 150),
    ];
    const asOf = "2026-03-09";
    const days = auth({ id: "d", participantId: "p2", units: { of: "days", count: 10 } });
    const hours = auth({ id: "h", participantId: "p2", units: { of: "hours", count: 10 } });
    const p1 = auth({ id: "p", units: { of: "days", count: 10 } });
    const { accounts } = authorizationLedger({
      program,
      authorizations: [days, p1],
      schedule,
      attendance: both,
      asOf,
    });
    expect(accounts.map((a) => [a.authorizationId, a.used])).toEqual([
      ["d", 2],
      ["p", 0],
    ]);
    const byHours = authorizationLedger({
      program,
      authorizations: [hours],
      schedule,
      attendance: both,
      asOf,
    });
    expect(byHours.accounts[0]?.used).toBe(5.5);
  });

  it("bad options name each path; every error names authorizationLedger", () => {
    const bad = {
      program: null,
      authorizations: 1,
      schedule: { sessions: 2 },
      attendance: "x",
      asOf: "March",
      matched: 5,
    } as unknown as AuthorizationLedgerOptions;
    expect(issuesOf(() => authorizationLedger(bad))).toEqual([
      ["invalid-type", ["program"]],
      ["invalid-type", ["authorizations"]],
      ["invalid-type", ["schedule", "sessions"]],
      ["invalid-type", ["attendance"]],
      ["invalid-date", ["asOf"]],
      ["invalid-type", ["matched"]],
    ]);
    expect(() => authorizationLedger(bad)).toThrow(/^authorizationLedger: /);
    expect(
      issuesOf(() => ledger([], { schedule: null } as unknown as AuthorizationLedgerOptions)),
    ).toEqual([["invalid-type", ["schedule"]]]);
    const misfit = [rec("nope", "present", 10)];
    expect(() => ledger([], { attendance: misfit })).toThrow(/^authorizationLedger: /);
    const hostile = new Proxy(program, {
      get(target, key) {
        if (key === "phases") throw new Error("no");
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(() => ledger([auth()], { program: hostile })).toThrow(/^authorizationLedger: /);
  });

  it("participants without an authorisation are not judged", () => {
    expect(ledger([]).warnings).toEqual([]);
    expect(ledger([auth({ participantId: "p2", from: "2026-03-12" })]).warnings).toEqual([
      expect.objectContaining({ code: "plan-beyond-authorization", participantId: "p2" }),
    ]);
  });
});

describe("authorizationLedger: status, expiry, review", () => {
  const one = (asOf: string, extra = {}) =>
    ledger([auth({ units: { of: "days", count: 10 }, ...extra })], { asOf }).accounts[0];

  it("upcoming the day before from, active on from and on to, expired the day after", () => {
    expect(one("2026-03-01")?.status).toBe("upcoming");
    expect(one("2026-03-02")?.status).toBe("active");
    expect(one("2026-03-15")).toMatchObject({ status: "active", daysToExpiry: 0, expiring: true });
    expect(one("2026-03-16")).toMatchObject({
      status: "expired",
      daysToExpiry: -1,
      expiring: false,
      nextReview: null,
    });
  });

  it("expiring within 7 days by default: 7 days left is expiring, 8 is not; the window is configurable", () => {
    expect(one("2026-03-08")).toMatchObject({ daysToExpiry: 7, expiring: true });
    expect(one("2026-03-07")).toMatchObject({ daysToExpiry: 8, expiring: false });
    const wide = ledger([auth()], { asOf: "2026-03-07", expiringWithinDays: 8 }).accounts[0];
    expect(wide?.expiring).toBe(true);
  });

  it("next review: nextReviewOn, else from + utilizationReviewDays (14) or to, whichever is first", () => {
    expect(one("2026-03-09", { to: "2026-03-31" })?.nextReview).toEqual({
      on: "2026-03-16",
      daysLeft: 7,
    });
    expect(one("2026-03-09", { to: "2026-03-15" })?.nextReview).toEqual({
      on: "2026-03-15",
      daysLeft: 6,
    });
    expect(one("2026-03-09", { nextReviewOn: "2026-03-12" })?.nextReview).toEqual({
      on: "2026-03-12",
      daysLeft: 3,
    });
  });
});

describe("authorizationLedger: bad input", () => {
  it("attendance that does not fit the schedule is an IopError naming the record", () => {
    const bad = [...attendance, rec("nope", "present", 60)];
    expect(() => ledger([auth()], { attendance: bad })).toThrow(IopError);
    try {
      ledger([auth()], { attendance: bad });
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["unknown-session", ["attendance", 3, "sessionId"]],
      ]);
    }
  });

  it("an expiringWithinDays outside 0–365 is an IopError", () => {
    expect(() => ledger([auth()], { expiringWithinDays: 366 })).toThrow(IopError);
    expect(() => ledger([auth()], { expiringWithinDays: -1 })).toThrow(IopError);
    expect(() => ledger([auth()], { expiringWithinDays: 365 })).not.toThrow();
  });
});
