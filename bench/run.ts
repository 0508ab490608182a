// `npm run bench [-- <filter>] [--processes N] [--check]`: runs every bench/*.bench.ts in N fresh
// processes (default 3), prints medians and ratios, writes bench/results/latest.json, and with
// --check exits 1 if a goal is missed.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { coldImport, coldImportGoals } from "./cold-import";
import { median, type Bench } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const check = args.includes("--check");
const pIndex = args.indexOf("--processes");
const processes = pIndex === -1 ? 3 : Number(args[pIndex + 1]);
const filter = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--processes");
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts") && (filter === undefined || f.includes(filter)))
  .sort();

const tsx = join(here, "..", "node_modules", "tsx", "dist", "cli.mjs");
interface Meta {
  name: string;
  workload: string;
  units: number;
  unitName: string;
  goals: Bench["goals"];
  series?: {
    unitName: string;
    maxPerUnitGrowth?: number;
    points: { label: string; units: number }[];
  };
  subjectUnits?: number;
  lowerBoundUnits?: number;
  baselines: { name: string; units?: number }[];
}
function worker(file: string, extra: string[]): Record<string, number[] | number> & { meta: Meta } {
  // Benchmarks import "iopkit": bench/tsconfig.runtime.json maps it to the built dist/, the shipped code.
  const r = spawnSync(
    process.execPath,
    [
      tsx,
      "--tsconfig",
      join(here, "tsconfig.runtime.json"),
      join(here, "worker.ts"),
      join(here, file),
      ...extra,
    ],
    {
      encoding: "utf8",
      maxBuffer: 1 << 24,
    },
  );
  if (r.status !== 0) throw new Error(`${file} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").pop() ?? "{}";
  return JSON.parse(line) as Record<string, number[] | number> & { meta: Meta };
}

const results: unknown[] = [];
let missed = 0;
const loadBefore = loadavg();
for (const file of files) {
  const runs = Array.from({ length: processes }, () => worker(file, []));
  const meta = runs[0]?.meta;
  if (meta === undefined) throw new Error(`${file} reported nothing`);
  const bench = {
    ...meta,
    subject: { units: meta.subjectUnits },
    lowerBound: meta.lowerBoundUnits === undefined ? undefined : { units: meta.lowerBoundUnits },
  };
  const med = (key: string): number | undefined => {
    const all = runs.flatMap((r) => {
      const v = r[key];
      return Array.isArray(v) ? [median(v)] : [];
    });
    return all.length === 0 ? undefined : median(all);
  };
  // Every time is normalised to the bench's units, so a baseline may run a smaller sample.
  const scale = (c: { units?: number | undefined } | undefined): number =>
    bench.units / (c?.units ?? bench.units);
  const subject = (med("subject") ?? Number.NaN) * scale(bench.subject);
  const lowerRaw = med("lowerBound");
  const lower = lowerRaw === undefined ? undefined : lowerRaw * scale(bench.lowerBound);
  const perUnit = (ms: number): string => {
    const ns = (ms * 1e6) / bench.units;
    return ns >= 1000 ? `${(ns / 1000).toFixed(2)} µs` : `${ns.toFixed(1)} ns`;
  };
  console.log(`\n${bench.name} — ${bench.workload}`);
  console.log(
    `  subject      ${subject.toFixed(1).padStart(10)} ms   ${perUnit(subject)}/${bench.unitName}`,
  );
  // A case that times its own work: its whole runs, with the time spent producing the input.
  const subjectWithInput = med("subject:withInput");
  if (subjectWithInput !== undefined)
    console.log(
      `  with input   ${(subjectWithInput * scale(bench.subject)).toFixed(1).padStart(10)} ms   (the rows produced as they are read, which the subject time leaves out)`,
    );
  // Every subject time over every process, for the spread.
  const all = runs.flatMap((r) => (Array.isArray(r["subject"]) ? r["subject"] : []));
  const record: Record<string, unknown> = {
    name: bench.name,
    file,
    workload: bench.workload,
    units: bench.units,
    subjectMs: subject,
    subjectMinMs: Math.min(...all) * scale(bench.subject),
    subjectMaxMs: Math.max(...all) * scale(bench.subject),
    processes,
    goals: meta.goals,
    ...(subjectWithInput === undefined
      ? {}
      : { subjectWithInputMs: subjectWithInput * scale(bench.subject) }),
  };
  const goals = bench.goals;
  const verdicts: string[] = [];
  if (lower !== undefined) {
    const ratio = subject / lower;
    record["lowerBoundMs"] = lower;
    record["ratioToLowerBound"] = ratio;
    console.log(
      `  lower bound  ${lower.toFixed(1).padStart(10)} ms   ${perUnit(lower)}/${bench.unitName}   subject is ${ratio.toFixed(2)}× the lower bound`,
    );
    if (goals.maxRatioToLowerBound !== undefined)
      verdicts.push(
        ratio <= goals.maxRatioToLowerBound
          ? `ok: ≤ ${goals.maxRatioToLowerBound}× lower bound`
          : `MISSED: ${ratio.toFixed(2)}× > ${goals.maxRatioToLowerBound}× lower bound`,
      );
  }
  for (const b of bench.baselines ?? []) {
    const ms = (med(`baseline:${b.name}`) ?? Number.NaN) * scale(b);
    const speedup = ms / subject;
    record[`baseline:${b.name}`] = { ms, speedup };
    console.log(
      `  ${b.name.padEnd(12)} ${ms.toFixed(1).padStart(10)} ms   ${perUnit(ms)}/${bench.unitName}   subject is ${speedup.toFixed(1)}× faster`,
    );
    const goal = goals.minSpeedupOver?.[b.name];
    if (goal !== undefined)
      verdicts.push(
        speedup >= goal
          ? `ok: ≥ ${goal}× faster than ${b.name}`
          : `MISSED: only ${speedup.toFixed(1)}× faster than ${b.name} (goal ${goal}×)`,
      );
  }
  if (goals.maxSubjectMs !== undefined)
    verdicts.push(
      subject <= goals.maxSubjectMs
        ? `ok: under ${goals.maxSubjectMs} ms`
        : `MISSED: ${subject.toFixed(0)} ms > ${goals.maxSubjectMs} ms`,
    );
  if (goals.maxSubjectRssMiB !== undefined) {
    const rss = median(
      Array.from({ length: processes }, () =>
        Number(worker(file, ["--only", "subject"])["rssMiB"]),
      ),
    );
    record["subjectPeakRssMiB"] = rss;
    console.log(`  peak RSS (subject alone) ${rss.toFixed(0)} MiB`);
    verdicts.push(
      rss <= goals.maxSubjectRssMiB
        ? `ok: peak RSS ≤ ${goals.maxSubjectRssMiB} MiB`
        : `MISSED: peak RSS ${rss.toFixed(0)} MiB > ${goals.maxSubjectRssMiB} MiB`,
    );
  }
  if (meta.series !== undefined) verdicts.push(...runSeries(file, meta.series, record));
  for (const v of verdicts) console.log(`  ${v}`);
  missed += verdicts.filter((v) => v.startsWith("MISSED")).length;
  record["verdicts"] = verdicts;
  results.push(record);
}

// Cold start (bench/cold-import.ts): fresh processes importing the built package beside zod.
if (filter === undefined || "cold-import".includes(filter)) {
  const samples = Math.max(15, processes * 5);
  const rows = coldImport(samples);
  const zod = rows.find((r) => r.specifier === "zod")?.medianMs ?? Number.NaN;
  console.log(`\ncold import — import() in a fresh node process, ${samples} processes each`);
  const verdicts: string[] = [];
  for (const r of rows) {
    const extra = r.specifier === "zod" ? "" : `   zod + ${(r.medianMs - zod).toFixed(1)} ms`;
    console.log(
      `  ${r.specifier.padEnd(12)} ${r.medianMs.toFixed(1).padStart(8)} ms (min ${r.minMs.toFixed(1)}, max ${r.maxMs.toFixed(1)})${extra}`,
    );
    const goal = coldImportGoals[r.specifier];
    if (goal !== undefined)
      verdicts.push(
        r.medianMs - zod <= goal
          ? `ok: ${r.specifier} ≤ zod + ${goal} ms`
          : `MISSED: ${r.specifier} is zod + ${(r.medianMs - zod).toFixed(1)} ms > zod + ${goal} ms`,
      );
  }
  for (const v of verdicts) console.log(`  ${v}`);
  missed += verdicts.filter((v) => v.startsWith("MISSED")).length;
  results.push({
    name: "cold import",
    file: "cold-import.ts",
    workload: `import() of the built package in a fresh node process, ${samples} processes each`,
    coldImport: rows,
    verdicts,
  });
}

mkdirSync(join(here, "results"), { recursive: true });
writeFileSync(
  join(here, "results", "latest.json"),
  `${JSON.stringify({ node: process.version, platform: `${process.platform}-${process.arch}`, date: new Date().toISOString(), load: { before: loadBefore, after: loadavg() }, results }, null, 2)}\n`,
);
console.log(`\nwrote bench/results/latest.json${missed > 0 ? `; ${missed} goal(s) missed` : ""}`);
if (check && missed > 0) process.exit(1);

/**
 * Times each point of a scaling series in `processes` fresh processes, and measures the memory a
 * single run adds in as many more; records them and returns the verdict on linear growth.
 */
function runSeries(
  file: string,
  series: NonNullable<Meta["series"]>,
  record: Record<string, unknown>,
): string[] {
  const points = series.points.map((p) => {
    const times = Array.from({ length: processes }, () => {
      const r = worker(file, ["--series", p.label])["series"];
      return Array.isArray(r) ? r : [];
    });
    const memory = Array.from({ length: processes }, () =>
      Number(worker(file, ["--series", p.label, "--memory"])["addedMiB"]),
    );
    const ms = median(times.map((t) => median(t)));
    const addedMiB = median(memory);
    const point = {
      label: p.label,
      units: p.units,
      ms,
      minMs: Math.min(...times.flat()),
      maxMs: Math.max(...times.flat()),
      usPerUnit: (ms * 1000) / p.units,
      addedMiB,
      kibPerUnit: (addedMiB * 1024) / p.units,
    };
    console.log(
      `  ${p.label.padEnd(12)} ${ms.toFixed(1).padStart(10)} ms (${point.minMs.toFixed(0)}–${point.maxMs.toFixed(0)})   ${point.usPerUnit.toFixed(1)} µs/${series.unitName}   +${addedMiB.toFixed(0)} MiB, ${point.kibPerUnit.toFixed(1)} KiB/${series.unitName}`,
    );
    return point;
  });
  record["series"] = points;
  const first = points[0];
  const last = points[points.length - 1];
  if (first === undefined || last === undefined || series.maxPerUnitGrowth === undefined) return [];
  const growth = last.usPerUnit / first.usPerUnit;
  record["perUnitGrowth"] = growth;
  return [
    growth <= series.maxPerUnitGrowth
      ? `ok: time per ${series.unitName} grows ${growth.toFixed(2)}× from ${first.label} to ${last.label} (≤ ${series.maxPerUnitGrowth}×)`
      : `MISSED: time per ${series.unitName} grows ${growth.toFixed(2)}× from ${first.label} to ${last.label} (> ${series.maxPerUnitGrowth}×)`,
  ];
}
