/**
 * Length-of-stay distributions in whole weeks, as the capacity forecast reads them: given, or
 * built from the stays `iopkit/analytics`' `lengthOfStay` reports.
 */
import { IopError, describeValue } from "../core/errors";
import { wholeNumberIssues } from "./arguments";

/** Longest stay a distribution may describe: 520 weeks (ten years). */
export const maxStayWeeks = 520;

/**
 * How long people stay, in whole weeks: `weeks[k − 1]` is the share of admissions who stay
 * exactly `k` weeks (a stay that starts in a week counts that week). The shares are ≥ 0 and add up
 * to 1 (within 1e-9); at most {@link maxStayWeeks} entries.
 * @example
 * ```ts
 * const stay = stayDistribution([56, 63, 70, 77]); // one stay each of 8, 9, 10 and 11 weeks
 * stay.weeks; // [0, 0, 0, 0, 0, 0, 0, 0.25, 0.25, 0.25, 0.25]
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

/** One step of a survival curve: the share still in treatment after `day` days. */
export interface SurvivalStep {
  /** Days since the first day of treatment (≥ 0). */
  readonly day: number;
  /** Share still in treatment after that day, 0–1, never rising. */
  readonly survival: number;
}

/**
 * The stay distribution of a survival curve — the Kaplan–Meier `curve` of `retentionCurve` in
 * `iopkit/analytics`, which counts the people still in treatment (censored) as well as those who
 * left, so long stays are not under-represented: `P(stay > k weeks) = S(7k)`. The curve says
 * nothing past its last step, so everyone still in treatment there is assumed to leave in week
 * `longestWeeks` (e.g. the program's longest allowed length; at least the last step's week + 1).
 * Throws {@link IopError} when `longestWeeks` is not a whole number from 1 to
 * {@link maxStayWeeks}, or a step is not a day ≥ 0 with a share from 0 to 1.
 * @example
 * ```ts
 * stayFromSurvival([{ day: 14, survival: 0.5 }], 4).weeks; // [0, 0.5, 0, 0.5]
 * ```
 */
export function stayFromSurvival(
  curve: readonly SurvivalStep[],
  longestWeeks: number,
): StayDistribution {
  const issues = wholeNumberIssues(longestWeeks, "longestWeeks", 1, maxStayWeeks);
  curve.forEach((s, i) => {
    if (!(Number.isFinite(s.day) && s.day >= 0 && s.survival >= 0 && s.survival <= 1))
      issues.push({
        code: "out-of-range",
        path: ["curve", i],
        message: "a step is a day ≥ 0 and a share from 0 to 1",
      });
  });
  if (issues.length > 0) throw new IopError("stayFromSurvival", issues);
  const lastDay = curve.reduce((m, s) => Math.max(m, s.day), 0);
  const weeks = Math.min(maxStayWeeks, Math.max(longestWeeks, Math.floor(lastDay / 7) + 1));
  const at = (day: number): number => {
    let s = 1;
    for (const step of curve) if (step.day <= day) s = Math.min(s, step.survival);
    return s;
  };
  const out: number[] = [];
  let before = 1;
  for (let k = 1; k <= weeks; k++) {
    const after = k === weeks ? 0 : at(7 * k);
    out.push(Math.max(0, before - after));
    before = after;
  }
  return { weeks: out };
}
