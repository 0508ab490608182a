/**
 * Random drug-test days (S12): per participant and week a count inside the phase's bounds, on the
 * days the program allows (days of another session, or any open day with call-in testing:
 * `DrugTestPolicy.collectOn`), chosen with a seeded stream so no weekday pattern can be predicted;
 * at least `minDaysApart` days apart where the count allows (SAMHSA TIP 47 (2006), Appendix B,
 * `samhsa-tip-47`: at least weekly early on, not more often than every 3 days; a random schedule
 * when possible, `jarvis-2017-asam-drug-testing`); optionally favouring the first day after a
 * weekend or closure (unverified: common practice, no public source found).
 */
import {
  fromEpochDay,
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  toEpochDay,
  type IsoDate,
} from "../core/calendar";
import * as z from "zod/mini";
import { array, object, optional, strictObject } from "../core/zod";
import { IopError } from "../core/errors";
import { IsoDateSchema } from "../core/schemas";
import { lazyInternal, validate } from "../core/schema";
import { createRng, type Rng } from "../core/random";
import type { DrugTestPolicy } from "../program/index";

/** One week to plan tests in. */
export interface DrugTestWeek {
  /** Days the participant is on site that week (any order). */
  readonly onSiteDays: readonly IsoDate[];
  /** How many tests that week. */
  readonly bounds: { readonly min: number; readonly max: number };
}

/** Options of {@link planDrugTests}. */
export interface PlanDrugTestsOptions {
  /** Whose tests: the participant id keys the random stream, so others' plans don't change theirs. */
  readonly participantId: string;
  /** The weeks, in date order. */
  readonly weeks: readonly DrugTestWeek[];
  /** The program's drug-test policy. */
  readonly policy: Pick<DrugTestPolicy, "minDaysApart" | "favourDayAfterBreak">;
  /** Days after which a test is favoured (the clinic was closed the day before); see `favourDayAfterBreak`. */
  readonly afterBreak?: readonly IsoDate[];
  /** The seed. */
  readonly seed: number;
  /** The last test before the first week, for spacing across weeks. */
  readonly previousTest?: IsoDate;
}

/** The schema of {@link PlanDrugTestsOptions}, built when first needed. */
const PlanDrugTestsOptionsSchema = /* @__PURE__ */ lazyInternal(() =>
  strictObject({
    participantId: z.string().check(z.minLength(1), z.maxLength(200)),
    weeks: array(
      strictObject({
        onSiteDays: array(IsoDateSchema).check(z.maxLength(7)),
        bounds: strictObject({
          min: z.int().check(z.gte(0), z.lte(7)),
          max: z.int().check(z.gte(0), z.lte(7)),
        }),
      }),
    ).check(z.maxLength(520)),
    // Not strict: callers pass the program's whole drugTestPolicy; only these two fields are used.
    policy: object({
      minDaysApart: z.int().check(z.gte(0), z.lte(7)),
      favourDayAfterBreak: z.boolean(),
    }),
    afterBreak: optional(array(IsoDateSchema).check(z.maxLength(10_000))),
    seed: z.int().check(z.refine(Number.isSafeInteger, "must be a safe integer")),
    previousTest: optional(IsoDateSchema),
  }),
);

/** The planned test days, and the weeks whose minimum could not be met. */
export interface DrugTestPlan {
  /** Test days, in date order. */
  readonly dates: readonly IsoDate[];
  /** Weeks with fewer on-site days than the minimum count: `{ isoWeek, planned, min }`. */
  readonly shortfalls: readonly {
    readonly isoWeek: string;
    readonly planned: number;
    readonly min: number;
  }[];
}

/**
 * The random stream of one participant's tests in the ISO week starting `monday` (an epoch day),
 * from their own stream (`root.fork(participantId)`): determined by the seed, the participant and
 * the week alone. @internal
 */
export function testStream(participantStream: Rng, monday: number): Rng {
  return participantStream.fork(monday);
}

/** Sets `at` to positions 0…k−1 (its length): the first subset of its size in lexicographic order. */
function firstSubset(at: number[]): void {
  for (let i = 0; i < at.length; i++) at[i] = i;
}

/**
 * Moves `at` (the ascending positions of a subset of `n` items) to the next subset of its size in
 * lexicographic order; false when it was the last.
 */
function nextSubset(at: number[], n: number): boolean {
  const k = at.length;
  let i = k - 1;
  while (i >= 0 && (at[i] ?? 0) === n - k + i) i--;
  if (i < 0) return false;
  let next = (at[i] ?? 0) + 1;
  for (; i < k; i++) at[i] = next++;
  return true;
}

/** True when the days at positions `at` of `items` are `apart` days apart, and from `after` when defined. */
function spacedAt(
  items: readonly number[],
  at: readonly number[],
  apart: number,
  after: number | undefined,
): boolean {
  let last = after;
  for (const i of at) {
    const day = items[i] ?? 0;
    if (last !== undefined && day - last < apart) return false;
    last = day;
  }
  return true;
}

/**
 * Chooses `count` of `days` (epoch days, ascending) at random among the sets whose days are
 * `minApart` apart from each other and from `previous`; a set's weight doubles for each favoured
 * day in it. When no set keeps that spacing, the spacing from `previous` is dropped first, then the
 * spacing between the tests shrinks a day at a time: a test is never dropped for spacing. @internal
 */
