// Runs one bench file's cases in this (fresh) process and prints JSON times. With `--only subject`
// it runs just the subject and reports the process's peak RSS.
import { pathToFileURL } from "node:url";
import { time, type Bench } from "./harness";

const [file, ...rest] = process.argv.slice(2);
if (file === undefined) throw new Error("usage: worker.ts <bench file> [--only subject]");
const onlySubject = rest.includes("--only") && rest.includes("subject");
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
  },
};
if (onlySubject) {
  // One run, no warm-up: the peak is that of a single result alive at a time.
  const t0 = process.hrtime.bigint();
  const out = bench.subject.run();
  result["subject"] = [Number(process.hrtime.bigint() - t0) / 1e6];
  result["rssMiB"] = process.resourceUsage().maxRSS / 1024;
  if (out === Symbol.for("never")) console.log(out);
} else {
  if (bench.lowerBound !== undefined) result["lowerBound"] = time(bench.lowerBound, reps);
  result["subject"] = time(bench.subject, reps);
  for (const b of bench.baselines ?? [])
    result[`baseline:${b.name}`] = time(b, bench.baselineRepetitions ?? 1);
}
process.stdout.write(`${JSON.stringify(result)}\n`);
