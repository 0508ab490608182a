// Runs one bench file's cases in this (fresh) process and prints JSON times. With `--only subject`
// it runs just the subject and reports the process's peak RSS. With `--series <label>` it times one
// point of the bench's series; adding `--memory` runs it once and reports the memory it added.
import { pathToFileURL } from "node:url";
import { time, type Bench } from "./harness";

const [file, ...rest] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: worker.ts <bench file> [--only subject]");
const onlySubject = rest.includes("--only") && rest.includes("subject");
const seriesIndex = rest.indexOf("--series");
const seriesLabel = seriesIndex === -1 ? undefined : rest[seriesIndex + 1];
const bench = ((await import(pathToFileURL(file).href)) as { default: Bench }).default;
const reps = bench.repetitions ?? 5;
const result: Record<string, unknown> = {
  meta: {
    name: bench.name,
    workload: bench.workload,
    units: bench.units,
    unitName: bench.unitName,
    goals: bench.goals,
    subjectUnits: bench.subject.units,
    lowerBoundUnits: bench.lowerBound?.units,
    baselines: (bench.baselines ?? []).map((b) => ({ name: b.name, units: b.units })),
    series:
      bench.series === undefined
        ? undefined
        : {
            unitName: bench.series.unitName,
            maxPerUnitGrowth: bench.series.maxPerUnitGrowth,
            points: bench.series.points.map((p) => ({ label: p.label, units: p.units })),
          },
  },
};
if (seriesLabel !== undefined) {
  const point = bench.series?.points.find((p) => p.label === seriesLabel);
  if (point === undefined) throw new Error(`no series point ${seriesLabel}`);
  const run = point.setup();
  if (rest.includes("--memory")) {
    // One run, no warm-up: the memory it adds at its peak, over what the process held before it.
    const before = process.memoryUsage().rss;
    const out = run();
    result["addedMiB"] = (process.resourceUsage().maxRSS * 1024 - before) / 1_048_576;
    if (out === Symbol.for("never")) console.log(out);
  } else result["series"] = time({ name: point.label, run }, reps).ms;
} else if (onlySubject) {
  // One run, no warm-up: the peak is that of a single result alive at a time.
  const t0 = process.hrtime.bigint();
  const out = bench.subject.run();
  result["subject"] = [Number(process.hrtime.bigint() - t0) / 1e6];
  result["rssMiB"] = process.resourceUsage().maxRSS / 1024;
  if (out === Symbol.for("never")) console.log(out);
} else {
  // A case that times its own work also reports its whole runs, input included, as "<key>:withInput".
  const record = (key: string, t: { ms: number[]; withInput?: number[] }): void => {
    result[key] = t.ms;
    if (t.withInput !== undefined) result[`${key}:withInput`] = t.withInput;
  };
  if (bench.lowerBound !== undefined) record("lowerBound", time(bench.lowerBound, reps));
  record("subject", time(bench.subject, reps));
  for (const b of bench.baselines ?? [])
    record(`baseline:${b.name}`, time(b, bench.baselineRepetitions ?? 1));
}
process.stdout.write(`${JSON.stringify(result)}\n`);
