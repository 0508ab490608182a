/**
 * Arbitraries for iopkit/capacity: stay distributions, referral streams (weekly referral rates,
 * steady, trending or seasonal), waitlists with their open seats, and whole forecast inputs.
 */
import fc from "fast-check";
import { addDays, type IsoDate } from "../core/index";
import type {
  ForecastCapacityOptions,
  OpenSeats,
  PriorityClass,
  StayDistribution,
  WaitlistEntryInput,
} from "../capacity/index";
import { priorityClasses } from "../capacity/index";

/** Options of {@link stayDistributionArb}. */
export interface StayDistributionArbitraryOptions {
  /** Longest stay in weeks. @defaultValue 16 */
  readonly maxWeeks?: number;
}

/**
 * A stay distribution (shares of 1…`maxWeeks` weeks adding up to 1 exactly: integer weights
 * normalised, the last share taking the rounding), its longest stay anywhere from 1 to `maxWeeks`
 * weeks.
 */
export function stayDistributionArb(
  options: StayDistributionArbitraryOptions = {},
): fc.Arbitrary<StayDistribution> {
  const max = options.maxWeeks ?? 16;
  return fc
    .array(fc.nat({ max: 20 }), { minLength: 1, maxLength: max, size: "max" })
    .filter((w) => w.some((x) => x > 0))
    .map((w) => {
      const total = w.reduce((s, x) => s + x, 0);
      const weeks = w.map((x) => x / total);
      const head = weeks.slice(0, -1).reduce((s, x) => s + x, 0);
      weeks[weeks.length - 1] = Math.max(0, 1 - head);
      return { weeks };
    });
}

/** Options of {@link referralStream}. */
export interface ReferralStreamOptions {
  /** Weeks of rates. @defaultValue 26 */
  readonly weeks?: number;
  /** Highest weekly rate. @defaultValue 30 */
  readonly maxRate?: number;
}

/**
 * Weekly referral rates: steady, a linear trend, or a yearly season (a sine with a 52-week
 * period), each at least 0 — `weeks` entries. Rates and season depths lie on a grid of
 * thousandths of `maxRate` and hundredths, so trends and seasons are visible.
 */
export function referralStream(options: ReferralStreamOptions = {}): fc.Arbitrary<number[]> {
  const weeks = options.weeks ?? 26;
  const max = options.maxRate ?? 30;
  // Rates on a grid of thousandths of the highest (fc.double favours extreme values such as
  // 1e-200, which made most trends and seasons flat).
  const rate = fc.integer({ min: 0, max: 1000 }).map((k) => (max * k) / 1000);
  return fc.oneof(
    rate.map((r) => Array.from({ length: weeks }, () => r)),
    fc
      .tuple(rate, rate)
      .map(([a, b]) =>
        Array.from({ length: weeks }, (_, t) => a + ((b - a) * t) / Math.max(1, weeks - 1)),
      ),
    fc
      .tuple(
        rate,
        fc.integer({ min: 0, max: 100 }).map((k) => k / 100),
        fc.nat({ max: 51 }),
      )
      .map(([r, depth, phase]) =>
        Array.from(
          { length: weeks },
          (_, t) => (r * (1 + depth * Math.sin((2 * Math.PI * (t + phase)) / 52))) / (1 + depth),
        ),
      ),
  );
}

/** A waitlist and the seats open on the admission day. */
export interface WaitlistScenario {
  /** The entries, in the order an app lists them. */
  readonly waitlist: readonly WaitlistEntryInput[];
  /** The day of the admissions. */
  readonly on: IsoDate;
  /** Open seats per group. */
  readonly seats: readonly OpenSeats[];
}

/** Options of {@link waitlistScenario}. */
export interface WaitlistScenarioOptions {
  /** Most entries. @defaultValue 30 */
  readonly maxEntries?: number;
  /** Most groups with open seats. @defaultValue 4 */
  readonly maxGroups?: number;
}

/**
 * A waitlist (distinct participants, every priority class, requests up to 150 days before the
 * admission day, some with a track and phase, ties on the request day) and the open seats of a
 * few groups over two phases and two tracks.
 */
export function waitlistScenario(
  options: WaitlistScenarioOptions = {},
): fc.Arbitrary<WaitlistScenario> {
  const on: IsoDate = "2026-06-01";
  const phase = fc.constantFrom("intensive", "step-down");
  const track = fc.constantFrom("morning", "evening");
  const entry = fc.record(
    {
      waited: fc.nat({ max: 150 }),
      priority: fc.constantFrom<PriorityClass>(...priorityClasses),
      track,
      phaseId: phase,
    },
    { requiredKeys: ["waited", "priority"] },
  );
  return fc
    .record({
      entries: fc.array(entry, { maxLength: options.maxEntries ?? 30 }),
      seats: fc.array(
        fc.record({
          phaseId: phase,
          track: fc.option(track, { nil: undefined }),
          open: fc.nat({ max: 4 }),
        }),
        {
          maxLength: options.maxGroups ?? 4,
        },
      ),
    })
    .map(({ entries, seats }) => ({
      on,
      waitlist: entries.map((e, i) => ({
        participantId: `w-${i + 1}`,
        requestedOn: addDays(on, -e.waited),
        priority: e.priority,
        ...(e.track === undefined ? {} : { track: e.track }),
        ...(e.phaseId === undefined ? {} : { phaseId: e.phaseId }),
      })),
      seats: seats.map((s, i) => ({
        groupId: `g-${i + 1}`,
        phaseId: s.phaseId,
        open: s.open,
        ...(s.track === undefined ? {} : { track: s.track }),
      })),
    }));
}

/**
 * Options of a forecast for a program with no tracks or with the tracks `"morning"` and
 * `"evening"` (split equally by default): constant or weekly referral rates, an admission rate,
 * a stay distribution, and 4–40 weeks from 2026-03-02. Use with the program it was made for.
 */
export function forecastOptions(): fc.Arbitrary<ForecastCapacityOptions> {
  return fc
    .record({
      weeks: fc.integer({ min: 4, max: 40 }),
      admissionRate: fc.double({ min: 0, max: 1, noNaN: true }),
      stay: stayDistributionArb(),
      steady: fc.boolean(),
      rates: referralStream({ weeks: 40 }),
    })
    .map(({ weeks, admissionRate, stay, steady, rates }) => ({
      from: "2026-03-02",
      weeks,
      referralsPerWeek: steady ? (rates[0] ?? 0) : rates,
      admissionRate,
      stay,
    }));
}
