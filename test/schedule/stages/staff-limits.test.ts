// Staff limits in the staff search (src/schedule/staffing.ts, S15): a member is offered a slot
// only within their hours a day and a week and with their break on either side; when the only
// free members are kept away by a limit, `limitThatBit` names it. Boundaries at n − 1, n, n + 1
// of each limit (the limits are the test staff's own).
import { describe, expect, it } from "vitest";
import { parseStaff, toEpochDay } from "iopkit";
import { assignStaff, limitThatBit, staffDesk } from "../../../src/schedule/staffing";

const MIN = 60_000;
const MONDAY = toEpochDay("2027-01-04");
/** A slot on `day` from local minute `from` for `minutes` (UTC clock: local minute = epoch minute of the day). */
const slot = (day: number, from: number, minutes: number) => ({
  day,
  startMin: from,
  endMin: from + minutes,
  startMs: (day * 1440 + from) * MIN,
  endMs: (day * 1440 + from + minutes) * MIN,
});
const member = (limits: Record<string, number>) =>
  parseStaff({
    id: "s-1",
    roles: ["therapist"],
    availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "00:00",
      to: "23:59",
    })),
    ...limits,
  });
const take = (desk: ReturnType<typeof staffDesk>, s: ReturnType<typeof slot>) =>
  assignStaff(desk, ["therapist"], s, undefined, false);

describe("maxHoursPerDay", () => {
  it("takes sessions up to the day's hours exactly, not a minute more; the next day is fresh", () => {
    const desk = staffDesk([member({ maxHoursPerDay: 2 })], MONDAY);
    expect(take(desk, slot(MONDAY, 480, 60))).toBe(0);
    expect(take(desk, slot(MONDAY, 540, 59))).toBe(0); // 1 h 59 min: one under
    expect(take(desk, slot(MONDAY, 600, 1))).toBe(0); // exactly 2 h
    const over = slot(MONDAY, 700, 1);
    expect(take(desk, over)).toBeUndefined();
    expect(limitThatBit(desk, ["therapist"], over, false)).toBe("staff-daily-hours");
    expect(take(desk, slot(MONDAY + 1, 480, 120))).toBe(0);
  });
});

describe("maxHoursPerWeek", () => {
  it("takes sessions up to the week's hours exactly; the next ISO week is fresh", () => {
    const desk = staffDesk([member({ maxHoursPerWeek: 3 })], MONDAY);
    expect(take(desk, slot(MONDAY, 480, 120))).toBe(0);
    expect(take(desk, slot(MONDAY + 1, 480, 60))).toBe(0); // exactly 3 h
    const over = slot(MONDAY + 2, 480, 1);
    expect(take(desk, over)).toBeUndefined();
    expect(limitThatBit(desk, ["therapist"], over, false)).toBe("staff-weekly-hours");
    expect(take(desk, slot(MONDAY + 7, 480, 180))).toBe(0);
  });
});

describe("minBreakMinutes", () => {
  it("keeps 15 minutes on either side of each session: 15 is enough, 14 is not", () => {
    const desk = staffDesk([member({ minBreakMinutes: 15 })], MONDAY);
    expect(take(desk, slot(MONDAY, 600, 60))).toBe(0); // 10:00–11:00
    const after14 = slot(MONDAY, 674, 30);
    const before14 = slot(MONDAY, 526, 60); // ends 09:46
    expect(take(desk, after14)).toBeUndefined();
    expect(limitThatBit(desk, ["therapist"], after14, false)).toBe("staff-break");
    expect(take(desk, before14)).toBeUndefined();
    expect(take(desk, slot(MONDAY, 675, 30))).toBe(0); // 11:15
    expect(take(desk, slot(MONDAY, 525, 60))).toBe(0); // ends 09:45
  });
});

describe("limitThatBit", () => {
  it("names no limit when the member is simply busy, or has none", () => {
    const limited = staffDesk([member({ minBreakMinutes: 15 })], MONDAY);
    take(limited, slot(MONDAY, 600, 60));
    expect(limitThatBit(limited, ["therapist"], slot(MONDAY, 630, 60), false)).toBeUndefined();
    const free = staffDesk([member({})], MONDAY);
    take(free, slot(MONDAY, 600, 60));
    expect(take(free, slot(MONDAY, 660, 60))).toBe(0); // back to back without a break
    expect(limitThatBit(free, ["therapist"], slot(MONDAY, 600, 60), false)).toBeUndefined();
  });
});
