import { describe, expect, it } from "vitest";
import {
  IopError,
  parseAttendanceRecord,
  parseSchedule,
  type AttendanceRecordInput,
  type SessionTypeId,
} from "iopkit";
import {
  billableDays,
  billingRuleSets,
  type BillableDaysOptions,
  type PayerBillingRules,
} from "iopkit/capacity";

const program = { timeZone: "America/New_York" };

/** Sessions of p1 at hour `h` (1 h each, a 15-min drug test) on a March 2026 day, EST. */
const at = (date: string, h: number, type: SessionTypeId, minutes = 60) => {
  const end = h * 60 + minutes;
  const hh = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  return {
    id: `${type}.${date}`,
    sessionType: type,
    start: `${date}T${hh(h * 60)}:00.000-05:00`,
    end: `${date}T${hh(end)}:00.000-05:00`,
    participantIds: ["p1"],
    staffIds: [],
  };
};
// 2 March: 4 services (group, psychoeducation, individual, family), a drug test and a meal.
// 3 March: 3 services. 4 March: 2 services. 5 March: a 3-h group only.
const sessions = [
  at("2026-03-02", 9, "group-therapy"),
  at("2026-03-02", 10, "psychoeducation"),
  at("2026-03-02", 11, "individual-therapy"),
  at("2026-03-02", 12, "drug-test", 15),
  at("2026-03-02", 13, "meal-support"),
  at("2026-03-02", 14, "family-therapy"),
  at("2026-03-03", 9, "group-therapy"),
  at("2026-03-03", 10, "psychoeducation"),
  at("2026-03-03", 11, "individual-therapy"),
  at("2026-03-04", 9, "group-therapy"),
  at("2026-03-04", 10, "psychoeducation"),
  at("2026-03-05", 9, "group-therapy", 180),
];
const schedule = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions });
const seat = (id: string, minutes: number, status: AttendanceRecordInput["status"] = "present") =>
  parseAttendanceRecord({ sessionId: id, participantId: "p1", status, minutesAttended: minutes });
const present = sessions.map((s) =>
  seat(
    s.id,
    s.id.startsWith("drug-test") ? 15 : s.id.startsWith("group-therapy.2026-03-05") ? 180 : 60,
  ),
);

const days = (rules: PayerBillingRules, extra: Partial<BillableDaysOptions> = {}) =>
  billableDays({ program, schedule, attendance: present, rules, ...extra });

describe("billableDays: Medicare IOP daily classes (3 vs 4 or more services, condition code 92)", () => {
  it("4 services → 4-or-more, 3 → the 3-service class, 2 → below-minimum-services", () => {
    expect(
      days(billingRuleSets.medicareIop).map((d) => [
        d.date,
        d.services,
        d.code,
        d.conditionCode,
        d.notBillable,
      ]),
    ).toEqual([
      ["2026-03-02", 4, "medicare-iop-4-or-more", "92", null],
      ["2026-03-03", 3, "medicare-iop-3", "92", null],
      ["2026-03-04", 2, null, null, "below-minimum-services"],
      ["2026-03-05", 1, null, null, "below-minimum-services"],
    ]);
  });

  it("splits the day: drug test separate, the meal not counted, the rest bundled in start order", () => {
    const [first] = days(billingRuleSets.medicareIop);
    expect(first).toEqual({
      participantId: "p1",
      date: "2026-03-02",
      isoWeek: "2026-W10",
      rules: "medicare-iop",
      code: "medicare-iop-4-or-more",
      conditionCode: "92",
      notBillable: null,
      hours: 4,
      services: 4,
      bundledSessionIds: [
        "group-therapy.2026-03-02",
        "psychoeducation.2026-03-02",
        "individual-therapy.2026-03-02",
        "family-therapy.2026-03-02",
      ],
      separateSessionIds: ["drug-test.2026-03-02"],
      notCountedSessionIds: ["meal-support.2026-03-02"],
    });
  });
});

