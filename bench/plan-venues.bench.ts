// The 10,000-participant plan of plan.bench.ts with rooms (a group room per 20 participants, an
// office per clinician, a collection restroom per collector) and a 30% telehealth mix (hybrid evening groups, one-to-ones in any mode). Goal: within 1.3× of the
// plan without them (1 s), and the same memory goal.
import { planSchedule } from "iopkit";
import { roomsFor, withTelehealth, withVenues } from "../test/schedule/venues";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench } from "./harness";

const from = "2026-10-19";
const staff = staffFor(10_000, templateProgram);
const program = withVenues(templateProgram, roomsFor(10_000, staff));
const enrollments = withTelehealth(enrollmentsFor(10_000, from), 0.3);

export default {
  name: "planSchedule, 10,000 participants, rooms and telehealth",
  workload: `10,000 participants × 12 weeks, ${staff.length} staff, ${program.rooms?.length ?? 0} rooms, 30% able to join by video, adult substance-use template`,
  units: 10_000,
  unitName: "participant",
  repetitions: 3,
  subject: {
    name: "iopkit",
    run: () =>
      planSchedule({ program, enrollments, staff, from, weeks: 12, seed: 7 }).sessions.length,
  },
  goals: { maxSubjectMs: 1300, maxSubjectRssMiB: 500 },
} satisfies Bench;
