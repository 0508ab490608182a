/**
 * Running the planner's stages one at a time, for the stage tests: a planning state as
 * `planSchedule` builds it, run up to (or through) a named stage of the stage table.
 */
import {
  defineProgram,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  tryParseIsoDate,
  type EnrollmentInput,
  type ParticipantInput,
  type PlanScheduleOptions,
  type Program,
  type ProgramInput,
  type ScheduledSession,
  type Staff,
  type StaffRole,
} from "iopkit";
import { planningStages } from "../../../src/schedule/pipeline";
import { recordOf } from "../../../src/schedule/stages/result";
import { createPlanState, type PlanState } from "../../../src/schedule/state";
import { person } from "../../people";

/** The names of the stages, in order. */
export const stageNames = planningStages.map((s) => s.name);

/** A fresh planning state for the options, as `planSchedule` creates it. */
export function freshState(options: PlanScheduleOptions): PlanState {
  const keepBefore = options.keep === undefined ? undefined : tryParseIsoDate(options.keep.before);
  return createPlanState(options, keepBefore);
}

/** The state after every stage before `name` (the input `name` sees). */
export function stateBefore(options: PlanScheduleOptions, name: string): PlanState {
  const at = stageNames.indexOf(name);
  if (at < 0) throw new Error(`no stage ${name}`);
  const state = freshState(options);
  for (const stage of planningStages.slice(0, at)) stage.run(state);
  return state;
}

/** The state after the stage `name` and those before it. */
export function stateAfter(options: PlanScheduleOptions, name: string): PlanState {
  const state = stateBefore(options, name);
  planningStages[stageNames.indexOf(name)]?.run(state);
  return state;
}

/** The records of the sessions filed so far, in the order they were planned. */
export function records(state: PlanState): ScheduledSession[] {
  return Array.from({ length: state.ledger.count }, (_, i) => recordOf(state, i));
}

/** A one-phase outpatient program: groups Mon and Wed 09:00–12:00 (6 h), weekly 60-min individual, Mon–Fri 08:00–18:00. */
export function tinyProgram(
  timeZone = "America/Chicago",
  extra: Partial<ProgramInput> = {},
): Program {
  return defineProgram({
    id: "tiny",
    name: "Tiny",
    levelOfCare: "outpatient",
    population: "adult",
    conditionsServed: ["substance-use"],
    timeZone,
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
    ...extra,
  });
}

/** An enrolment of the standard test participant `id` from `start`. */
export function enrol(
  id: string,
  start: string,
  extra: Partial<EnrollmentInput> = {},
  p: Partial<ParticipantInput> = {},
) {
  return parseEnrollment({ participant: parseParticipant(person(id, p)), start, ...extra });
}

/** A staff member of `roles` working Mon–Fri 08:00–18:00. */
export function worker(
  id: string,
  roles: StaffRole[],
  extra: { maxGroupSessionsPerWeek?: number } = {},
): Staff {
  return parseStaff({
    id,
    roles,
    availability: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "08:00",
      to: "18:00",
    })),
    ...extra,
  });
}
