// forecastCapacity for a 200-person program over 26 weeks, 1,000 seeded simulation runs (issue 17:
// ≤ 50 ms), beside a hand-written lower bound for the simulation loop: each week's census of each
// group drawn 1,000 times from the same tables (Poisson for new admissions, binomial for people
// enrolled alike), by the same generator, then the same whole-number tallies (census and groups
// per group, per phase, in all) and their percentiles counted — without iopkit's staff hours and
// rooms (which need the program's pattern), option checks or result objects. A baseline times the method iopkit used
// before (each run follows every stay week to week through difference arrays), also by hand.
import { createRng, programTemplates } from "iopkit";
import { forecastCapacity, type ForecastCapacityOptions } from "iopkit/capacity";
import type { Bench } from "./harness";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const WEEKS = 26;
const RUNS = 1000;
// Stays of 4–14 weeks, mean 10; 20 admissions a week → a steady census of 200.
const stay = { weeks: [0, 0, 0, 0.04, 0.04, 0.06, 0.06, 0.08, 0.1, 0.12, 0.14, 0.14, 0.12, 0.1] };
const enrolled = Array.from({ length: 200 }, (_, i) => ({
  participantId: `p-${i + 1}`,
  admittedOn:
    ["2026-03-02", "2026-02-23", "2026-02-16", "2026-02-09", "2026-02-02", "2026-01-26"][i % 6] ??
    "2026-03-02",
  ...(i % 2 === 0 ? { track: "morning" } : { track: "evening" }),
}));
const options: ForecastCapacityOptions = {
  from: "2026-03-02",
  weeks: WEEKS,
  referralsPerWeek: 25,
  admissionRate: 0.8,
  stay,
  enrolled,
  mode: "simulation",
  runs: RUNS,
  seed: 1,
  available: { groups: 20, rooms: 6, clinicianHours: { therapist: 400, counsellor: 200 } },
};

// The lower bound's model: three phases of 4 weeks (the last open-ended), two tracks: six groups.
const SEG_START = [0, 4, 8];
const SEG_END = [4, 8, 1 << 30];
const cdf = (() => {
  let acc = 0;
  return stay.weeks.map((p, i) => (i === stay.weeks.length - 1 ? 1 : (acc += p)));
})();
const survival = [1, ...cdf.map((c) => 1 - c)];

/** Cumulative probabilities of these weights (from 0) with a guide table, by hand. */
function table(weights: number[]): { cdf: Float64Array; guide: Int32Array } {
  const cdf = new Float64Array(weights.length);
  let sum = 0;
  for (const w of weights) sum += w;
  let acc = 0;
  weights.forEach((w, i) => (cdf[i] = acc += w / sum));
  cdf[cdf.length - 1] = 1;
  const guide = new Int32Array(cdf.length);
  for (let j = 0, i = 0; j < guide.length; j++) {
    while ((cdf[i] ?? 1) <= j / guide.length) i++;
    guide[j] = i;
  }
  return { cdf, guide };
}

function poissonWeights(mean: number): number[] {
  const w = [Math.exp(-mean)];
  for (let k = 1; k <= mean || (w[k - 1] ?? 0) > 1e-17; k++) w.push(((w[k - 1] ?? 0) * mean) / k);
  return w;
}

function binomialWeights(n: number, q: number): number[] {
  const w = [Math.pow(1 - q, n)];
  for (let k = 1; k <= n; k++) w.push(((w[k - 1] ?? 0) * (n - k + 1) * q) / (k * (1 - q)));
  return q >= 1 ? [...Array<number>(n).fill(0), 1] : w;
}

const phaseOf = (w: number) => (w < 4 ? 0 : w < 8 ? 1 : 2);

function lowerBound(): number {
  const rng = createRng(1);
  const lambda = 20;
  const capacity = program.groupCapacity;
  // The people enrolled today, alike in weeks in (i % 6) and so in track (i % 2).
  const alike = new Int32Array(6);
  for (let i = 0; i < enrolled.length; i++) alike[i % 6] = (alike[i % 6] ?? 0) + 1;
  const census = new Int32Array(6);
  // Per week, run by run: 6 groups' census, their groups, 3 phases, the total, all groups.
  const SERIES = 17;
  const counts = new Int32Array(SERIES * RUNS);
  let sum = 0;
  for (let t = 0; t < WEEKS; t++) {
    const mean = new Float64Array(6);
    for (let a = 0; a <= t; a++) {
      const s = survival[t - a] ?? 0;
      for (let tr = 0; tr < 2; tr++) {
        const k = phaseOf(t - a) * 2 + tr;
        mean[k] = (mean[k] ?? 0) + lambda * 0.5 * s;
      }
    }
    const arrivals = Array.from(mean, (m) => table(poissonWeights(m)));
    const stayers = Array.from(alike, (n, weeksIn) => ({
      key: phaseOf(weeksIn + t) * 2 + (weeksIn % 2),
      ...table(binomialWeights(n, (survival[weeksIn + t] ?? 0) / (survival[weeksIn] ?? 1))),
    }));
    counts.fill(0);
    for (let r = 0; r < RUNS; r++) {
      for (let k = 0; k < 6; k++) {
        const { cdf, guide } = arrivals[k] ?? table([1]);
        const u = rng.next();
        let i = guide[Math.floor(u * guide.length)] ?? 0;
        while ((cdf[i] ?? 1) <= u) i++;
        census[k] = i;
      }
      for (const { key, cdf, guide } of stayers) {
        const u = rng.next();
        let i = guide[Math.floor(u * guide.length)] ?? 0;
        while ((cdf[i] ?? 1) <= u) i++;
        census[key] = (census[key] ?? 0) + i;
      }
      let total = 0;
      let groups = 0;
      for (let k = 0; k < 6; k++) {
        const n = census[k] ?? 0;
        const g = Math.ceil(n / capacity);
        counts[k * RUNS + r] = n;
        counts[(6 + k) * RUNS + r] = g;
        const ph = (12 + (k >> 1)) * RUNS + r;
        counts[ph] = (counts[ph] ?? 0) + n;
        total += n;
        groups += g;
      }
      counts[15 * RUNS + r] = total;
      counts[16 * RUNS + r] = groups;
    }
    for (let c = 0; c < SERIES; c++) sum += percentile90(counts.subarray(c * RUNS, (c + 1) * RUNS));
  }
  return sum;
}