describe("billableDays: H0015 hours (3 attended hours, a payer reading: configurable)", () => {
  it("4 h and 3 h are H0015 days; 2 h is below-minimum-hours; a 3-h group alone is one", () => {
    expect(
      days(billingRuleSets.sudIop).map((d) => [d.date, d.hours, d.code, d.notBillable]),
    ).toEqual([
      ["2026-03-02", 4, "H0015", null],
      ["2026-03-03", 3, "H0015", null],
      ["2026-03-04", 2, null, "below-minimum-hours"],
      ["2026-03-05", 3, "H0015", null],
    ]);
  });

  it("counts minutes attended: 179 min is below 3 h, 180 min meets it; a payer's own 2.5-h minimum takes 179", () => {
    const on5 = (minutes: number) =>
      billableDays({
        program,
        schedule,
        attendance: [
          seat("group-therapy.2026-03-05", minutes, minutes < 180 ? "left-early" : "present"),
        ],
        rules: billingRuleSets.sudIop,
      })[0];
    expect(on5(179)).toMatchObject({ code: null, notBillable: "below-minimum-hours" });
    expect(on5(180)).toMatchObject({ code: "H0015", hours: 3 });
    const lenient = {
      ...billingRuleSets.sudIop,
      perDiem: [{ ...billingRuleSets.sudIop.perDiem[0]!, minHours: 2.5 }],
    };
    expect(
      billableDays({
        program,
        schedule,
        attendance: [seat("group-therapy.2026-03-05", 179, "left-early")],
        rules: lenient,
      })[0],
    ).toMatchObject({ code: "H0015" });
  });

  it("S9480 has no hours minimum: every day with a service attended", () => {
    expect(days(billingRuleSets.psychiatricIop).map((d) => d.code)).toEqual([
      "S9480",
      "S9480",
      "S9480",
      "S9480",
    ]);
  });
});

describe("billableDays: days that are not billable, and every record is accounted for", () => {
  it("absences only, or only separate sessions → no-service-attended, still listed", () => {
    const attendance = [
      seat("group-therapy.2026-03-04", 0, "absent-unexcused"),
      seat("psychoeducation.2026-03-04", 0, "absent-excused"),
      seat("drug-test.2026-03-02", 15),
    ];
    expect(
      billableDays({ program, schedule, attendance, rules: billingRuleSets.sudIop }).map((d) => [
        d.date,
        d.notBillable,
        d.separateSessionIds,
        d.bundledSessionIds,
      ]),
    ).toEqual([
      ["2026-03-02", "no-service-attended", ["drug-test.2026-03-02"], []],
      ["2026-03-04", "no-service-attended", [], []],
    ]);
  });

  it("rules without a class → no-per-diem-class", () => {
    const none: PayerBillingRules = { ...billingRuleSets.sudIop, perDiem: [] };
    expect(days(none).map((d) => d.notBillable)).toEqual(Array(4).fill("no-per-diem-class"));
  });

  it("byParticipant picks a participant's payer", () => {
    expect(
      days(billingRuleSets.sudIop, { byParticipant: { p1: billingRuleSets.psychiatricIop } })[0]
        ?.rules,
    ).toBe("psychiatric-iop-s9480");
  });

  it("byParticipant is read by its own keys: a participant named like an Object method gets the default rules", () => {
    const named = (id: string) => ({
      ...at("2026-03-05", 9, "group-therapy", 180),
      participantIds: [id],
    });
    for (const id of ["constructor", "toString", "hasOwnProperty"]) {
      const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: [named(id)] });
      const attendance = [
        parseAttendanceRecord({
          sessionId: "group-therapy.2026-03-05",
          participantId: id,
          status: "present",
          minutesAttended: 180,
        }),
      ];
      const [day] = billableDays({
        program,
        schedule: s,
        attendance,
        rules: billingRuleSets.sudIop,
        byParticipant: { p1: billingRuleSets.psychiatricIop },
      });
      expect([day?.participantId, day?.rules, day?.code]).toEqual([id, "sud-iop-h0015", "H0015"]);
    }
  });

  it("attendance that does not fit the schedule is an IopError naming the record", () => {
    const bad = [...present, seat("nope", 10)];
    expect(() =>
      billableDays({ program, schedule, attendance: bad, rules: billingRuleSets.sudIop }),
    ).toThrow(IopError);
  });

  it("every built-in class cites a source; bundling says where it comes from", () => {
    for (const rules of Object.values(billingRuleSets)) {
      expect(rules.sources.length).toBeGreaterThan(0);
      for (const c of rules.perDiem) expect(c.sources.length).toBeGreaterThan(0);
    }
    expect(
      billingRuleSets.medicareIop.perDiem.map((c) => [c.code, c.minServices, c.conditionCode]),
    ).toEqual([
      ["medicare-iop-4-or-more", 4, "92"],
      ["medicare-iop-3", 3, "92"],
    ]);
  });
});
