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
import { issuesOf } from "./fixtures";

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

  it("each participant on a shared session gets their own day; someone with no record gets none", () => {
    const group = {
      ...at("2026-03-05", 9, "group-therapy", 180),
      participantIds: ["p1", "p2", "p3"],
    };
    const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: [group] });
    const record = (participantId: string, status: AttendanceRecordInput["status"], m: number) =>
      parseAttendanceRecord({ sessionId: group.id, participantId, status, minutesAttended: m });
    const result = billableDays({
      program,
      schedule: s,
      attendance: [record("p2", "absent-unexcused", 0), record("p1", "present", 180)],
      rules: billingRuleSets.sudIop,
    });
    expect(result.map((d) => [d.participantId, d.code, d.notBillable, d.hours])).toEqual([
      ["p1", "H0015", null, 3],
      ["p2", null, "no-service-attended", 0],
    ]);
  });

  it("two separate and two not-counted sessions on one day are all listed, in start order", () => {
    const day = [
      at("2026-03-02", 9, "drug-test", 15),
      at("2026-03-02", 10, "meal-support"),
      { ...at("2026-03-02", 11, "drug-test", 15), id: "drug-test.2" },
      at("2026-03-02", 12, "alumni-group"),
    ];
    const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: day });
    const attendance = day.map((x) => seat(x.id, x.sessionType === "drug-test" ? 15 : 60));
    const [only] = billableDays({
      program,
      schedule: s,
      attendance,
      rules: billingRuleSets.sudIop,
    });
    expect(only?.separateSessionIds).toEqual(["drug-test.2026-03-02", "drug-test.2"]);
    expect(only?.notCountedSessionIds).toEqual([
      "meal-support.2026-03-02",
      "alumni-group.2026-03-02",
    ]);
    expect(only?.notBillable).toBe("no-service-attended");
  });

  it("each participant's payer classifies their own sessions (a payer that counts drug tests)", () => {
    const test = { ...at("2026-03-02", 9, "drug-test", 15), participantIds: ["p1", "p2"] };
    const group = { ...at("2026-03-02", 10, "group-therapy"), participantIds: ["p1", "p2"] };
    const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: [test, group] });
    const attendance = ["p1", "p2"].flatMap((participantId) => [
      parseAttendanceRecord({
        sessionId: test.id,
        participantId,
        status: "present",
        minutesAttended: 15,
      }),
      parseAttendanceRecord({
        sessionId: group.id,
        participantId,
        status: "present",
        minutesAttended: 60,
      }),
    ]);
    const countsTests: PayerBillingRules = {
      ...billingRuleSets.psychiatricIop,
      id: "counts-tests",
      separate: [],
    };
    const result = billableDays({
      program,
      schedule: s,
      attendance,
      rules: billingRuleSets.psychiatricIop,
      byParticipant: { p2: countsTests },
    });
    expect(
      result.map((d) => [d.participantId, d.services, d.bundledSessionIds, d.separateSessionIds]),
    ).toEqual([
      ["p1", 1, [group.id], [test.id]],
      ["p2", 2, [test.id, group.id], []],
    ]);
  });

  it("lists left empty are frozen (the output is read-only)", () => {
    const all = days(billingRuleSets.sudIop);
    const bare = all.filter(
      (d) => d.separateSessionIds.length === 0 && d.notCountedSessionIds.length === 0,
    );
    expect(bare.length).toBeGreaterThan(0);
    for (const d of bare) {
      expect(Object.isFrozen(d.separateSessionIds)).toBe(true);
      expect(Object.isFrozen(d.notCountedSessionIds)).toBe(true);
    }
  });

  it("a class with hours and services: exactly its hours with too few services is below-minimum-services", () => {
    const both: PayerBillingRules = {
      ...billingRuleSets.sudIop,
      id: "two-and-two",
      perDiem: [
        { code: "X", label: "2 h and 2 services", minHours: 2, minServices: 2, sources: [] },
      ],
    };
    const group = at("2026-03-02", 9, "group-therapy", 120);
    const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: [group] });
    const [day] = billableDays({
      program,
      schedule: s,
      attendance: [seat(group.id, 120)],
      rules: both,
    });
    expect([day?.hours, day?.services, day?.notBillable]).toEqual([2, 1, "below-minimum-services"]);
  });

  it("sessions listed out of start order are read in start order (ties in list order)", () => {
    const sorted = days(billingRuleSets.medicareIop);
    const reversed = parseSchedule({
      window: { from: "2026-03-02", weeks: 1 },
      sessions: [...sessions].reverse(),
    });
    expect(
      billableDays({
        program,
        schedule: reversed,
        attendance: present,
        rules: billingRuleSets.medicareIop,
      }),
    ).toEqual(sorted);
    // Before 1970 (negative epoch milliseconds) too.
    const old = [at("1969-12-30", 9, "group-therapy"), at("1969-12-30", 10, "psychoeducation")];
    const oldReversed = parseSchedule({
      window: { from: "1969-12-29", weeks: 1 },
      sessions: [...old].reverse(),
    });
    const [oldDay] = billableDays({
      program,
      schedule: oldReversed,
      attendance: old.map((x) => seat(x.id, 60)),
      rules: billingRuleSets.medicareIop,
    });
    expect(oldDay?.bundledSessionIds).toEqual(old.map((x) => x.id));
    // Two sessions at 9:00 listed after a later one: bundled 9:00 (list order), then 10:00.
    const tie = [
      at("2026-03-03", 10, "psychoeducation"),
      { ...at("2026-03-03", 9, "group-therapy"), id: "b-first" },
      { ...at("2026-03-03", 9, "group-therapy"), id: "a-second" },
    ];
    const s = parseSchedule({ window: { from: "2026-03-02", weeks: 1 }, sessions: tie });
    const [day] = billableDays({
      program,
      schedule: s,
      attendance: tie.map((x) => seat(x.id, 60)),
      rules: billingRuleSets.medicareIop,
    });
    expect(day?.bundledSessionIds).toEqual(["b-first", "a-second", "psychoeducation.2026-03-03"]);
  });

  it("bad options name each path; every error names billableDays", () => {
    const bad = {
      program: null,
      schedule: { sessions: 2 },
      attendance: "x",
      rules: { perDiem: 3 },
      byParticipant: 4,
      matched: 5,
    } as unknown as BillableDaysOptions;
    expect(issuesOf(() => billableDays(bad))).toEqual([
      ["invalid-type", ["program"]],
      ["invalid-type", ["schedule", "sessions"]],
      ["invalid-type", ["attendance"]],
      ["invalid-type", ["rules", "perDiem"]],
      ["invalid-type", ["byParticipant"]],
      ["invalid-type", ["matched"]],
    ]);
    expect(() => billableDays(bad)).toThrow(/^billableDays: /);
    const nulls = {
      program,
      schedule: null,
      attendance: [],
      rules: null,
    } as unknown as BillableDaysOptions;
    expect(issuesOf(() => billableDays(nulls))).toEqual([
      ["invalid-type", ["schedule"]],
      ["invalid-type", ["rules"]],
    ]);
    expect(() =>
      billableDays({
        program,
        schedule,
        attendance: [seat("nope", 10)],
        rules: billingRuleSets.sudIop,
      }),
    ).toThrow(/^billableDays: /);
    const hostile = new Proxy(billingRuleSets.sudIop, {
      get(target, key) {
        if (key === "id") throw new Error("no");
        return Reflect.get(target, key) as unknown;
      },
    });
    expect(() => days(hostile)).toThrow(/^billableDays: /);
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
