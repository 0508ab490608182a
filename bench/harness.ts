/**
 * A tiny benchmark harness. Each `*.bench.ts` file default-exports a {@link Bench}: a subject (the
 * iopkit code), a hand-written lower bound doing the same work the fastest way we know, and
 * optional baselines (straightforward implementations). The runner times each case in several
 * fresh processes and reports medians and ratios; goals are checked on ratios, never on absolute
 * times, except for the explicit wall-clock and memory goals of a whole-planner run.
 */

/** One timed case. `run` must return something derived from all its work, so it is not optimised away. */
export interface BenchCase {
  readonly name: string;
  readonly run: () => unknown;
  /**
   * For a case whose input is produced while it runs (rows from a seeded generator standing in
   * for a database cursor): runs the whole case and returns the milliseconds of its own work,
   * the time spent producing the input left out. Timings use it (the whole run's time is kept
   * beside it); the memory measurement still runs `run`.
   */
  readonly timed?: () => number;
  /** Units of work per run when they differ from the bench's (a slow baseline may run a sample). */
  readonly units?: number;
}

/** What a bench promises. Ratios are subject time ÷ other time. */
export interface BenchGoals {
  /** subject ÷ lower bound must be at most this. */
  readonly maxRatioToLowerBound?: number;
  /** For each named baseline, baseline ÷ subject must be at least this (a speed-up). */
  readonly minSpeedupOver?: Readonly<Record<string, number>>;
  /** Median subject time must be under this many milliseconds. */
  readonly maxSubjectMs?: number;
  /** Peak resident memory of a process that runs only the subject, in MiB. */
  readonly maxSubjectRssMiB?: number;
}

/** One size of a scaling series: `setup` builds its input (untimed) and returns the timed run. */
export interface SeriesPoint {
  readonly label: string;
  /** Units of work (e.g. participants) at this size. */
  readonly units: number;
  readonly setup: () => () => unknown;
}

/** How the subject's cost grows: the same work at several sizes, timed and its memory measured at each. */
export interface Series {
  readonly unitName: string;
  readonly points: readonly SeriesPoint[];
  /** Goal: time per unit at the largest size ÷ at the smallest is at most this (1 = linear). */
  readonly maxPerUnitGrowth?: number;
}

/** A benchmark file's default export. */
export interface Bench {
  readonly name: string;
  /** What one run does, in words, with its size (e.g. "360,000 sessions"). */
  readonly workload: string;
  /** Units of work per run, to report time per unit. */
  readonly units: number;
  readonly unitName: string;
  readonly subject: BenchCase;
  readonly lowerBound?: BenchCase;
  readonly baselines?: readonly BenchCase[];
  readonly goals: BenchGoals;
  /** Timed repetitions per process (after one warm-up). Default 5. */
  readonly repetitions?: number;
  /** Repetitions for baselines, which may be slow. Default 1. */
  readonly baselineRepetitions?: number;
  /** A scaling series, timed (and its memory measured) point by point in fresh processes. */
  readonly series?: Series;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/**
 * Times a case: one warm-up, then `reps` timed runs; returns the times in ms, and for a case that
 * times its own work (`timed`) the whole runs' times, input included, as `withInput`.
 */
export function time(c: BenchCase, reps: number): { ms: number[]; withInput?: number[] } {
  const timed = c.timed;
  if (timed !== undefined) {
    timed();
    const ms: number[] = [];
    const withInput: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t0 = process.hrtime.bigint();
      ms.push(timed());
      withInput.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { ms, withInput };
  }
  let sink: unknown = c.run();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    sink = c.run();
    out.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  if (sink === Symbol.for("never")) console.log(sink);
  return { ms: out };
}