/** The 90th percentile of whole numbers ≥ 0, by counting. */
function percentile90(values: Int32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if ((values[i] ?? 0) > max) max = values[i] ?? 0;
  const seen = new Int32Array(max + 1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    seen[v] = (seen[v] ?? 0) + 1;
  }
  for (let v = 0, acc = 0; v <= max; v++)
    if ((acc += seen[v] ?? 0) >= 0.9 * values.length) return v;
  return max;
}

/** The sum over groups and weeks of the 90th percentile of each census histogram. */
function percentileSum(hist: Int32Array): number {
  let sum = 0;
  for (let c = 0; c < 6 * WEEKS; c++) {
    let seen = 0;
    for (let v = 0; v < 512; v++) {
      seen += hist[c * 512 + v] ?? 0;
      if (seen >= 0.9 * RUNS) {
        sum += v;
        break;
      }
    }
  }
  return sum;
}

function pathSimulation(): number {
  const rng = createRng(1);
  const stride = WEEKS + 1;
  const diff = new Int32Array(6 * stride);
  const hist = new Int32Array(6 * WEEKS * 512);
  const lambda = 20;
  const addStay = (start: number, weeksIn: number, stayWeeks: number, track: number) => {
    const end = weeksIn + stayWeeks;
    for (let s = 0; s < 3; s++) {
      const a = SEG_START[s] ?? 0;
      if (a >= end) return;
      const b = SEG_END[s] ?? 0;
      if (b <= weeksIn) continue;
      const from = start + (a > weeksIn ? a : weeksIn) - weeksIn;
      if (from >= WEEKS) return;
      const last = start + (b < end ? b : end) - weeksIn;
      const base = (s * 2 + track) * stride;
      diff[base + from] = (diff[base + from] ?? 0) + 1;
      diff[base + (last < WEEKS ? last : WEEKS)] =
        (diff[base + (last < WEEKS ? last : WEEKS)] ?? 0) - 1;
    }
  };
  const stayOf = (u: number) => {
    let k = 0;
    while ((cdf[k] ?? 1) < u) k++;
    return k + 1;
  };
  for (let r = 0; r < RUNS; r++) {
    diff.fill(0);
    for (let i = 0; i < enrolled.length; i++) {
      const weeksIn = i % 6;
      const base = survival[weeksIn] ?? 0;
      addStay(0, weeksIn, Math.max(1, stayOf(1 - base + rng.next() * base) - weeksIn), i % 2);
    }
    for (let a = 0; a < WEEKS; a++) {
      // Poisson(20) as a sum of Poisson(10)s by inversion.
      let n = 0;
      for (let c = 0; c < 2; c++) {
        let k = 0;
        let term = Math.exp(-10);
        let cum = term;
        const u = rng.next();
        while (u > cum) {
          k++;
          term *= 10 / k;
          cum += term;
        }
        n += k;
      }
      for (let i = 0; i < n; i++) addStay(a, 0, stayOf(rng.next()), rng.next() < 0.5 ? 0 : 1);
    }
    for (let k = 0; k < 6; k++) {
      let run = 0;
      for (let t = 0; t < WEEKS; t++) {
        run += diff[k * stride + t] ?? 0;
        const at = (k * WEEKS + t) * 512 + (run < 511 ? run : 511);
        hist[at] = (hist[at] ?? 0) + 1;
      }
    }
  }
  return percentileSum(hist) + lambda;
}

export default {
  name: "capacity forecast",
  workload: "forecastCapacity: 200 enrolled, 20 admissions a week, 26 weeks, 1,000 simulation runs",
  units: RUNS,
  unitName: "run",
  subject: {
    name: "iopkit",
    run: () => forecastCapacity(program, options).weeks.length,
  },
  lowerBound: { name: "hand-written simulation loop", run: lowerBound },
  baselines: [
    { name: "hand-written path simulation (the method before)", run: pathSimulation },
    {
      name: "analytic mode",
      run: () => forecastCapacity(program, { ...options, mode: "analytic" }).weeks.length,
    },
  ],
  goals: { maxSubjectMs: 50, maxRatioToLowerBound: 2 },
  repetitions: 9,
  baselineRepetitions: 5,
} satisfies Bench;
