/**
 * A participant's course as an append-only event log: referral, assessment, admission, phases,
 * step-downs and step-ups, relapses and reviews, authorisations, discharge and aftercare. The
 * state is a fold over the events; phase exit and due dates are derived from it.
 * @module episode
 */
export {
  DischargeReason,
  DischargeType,
  EpisodeEvent,
  EpisodeLog,
  ReviewOutcome,
  parseEpisodeEvent,
  parseEpisodeLog,
  safeParseEpisodeEvent,
  safeParseEpisodeLog,
  type EpisodeEventKind,
  type EventOf,
} from "./episode-event";
export type {
  AdmittedEpisode,
  AftercareEpisode,
  AssessedEpisode,
  Assessment,
  Authorisation,
  CurrentPhase,
  Discharge,
  DischargedEpisode,
  EpisodeBase,
  EpisodeError,
  EpisodeErrorCode,
  EpisodeState,
  EpisodeStatus,
  InPhaseEpisode,
  LadderPhase,
  OpenReview,
  PhaseHistoryEntry,
  ReferredEpisode,
  ReviewRecord,
  Treatment,
} from "./episode-state";
export {
  applyEvent,
  isInPhase,
  replayEpisode,
  replayEpisodeOrThrow,
  startEpisode,
  type EpisodeResult,
  type ReplayFailure,
  type ReplayResult,
} from "./apply-event";
export {
  evaluatePhaseExit,
  type ExitCriterionResult,
  type MeasureFlagNote,
  type PhaseExitContext,
  type PhaseExitReport,
} from "./phase-exit";
export {
  episodeDueDates,
  type DueDate,
  type DueDatesContext,
  type EpisodeDueDates,
  type LostToContact,
} from "./due-dates";
export { enrollmentPathFromEpisode } from "./enrollment-path";
