/**
 * fast-check arbitraries for every iopkit record and invariant assertions, for apps' own property
 * tests. Needs `fast-check` (an optional peer dependency) installed.
 * @module testing
 */
export { everydayZones, interestingZones, zone } from "./zones";
export { program, type ProgramArbitraryOptions } from "./program";
export { participant, referenceDate, type ParticipantArbitraryOptions } from "./participant";
export {
  dstWeekStarts,
  dstWindowStarts,
  enrollment,
  planningInput,
  rolesFor,
  schedule,
  staffTeam,
  type EnrollmentArbitraryOptions,
  type PlannedSchedule,
  type PlanningInputOptions,
  type StaffTeamOptions,
} from "./schedule";
export {
  measureAdministration,
  measureAnswers,
  type MeasureAdministrationOptions,
} from "./measures";
export { consent, type ConsentArbitraryOptions } from "./consent";
export { telehealthAccess, withLimits, withVenues } from "./venues";
export {
  invalidParticipant,
  invalidProgram,
  participantRules,
  programRules,
  type InvalidRecord,
  type ParticipantRule,
  type ProgramRule,
} from "./invalid";
export {
  assertScheduleInvariants,
  ScheduleInvariantError,
  type AssertScheduleOptions,
} from "./assert";
export {
  attendanceLog,
  drugTestResults,
  type AttendanceLogOptions,
  type DrugTestResultsOptions,
} from "./attendance";
export { eligibilityDecisionFor, episodeEvents, type EpisodeEventsOptions } from "./episode";
export {
  aftercarePolicy,
  checkInOutcomes,
  dischargedEpisode,
  type CheckInOutcomesOptions,
  type DischargedEpisodeOptions,
} from "./aftercare";
export {
  analyticsData,
  syntheticClinic,
  type AnalyticsData,
  type AnalyticsDataOptions,
  type SyntheticClinic,
  type SyntheticClinicOptions,
} from "./analytics";
export { authorizations, type AuthorizationsOptions } from "./authorization";
export {
  forecastOptions,
  referralStream,
  stayDistributionArb,
  waitlistScenario,
  type ReferralStreamOptions,
  type StayDistributionArbitraryOptions,
  type WaitlistScenario,
  type WaitlistScenarioOptions,
} from "./capacity";
