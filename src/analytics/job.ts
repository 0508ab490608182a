/**
 * `analyticsJob`: several aggregates fed by one pass over the rows. Each row is handed to every
 * aggregate that reads its source, and the work they have in common is done once per row: the
 * session start's local day, and the days each participant attended (which length of stay, TEDS
 * and the follow-up measures all read). The partials are exactly those of the aggregates' own
 * accumulators.
 */
import * as z from "zod/mini";
import { IopError, type IopIssue } from "../core/errors";
import { strictObject } from "../core/zod";
import { internalsOf, parseOrThrow, sharedReaders, type RowOf, type RowReader } from "./aggregate";
import { attendanceRates } from "./attendance-rates";
import { censusByPhase } from "./census";
import { followUpMeasure } from "./follow-up";
import { lengthOfStay } from "./length-of-stay";
import { measurementBasedCare } from "./measurement-based-care";
import { retentionCurve } from "./retention";
import { tedsDischarge } from "./teds-discharge";
import { lazyInternal } from "../core/schema";
import { pure } from "../core/pure";

/** The aggregates an {@link analyticsJob} can run, by name. */
export interface JobAggregates {
  readonly censusByPhase: typeof censusByPhase;
  readonly lengthOfStay: typeof lengthOfStay;
  readonly retentionCurve: typeof retentionCurve;
  readonly attendanceRates: typeof attendanceRates;
  readonly measurementBasedCare: typeof measurementBasedCare;
  readonly tedsDischarge: typeof tedsDischarge;
  readonly followUpMeasure: typeof followUpMeasure;
}

/** The name of an aggregate an {@link analyticsJob} can run. */
export type JobAggregateName = keyof JobAggregates;

/** The options of an {@link analyticsJob}: each aggregate to run, with its own options. */
export type AnalyticsJobOptions = {
  readonly [K in JobAggregateName]?: Parameters<JobAggregates[K]>[1];
};

/**
 * The rows of each source an {@link analyticsJob} reads: episode logs, attendance rows (seats),
 * measure scores, encounters and TEDS profiles.
 */
export type JobRows = {
  readonly [K in JobSource]: RowOf<
    {
      [A in JobAggregateName]: K extends keyof Parameters<JobAggregates[A]>[0]
        ? Parameters<JobAggregates[A]>[0][K]
        : never;
    }[JobAggregateName]
  >;
};

/** A source an {@link analyticsJob} reads. */
export type JobSource = "episodes" | "attendance" | "measures" | "encounters" | "profiles";

/** The aggregates a job was given, each with its partial. */
export type JobPartials<O extends AnalyticsJobOptions> = {
  readonly [K in keyof O & JobAggregateName]: ReturnType<JobAggregates[K]["partial"]>;
};

/** The aggregates a job was given, each with its report. */
export type JobReports<O extends AnalyticsJobOptions> = {
  readonly [K in keyof O & JobAggregateName]: ReturnType<JobAggregates[K]["finish"]>;
};

/** Several aggregates fed by one pass over the rows (see {@link analyticsJob}). */
export interface AnalyticsJob<O extends AnalyticsJobOptions> {
  /**
   * Reads one row of a source into every aggregate of the job that reads it. Throws `IopError`
   * (`unknown-source`) for a source none of them reads, so no row is dropped unseen.
   */
  readonly add: <K extends JobSource>(source: K, row: JobRows[K]) => void;
  /** Each aggregate's partial of the rows added so far: equal to its own accumulator's. */
  readonly partials: () => JobPartials<O>;
  /** Each aggregate's report of the rows added so far (`finish` of its partial). */
  readonly reports: () => JobReports<O>;
}

const jobAggregates: JobAggregates = /* @__PURE__ */ pure(() => ({
  censusByPhase,
  lengthOfStay,
  retentionCurve,
  attendanceRates,
  measurementBasedCare,
  tedsDischarge,
  followUpMeasure,
}));

