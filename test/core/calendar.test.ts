import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromEpochDay,
  IopError,
  isIsoDate,
  isoWeekday,
  isoWeekKey,
  startOfIsoWeek,
  toEpochDay,
  tryParseIsoWeek,
} from "iopkit/core";

describe("calendar dates", () => {
  it("counts epoch days from 1970-01-01", () => {
    expect(toEpochDay("1970-01-01")).toBe(0);
    expect(toEpochDay("1970-01-02")).toBe(1);
    expect(toEpochDay("1969-12-31")).toBe(-1);
    expect(toEpochDay("2026-03-09")).toBe(20521);
    expect(fromEpochDay(20521)).toBe("2026-03-09");
  });

  it("accepts only real calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true); // leap year
    expect(isIsoDate("2000-02-29")).toBe(true); // divisible by 400
    expect(isIsoDate("1900-02-29")).toBe(false); // divisible by 100, not 400
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-04-31")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("2026-00-10")).toBe(false);
    expect(isIsoDate("2026-3-9")).toBe(false);
    expect(isIsoDate("0000-01-01")).toBe(false);
    expect(isIsoDate(" 2026-03-09")).toBe(false);
  });

  it("throws IopError naming the bad date", () => {
    expect(() => toEpochDay("2026-02-30")).toThrow(IopError);
    // The value is described, never quoted: a date can be a date of birth.
    expect(() => toEpochDay("2026-02-30")).toThrow(
      /expected a calendar date \(YYYY-MM-DD\), got a string of 10 characters/,
    );
  });

  it("adds and subtracts calendar days across month, year and leap-day edges", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-01-01", "2027-01-01")).toBe(365);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
  });

  it("gives ISO weekdays (1 = Monday)", () => {
    expect(isoWeekday("2026-03-09")).toBe(1);
    expect(isoWeekday("2026-03-15")).toBe(7);
    expect(isoWeekday("1970-01-01")).toBe(4);
  });

  it("gives ISO week keys, with the week-numbering year at year edges", () => {
    expect(isoWeekKey("2026-03-09")).toBe("2026-W11");
    expect(isoWeekKey("2026-01-01")).toBe("2026-W01"); // a Thursday
    expect(isoWeekKey("2027-01-01")).toBe("2026-W53"); // 2026 is a long ISO year
    expect(isoWeekKey("2021-01-03")).toBe("2020-W53");
    expect(isoWeekKey("2024-12-30")).toBe("2025-W01");
    expect(startOfIsoWeek("2026-W11")).toBe("2026-03-09");
    expect(startOfIsoWeek("2026-W53")).toBe("2026-12-28");
    expect(tryParseIsoWeek("2025-W53")).toBeUndefined(); // 2025 has 52 weeks
    expect(tryParseIsoWeek("2026-W00")).toBeUndefined();
    expect(() => startOfIsoWeek("2026-11")).toThrow(IopError);
  });
});
