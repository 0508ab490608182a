// A 200-participant clinic, planned in full for 12 weeks. Goal: at most 25 ms.
import { planSchedule } from "iopkit";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench } from "./harness";

const from = "2026-10-19";
const enrollments = enrollmentsFor(200, from);
const staff = staffFor(200, templateProgram);

export default {
  name: "planSchedule, 200 participants",
  workload: `200 participants × 12 weeks, ${staff.length} staff, adult substance-use template`,
  units: 200,
  unitName: "participant",
  repetitions: 20,
  subject: {
    name: "iopkit",
    run: () =>
      planSchedule({ program: templateProgram, enrollments, staff, from, weeks: 12, seed: 7 })
        .sessions.length,
  },
  goals: { maxSubjectMs: 25 },
} satisfies Bench;
