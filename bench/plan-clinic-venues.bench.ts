// The 200-participant clinic of plan-clinic.bench.ts with rooms (a group room per 20
// participants, an office per clinician, a collection restroom per collector) and a 30%
// telehealth mix (hybrid
// evening groups, one-to-ones in any mode). Goal: within 1.3× of the clinic without them (25 ms).
import { planSchedule } from "iopkit";
import { roomsFor, withTelehealth, withVenues } from "../test/schedule/venues";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench } from "./harness";

const from = "2026-10-19";
const staff = staffFor(200, templateProgram);
const program = withVenues(templateProgram, roomsFor(200, staff));
const enrollments = withTelehealth(enrollmentsFor(200, from), 0.3);

export default {
  name: "planSchedule, 200 participants, rooms and telehealth",
  workload: `200 participants × 12 weeks, ${staff.length} staff, ${program.rooms?.length ?? 0} rooms, 30% able to join by video, adult substance-use template`,
  units: 200,
  unitName: "participant",
  repetitions: 20,
  subject: {
    name: "iopkit",
    run: () =>
      planSchedule({ program, enrollments, staff, from, weeks: 12, seed: 7 }).sessions.length,
  },
  goals: { maxSubjectMs: 32.5 },
} satisfies Bench;
