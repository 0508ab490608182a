/**
 * Program analytics and the reports clinics must file: census by phase, length of stay,
 * Kaplan–Meier retention, attendance rates, measurement-based care, TEDS-D discharge records and
 * follow-up measures (HEDIS IET, FUA, FUM, FUI). Each reads iterables of rows and is a mergeable
 * partial aggregate: call it for the answer, or run `partial` per partition, `merge`, then
 * `finish` — the same answer exactly. Every definition cites its public source.
 * @module analytics
 */
export {
  exclusionCodes,
  type Accumulator,
  type Aggregate,
  type ExclusionCode,
  type Exclusions,
  type PartialAggregate,
  type RowOf,
} from "./aggregate";
export {
  analyticsJob,
  type AnalyticsJob,
  type AnalyticsJobOptions,
  type JobAggregateName,
  type JobAggregates,
  type JobPartials,
  type JobReports,
  type JobRows,
  type JobSource,
} from "./job";
export { analyticsSources, type AnalyticsSourceKey } from "./sources";
export {
  AttendanceRow,
  encounterKinds,
  Encounter,
  seatStatuses,
  attendanceRows,
  groupEpisodeEvents,
  parseAttendanceRow,
  parseEncounter,
  type AttendanceRowsInput,
  type EncounterKind,
  type EpisodeLogRow,
  type MeasureRow,
  type SeatStatus,
  type StoredEventRow,
} from "./rows";
export type { DistributionSummary } from "./histogram";
export {
  censusByPhase,
  type CensusNormalised,
  type CensusOptions,
  type CensusPartial,
  type CensusPeriod,
  type CensusReport,
  type CensusSources,
  type CensusState,
} from "./census";
export {
  lengthOfStay,
  type DischargeWindow,
  type EpisodeStay,
  type LengthOfStayNormalised,
  type LengthOfStayOptions,
  type LengthOfStayPartial,
  type LengthOfStayReport,
  type LengthOfStaySources,
  type LengthOfStayState,
  type LosBinCount,
  type StayJson,
} from "./length-of-stay";
export {
  kaplanMeier,
  normalQuantile,
  type ConfidenceTransform,
  type KaplanMeierFit,
  type KaplanMeierStep,
  type SurvivalAt,
} from "./kaplan-meier";
export type { HistogramJson } from "./histogram";
export {
  retentionCurve,
  type DischargeOutcomes,
  type RetentionEndpoint,
  type RetentionNormalised,
  type RetentionOptions,
  type RetentionPartial,
  type RetentionReport,
  type RetentionSources,
  type RetentionState,
} from "./retention";
export {
  attendanceRates,
  type AttendanceRatesNormalised,
  type AttendanceRatesOptions,
  type AttendanceRatesPartial,
  type AttendanceRatesReport,
  type AttendanceRatesSources,
  type AttendanceRatesState,
  type SeatCounts,
  type SeatCountsJson,
} from "./attendance-rates";
export {
  changeCriteria,
  measurementBasedCare,
  type ChangeCriteria,
  type CriterionOutcome,
  type EpisodeInForce,
  type TracksByInstrument,
  type InstrumentProgress,
  type InstrumentSummary,
  type InstrumentTrack,
  type MeasureDue,
  type MeasureScheduleEntry,
  type MeasurementBasedCareNormalised,
  type MeasurementBasedCareOptions,
  type MeasurementBasedCarePartial,
  type MeasurementBasedCareReport,
  type MeasurementBasedCareSources,
  type MeasurementBasedCareState,
  type ParticipantMeasures,
  type ScorePoint,
} from "./measurement-based-care";
export {
  EMPLOYMENT,
  FREQUENCY_OF_USE,
  LIVING_ARRANGEMENT,
  REFERRAL_SOURCE,
  SELF_HELP_ATTENDANCE,
  TEDS_MISSING,
  TEDS_REASONS,
  TEDS_SERVICES,
  tedsDaysWaitingCode,
  tedsLosBins,
  tedsLosCode,
  tedsReasonOf,
  tedsReasonRules,
  tedsServiceSettings,
  tedsSources,
  type TedsLosBin,
  type TedsReasonCode,
  type TedsReasonRule,
  type TedsServiceCode,
} from "./teds-codes";
export {
  TedsProfile,
  parseTedsProfile,
  tedsDischarge,
  type TedsDischargeNormalised,
  type TedsDischargeOptions,
  type TedsDischargePartial,
  type TedsDischargeRecord,
  type TedsDischargeReport,
  type TedsDischargeSources,
  type TedsDischargeState,
  type TedsEpisodeJson,
  type TedsFields,
  type TedsStatus,
} from "./teds-discharge";
export {
  followUpDefinitions,
  followUpMeasure,
  type DayWindow,
  type EncountersByKind,
  type FollowUpDefinition,
  type FollowUpEvent,
  type FollowUpNormalised,
  type FollowUpOptions,
  type FollowUpPartial,
  type FollowUpReport,
  type FollowUpResult,
  type FollowUpSources,
  type FollowUpState,
  type FollowUpStatus,
} from "./follow-up";
export type { DaySetJson } from "./day-set";
export type { Keyed } from "./keyed";
