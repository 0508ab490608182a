import { expectTypeOf, test } from "vitest";
import {
  type GroupId,
  type IopIssue,
  participantId,
  type ParticipantId,
  type Result,
  staffId,
  type StaffId,
  type Weekday,
  isoWeekday,
  createRng,
  type Rng,
} from "iopkit/core";

test("branded ids do not mix", () => {
  expectTypeOf(participantId("p1")).toEqualTypeOf<ParticipantId>();
  expectTypeOf<ParticipantId>().not.toEqualTypeOf<StaffId>();
  const takesStaff = (_s: StaffId): void => undefined;
  // @ts-expect-error - a participant id is not a staff id
  takesStaff(participantId("p1"));
  // @ts-expect-error - a plain string is not a staff id
  takesStaff("s1");
  takesStaff(staffId("s1"));
  expectTypeOf<GroupId>().toExtend<string>();
});

test("weekdays are the literals 1–7", () => {
  expectTypeOf(isoWeekday("2026-03-09")).toEqualTypeOf<Weekday>();
  // @ts-expect-error - 0 is not an ISO weekday
  const _w: Weekday = 0;
});

test("results narrow on success", () => {
  const r = {} as Result<number>;
  if (r.success) expectTypeOf(r.data).toEqualTypeOf<number>();
  else expectTypeOf(r.error.issues).toEqualTypeOf<readonly IopIssue[]>();
  expectTypeOf(createRng(1)).toEqualTypeOf<Rng>();
});
