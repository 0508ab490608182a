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

  it("reads YYYY-MM-DD as the regular expression ^(\\d{4})-(\\d{2})-(\\d{2})$ does, on date-like text", () => {
    // The reference: the pattern and the calendar checks, written the plain way.
    const reference = (s: string): number | undefined => {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
      if (m === null) return undefined;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const valid = DateTime.fromObject({ year: y, month: mo, day: d }, { zone: "utc" }).isValid;
      return y >= 1 && valid ? toEpochDay(s) : undefined;
    };
    // Text near a date: digits, '-', a few other characters (the digit 9 in other scripts, a
    // newline, a space), of lengths around 10.
    const dateLike = fc
      .array(fc.constantFrom(..."0123456789-", "0", "1", "2", "-", "\n", " ", "a", "\u0669", "+"), {
        minLength: 8,
        maxLength: 12,
      })
      .map((cs) => cs.join(""));
    const nearDate = fc
      .tuple(epochDay, fc.nat({ max: 9 }), fc.constantFrom("", "\n", " ", "0", "x"))
      .map(([d, cut, tail]) => {
        const s = fromEpochDay(d);
        return cut < 5 ? s + tail : s.slice(0, cut) + tail + s.slice(cut + 1);
      });
    fc.assert(
      fc.property(fc.oneof(dateLike, nearDate, fc.string()), (s) => {
        expect(tryParseIsoDate(s)).toBe(reference(s));
      }),
      { numRuns: 2_000 },
    );
    expect(tryParseIsoDate("2024-02-29")).toBe(toEpochDay("2024-02-29"));
    for (const s of [
      "2023-02-29",
      "0000-01-01",
      "2026-13-01",
      "2026-00-10",
      "2026-01-32",
      "2026-1-01",
      "2026-01-01\n",
      " 2026-01-01",
    ])
      expect(tryParseIsoDate(s)).toBeUndefined();
  });
});
