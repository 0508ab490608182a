import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  fromEpochDay,
  isoWeekKeyOfEpochDay,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  isoWeekday,
  startOfIsoWeek,
  toEpochDay,
  tryParseIsoDate,
  weekdayOfEpochDay,
} from "iopkit/core";

// Years 0001–9999 as epoch days.
const epochDay = fc.integer({ min: MIN_EPOCH_DAY, max: MAX_EPOCH_DAY });

describe("calendar laws", () => {
  it("fromEpochDay and toEpochDay are inverse", () => {
    fc.assert(fc.property(epochDay, (d) => toEpochDay(fromEpochDay(d)) === d));
  });

  it("agrees with the JavaScript Date (proleptic Gregorian, UTC)", () => {
    fc.assert(
      fc.property(epochDay, (d) => {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        expect(fromEpochDay(d)).toBe(iso);
        expect(weekdayOfEpochDay(d)).toBe(((new Date(d * 86_400_000).getUTCDay() + 6) % 7) + 1);
      }),
    );
  });

  it("ISO week keys agree with luxon's weekYear and weekNumber", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), (d) => {
        const dt = DateTime.fromMillis(d * 86_400_000, { zone: "UTC" });
        expect(isoWeekKeyOfEpochDay(d)).toBe(
          `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, "0")}`,
        );
      }),
    );
  });

  it("the week key's Monday starts the week that holds the date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), (d) => {
        const date = fromEpochDay(d);
        const monday = startOfIsoWeek(isoWeekKeyOfEpochDay(d));
        const offset = daysBetween(monday, date);
        return offset >= 0 && offset < 7 && isoWeekday(monday) === 1;
      }),
    );
  });

  it("addDays and daysBetween are consistent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (d, n) => {
          const a = fromEpochDay(d);
          return daysBetween(a, addDays(a, n)) === n;
        },
      ),
    );
  });

  it("rejects every string that is not a YYYY-MM-DD calendar date", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const d = tryParseIsoDate(s);
        if (d === undefined) return true;
        return fromEpochDay(d) === s;
      }),
    );
  });
});
