/**
 * The Erlang loss model (M/G/c/c, Erlang-B): the share of referrals a program with a fixed number
 * of seats and no waitlist turns away, and its inverse, the seats needed for a target share.
 */
import { IopError, describeValue, type IopIssue } from "../core/errors";
import type { Citation } from "../core/sources";
import { wholeNumberIssues } from "./arguments";

/** Most seats {@link erlangB} and {@link erlangBSeats} work with: 10,000,000. */
export const maxErlangSeats = 10_000_000;
/** Largest offered load (in seats' worth of stay) {@link erlangB} and {@link erlangBSeats} accept: 1,000,000. */
export const maxErlangLoad = 1_000_000;

/**
 * Where the loss model comes from: de Bruin et al. (2010), who dimension hospital wards with it
 * (the refusal probability depends on the length-of-stay distribution only through its mean), and
 * Little (1961) for the offered load `A = λ × mean stay`.
 */
export const erlangSources: readonly Citation[] = [
  { source: "de-bruin-2010-erlang", section: "Section 3 (the Erlang loss model)" },
  { source: "little-1961" },
];

function loadIssues(load: unknown, path: string): IopIssue[] {
  return typeof load === "number" && Number.isFinite(load) && load >= 0 && load <= maxErlangLoad
    ? []
    : [
        {
          code: "out-of-range",
          path: [path],
          message: `the offered load must be a number from 0 to ${maxErlangLoad}, got ${describeValue(load)}`,
        },
      ];
}

/**
 * The Erlang-B blocking probability `B(seats, load)`: with `seats` places and referrals arriving
 * at random (Poisson) with offered load `load = admissions per week × mean stay in weeks` (the mean
 * census the program would have with unlimited seats, by Little's law), the long-run share of
 * referrals that find every seat taken and are turned away. By the loss model's insensitivity it
 * holds for any length-of-stay distribution with that mean (de Bruin et al. 2010).
 *
 * Computed by the stable recursion `B(0) = 1`, `B(k) = load·B(k−1) / (k + load·B(k−1))` (no
 * factorials or powers, so no overflow for large programs). Throws {@link IopError} listing every
 * bad argument: `seats` must be a whole number from 0 to {@link maxErlangSeats}, `load` a number
 * from 0 to {@link maxErlangLoad}.
 * @param seats - Places in the program (whole number ≥ 0).
 * @param load - Offered load in seats: admissions per week × mean stay in weeks (any time unit, the same for both).
 * @returns The share of referrals refused, from 0 to 1.
 * @example
 * ```ts
 * erlangB(1, 1); // 0.5
 * erlangB(36, 30); // ≈ 0.0429: 3 admissions a week × 10 weeks' stay, 36 seats
 * ```
 */
export function erlangB(seats: number, load: number): number {
  const issues = [
    ...wholeNumberIssues(seats, "seats", 0, maxErlangSeats),
    ...loadIssues(load, "load"),
  ];
  if (issues.length > 0) throw new IopError("erlangB", issues);
  let b = 1;
  for (let k = 1; k <= seats; k++) b = (load * b) / (k + load * b);
  return b;
}

/**
 * The inverse of {@link erlangB}: the fewest seats with which at most `refusal` of referrals are
 * turned away, i.e. the smallest `c` with `erlangB(c, load) ≤ refusal`. Throws {@link IopError}
 * listing every bad argument: `load` from 0 to {@link maxErlangLoad}, `refusal` a share in (0, 1].
 * @param load - Offered load: admissions per week × mean stay in weeks.
 * @param refusal - Target share of referrals refused, e.g. `0.05`.
 * @returns Seats (whole number ≥ 0).
 * @example
 * ```ts
 * erlangBSeats(30, 0.05); // 36 (B(36, 30) ≈ 0.0429, B(35, 30) ≈ 0.0538)
 * ```
 */
export function erlangBSeats(load: number, refusal: number): number {
  const issues = loadIssues(load, "load");
  if (typeof refusal !== "number" || !(refusal > 0 && refusal <= 1))
    issues.push({
      code: "out-of-range",
      path: ["refusal"],
      message: `refusal must be a share greater than 0 and at most 1, got ${describeValue(refusal)}`,
    });
  if (issues.length > 0) throw new IopError("erlangBSeats", issues);
  let b = 1;
  let k = 0;
  // B falls below any positive target: past k = load it shrinks at least by load / k per step.
  while (b > refusal) {
    k += 1;
    b = (load * b) / (k + load * b);
  }
  return k;
}
