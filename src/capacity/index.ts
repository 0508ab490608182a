/**
 * Capacity: will the program have room, are we allowed to deliver this, and which days can we
 * bill? A census forecast per phase and week with percentile bands (the Mt/G/∞ model, analytic or
 * by seeded simulation) and the groups, clinician hours and rooms it takes; the Erlang loss model
 * for programs that turn people away when full; the waitlist, promoted into rolling groups by the
 * block grant's priority classes; payer authorisations and utilisation review
 * (`authorizationLedger`), Medicare IOP certification and recertification due dates
 * (`medicareCertification`), and billable per-diem days (`billableDays`). Every method and rule
 * cites its public source; billing output is hints for a billing system, not claims.
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
  type ResourceShortfall,
  type RoleHours,
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
export {
  authorizationLedger,
  authorizationStatuses,
  authorizationWarningCodes,
  type AuthorizationAccount,
  type AuthorizationLedger,
  type AuthorizationLedgerOptions,
  type AuthorizationStatus,
  type AuthorizationWarning,
  type AuthorizationWarningCode,
} from "./authorization-ledger";
export { matchAttendance, type MatchAttendanceOptions, type MatchedAttendance } from "./seats";
export {
  billableDays,
  billingRuleSets,
  notBillableReasons,
  type BillableDay,
  type BillableDaysOptions,
  type NotBillableReason,
  type PayerBillingRules,
  type PerDiemClass,
} from "./billable-days";
export {
  medicareCertification,
  medicareCertificationSources,
  medicareIopMinimumHours,
  type MedicareCertification,
  type MedicareCertificationOptions,
  type WeekBelowMinimum,
} from "./certification";
