// attendanceRates: each outcome kept apart, the rate attendanceSummary uses (attended ÷
// (attended + no-shows + late cancels, + excused when they count)), local days in the zone.
import { describe, expect, it } from "vitest";
import { type IopError } from "iopkit";
import { attendanceRates, attendanceRows, parseAttendanceRow } from "iopkit/analytics";
import { seat, zone, partialIssues } from "./fixtures";

const g = { groupId: "g-1", phaseId: "intensive" };
const rows = [
  seat("p-1", "2026-03-02", "present", g),
  seat("p-1", "2026-03-03", "late", g),
  seat("p-1", "2026-03-04", "left-early", g),
  seat("p-1", "2026-03-05", "absent-excused", g),
  seat("p-1", "2026-03-09", "absent-unexcused", g),
  seat("p-1", "2026-03-10", "late-cancel", g),
  seat("p-1", "2026-03-11", null, g),
  seat("p-2", "2026-03-02", "present", { phaseId: "step-down" }),
];

describe("attendanceRates", () => {
  it("keeps attended, excused, no-show, late cancel and unrecorded apart", () => {
    const r = attendanceRates({ attendance: rows }, { timeZone: zone });
    expect(r.byParticipant[0]).toEqual({
      key: "p-1",
      seats: 7,
      attended: 3,
      late: 1,
      leftEarly: 1,
      excused: 1,
      noShow: 1,
      lateCancel: 1,
      unrecorded: 1,
      minutesAttended: 360,
      attendanceRate: 3 / 5, // 3 ÷ (3 + 1 no-show + 1 late cancel)
    });
    expect(r.total).toMatchObject({ key: "all", seats: 8, attended: 4, attendanceRate: 4 / 6 });
    expect(r.byGroup.map((x) => [x.key, x.seats])).toEqual([["g-1", 7]]);
    expect(r.byPhase.map((x) => [x.key, x.seats])).toEqual([
      ["intensive", 7],
      ["step-down", 1],
    ]);
    expect(r.byWeek.map((x) => [x.key, x.seats])).toEqual([
      ["2026-W10", 5],
      ["2026-W11", 3],
    ]);
  });

  it("an excused absence counts against the rate when the policy says so", () => {
    const r = attendanceRates(
      { attendance: rows },
      { timeZone: zone, excusedCountsAsAbsent: true },
    );
    expect(r.byParticipant[0]?.attendanceRate).toBe(3 / 6);
  });

  it("reads each session's local day in the program's zone (a late-evening session near midnight UTC)", () => {
    // 2026-03-08 23:30 in New York is 2026-03-09 03:30Z: Sunday in W10 locally, Monday UTC.
    const late = seat("p-3", "2026-03-08", "present", {}, "23:30");
    expect(late.start).toBe("2026-03-08T23:30:00.000-04:00");
    const utc = { ...late, start: "2026-03-09T03:30:00.000Z" };
    const r = attendanceRates({ attendance: [late, utc] }, { timeZone: zone });
    expect(r.byWeek.map((x) => [x.key, x.seats])).toEqual([["2026-W10", 2]]);
    const tokyo = attendanceRates({ attendance: [utc] }, { timeZone: "Asia/Tokyo" });
    expect(tokyo.byWeek[0]?.key).toBe("2026-W11");
  });

  it("counts sessions in the window, both ends included; counts rows it cannot read", () => {
    const r = attendanceRates(
      { attendance: [...rows, { ...seat("p-9", "2026-03-02", "present"), start: "yesterday" }] },
      { timeZone: zone, from: "2026-03-03", to: "2026-03-10" },
    );
    expect(r.total.seats).toBe(5);
    expect(r.excluded).toEqual({ "invalid-instant": 1, "outside-window": 3 });
  });

  it("builds rows from a schedule and its records: unrecorded seats, drug tests only when recorded", () => {
    const s = (
      id: string,
      sessionType: "group-therapy" | "drug-test",
      participantIds: string[],
    ) => ({
      id,
      sessionType,
      start: "2026-03-02T09:00:00.000-05:00",
      end: "2026-03-02T11:00:00.000-05:00",
      participantIds,
      staffIds: [],
    });
    const schedule = {
      sessions: [s("s-1", "group-therapy", ["p-1", "p-2"]), s("s-2", "drug-test", ["p-1"])],
    } as never;
    const attendance = [
      { sessionId: "s-1", participantId: "p-1", status: "present", minutesAttended: 120 },
    ] as never;
    expect(
      attendanceRows({ schedule, attendance }).map((r) => [r.participantId, r.status]),
    ).toEqual([
      ["p-1", "present"],
      ["p-2", null],
    ]);
    try {
      attendanceRows({
        schedule,
        attendance: [
          { sessionId: "s-9", participantId: "p-1", status: "present", minutesAttended: 1 },
          { sessionId: "s-1", participantId: "p-7", status: "present", minutesAttended: 1 },
        ] as never,
      });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["unknown-session", ["attendance", 0, "sessionId"]],
        ["not-on-roster", ["attendance", 1, "participantId"]],
      ]);
    }
  });

  it("parseAttendanceRow names every problem", () => {
    try {
      parseAttendanceRow({
        participantId: "",
        start: "2026-03-02",
        status: "absent-excused",
        minutesAttended: 30,
      });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["too-small", ["participantId"]],
        ["invalid-format", ["start"]],
        ["absent-with-minutes", ["minutesAttended"]],
      ]);
    }
  });
});

