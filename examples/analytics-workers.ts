/**
 * A partitioned analytics job: partials computed in worker threads, merged, finished.
 *
 *   npx tsx examples/analytics-workers.ts
 *
 * Each worker takes every fourth row of each source (the rows of any partition would do: a
 * clinic, a month, a database shard), computes the partial aggregates of its share, and posts them
 * back as JSON — exactly what would cross a queue or a network between machines. The main thread
 * reads each with `parsePartial` (a partial from elsewhere is validated like any input), merges
 * them in the order they arrive, finishes, and checks the answer against a single pass over all
 * the rows: they are equal, byte for byte.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import {
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  tedsDischarge,
} from "iopkit/analytics";
import { syntheticClinic } from "iopkit/testing";

const WORKERS = 4;
const clinic = syntheticClinic({ seed: 42, episodes: 400, admissionDays: 200, readmissions: true });
const { program, asOf } = clinic;
const timeZone = program.timeZone;
const options = {
  census: { program, from: "2026-01-05", to: asOf },
  stays: { method: "teds", timeZone } as const,
  retention: { asOf },
  rates: { timeZone },
  outcomes: { asOf, schedule: [{ instrument: "phq-9" as const, everyDays: 14 }] },
  teds: { program },
  followUp: { asOf, timeZone },
};

/** Every `of`-th row of a stream, starting at `part`. */
function* share<T>(rows: Iterable<T>, part: number, of: number): Generator<T> {
  let i = 0;
  for (const row of rows) if (i++ % of === part) yield row;
}

/** The seven partials of one share of the clinic's rows (all seven over everything when of = 1). */
function partials(part: number, of: number) {
  const episodes = [...share(clinic.episodes(), part, of)];
  const attendance = [...share(clinic.attendance(), part, of)];
  const measures = [...share(clinic.measures(), part, of)];
  const encounters = [...share(clinic.encounters(), part, of)];
  const profiles = [...share(clinic.profiles(), part, of)];
  return {
    census: censusByPhase.partial({ episodes }, options.census),
    stays: lengthOfStay.partial({ episodes, attendance }, options.stays),
    retention: retentionCurve.partial({ episodes }, options.retention),
    rates: attendanceRates.partial({ attendance }, options.rates),
    outcomes: measurementBasedCare.partial({ measures, episodes }, options.outcomes),
    teds: tedsDischarge.partial({ episodes, attendance, profiles }, options.teds),
    followUp: followUpMeasure.partial({ encounters, episodes, attendance }, options.followUp),
  };
}
type Partials = ReturnType<typeof partials>;

/** The seven reports of one (merged) set of partials, read back from JSON as a receiver would. */
function reports(shipped: readonly string[]) {
  const read = shipped.map((json) => JSON.parse(json) as Record<keyof Partials, unknown>);
  const all = <P>(parse: (x: unknown) => P, key: keyof Partials): [P, ...P[]] => {
    const [first, ...rest] = read.map((r) => parse(r[key]));
    if (first === undefined) throw new Error("no partial");
    return [first, ...rest];
  };
  return {
    census: censusByPhase.finish(censusByPhase.merge(...all(censusByPhase.parsePartial, "census"))),
    stays: lengthOfStay.finish(lengthOfStay.merge(...all(lengthOfStay.parsePartial, "stays"))),
    retention: retentionCurve.finish(
      retentionCurve.merge(...all(retentionCurve.parsePartial, "retention")),
    ),
    rates: attendanceRates.finish(
      attendanceRates.merge(...all(attendanceRates.parsePartial, "rates")),
    ),
    outcomes: measurementBasedCare.finish(
      measurementBasedCare.merge(...all(measurementBasedCare.parsePartial, "outcomes")),
    ),
    teds: tedsDischarge.finish(tedsDischarge.merge(...all(tedsDischarge.parsePartial, "teds"))),
    followUp: followUpMeasure.finish(
      followUpMeasure.merge(...all(followUpMeasure.parsePartial, "followUp")),
    ),
  };
}

/**
 * This file as a worker. Compiled to JavaScript it is the file itself; run as TypeScript (npx tsx)
 * a worker does not inherit tsx's loader, so a two-line module loads this file through tsx's API.
 */
function workerEntry(): URL {
  if (!import.meta.url.endsWith(".ts")) return new URL(import.meta.url);
  const api = import.meta.resolve("tsx/esm/api");
  const code = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

if (isMainThread) {
  const started = performance.now();
  const shipped = await Promise.all(
    Array.from(
      { length: WORKERS },
      (_, part) =>
        new Promise<string>((resolve, reject) => {
          const worker = new Worker(workerEntry(), { workerData: { part } });
          worker.once("message", (json: string) => resolve(json));
          worker.once("error", reject);
        }),
    ),
  );
  const merged = reports(shipped);
  console.log(
    `${WORKERS} workers: ${shipped.map((s) => `${(s.length / 1024).toFixed(0)} KiB`).join(", ")} of partials as JSON, computed and merged in ${(performance.now() - started).toFixed(0)} ms`,
  );
  const whole = reports([JSON.stringify(partials(0, 1))]);
  for (const key of Object.keys(whole) as (keyof typeof whole)[]) {
    const same = JSON.stringify(merged[key]) === JSON.stringify(whole[key]);
    console.log(`  ${key.padEnd(10)} ${same ? "equal to the single pass" : "DIFFERENT"}`);
    if (!same) process.exitCode = 1;
  }
  const r = merged.retention;
  console.log(
    `Retention at ${r.at.map((a) => `${a.day} days: ${(a.survival * 100).toFixed(1)}%`).join(", ")}; ${merged.teds.records.length} TEDS-D records; PHQ-9 better for ${merged.outcomes.summary[0]?.improved ?? 0} of ${merged.outcomes.summary[0]?.measuredTwice ?? 0}.`,
  );
} else {
  const { part } = workerData as { part: number };
  parentPort?.postMessage(JSON.stringify(partials(part, WORKERS)));
}
