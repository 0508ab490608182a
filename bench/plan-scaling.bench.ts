// How planSchedule's cost grows with the clinic: the adult template for 12 weeks at 1,000, 5,000,
// 10,000 and 20,000 participants, with a staff team sized to each (collectors who also counsel, so
// 20,000 stay within the 2,000 staff a call may have; fixtures/clinic.ts). Each size
// is timed, and the memory one plan adds measured, in fresh processes. Goal: linear growth (time
// per participant at 20,000 at most 1.5× that at 1,000).
import { planSchedule } from "iopkit";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench, SeriesPoint } from "./harness";

const from = "2026-10-19";

/** A plan of `n` participants, its input built before the clock starts. */
function plan(n: number): () => () => unknown {
  return () => {
    const enrollments = enrollmentsFor(n, from);
    const staff = staffFor(n, templateProgram, { combined: true });
    return () =>
      planSchedule({ program: templateProgram, enrollments, staff, from, weeks: 12, seed: 7 })
        .sessions.length;
  };
}

const points: SeriesPoint[] = [1_000, 5_000, 10_000, 20_000].map((n) => ({
  label: `${n / 1000}k`,
  units: n,
  setup: plan(n),
}));
const small = plan(1_000)();

export default {
  name: "planSchedule, scaling",
  workload:
    "1,000 / 5,000 / 10,000 / 20,000 participants × 12 weeks, adult template, staff sized to each",
  units: 1_000,
  unitName: "participant",
  repetitions: 3,
  subject: { name: "iopkit", run: small },
  series: { unitName: "participant", points, maxPerUnitGrowth: 1.5 },
  goals: {},
} satisfies Bench;