export function chooseTestDays(
  rng: Rng,
  days: readonly number[],
  count: number,
  minApart: number,
  favoured: (day: number) => boolean,
  previous: number | undefined,
): number[] {
  const k = Math.min(count, days.length);
  if (k <= 0) return [];
  // A week has at most 7 days; a longer list (from the public API) is sampled instead of enumerated.
  // The candidate sets are the k-subsets of `items` (a sample has exactly one), walked by position.
  const items =
    days.length <= 10
      ? days
      : rng
          .shuffle(days)
          .slice(0, k)
          .sort((a, b) => a - b);
  const n = items.length;
  // The pool: the sets `apart` days apart (and from `previous` while `after` is defined), for the
  // widest spacing that leaves any set.
  let apart = minApart;
  let after = previous;
  const at = new Array<number>(k).fill(0); // the positions in `items` of the set at hand
  while (apart >= 0) {
    firstSubset(at);
    let any = spacedAt(items, at, apart, after);
    while (!any && nextSubset(at, n)) any = spacedAt(items, at, apart, after);
    if (any) break;
    if (after !== undefined) after = undefined;
    else {
      apart--;
      after = previous;
    }
  }
  const weight = (positions: readonly number[]): number => {
    let w = 1;
    for (const i of positions) if (favoured(items[i] ?? 0)) w *= 2;
    return w;
  };
  let total = 0;
  if (apart >= 0) {
    firstSubset(at);
    do {
      if (spacedAt(items, at, apart, after)) total += weight(at);
    } while (nextSubset(at, n));
  }
  let r = rng.int(0, total - 1);
  firstSubset(at);
  do {
    if (spacedAt(items, at, apart, after)) {
      r -= weight(at);
      if (r < 0) return at.map((i) => items[i] ?? 0);
    }
  } while (nextSubset(at, n));
  return [];
}

/** One participant-week of drug tests, as the planner asks for its days. @internal */
export interface TestWeek {
  /** The participant's own stream (`createRng(seed).fork(participantId)`). */
  readonly participantStream: Rng;
  /** The week's Monday (epoch day). */
  readonly monday: number;
  /** The days the participant is on site that week and tests may still be planned (ascending). */
  readonly onSiteDays: readonly number[];
  /** The week's bounds (the widest over the phases in force). */
  readonly min: number;
  readonly max: number;
  /** Tests already held that week (kept by a re-plan). */
  readonly kept: number;
  /** The day of the latest test before these, for spacing. */
  readonly previous: number | undefined;
  /** Days after a closure (favoured when the policy says so). */
  readonly favoured: (day: number) => boolean;
  /** The policy's spacing. */
  readonly minDaysApart: number;
}

/**
 * How many tests to plan in a participant-week and the days to try, in order: the randomly chosen
 * days first, then the other on-site days (for when a chosen day has no collection time free).
 * Random from the participant's stream forked by the week alone (S11, S12): the planner's only
 * call into drug-test day choice. @internal
 */
export function weekTestDays(week: TestWeek): {
  readonly count: number;
  readonly days: readonly number[];
} {
  const rng = testStream(week.participantStream, week.monday);
  const count = Math.max(
    0,
    Math.min(rng.int(week.min, week.max) - week.kept, week.onSiteDays.length),
  );
  const chosen = chooseTestDays(
    rng,
    week.onSiteDays,
    count,
    week.minDaysApart,
    week.favoured,
    week.previous,
  );
  return { count, days: chosen.concat(week.onSiteDays.filter((d) => !chosen.includes(d))) };
}

/**
 * Plans random drug-test days for one participant over several weeks. The count each week is
 * drawn uniformly inside the bounds (capped by the on-site days); the days are drawn from the
 * on-site days with the seeded stream forked by participant and week, so the result is
 * reproducible and independent of anyone else's plan (S11, S12).
 * @example
 * ```ts
 * planDrugTests({
 *   participantId: "p-1",
 *   weeks: [{ onSiteDays: ["2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12"], bounds: { min: 1, max: 2 } }],
 *   policy: { minDaysApart: 3, favourDayAfterBreak: true },
 *   seed: 7,
 * }).dates; // e.g. ["2026-03-09", "2026-03-12"]
 * ```
 */
export function planDrugTests(input: PlanDrugTestsOptions): DrugTestPlan {
  const checked = validate(PlanDrugTestsOptionsSchema, input);
  if (!checked.ok) throw new IopError("planDrugTests", checked.issues);
  const options = checked.value;
  const { policy } = options;
  const participantStream = createRng(options.seed).fork(options.participantId);
  const breaks = new Set((options.afterBreak ?? []).map(toEpochDay));
  const favoured = (d: number): boolean => policy.favourDayAfterBreak && breaks.has(d);
  let previous = options.previousTest === undefined ? undefined : toEpochDay(options.previousTest);
  const dates: IsoDate[] = [];
  const shortfalls: { isoWeek: string; planned: number; min: number }[] = [];
  options.weeks.forEach((week, w) => {
    const days = [...new Set(week.onSiteDays.map(toEpochDay))].sort((a, b) => a - b);
    const isoWeek = days[0] === undefined ? `week-${w + 1}` : isoWeekKeyOfEpochDay(days[0]);
    const rng = testStream(participantStream, mondayOfEpochDay(days[0] ?? 0));
    const count = Math.min(
      rng.int(week.bounds.min, Math.max(week.bounds.min, week.bounds.max)),
      days.length,
    );
    const chosen = chooseTestDays(rng, days, count, policy.minDaysApart, favoured, previous);
    if (chosen.length < week.bounds.min)
      shortfalls.push({ isoWeek, planned: chosen.length, min: week.bounds.min });
    for (const d of chosen) dates.push(fromEpochDay(d));
    previous = chosen[chosen.length - 1] ?? previous;
  });
  return { dates, shortfalls };
}
