// The hand-built sound schedule the checkSchedule edge tests start from: a two-phase test program
// (small hour band and drug-test bounds), one staff member, and two full weeks of phase "a" for
// p-a, with helpers to replace, drop or add one session and check the result.
import {
  checkSchedule,
  defineProgram,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  zonedInstant,
  type Enrollment,
  type EnrollmentInput,
  type ParticipantInput,
  type ProgramInput,
  type Schedule,
  type ScheduledSession,
  type Violation,
} from "iopkit";
import { person } from "../people";

export const zone = "America/Chicago";
export const at = (date: string, time: string): string => zonedInstant(date, time, zone);

/**
 * Two phases: "a" (6–7 clinical h a week, groups Mon and Wed 09:00–12:00, a weekly individual, 1–2
 * drug tests) for 4 weeks, then "b" (3–4 h, one Monday group) for 4 weeks; a course of exactly 8.
 */
export const programInput: ProgramInput = {
  id: "edges",
  name: "Edges",
  levelOfCare: "outpatient",
  population: "adult",
  conditionsServed: ["substance-use"],
  timeZone: zone,
  operatingHours: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    open: "08:00",
    close: "18:00",
  })),
  closures: ["2027-01-20"],
  groupCapacity: 3,
  phases: [
    {
      id: "a",
      name: "A",
      hoursPerWeek: { min: 6, max: 7 },
      weeks: { min: 4, max: 4 },
      pattern: [
        { sessionType: "group-therapy", weekday: 1, start: "09:00", durationMinutes: 180 },
        { sessionType: "group-therapy", weekday: 3, start: "09:00", durationMinutes: 180 },
      ],
      individualEveryWeeks: 1,
      drugTestsPerWeek: { min: 1, max: 2 },
      exitCriteria: {
        minWeeks: 4,
        minAttendanceRate: 0.8,
        negativeTestsInARow: 0,
        requiresClinicianSignOff: false,
      },
    },
    {
      id: "b",
      name: "B",
      hoursPerWeek: { min: 3, max: 4 },
      weeks: { min: 4, max: 4 },
      pattern: [{ sessionType: "group-therapy", weekday: 1, start: "09:00", durationMinutes: 180 }],
      individualEveryWeeks: 2,
      drugTestsPerWeek: { min: 0, max: 1 },
      exitCriteria: {
        minWeeks: 4,
        minAttendanceRate: 0.8,
        negativeTestsInARow: 0,
        requiresClinicianSignOff: false,
      },
    },
  ],
  lengthWeeks: { min: 8, max: 8 },
};
export const program = defineProgram(programInput);
export const staff = [
  parseStaff({
    id: "s-1",
    roles: ["counsellor", "therapist", "collector"],
    availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "08:00",
      to: "18:00",
    })),
  }),
];

export const MON1 = "2027-01-04"; // ISO week 2027-W01
export const enrol = (
  id: string,
  extra: Partial<EnrollmentInput> = {},
  p: Partial<ParticipantInput> = {},
): Enrollment =>
  parseEnrollment({ participant: parseParticipant(person(id, p)), start: MON1, ...extra });

export type Draft = Omit<
  ScheduledSession,
  "id" | "participantIds" | "staffIds" | "formatVersion"
> & {
  readonly id: string;
  readonly participantIds: readonly string[];
  readonly staffIds?: readonly string[];
};
export const session = (d: Draft): ScheduledSession =>
  ({ formatVersion: 2, staffIds: ["s-1"], ...d }) as unknown as ScheduledSession;
export const group = (
  id: string,
  date: string,
  entry: 0 | 1,
  who: readonly string[],
): ScheduledSession =>
  session({
    id,
    sessionType: "group-therapy",
    start: at(date, "09:00"),
    end: at(date, "12:00"),
    participantIds: who,
    phaseId: "a" as ScheduledSession["phaseId"],
    patternEntry: entry,
  });
export const oneToOne = (
  id: string,
  type: ScheduledSession["sessionType"],
  date: string,
  from: string,
  to: string,
  who = "p-a",
): ScheduledSession =>
  session({
    id,
    sessionType: type,
    start: at(date, from),
    end: at(date, to),
    participantIds: [who],
    phaseId: "a" as ScheduledSession["phaseId"],
  });

/** Two full weeks of phase "a" for p-a: 7 clinical hours and one drug test a week. */
export const weekOf = (mon: string, tue: string, wed: string, n: number): ScheduledSession[] => [
  group(`g-mon-${n}`, mon, 0, ["p-a"]),
  group(`g-wed-${n}`, wed, 1, ["p-a"]),
  oneToOne(`ind-${n}`, "individual-therapy", tue, "10:00", "11:00"),
  oneToOne(`dt-${n}`, "drug-test", wed, "12:00", "12:15"),
];
export const baseSessions = [
  ...weekOf("2027-01-04", "2027-01-05", "2027-01-06", 1),
  ...weekOf("2027-01-11", "2027-01-12", "2027-01-13", 2),
];
export const schedule = (
  sessions: readonly ScheduledSession[],
  extra: Partial<Schedule> = {},
): Schedule => ({
  formatVersion: 2,
  window: { from: MON1, weeks: 2 },
  sessions: [...sessions],
  groups: [],
  unschedulable: [],
  shortfalls: [],
  ...extra,
});
export const check = (
  sessions: readonly ScheduledSession[],
  enrollments: readonly Enrollment[] = [enrol("p-a")],
  extra: Partial<Schedule> = {},
): Violation[] => checkSchedule(schedule(sessions, extra), { program, enrollments, staff });
export const only = (vs: readonly Violation[], code: Violation["code"]): Violation[] =>
  vs.filter((v) => v.code === code);
export const replace = (id: string, by: ScheduledSession): ScheduledSession[] =>
  baseSessions.map((s) => (s.id === id ? by : s));
export const without = (...ids: string[]): ScheduledSession[] =>
  baseSessions.filter((s) => !ids.includes(s.id));
