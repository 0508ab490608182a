import { expectTypeOf, test } from "vitest";
import {
  weeklyCompliance,
  type AttendanceRecord,
  type DrugTestResult,
  type ParticipantId,
  type SessionId,
  type WeekCompliance,
} from "iopkit";

test("records carry branded ids and closed unions", () => {
  expectTypeOf<AttendanceRecord["sessionId"]>().toEqualTypeOf<SessionId>();
  expectTypeOf<AttendanceRecord["participantId"]>().toEqualTypeOf<ParticipantId>();
  expectTypeOf<DrugTestResult["result"]>().toEqualTypeOf<
    | "negative"
    | "positive"
    | "dilute"
    | "adulterated"
    | "substituted"
    | "invalid"
    | "refused"
    | "missed"
  >();
  // @ts-expect-error - "tardy" is not a status
  const _s: AttendanceRecord["status"] = "tardy";
});

test("weeklyCompliance returns WeekCompliance rows with the DESIGN fields", () => {
  expectTypeOf(weeklyCompliance).returns.toEqualTypeOf<WeekCompliance[]>();
  expectTypeOf<WeekCompliance["status"]>().toEqualTypeOf<"below" | "within" | "above">();
  expectTypeOf<WeekCompliance["band"]>().toEqualTypeOf<{ min: number; max: number }>();
  // @ts-expect-error - attendance is required
  weeklyCompliance({ program: {} as never, schedule: {} as never });
});
