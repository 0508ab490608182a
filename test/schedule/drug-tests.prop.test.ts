// S12: drug-test days are inside the weekly bounds, only on on-site days, spaced where the count
// allows (SAMHSA TIP 47: not more often than every 3 days), reproducible, and not predictable.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  isoWeekday,
  parseEnrollment,
  planDrugTests,
  planSchedule,
  programTemplates,
} from "iopkit";
import { participant } from "iopkit/testing";

const week = (monday: string, offsets: readonly number[]) => offsets.map((o) => addDays(monday, o));
const weeksArb = fc.array(
  fc.record({
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 6 }),
    bounds: fc
      .tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }))
      .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })),
  }),
  { minLength: 1, maxLength: 8 },
);

describe("planDrugTests", () => {
  it("plans a count inside the bounds (or every on-site day when there are fewer), only on on-site days", () => {
    fc.assert(
      fc.property(weeksArb, fc.integer(), (weeks, seed) => {
        const input = weeks.map((w, i) => ({
          onSiteDays: week(addDays("2026-03-02", i * 7), w.offsets),
          bounds: w.bounds,
        }));
        const plan = planDrugTests({
          participantId: "p-1",
          weeks: input,
          policy: { minDaysApart: 3, favourDayAfterBreak: true },
          seed,
        });
        input.forEach((w, i) => {
          const mine = plan.dates.filter((d) => w.onSiteDays.includes(d));
          expect(mine.length).toBeLessThanOrEqual(w.bounds.max);
          expect(mine.length).toBe(Math.min(mine.length, w.onSiteDays.length));
          expect(
            mine.length >= w.bounds.min ||
              plan.shortfalls.some((s) => s.planned === mine.length) ||
              w.onSiteDays.length < w.bounds.min,
          ).toBe(true);
          void i;
        });
        const all = input.flatMap((w) => w.onSiteDays);
        for (const d of plan.dates) expect(all).toContain(d);
      }),
    );
  });

  it("keeps tests at least 3 days apart whenever the on-site days allow it", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        // Mon–Fri on site, 2 tests a week: spacing of 3 days is always possible (e.g. Mon and Thu).
        const weeks = Array.from({ length: 6 }, (_, i) => ({
          onSiteDays: week(addDays("2026-03-02", i * 7), [0, 1, 2, 3, 4]),
          bounds: { min: 2, max: 2 },
        }));
        const { dates } = planDrugTests({
          participantId: "p-1",
          weeks,
          policy: { minDaysApart: 3, favourDayAfterBreak: false },
          seed,
        });
        for (let i = 1; i < dates.length; i++)
          expect(daysBetween(dates[i - 1] ?? "", dates[i] ?? "")).toBeGreaterThanOrEqual(3);
      }),
    );
  });

  it("is reproducible, and one participant's plan does not depend on another's", () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const weeks = [
          { onSiteDays: week("2026-03-02", [0, 1, 2, 3]), bounds: { min: 1, max: 2 } },
        ];
        const policy = { minDaysApart: 3, favourDayAfterBreak: true };
        const a = planDrugTests({ participantId: "p-1", weeks, policy, seed });
        expect(planDrugTests({ participantId: "p-1", weeks, policy, seed })).toEqual(a);
        planDrugTests({ participantId: "p-2", weeks, policy, seed });
        expect(planDrugTests({ participantId: "p-1", weeks, policy, seed })).toEqual(a);
      }),
    );
  });

  it("cannot be predicted by weekday: across 400 participant-weeks every on-site weekday is chosen, none dominates", () => {
    const program = programTemplates.substanceUseAdult({
      timeZone: "America/New_York",
      tracks: ["morning"],
    });
    const people = fc.sample(participant({ ageGroup: "adult", availability: "free" }), {
      numRuns: 100,
      seed: 11,
    });
    const enrollments = [...new Map(people.map((p) => [p.id, p])).values()].map((p) =>
      parseEnrollment({ participant: p, start: "2026-03-02" }),
    );
    const s = planSchedule({ program, enrollments, from: "2026-03-02", weeks: 4, seed: 2026 });
    const counts = new Map<number, number>();
    for (const t of s.sessions.filter((x) => x.sessionType === "drug-test"))
      counts.set(
        isoWeekday(t.start.slice(0, 10)),
        (counts.get(isoWeekday(t.start.slice(0, 10))) ?? 0) + 1,
      );
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    // The intensive phase is on site Mon–Thu: each of those days gets tests, and no day gets most of them.
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const n of counts.values()) expect(n / total).toBeLessThan(0.5);
  });

  it("favours the first on-site day after a break when asked (DOMAIN.md: the day after weekends and holidays)", () => {
    const onSite = week("2026-03-02", [0, 1, 2, 3]);
    const pick = (favour: boolean) =>
      Array.from(
        { length: 400 },
        (_, seed) =>
          planDrugTests({
            participantId: "p",
            weeks: [{ onSiteDays: onSite, bounds: { min: 1, max: 1 } }],
            policy: { minDaysApart: 3, favourDayAfterBreak: favour },
            afterBreak: ["2026-03-02"],
            seed,
          }).dates[0],
      ).filter((d) => d === "2026-03-02").length;
    expect(pick(true)).toBeGreaterThan(pick(false) + 40);
  });
});
