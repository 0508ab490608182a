/**
 * Scheduling: weekly patterns → dated sessions in the program's zone, rolling group rosters within
 * capacity, one-to-ones around participants' availability, make-ups for closures, random drug
 * tests, and the invariant checker S1–S13.
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
  parseEnrollment,
  parseSchedule,
  parseStaff,
  safeParseEnrollment,
  safeParseSchedule,
  safeParseStaff,
  type EnrollmentInput,
  type StaffInput,
} from "./records";
export { plannedPath, type PhaseSpan, type PlannedPhase } from "./path";
export { planSchedule, type KeptSessions, type PlanScheduleOptions } from "./plan";
export { expandPattern, type ExpandPatternOptions, type PatternOccurrence } from "./expand";
export { checkSchedule, type CheckContext } from "./check";
export {
  planDrugTests,
  type DrugTestPlan,
  type DrugTestWeek,
  type PlanDrugTestsOptions,
} from "./drug-tests";
