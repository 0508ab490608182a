// The whole planner for 10,000 participants × 12 weeks on the adult template: rolling groups,
// staff, one-to-ones, make-ups after a closure, drug tests. Goal: at most 1 s and 500 MiB here.
import { planSchedule } from "iopkit";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench } from "./harness";

const from = "2026-10-19";
const enrollments = enrollmentsFor(10_000, from);
const staff = staffFor(10_000, templateProgram);

export default {
  name: "planSchedule, 10,000 participants",
  workload: `10,000 participants × 12 weeks, ${staff.length} staff, adult substance-use template, New York across a DST change`,
  units: 10_000,
  unitName: "participant",
  repetitions: 3,
  subject: {
    name: "iopkit",
    run: () =>
      planSchedule({ program: templateProgram, enrollments, staff, from, weeks: 12, seed: 7 })
        .sessions.length,
  },
  goals: { maxSubjectMs: 1000, maxSubjectRssMiB: 500 },
} satisfies Bench;
