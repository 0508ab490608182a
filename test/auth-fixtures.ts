// The two-week plan the S17, ledger and billable-day tests count on: a one-phase outpatient
// program with Mon and Wed 09:00–12:00 groups and a weekly 60-min individual (the planner puts it
// on Monday at 12:00). Over 2 weeks p1 has 6 sessions on 4 days, 14 hours; p2 the groups only.
import {
  defineProgram,
  parseAuthorization,
  parseEnrollment,
  parseParticipant,
  type AuthorizationInput,
  type PlanScheduleOptions,
} from "iopkit";
import { person } from "./people";

export const program = defineProgram({
  id: "tiny",
  name: "Tiny",
  levelOfCare: "outpatient",
  population: "adult",
  conditionsServed: ["substance-use"],
  timeZone: "America/New_York",
  operatingHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    open: "08:00",
    close: "18:00",
  })),
  phases: [
    {
      id: "only",
      name: "Only",
      hoursPerWeek: { min: 6, max: 7 },
      weeks: { min: 8, max: 8 },
      pattern: [
        { sessionType: "group-therapy", weekday: 1, start: "09:00", durationMinutes: 180 },
        { sessionType: "group-therapy", weekday: 3, start: "09:00", durationMinutes: 180 },
      ],
      individualEveryWeeks: 1,
      drugTestsPerWeek: { min: 0, max: 0 },
      exitCriteria: {
        minWeeks: 8,
        minAttendanceRate: 0.8,
        negativeTestsInARow: 0,
        requiresClinicianSignOff: false,
      },
    },
  ],
  lengthWeeks: { min: 8, max: 8 },
});

export const enrol = (id: string) =>
  parseEnrollment({ participant: parseParticipant(person(id)), start: "2026-03-02" });
export const base: PlanScheduleOptions = {
  program,
  enrollments: [enrol("p1"), enrol("p2")],
  from: "2026-03-02",
  weeks: 2,
  seed: 1,
};
export const IDS = {
  mon1: "only.all.g1.20260302.0",
  ind1: "ind.p1.20260302",
  wed1: "only.all.g1.20260304.1",
  mon2: "only.all.g1.20260309.0",
  ind2: "ind.p1.20260309",
  wed2: "only.all.g1.20260311.1",
};

export const auth = (extra: Partial<AuthorizationInput> = {}) =>
  parseAuthorization({
    id: "a1",
    participantId: "p1",
    payer: "Acme Health",
    level: "outpatient",
    from: "2026-03-02",
    to: "2026-03-15",
    ...extra,
  });
