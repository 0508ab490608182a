// Day sets (bitsets of 30-day words) against a plain Set of days: what is added is what a window
// scan finds, in order, whatever the order of the days and wherever the window's edges fall
// (word boundaries, negative days before 1970, windows empty or reversed); their canonical JSON,
// unions and validation at the edges; the attended days read from attendance rows; keyed lists.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDay,
  daySetToJson,
  firstDayIn,
  forEachDayIn,
  isDaySetJson,
  latestDayIn,
  newDaySet,
  unionDaySets,
} from "../../src/analytics/day-set";
import { attendedDays, attendedIssues, mergeByKey } from "../../src/analytics/attended-days";
import { keyedFromMap } from "../../src/analytics/keyed";
import { seatStatuses } from "iopkit/analytics";

/** The days `forEachDayIn` finds. */
function daysIn(json: readonly number[], from: number, to: number): number[] {
  const found: number[] = [];
  forEachDayIn(json, from, to, (d) => found.push(d));
  return found;
}

const day = fc.integer({ min: -200, max: 200 });

describe("day sets answer as a Set of days", () => {
  it("forEachDayIn gives the days of the window, ascending; firstDayIn the first, latestDayIn the last", () => {
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
        expect(firstDayIn(json, from, to)).toBe(expected[0]);
        // Stopped by a `true`: the days up to the first `n`, then no more.
        const n = expected.length >> 1;
        const some: number[] = [];
        forEachDayIn(json, from, to, (d) => some.push(d) > n);
        expect(some).toEqual(expected.slice(0, n + 1));
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

describe("day sets at their edges", () => {
  it("a window that is one day, or ends or starts exactly on a day, finds it", () => {
    const set = newDaySet();
    for (const d of [30, 45, 59]) addDay(set, d); // 30 is bit 0 of word 1, 59 its bit 29
    const json = daySetToJson(set);
    expect(daysIn(json, 45, 45)).toEqual([45]);
    expect(latestDayIn(json, 0, 45)).toBe(45);
    expect(latestDayIn(json, 30, 30)).toBe(30);
    expect(latestDayIn(json, 46, 58)).toBeUndefined();
    expect(firstDayIn(json, 45, 59)).toBe(45);
    expect(firstDayIn(json, 31, 45)).toBe(45);
    expect(firstDayIn(json, 46, 58)).toBeUndefined();
    expect(firstDayIn(json, 60, 59)).toBeUndefined();
    expect(daysIn(json, 46, 45)).toEqual([]);
  });

  it("a window before the set's first word reads no words (the first entry is the word index)", () => {
    const set = newDaySet();
    addDay(set, 60); // word 2: [2, 1]
    expect(daySetToJson(set)).toEqual([2, 1]);
    expect(daysIn(daySetToJson(set), 0, 59)).toEqual([]);
    expect(latestDayIn(daySetToJson(set), 0, 59)).toBeUndefined();
  });

  it("canonical JSON trims empty words at both ends; a set of none is []", () => {
    expect(daySetToJson([5, 0, 0, 3, 0])).toEqual([7, 3]);
    expect(daySetToJson([5, 0, 0])).toEqual([]);
    expect(daySetToJson([])).toEqual([]);
  });

  it("a union keeps every word of both, from the earlier first word", () => {
    expect(unionDaySets([], [2, 4])).toEqual([2, 4]);
    expect(unionDaySets([2, 4], [])).toEqual([2, 4]);
    expect(unionDaySets([0, 1], [2, 4])).toEqual([0, 1, 0, 4]);
    expect(unionDaySets([2, 4, 1], [1, 8, 1])).toEqual([1, 8, 5, 1]);
  });

  it("only canonical JSON is a day set", () => {
    expect(isDaySetJson([])).toBe(true);
    expect(isDaySetJson([0, 1])).toBe(true);
    expect(isDaySetJson([-3, 1, 0, 2 ** 30 - 1])).toBe(true);
    for (const bad of [[3], [1.5, 1], [0, -1], [0, 2 ** 30], [0, 0.5], [0, 0, 1], [0, 1, 0]])
      expect(isDaySetJson(bad)).toBe(false);
  });
});

describe("attended days", () => {
  const dayOf = (start: string): number => (start === "bad" ? Number.NaN : Number(start));
  const row = (participantId: string, start: string, status: string | null) =>
    ({ participantId, start, status }) as Parameters<ReturnType<typeof attendedDays>["read"]>[0];

  it("count the days a participant came (present, late, left early), nothing else", () => {
    const days = attendedDays(dayOf, () => Number.NaN);
    const statuses = [...seatStatuses, null];
    statuses.forEach((status, i) => expect(days.read(row("p", String(i + 1), status))).toBe(true));
    // Came: present, late or left early (the days are the statuses' positions, from 1).
    const came = ["present", "late", "left-early"].map((s) => statuses.indexOf(s as never) + 1);
    expect(days.json()).toEqual([["p", [0, came.reduce((w, d) => w | (1 << d), 0)]]]);
  });

  it("keep each participant's days when their rows are interleaved", () => {
    const days = attendedDays(dayOf, () => Number.NaN);
    days.read(row("p1", "1", "present"));
    days.read(row("p2", "2", "present"));
    days.read(row("p1", "3", "present"));
    expect(days.json()).toEqual([
      ["p1", [0, 0b1010]],
      ["p2", [0, 0b100]],
    ]);
  });

  it("report a start that is not an instant, for a participant who came", () => {
    const days = attendedDays(dayOf, () => Number.NaN);
    expect(days.read(row("p", "bad", "present"))).toBe(false);
    expect(days.read(row("p", "bad", "absent-excused"))).toBe(true);
  });
});

describe("keyed lists", () => {
  it("list a map's keys ascending whatever order they were added in", () => {
    const map = new Map([
      ["c", 3],
      ["a", 1],
      ["b", 2],
    ]);
    expect(keyedFromMap(map, (v) => v * 10)).toEqual([
      ["a", 10],
      ["b", 20],
      ["c", 30],
    ]);
  });
});

describe("episodes merged by key", () => {
  type Stay = readonly [string, number];
  it("sort by key as strings compare (a key before its longer relatives), however JSON would", () => {
    // JSON writes `"a",` and `"a!",`: by JSON text "a!" would come first, by key "a" does.
    const { merged, duplicates } = mergeByKey<Stay>(
      [
        ["a!", 2],
        ["b", 3],
      ],
      [["a", 1]],
    );
    expect(merged).toEqual([
      ["a", 1],
      ["a!", 2],
      ["b", 3],
    ]);
    expect(duplicates).toBe(0);
  });

  it("keep the same one of two with a key, whichever partial holds it, and count the other", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer(), (x, y) => {
        fc.pre(x !== y);
        const one: Stay = ["k", x];
        const other: Stay = ["k", y];
        const kept = JSON.stringify(one) < JSON.stringify(other) ? one : other;
        for (const [a, b] of [
          [[one], [other]],
          [[other], [one]],
          [[one, other], []],
          [[], [other, one]],
        ] as const) {
          const r = mergeByKey<Stay>(a, b);
          expect(r.merged).toEqual([kept]);
          expect(r.duplicates).toBe(1);
        }
      }),
    );
  });

  it("a day set that is not canonical is reported at its place", () => {
    expect(
      attendedIssues(
        [
          ["p", [0, 1]],
          ["q", [0, 0]],
        ],
        "attended",
      ),
    ).toEqual([
      {
        code: "invalid-day-set",
        path: ["attended", 1, 1],
        message: "not a canonical day set ([first word, 30-bit words…], ends non-zero)",
      },
    ]);
  });
});
