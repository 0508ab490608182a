// Pattern expansion: dated sessions for 10,000 participants × 12 weeks (360,000 occurrences,
// Mon/Wed/Fri 09:00 in New York, everyone enrolled for the whole window), across the 2026-11-01
// DST change.
import { DateTime } from "luxon";
import { civilFromDays, createZoneClock, expandPattern, toEpochDay, toMinutes } from "iopkit";
import { enrollmentsFor, threeDayProgram } from "./fixtures/clinic";
import type { Bench } from "./harness";

const from = "2026-10-19";
// Everyone enrolled for the whole window and free during the day, so every occurrence is planned.
const enrollments = enrollmentsFor(10_000, from).map((e) => ({
  ...e,
  start: from,
  participant: { ...e.participant, unavailable: [] },
}));
const expected = expandPattern({ program: threeDayProgram, enrollments, from, weeks: 12 }).length;

// The lower bound knows each participant's days in advance and only does integer epoch arithmetic
// with offsets precomputed per day, writing start and end into typed arrays.
const windowStart = toEpochDay(from);
const days = 84;
const clock = createZoneClock("America/New_York");
const offsetByDay = new Int32Array(days);
for (let d = 0; d < days; d++)
  offsetByDay[d] = clock.offsetAt(clock.localToEpochMs(windowStart + d, 12 * 60));
const spans = enrollments.map((e) => {
  const start = Math.max(toEpochDay(e.start), windowStart) - windowStart;
  return [start, Math.min(toEpochDay(e.start) + 84, windowStart + days) - windowStart] as const;
});
const pattern =
  threeDayProgram.phases[0]?.pattern.map(
    (p) => [p.weekday, toMinutes(p.start), p.durationMinutes] as const,
  ) ?? [];
const weekdayOf = (d: number): number => ((((windowStart + d + 3) % 7) + 7) % 7) + 1;
const starts = new Float64Array(expected + 16);
const ends = new Float64Array(expected + 16);

export default {
  name: "pattern expansion",
  workload: `${expected.toLocaleString("en")} dated occurrences (10,000 participants × 12 weeks) across a DST change`,
  units: expected,
  unitName: "occurrence",
  repetitions: 5,
  subject: {
    name: "iopkit",
    run: () => expandPattern({ program: threeDayProgram, enrollments, from, weeks: 12 }).length,
  },
  lowerBound: {
    name: "integers",
    run: () => {
      let n = 0;
      for (const [a, b] of spans) {
        for (let d = a; d < b; d++) {
          const wd = weekdayOf(d);
          for (const [weekday, minute, duration] of pattern) {
            if (weekday !== wd) continue;
            const ms = ((windowStart + d) * 1440 + minute - (offsetByDay[d] ?? 0)) * 60_000;
            starts[n] = ms;
            ends[n] = ms + duration * 60_000;
            n++;
          }
        }
      }
      return n;
    },
  },
  baselines: [
    {
      name: "luxon",
      units: Math.round(expected / 50),
      run: () => {
        // The straightforward way: luxon arithmetic per occurrence, on 1/50 of the participants.
        let n = 0;
        for (const [a, b] of spans.slice(0, 200)) {
          for (let d = a; d < b; d++) {
            const wd = weekdayOf(d);
            for (const [weekday, minute, duration] of pattern) {
              if (weekday !== wd) continue;
              const { year, month, day } = civilFromDays(windowStart + d);
              const start = DateTime.fromObject(
                { year, month, day, hour: Math.floor(minute / 60), minute: minute % 60 },
                { zone: "America/New_York" },
              );
              if (
                (start.toISO() ?? "").length +
                  (start.plus({ minutes: duration }).toISO() ?? "").length >
                0
              )
                n++;
            }
          }
        }
        return n;
      },
    },
  ],
  goals: { maxRatioToLowerBound: 10, minSpeedupOver: { luxon: 50 } },
} satisfies Bench;
