/**
 * The distributions the Mt/G/∞ census model rests on: the Poisson quantile, the mean of a rounded-up
 * share (groups of a given size), and Poisson and binomial tables to draw from by inversion. @internal
 */

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
 * A distribution on the whole numbers `lo`, `lo + 1`, … as cumulative probabilities, for drawing by
 * inversion: `cdf[i] = P(N ≤ lo + i)`, the last entry exactly 1. Terms whose weight is below 1e-17
 * of the mode's (below the sum's double precision) are left out of both tails. `guide[j]` is the
 * first index whose cumulative probability exceeds `j / guide.length` (Chen's guide table: a draw
 * starts there and looks at about two entries).
 * @internal
 */
export interface CountTable {
  readonly lo: number;
  readonly cdf: Float64Array;
  readonly guide: Int32Array;
}

/** The table of these cumulative probabilities, with its guide. */
function withGuide(lo: number, cdf: Float64Array): CountTable {
  const guide = new Int32Array(cdf.length);
  for (let j = 0, i = 0; j < guide.length; j++) {
    while ((cdf[i] ?? 1) <= j / guide.length) i++;
    guide[j] = i;
  }
  return { lo, cdf, guide };
}

/** The one-point table of the value `at`. */
const pointTable = (at: number): CountTable => withGuide(at, Float64Array.of(1));

/**
 * The table of a unimodal distribution from its mode: `up(k) = P(k + 1) / P(k)` and
 * `down(k) = P(k − 1) / P(k)`, walked outward until a term is negligible (or `min`/`max` is reached).
 * Weights relative to the mode need no factorials and cannot underflow at the mode.
 */
function unimodalTable(
  mode: number,
  min: number,
  max: number,
  up: (k: number) => number,
  down: (k: number) => number,
): CountTable {
  const left: number[] = [];
  for (let k = mode, w = 1; k > min; k--) {
    w *= down(k);
    if (w < 1e-17) break;
    left.push(w);
  }
  const right: number[] = [];
  for (let k = mode, w = 1; k < max; k++) {
    w *= up(k);
    if (w < 1e-17) break;
    right.push(w);
  }
  const cdf = new Float64Array(left.length + 1 + right.length);
  let sum = 0;
  let i = 0;
  for (let j = left.length - 1; j >= 0; j--) cdf[i++] = sum += left[j] ?? 0;
  cdf[i++] = sum += 1;
  for (const w of right) cdf[i++] = sum += w;
  for (let j = 0; j < cdf.length; j++) cdf[j] = (cdf[j] ?? 0) / sum;
  cdf[cdf.length - 1] = 1;
  return withGuide(mode - left.length, cdf);
}

/** The table of a Poisson distribution with mean `mean` ≥ 0. @internal */
export function poissonTable(mean: number): CountTable {
  if (!(mean > 0)) return pointTable(0);
  return unimodalTable(
    Math.floor(mean),
    0,
    Number.POSITIVE_INFINITY,
    (k) => mean / (k + 1),
    (k) => k / mean,
  );
}

/** The table of a binomial distribution: `n` trials, each a success with chance `q`. @internal */
export function binomialTable(n: number, q: number): CountTable {
  if (!(q > 0) || n === 0) return pointTable(0);
  if (q >= 1) return pointTable(n);
  const odds = q / (1 - q);
  return unimodalTable(
    Math.floor((n + 1) * q),
    0,
    n,
    (k) => ((n - k) / (k + 1)) * odds,
    (k) => k / ((n - k + 1) * odds),
  );
}

/** The value of `table` whose cumulative probability first exceeds `u` (uniform in [0, 1)). @internal */
export function drawFrom(table: CountTable, u: number): number {
  const { cdf, guide } = table;
  let i = guide[Math.floor(u * guide.length)] ?? 0;
  while ((cdf[i] ?? 1) <= u) i++;
  return table.lo + i;
}

/**
 * The value at 0-based index `k` of `values` sorted ascending, found without sorting (Hoare's
 * selection, expected linear time); reorders `values`. @internal
 */
export function selectRank(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] ?? 0;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] ?? 0) < pivot) i++;
      while ((values[j] ?? 0) > pivot) j--;
      if (i <= j) {
        const x = values[i] ?? 0;
        values[i++] = values[j] ?? 0;
        values[j--] = x;
      }
    }
    // Now values[lo..j] ≤ pivot ≤ values[i..hi], and any between equal the pivot.
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k] ?? 0;
}
