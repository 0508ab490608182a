/**
 * Capacity: will the program have room? A census forecast per phase and week with percentile
 * bands (the Mt/G/∞ model, analytic or by seeded simulation) and the groups, clinician hours and
 * rooms it takes; the Erlang loss model for programs that turn people away when full; the
 * waitlist, promoted into rolling groups by the block grant's priority classes. Every method
 * cites its public source.
 * @module capacity
 */
export { erlangB, erlangBSeats, erlangSources, maxErlangLoad, maxErlangSeats } from "./erlang";
export {
  maxStayWeeks,
  stayDistribution,
  stayFromSurvival,
  type StayDistribution,
  type SurvivalStep,
} from "./stay";
export {
  forecastCapacity,
  maxForecastRuns,
  maxForecastWeeks,
  type AvailableCapacity,
  type Band,
  type CapacityForecast,
  type EnrolledNow,
  type FirstWeekOver,
  type ForecastCapacityOptions,
  type ForecastWeek,
  type GroupsNeeded,
  type PhaseCensus,
  type RoleHours,
  type Shortfall,
} from "./forecast";
export {
  WaitlistEntry,
  admitFromWaitlist,
  admitWithInterimWithinDays,
  admitWithinDays,
  interimServices,
  interimServicesWithinDays,
  parseWaitlistEntry,
  priorityClasses,
  priorityProvenance,
  safeParseWaitlistEntry,
  seatFits,
  waitlistOrder,
  waitlistSources,
  type Admission,
  type AdmitOptions,
  type InterimService,
  type OpenSeats,
  type PriorityClass,
  type Waiting,
  type WaitlistAlert,
  type WaitlistEntryInput,
  type WaitlistOutcome,
} from "./waitlist";
