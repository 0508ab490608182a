/**
 * Integer histograms (value → count) and the summaries computed exactly from them: count, mean,
 * minimum, maximum and sample quantiles (Hyndman & Fan definition 7: linear interpolation between
 * order statistics, the default of R and of spreadsheet QUARTILE.INC). A histogram merges by
 * adding counts, so a summary of merged histograms equals the summary of all the values.
 * @internal
 */

/** A histogram as JSON: `[value, count]` pairs by ascending value, counts above 0. @internal */
export type HistogramJson = readonly (readonly [number, number])[];

/** A five-number summary with the mean; every field `null` when there are no values. */
export interface DistributionSummary {
  /** How many values. */
  readonly count: number;
  /** Arithmetic mean, or `null`. */
  readonly mean: number | null;
  /** Smallest value, or `null`. */
  readonly min: number | null;
  /** First quartile (definition 7), or `null`. */
  readonly q1: number | null;
  /** Median (definition 7: the mean of the two middle values when the count is even), or `null`. */
  readonly median: number | null;
  /** Third quartile (definition 7), or `null`. */
  readonly q3: number | null;
  /** Largest value, or `null`. */
  readonly max: number | null;
}

/** Adds `count` of `value` to a mutable histogram. @internal */
export function bump(h: Map<number, number>, value: number, count = 1): void {
  h.set(value, (h.get(value) ?? 0) + count);
}

/** The canonical JSON of a mutable histogram. @internal */
export function histogramToJson(h: ReadonlyMap<number, number>): HistogramJson {
  return [...h.entries()].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
}

/** Two histograms added. @internal */
export function addHistograms(a: HistogramJson, b: HistogramJson): HistogramJson {
  const out: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    if (y === undefined || (x !== undefined && x[0] < y[0])) {
      if (x !== undefined) out.push([x[0], x[1]]);
      i++;
    } else if (x === undefined || y[0] < x[0]) {
      out.push([y[0], y[1]]);
      j++;
    } else {
      out.push([x[0], x[1] + y[1]]);
      i++;
      j++;
    }
  }
  return out;
}

/** True when values ascend strictly and counts are positive integers. @internal */
export function isHistogramJson(h: HistogramJson): boolean {
  for (let i = 0; i < h.length; i++) {
    const [v, n] = h[i] ?? [0, 0];
    if (!Number.isSafeInteger(v) || !Number.isSafeInteger(n) || n < 1) return false;
    if (i > 0 && v <= (h[i - 1]?.[0] ?? v)) return false;
  }
  return true;
}

/** The `k`-th smallest value (0-based) of a histogram. */
function orderStatistic(h: HistogramJson, k: number): number {
  let seen = 0;
  for (const [value, n] of h) {
    seen += n;
    if (k < seen) return value;
  }
  return h[h.length - 1]?.[0] ?? 0;
}

/** Sample quantile `p` (0–1) by definition 7, or `null` for an empty histogram. @internal */
export function quantile(h: HistogramJson, p: number): number | null {
  const n = h.reduce((s, [, c]) => s + c, 0);
  if (n === 0) return null;
  const position = (n - 1) * p;
  const lo = Math.floor(position);
  const a = orderStatistic(h, lo);
  const fraction = position - lo;
  if (fraction === 0) return a;
  const b = orderStatistic(h, lo + 1);
  return a + fraction * (b - a);
}

/** Count, mean, min, quartiles and max of a histogram. @internal */
export function summarise(h: HistogramJson): DistributionSummary {
  let count = 0;
  let sum = 0;
  for (const [v, n] of h) {
    count += n;
    sum += v * n;
  }
  if (count === 0)
    return { count, mean: null, min: null, q1: null, median: null, q3: null, max: null };
  return {
    count,
    mean: sum / count,
    min: h[0]?.[0] ?? null,
    q1: quantile(h, 0.25),
    median: quantile(h, 0.5),
    q3: quantile(h, 0.75),
    max: h[h.length - 1]?.[0] ?? null,
  };
}