describe("attendanceRates, edges", () => {
  it("has no rate without a counted seat, counts minutes of attended seats only, and keeps seats without a group or phase out of those rows", () => {
    const r = attendanceRates(
      {
        attendance: [
          seat("p-1", "2026-03-02", null),
          seat("p-1", "2026-03-03", "absent-excused"),
          // Minutes on a no-show (a data-entry slip) are not minutes attended.
          { ...seat("p-2", "2026-03-02", "absent-unexcused"), minutesAttended: 30 },
        ],
      },
      { timeZone: zone },
    );
    expect(r.byParticipant.map((x) => [x.key, x.attendanceRate, x.minutesAttended])).toEqual([
      ["p-1", null, 0],
      ["p-2", 0, 0],
    ]);
    expect(r.total.minutesAttended).toBe(0);
    expect(r.byGroup).toEqual([]);
    expect(r.byPhase).toEqual([]);
    expect(attendanceRates({ attendance: [] }, { timeZone: zone }).total.attendanceRate).toBeNull();
  });

  it("states its definition, with excused absences when they count", () => {
    expect(attendanceRates({ attendance: [] }, { timeZone: zone }).definition).toBe(
      "attendance rate = attended ÷ (attended + no-shows + late cancels); unrecorded seats not counted",
    );
    expect(
      attendanceRates({ attendance: [] }, { timeZone: zone, excusedCountsAsAbsent: true })
        .definition,
    ).toBe(
      "attendance rate = attended ÷ (attended + no-shows + late cancels + excused); unrecorded seats not counted",
    );
  });

  it("refuses a window that ends before it starts, under its own name", () => {
    try {
      attendanceRates({ attendance: [] }, { timeZone: zone, from: "2026-03-10", to: "2026-03-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).message).toMatch(/^attendanceRates/);
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["to"]],
      ]);
    }
  });

  it("refuses a partial whose weeks are not ISO weeks or whose rows are out of order", () => {
    const p = attendanceRates.partial({ attendance: rows }, { timeZone: zone });
    const bad = (state: object) => partialIssues(attendanceRates.parsePartial, p, state);
    expect(bad({})).toEqual([]);
    expect(
      bad({
        byWeek: [
          ["2026-W10", p.state.byWeek[0]?.[1]],
          ["2026-W99", p.state.byWeek[1]?.[1]],
        ],
      }),
    ).toEqual([
      ["invalid-week", ["state", "byWeek", 1, 0], "2026-W99 is not an ISO week (YYYY-Www)"],
    ]);
    expect(
      bad({ byParticipant: [...p.state.byParticipant].reverse() }).map(([c, path]) => [c, path]),
    ).toEqual([["unsorted-keys", ["state", "byParticipant"]]]);
  });
});
