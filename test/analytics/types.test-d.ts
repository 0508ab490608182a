import { expectTypeOf, test } from "vitest";
import {
  analyticsJob,
  attendanceRates,
  lengthOfStay,
  retentionCurve,
  type Accumulator,
  type Aggregate,
  type AttendanceRatesPartial,
  type AttendanceRatesReport,
  type AttendanceRow,
  type JobRows,
  type EpisodeLogRow,
  type LengthOfStayPartial,
  type LengthOfStayReport,
  type LengthOfStaySources,
  type RowOf,
  type SeatStatus,
  type TedsFields,
} from "iopkit/analytics";

test("every analytics function is an Aggregate: callable, and partial → merge → finish", () => {
  expectTypeOf(lengthOfStay).toMatchTypeOf<
    Aggregate<
      LengthOfStaySources,
      Parameters<typeof lengthOfStay>[1],
      LengthOfStayPartial,
      LengthOfStayReport
    >
  >();
  expectTypeOf<ReturnType<typeof lengthOfStay.partial>>().toEqualTypeOf<LengthOfStayPartial>();
  expectTypeOf<Parameters<typeof lengthOfStay.finish>[0]>().toEqualTypeOf<LengthOfStayPartial>();
  expectTypeOf<Parameters<typeof lengthOfStay.parsePartial>[0]>().toEqualTypeOf<unknown>();
  expectTypeOf<LengthOfStayPartial["aggregate"]>().toEqualTypeOf<"lengthOfStay">();
  // @ts-expect-error - a retention partial is not a length-of-stay partial
  lengthOfStay.merge(retentionCurve.partial({}, { asOf: "2026-01-01" }));
});

test("sources are iterables of typed rows; an accumulator takes only its sources", () => {
  expectTypeOf<RowOf<LengthOfStaySources["attendance"]>>().toEqualTypeOf<AttendanceRow>();
  expectTypeOf<RowOf<LengthOfStaySources["episodes"]>>().toEqualTypeOf<EpisodeLogRow>();
  const acc = attendanceRates.accumulator({ timeZone: "UTC" });
  expectTypeOf(acc).toMatchTypeOf<Accumulator<{ attendance?: Iterable<AttendanceRow> }, unknown>>();
  // @ts-expect-error - attendanceRates reads no episodes
  acc.add("episodes", []);
  // @ts-expect-error - an attendance row, not a log
  acc.add("attendance", []);
});

test("options: the TEDS method needs the zone; statuses and TEDS fields are closed", () => {
  lengthOfStay({}, { method: "plain" });
  lengthOfStay({}, { method: "teds", timeZone: "America/New_York" });
  // @ts-expect-error - the TEDS method reads attendance in the program's zone
  lengthOfStay({}, { method: "teds" });
  expectTypeOf<SeatStatus>().toEqualTypeOf<
    "present" | "late" | "left-early" | "absent-excused" | "absent-unexcused" | "late-cancel"
  >();
  expectTypeOf<TedsFields["REASON"]>().toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6 | 7>();
});

test("analyticsJob: partials and reports of exactly the aggregates given; rows typed by source", () => {
  const job = analyticsJob({
    attendanceRates: { timeZone: "America/New_York" },
    lengthOfStay: { method: "plain" },
  });
  expectTypeOf(job.partials()).toEqualTypeOf<{
    readonly attendanceRates: AttendanceRatesPartial;
    readonly lengthOfStay: LengthOfStayPartial;
  }>();
  expectTypeOf(job.reports().attendanceRates).toEqualTypeOf<AttendanceRatesReport>();
  expectTypeOf(job.partials()).not.toHaveProperty("retentionCurve");
  expectTypeOf<JobRows["attendance"]>().toEqualTypeOf<AttendanceRow>();
  expectTypeOf<JobRows["episodes"]>().toEqualTypeOf<EpisodeLogRow>();
  // @ts-expect-error -- an episode log is not an attendance row
  job.add("attendance", [] as EpisodeLogRow);
  // @ts-expect-error -- no such source
  job.add("claims", {});
  // @ts-expect-error -- no such aggregate
  analyticsJob({ medianStay: {} });
});
