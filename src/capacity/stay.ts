/**
 * Length-of-stay distributions in whole weeks, as the capacity forecast reads them: given, or
 * built from the stays `iopkit/analytics`' `lengthOfStay` reports.
 */
import { IopError, describeValue } from "../core/errors";

/** Longest stay a distribution may describe: 520 weeks (ten years). */
export const maxStayWeeks = 520;

/**
 * How long people stay, in whole weeks: `weeks[k − 1]` is the share of admissions who stay
 * exactly `k` weeks (a stay that starts in a week counts that week). The shares are ≥ 0 and add up
 * to 1 (within 1e-9); at most {@link maxStayWeeks} entries.
 * @example
 * ```ts
 * const stay: StayDistribution = { weeks: [0, 0, 0, 0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25] }; // 8–11 weeks
 * ```
 */
export interface StayDistribution {
  /** Share of admissions staying exactly 1, 2, … weeks. */
  readonly weeks: readonly number[];
}

/**
 * The empirical stay distribution of a list of stays in days (e.g. the `days` of
 * `lengthOfStay(...).episodes` from `iopkit/analytics`): each stay becomes `ceil(days / 7)` weeks,
 * at least 1. Only discharged episodes have a length, so a program with many long stays still
 * running is under-represented: read the guide on capacity before trusting a short history.
 * Throws {@link IopError} when the list is empty or a stay is not a whole number of days from 0
 * to 3,640.
 * @example
 * ```ts
 * stayDistribution([56, 70, 70, 84]).weeks; // [0, 0, 0, 0, 0, 0, 0, 0.25, 0, 0.5, 0, 0.25]
 * ```
 */
export function stayDistribution(days: Iterable<number>): StayDistribution {
  const counts: number[] = [];
  let n = 0;
  let i = 0;
  const bad: [number, unknown][] = [];
  for (const d of days) {
    if (!Number.isSafeInteger(d) || d < 0 || d > maxStayWeeks * 7) bad.push([i, d]);
    else {
      const w = Math.max(1, Math.ceil(d / 7));
      counts[w - 1] = (counts[w - 1] ?? 0) + 1;
      n += 1;
    }
    i += 1;
  }
  if (bad.length > 0 || n === 0)
    throw new IopError(
      "stayDistribution",
      n === 0 && bad.length === 0
        ? [
            {
              code: "too-small",
              path: [],
              message: "no stays given: the distribution needs at least one",
            },
          ]
        : bad.slice(0, 100).map(([at, value]) => ({
            code: "out-of-range" as const,
            path: [at],
            message: `a stay must be a whole number of days from 0 to ${maxStayWeeks * 7}, got ${describeValue(value)}`,
          })),
    );
  return { weeks: Array.from(counts, (c) => (c ?? 0) / n) };
}
