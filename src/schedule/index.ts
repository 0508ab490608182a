/**
 * Scheduling: weekly patterns → dated sessions in the program's zone, rolling group rosters within
 * capacity, one-to-ones around participants' availability, make-ups for closures, random drug
 * tests, rooms, delivery modes and staff limits, and the invariant checker S1–S17 (S17: payer authorisations).
 * @module schedule
 */
export {
  Enrollment,
  Group,
  InvariantCode,
  PathReason,
  PathStep,
  PlanningWindow,
  Schedule,
  ScheduledSession,
  Shortfall,
  Staff,
  StaffAvailability,
  Unschedulable,
  Violation,
  invariantCodes,
  parseEnrollment,
  parseSchedule,
  parseStaff,
  pathReasons,
  safeParseEnrollment,
  safeParseSchedule,
  safeParseStaff,
  shortfallCodes,
  shortfallInvariants,
  unschedulableCodes,
  type EnrollmentInput,
  type GroupInput,
  type GroupMember,
  type PathStepInput,
  type ScheduledSessionInput,
  type ScheduleInput,
  type ShortfallCode,
  type ShortfallInput,
  type ShortfallInvariant,
  type StaffInput,
  type UnschedulableCode,
  type UnschedulableInput,
  type ViolationInput,
} from "./records";
export { plannedPath, type PhaseSpan, type PlannedPhase } from "./path";
export { planSchedule, type KeptSessions, type PlanScheduleOptions } from "./plan";
export { expandPattern, type ExpandPatternOptions, type PatternOccurrence } from "./expand";
export { checkSchedule, type CheckContext } from "./check";
export { chooseMode, offeredModes, placeOfServiceFor } from "./delivery";
export {
  planDrugTests,
  type DrugTestPlan,
  type DrugTestWeek,
  type PlanDrugTestsOptions,
} from "./drug-tests";
