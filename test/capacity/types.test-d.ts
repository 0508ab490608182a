import { expectTypeOf, test } from "vitest";
import type { ParticipantId } from "iopkit";
import {
  admitFromWaitlist,
  erlangB,
  forecastCapacity,
  matchAttendance,
  parseWaitlistEntry,
  type BillableDaysOptions,
  type MatchedAttendance,
  type Band,
  type CapacityForecast,
  type ForecastCapacityOptions,
  type PriorityClass,
  type WaitlistEntry,
  type WaitlistOutcome,
} from "iopkit/capacity";

test("the public signatures", () => {
  expectTypeOf(erlangB).toEqualTypeOf<(seats: number, load: number) => number>();
  expectTypeOf(forecastCapacity).returns.toEqualTypeOf<CapacityForecast>();
  expectTypeOf(admitFromWaitlist).returns.toEqualTypeOf<WaitlistOutcome>();
  expectTypeOf(parseWaitlistEntry).returns.toEqualTypeOf<WaitlistEntry>();
  expectTypeOf<WaitlistEntry["participantId"]>().toEqualTypeOf<ParticipantId>();
  expectTypeOf<WaitlistEntry["formatVersion"]>().toEqualTypeOf<1>();
  expectTypeOf<PriorityClass>().toEqualTypeOf<
    "pregnant-injecting" | "pregnant" | "injecting" | "general"
  >();
  expectTypeOf<CapacityForecast["weeks"][number]["census"]>().toEqualTypeOf<Band>();
  expectTypeOf<ForecastCapacityOptions["mode"]>().toEqualTypeOf<
    "analytic" | "simulation" | undefined
  >();
  expectTypeOf(matchAttendance).returns.toEqualTypeOf<MatchedAttendance>();
  expectTypeOf<BillableDaysOptions["matched"]>().toEqualTypeOf<MatchedAttendance | undefined>();
  expectTypeOf<MatchedAttendance>().toEqualTypeOf<{
    readonly timeZone: string;
    readonly sessions: number;
    readonly records: number;
  }>();
});

test("what must not compile", () => {
  const base = { from: "2026-03-02", weeks: 4, referralsPerWeek: 3, stay: { weeks: [1] } } as const;
  // @ts-expect-error - the mode is one of two
  const bad: ForecastCapacityOptions = { ...base, mode: "guess" };
  // @ts-expect-error - a priority class is a closed set
  const vip: PriorityClass = "vip";
  // @ts-expect-error - an admission's days waited is read-only
  admitFromWaitlist([], { on: "2026-06-01", seats: [] }).admitted[0]!.daysWaited = 3;
  void bad;
  void vip;
});