const names = /* @__PURE__ */ pure(() => Object.keys(jobAggregates) as JobAggregateName[]);

const JobOptions = /* @__PURE__ */ lazyInternal(() =>
  strictObject(
    Object.fromEntries(names.map((n) => [n, z.exactOptional(z.unknown())])) as Record<
      JobAggregateName,
      z.ZodMiniExactOptional<z.ZodMiniUnknown>
    >,
  ),
);

/**
 * Runs several analytics aggregates over one pass of the rows. Give each aggregate to run its
 * options; `add(source, row)` hands a row to every aggregate that reads that source; `partials()`
 * gives each one's partial (exactly what its own accumulator gives for the same rows, so they
 * merge with partials made either way) and `reports()` each one's report.
 *
 * Faster than separate accumulators: each attendance row's local day is read once, and the days
 * each participant attended are stored once per zone for length of stay, TEDS discharges and the
 * follow-up measures together (their partials hold equal copies).
 *
 * Throws `IopError` naming every bad option, each at its path under the aggregate's name
 * (e.g. `["lengthOfStay", "method"]`), and an aggregate name iopkit does not have as
 * `unrecognized-keys`.
 *
 * @example
 * ```ts
 * const job = analyticsJob({
 *   attendanceRates: { timeZone: "America/New_York" },
 *   lengthOfStay: { method: "teds", timeZone: "America/New_York" },
 * });
 * job.add("attendance", { participantId: "p1", start: "2026-03-02T09:00:00-05:00", status: "present" });
 * job.reports().attendanceRates.total.attended; // 1
 * ```
 */
export function analyticsJob<const O extends AnalyticsJobOptions>(options: O): AnalyticsJob<O> {
  const given = parseOrThrow(JobOptions, options, "analyticsJob") as Record<string, unknown>;
  const issues: IopIssue[] = [];
  let row = 0;
  const shared = sharedReaders(() => row);
  const members: {
    readonly name: string;
    readonly partial: () => unknown;
    readonly finish: (p: never) => unknown;
  }[] = [];
  const bySource = new Map<string, RowReader[]>();
  for (const name of names) {
    if (!(name in given)) continue;
    const aggregate = jobAggregates[name];
    const inner = internalsOf(aggregate);
    let normalised: unknown;
    try {
      normalised = inner.normalise(given[name] as never);
    } catch (error) {
      if (!(error instanceof IopError)) throw error;
      issues.push(...error.issues.map((i) => ({ ...i, path: [name, ...i.path] })));
      continue;
    }
    const opened = inner.open(normalised as never, shared);
    for (const source of inner.sources) {
      const take = opened.rows[source];
      if (take === undefined) continue;
      const list = bySource.get(source) ?? [];
      list.push(take);
      bySource.set(source, list);
    }
    members.push({
      name,
      partial: opened.partial,
      finish: aggregate.finish,
    });
  }
  if (issues.length > 0) throw new IopError("analyticsJob", issues);
  const readers = bySource as Map<string, ((r: unknown) => void)[]>;
  let lastSource = "";
  let lastTakes: ((r: unknown) => void)[] = [];
  const collect = (of: (m: (typeof members)[number]) => unknown): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const m of members) out[m.name] = of(m);
    return out;
  };
  return {
    add(source, r) {
      if (source !== lastSource) {
        const takes = readers.get(source);
        if (takes === undefined)
          throw new IopError("analyticsJob.add", [
            {
              code: "unknown-source",
              path: ["source"],
              message: `this job's aggregates read ${[...readers.keys()].join(", ") || "nothing"}, not ${JSON.stringify(source)}`,
            },
          ]);
        lastSource = source;
        lastTakes = takes;
      }
      row++;
      for (const take of lastTakes) take(r);
    },
    partials: () => collect((m) => m.partial()) as JobPartials<O>,
    reports: () => collect((m) => m.finish(m.partial() as never)) as JobReports<O>,
  };
}
