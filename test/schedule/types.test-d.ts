import { expectTypeOf, test } from "vitest";
import {
  checkSchedule,
  planSchedule,
  type Enrollment,
  type InvariantCode,
  type KeptSessions,
  type ParticipantId,
  type Schedule,
  type ScheduledSession,
  type StaffId,
  type Violation,
} from "iopkit";

test("planSchedule takes validated records and returns a Schedule", () => {
  expectTypeOf(planSchedule).returns.toEqualTypeOf<Schedule>();
  expectTypeOf<Parameters<typeof planSchedule>[0]["enrollments"]>().toEqualTypeOf<
    readonly Enrollment[]
  >();
  // @ts-expect-error - seed is required: the planner never picks one
  planSchedule({ program: {} as never, enrollments: [], from: "2026-03-02", weeks: 1 });
});

test("sessions carry branded ids; violations name an invariant S1–S17", () => {
  expectTypeOf<ScheduledSession["participantIds"]>().toEqualTypeOf<ParticipantId[]>();
  expectTypeOf<ScheduledSession["staffIds"]>().toEqualTypeOf<StaffId[]>();
  expectTypeOf(checkSchedule).returns.toEqualTypeOf<Violation[]>();
  expectTypeOf<Violation["code"]>().toEqualTypeOf<InvariantCode>();
  const _s17: InvariantCode = "S17";
  // @ts-expect-error - "S18" is not an invariant checkSchedule checks
  const _v: InvariantCode = "S18";
});

test("a re-plan keeps typed sessions before a date; keep is optional", () => {
  expectTypeOf<Parameters<typeof planSchedule>[0]["keep"]>().toEqualTypeOf<
    KeptSessions | undefined
  >();
  expectTypeOf<KeptSessions["sessions"]>().toEqualTypeOf<readonly ScheduledSession[]>();
  planSchedule({
    program: {} as never,
    enrollments: [],
    from: "2026-03-02",
    weeks: 1,
    seed: 1,
    // @ts-expect-error - keep needs the sessions as well as the date
    keep: { before: "2026-03-04" },
  });
});
