// Day sets (bitsets of 30-day words) against a plain Set of days: what is added is what a window
// scan finds, in order, whatever the order of the days and wherever the window's edges fall
// (word boundaries, negative days before 1970, windows empty or reversed).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDay,
  daySetToJson,
  forEachDayIn,
  latestDayIn,
  newDaySet,
} from "../../src/analytics/day-set";

const day = fc.integer({ min: -200, max: 200 });

describe("day sets answer as a Set of days", () => {
  it("forEachDayIn gives the days of the window, ascending; latestDayIn the last of them", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), day, day, (days, from, to) => {
        const set = newDaySet();
        for (const d of days) addDay(set, d);
        const json = daySetToJson(set);
        const expected = [...new Set(days)]
          .filter((d) => d >= from && d <= to)
          .sort((a, b) => a - b);
        const found: number[] = [];
        forEachDayIn(json, from, to, (d) => found.push(d));
        expect(found).toEqual(expected);
        expect(latestDayIn(json, from, to)).toBe(expected[expected.length - 1]);
      }),
    );
  });

  it("finds days on both sides of a word boundary (days 29 and 30, -1 and 0)", () => {
    const set = newDaySet();
    for (const d of [-31, -30, -1, 0, 29, 30, 59, 60]) addDay(set, d);
    const found: number[] = [];
    forEachDayIn(daySetToJson(set), -30, 59, (d) => found.push(d));
    expect(found).toEqual([-30, -1, 0, 29, 30, 59]);
  });
});
