/**
 * The Poisson distribution the Mt/G/∞ census model rests on: its quantile, the mean of a rounded-up
 * share (groups of a given size), and a seeded sample. @internal
 */
import type { Rng } from "../core/random";

/** Largest mean drawn in one step of {@link samplePoisson}; larger means are split (a sum of Poissons is Poisson). */
const CHUNK = 30;

/**
 * The `p`-quantile of a Poisson distribution with mean `mean`: the smallest `k` with
 * `P(N ≤ k) ≥ p` (`p` in (0, 1)). Summed term by term from the mode outward would be faster for
 * large means; the program sizes here (means up to a few thousand) sum from 0 in microseconds.
 * @internal
 */
export function poissonQuantile(mean: number, p: number): number {
  if (mean <= 0) return 0;
  // Work in logs so that e^(−mean) does not underflow for large means.
  let logTerm = -mean;
  let cdf = Math.exp(logTerm);
  let k = 0;
  while (cdf < p && k < 1e7) {
    k += 1;
    logTerm += Math.log(mean / k);
    cdf += Math.exp(logTerm);
  }
  return k;
}

/**
 * `E[ceil(N / size)]` for `N` Poisson with mean `mean`: the expected number of groups of at most
 * `size` members (none for nobody). Uses `E[ceil(N/s)] = Σ_{j ≥ 0} P(N > j·s)`, summed until the
 * tail is below 1e-12.
 * @internal
 */
export function expectedGroups(mean: number, size: number): number {
  if (mean <= 0) return 0;
  let logTerm = -mean;
  let cdf = Math.exp(logTerm);
  let k = 0;
  let sum = 0;
  // Σ over j of P(N > j·size): walk k upward, adding 1 − F(k) at each multiple of size.
  for (;;) {
    if (k % size === 0) {
      const tail = 1 - cdf;
      if (tail < 1e-12 && k > mean) return sum;
      sum += tail;
    }
    k += 1;
    logTerm += Math.log(mean / k);
    cdf += Math.exp(logTerm);
  }
}

/**
 * A Poisson sample with mean `mean` by inversion, means above 30 split into chunks so that
 * `e^(−chunk)` stays well inside double precision.
 * @internal
 */
export function samplePoisson(rng: Rng, mean: number): number {
  let n = 0;
  let left = mean;
  while (left > 0) {
    const m = left > CHUNK ? CHUNK : left;
    left -= m;
    let term = Math.exp(-m);
    let cdf = term;
    const u = rng.next();
    let k = 0;
    while (u > cdf && term > 0) {
      k += 1;
      term *= m / k;
      cdf += term;
    }
    n += k;
  }
  return n;
}
