/**
 * The Kaplan–Meier product-limit estimate of a survival curve from event and censoring counts by
 * whole day, with Greenwood's variance and pointwise confidence intervals (plain, log, or log–log).
 * Pure arithmetic on two histograms, so the curve of merged histograms is the curve of all the
 * data.
 */
import type { HistogramJson } from "./histogram";

/** How a pointwise confidence interval is built from Greenwood's variance. */
export type ConfidenceTransform = "log-log" | "log" | "plain";

/** One step of a Kaplan–Meier curve: a day on which at least one event happened. */
export interface KaplanMeierStep {
  /** Days since the start of follow-up. */
  readonly day: number;
  /** Still followed at the start of the day (`n`): no event or censoring before it. */
  readonly atRisk: number;
  /** Events that day (`d`). */
  readonly events: number;
  /** Censored that day (counted at risk for the day's events, then removed). */
  readonly censored: number;
  /** Ŝ(day) = Π (1 − d/n) over event days up to this one. */
  readonly survival: number;
  /** Greenwood standard error: Ŝ · √Σ d / (n (n − d)); `null` once Ŝ is 0. */
  readonly standardError: number | null;
  /** Lower confidence bound, or `null` where the transform is undefined (Ŝ = 0). */
  readonly lower: number | null;
  /** Upper confidence bound, or `null` where the transform is undefined (Ŝ = 0). */
  readonly upper: number | null;
}

/** Survival at a chosen day (after that day's events). */
export interface SurvivalAt {
  /** The day asked about. */
  readonly day: number;
  /** Still followed at the start of that day. */
  readonly atRisk: number;
  /** Ŝ(day). */
  readonly survival: number;
  /** Lower confidence bound, or `null`. */
  readonly lower: number | null;
  /** Upper confidence bound, or `null`. */
  readonly upper: number | null;
}

/** A fitted curve. */
export interface KaplanMeierFit {
  /** Everyone followed. */
  readonly subjects: number;
  /** One step per event day. */
  readonly steps: readonly KaplanMeierStep[];
  /** The smallest day with Ŝ ≤ 0.5, or `null` when the curve stays above one half. */
  readonly median: number | null;
  /** The curve at each requested day. */
  readonly at: readonly SurvivalAt[];
}

/**
 * The standard normal quantile (inverse CDF) for `p` in (0, 1), by Wichura's AS 241 (PPND16,
 * about 1e-16 relative accuracy).
 * @example `Math.abs(normalQuantile(0.975) - 1.959963984540054) < 1e-12`
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301227 + 33430.57558358813) * r + 67265.7709270087) * r +
          45921.95393154987) *
          r +
          13731.69376550946) *
          r +
          1971.5909503065513) *
          r +
          133.14166789178438) *
          r +
          3.3871328727963665)) /
      (((((((r * 5226.495278852546 + 28729.085735721943) * r + 39307.89580009271) * r +
        21213.794301586597) *
        r +
        5394.196021424751) *
        r +
        687.1870074920579) *
        r +
        42.31333070160091) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let value: number;
  if (r <= 5) {
    r -= 1.6;
    value =
      (((((((r * 0.0007745450142783414 + 0.022723844989269184) * r + 0.2417807251774506) * r +
        1.2704582524523684) *
        r +
        3.6478483247632045) *
        r +
        5.769497221460691) *
        r +
        4.630337846156546) *
        r +
        1.4234371107496835) /
      (((((((r * 1.0507500716444169e-9 + 0.0005475938084995345) * r + 0.015198666563616457) * r +
        0.14810397642748008) *
        r +
        0.6897673349851) *
        r +
        1.6763848301838038) *
        r +
        2.053191626637759) *
        r +
        1);
  } else {
    r -= 5;
    value =
      (((((((r * 2.0103343992922881e-7 + 0.000027115555687434876) * r + 0.0012426609473880784) * r +
        0.026532189526576124) *
        r +
        0.29656057182850487) *
        r +
        1.7848265399172913) *
        r +
        5.463784911164114) *
        r +
        6.657904643501103) /
      (((((((r * 2.0442631033899397e-15 + 1.421511758316446e-7) * r + 0.000018463183175100548) * r +
        0.0007868691311456133) *
        r +
        0.014875361290850615) *
        r +
        0.1369298809227358) *
        r +
        0.599832206555888) *
        r +
        1);
  }
  return q < 0 ? -value : value;
}

/** The interval for Ŝ with Greenwood sum `g`, quantile `z`, by `transform`. */
function interval(
  s: number,
  g: number,
  z: number,
  transform: ConfidenceTransform,
): { lower: number | null; upper: number | null } {
  if (s <= 0) return transform === "plain" ? { lower: 0, upper: 0 } : { lower: null, upper: null };
  if (g === 0) return { lower: s, upper: s };
  const root = Math.sqrt(g);
  if (transform === "plain") {
    const half = z * s * root;
    return { lower: Math.max(0, s - half), upper: Math.min(1, s + half) };
  }
  if (transform === "log")
    return { lower: s * Math.exp(-z * root), upper: Math.min(1, s * Math.exp(z * root)) };
  const theta = (z * root) / Math.abs(Math.log(s));
  return { lower: s ** Math.exp(theta), upper: s ** Math.exp(-theta) };
}

/**
 * Fits the Kaplan–Meier curve to event and censoring counts by day (the same day's events come
 * before its censorings, the usual convention), with Greenwood's variance and `level` confidence
 * intervals by `transform`; `at` lists days to read the curve at.
 */
export function kaplanMeier(
  events: HistogramJson,
  censored: HistogramJson,
  options: {
    readonly level: number;
    readonly transform: ConfidenceTransform;
    readonly at: readonly number[];
  },
): KaplanMeierFit {
  const z = normalQuantile(1 - (1 - options.level) / 2);
  const days = [...new Set([...events.map(([d]) => d), ...censored.map(([d]) => d)])].sort(
    (a, b) => a - b,
  );
  const eventsOn = new Map(events);
  const censoredOn = new Map(censored);
  const subjects = [...events, ...censored].reduce((n, [, c]) => n + c, 0);
  let atRisk = subjects;
  let s = 1;
  let g = 0;
  let median: number | null = null;
  const steps: KaplanMeierStep[] = [];
  for (const day of days) {
    const d = eventsOn.get(day) ?? 0;
    const c = censoredOn.get(day) ?? 0;
    if (d > 0) {
      s = d === atRisk ? 0 : s * (1 - d / atRisk);
      g = d === atRisk ? Number.POSITIVE_INFINITY : g + d / (atRisk * (atRisk - d));
      const ci = interval(s, g, z, options.transform);
      steps.push({
        day,
        atRisk,
        events: d,
        censored: c,
        survival: s,
        standardError: s === 0 ? null : s * Math.sqrt(g),
        ...ci,
      });
      if (median === null && s <= 0.5) median = day;
    }
    atRisk -= d + c;
  }
  const at = options.at.map((day): SurvivalAt => {
    let step: KaplanMeierStep | undefined;
    for (const x of steps) {
      if (x.day > day) break;
      step = x;
    }
    const followed = days.reduce(
      (n, t) => (t < day ? n - (eventsOn.get(t) ?? 0) - (censoredOn.get(t) ?? 0) : n),
      subjects,
    );
    return {
      day,
      atRisk: followed,
      survival: step?.survival ?? 1,
      lower: step === undefined ? 1 : step.lower,
      upper: step === undefined ? 1 : step.upper,
    };
  });
  return { subjects, steps, median, at };
}
