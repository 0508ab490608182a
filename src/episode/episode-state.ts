/**
 * The episode's state: a fold over its events, one shape per status, so that an admitted episode
 * always has its assessment and admission, an episode in a phase always has the phase, and a
 * discharged one always has its discharge. Plain JSON, like every iopkit record.
 */
import type { episodeErrorCodes } from "../core/issue-codes";
import type { IsoDate } from "../core/calendar";
import type { EpisodeId, ParticipantId, PhaseId, ProgramId } from "../core/ids";
import type { EligibilityDecision } from "../eligibility/index";
import type { LevelOfCareId } from "../program/index";
import type { DischargeReason, DischargeType, ReviewOutcome } from "./episode-event";

/** A phase of the program as the episode knows it: its id and level of care (copied at referral). */
export interface LadderPhase {
  /** The phase's id. */
  readonly id: PhaseId;
  /** The clinical level of care it delivers. */
  readonly levelOfCare: LevelOfCareId;
}

/** A phase the participant was in, with its dates (FHIR EpisodeOfCare `statusHistory`, later). */
export interface PhaseHistoryEntry {
  /** The phase. */
  readonly phaseId: PhaseId;
  /** First day. */
  readonly from: IsoDate;
  /** The day it was left (by a step or discharge), or absent while in force. */
  readonly to?: IsoDate;
  /** How the participant entered it. */
  readonly reason: "admission" | "step-down" | "step-up";
}

/** A clinical review opened by a relapse or a positive test and not yet held. */
export interface OpenReview {
  /** When the triggering event happened. */
  readonly openedOn: IsoDate;
  /** What opened it. */
  readonly trigger: "relapse" | "positive-test";
  /** Substances named by the trigger. */
  readonly substances: readonly string[];
}

/** A clinical review held. */
export interface ReviewRecord {
  /** When. */
  readonly on: IsoDate;
  /** What it decided. */
  readonly outcome: ReviewOutcome;
  /** The phase in force, or `null` before the first phase started. */
  readonly phaseId: PhaseId | null;
  /** The open reviews it closed (empty for a routine review). */
  readonly closed: readonly OpenReview[];
}

/** A payer's authorisation of a level of care for a period, kept apart from the clinical level. */
export interface Authorisation {
  /** When it was recorded. */
  readonly on: IsoDate;
  /** The level the payer authorised. */
  readonly level: LevelOfCareId;
  /** First day authorised. */
  readonly from: IsoDate;
  /** Last day authorised. */
  readonly to: IsoDate;
  /** The payer. */
  readonly payer?: string;
  /** The payer's authorisation number. */
  readonly reference?: string;
}

/** The assessment that admission rests on. */
export interface Assessment {
  /** When. */
  readonly on: IsoDate;
  /** The placement decision (`assessEligibility`). */
  readonly decision: EligibilityDecision;
}

/** What treatment has held so far: the record of an admitted episode. */
export interface Treatment {
  /** When admitted, and into which phase. */
  readonly admission: { readonly on: IsoDate; readonly phaseId: PhaseId };
  /** Every phase entered, in order; the last has no `to` while in force. */
  readonly phaseHistory: readonly PhaseHistoryEntry[];
  /** Reviews opened by relapses and positive tests, not yet held. */
  readonly openReviews: readonly OpenReview[];
  /** Reviews held, in order. */
  readonly reviews: readonly ReviewRecord[];
  /** Relapses and positive tests, in order. */
  readonly relapses: readonly {
    readonly on: IsoDate;
    readonly kind: "relapse" | "positive-test";
    readonly substances: readonly string[];
    readonly confirmed: boolean;
  }[];
  /** Step-ups so far. */
  readonly stepUps: number;
  /** Step-downs so far. */
  readonly stepDowns: number;
  /** The latest treatment-plan review, or `null`. */
  readonly lastPlanReviewOn: IsoDate | null;
  /** The latest recertification, or `null`. */
  readonly lastRecertifiedOn: IsoDate | null;
  /** The latest review decided `step-up` and no step-up has followed it yet. */
  readonly stepUpApproved: boolean;
}

/** The phase in force. */
export interface CurrentPhase {
  /** Its id. */
  readonly id: PhaseId;
  /** Its index in the program's phases. */
  readonly index: number;
  /** The day it started. */
  readonly startedOn: IsoDate;
  /** The clinical level of care it delivers (compare with the authorised level). */
  readonly levelOfCare: LevelOfCareId;
}

/** How the episode ended. */
export interface Discharge {
  /** When. */
  readonly on: IsoDate;
  /** Completed, transferred higher or lower, or not completed. */
  readonly type: DischargeType;
  /** Why. */
  readonly reason: DischargeReason;
  /** The status it was discharged from. */
  readonly from: "referred" | "assessed" | "admitted" | "in-phase";
  /** The phase in force at discharge, or `null`. */
  readonly phaseId: PhaseId | null;
  /** The level of care referred to, on a transfer. */
  readonly referredTo?: LevelOfCareId;
}

/** What every status has. */
export interface EpisodeBase {
  /** Whose episode. */
  readonly participantId: ParticipantId;
  /** The program. */
  readonly programId: ProgramId;
  /** The episode's id, when the referral gave one. */
  readonly episodeId?: EpisodeId;
  /** The program's phases in order (copied at referral), for steps. */
  readonly ladder: readonly LadderPhase[];
  /** The referral date. */
  readonly referredOn: IsoDate;
  /** The date of the latest event; the next may not be earlier. */
  readonly lastEventOn: IsoDate;
  /** Events applied so far. */
  readonly eventCount: number;
  /** Payer authorisations, in order. */
  readonly authorisations: readonly Authorisation[];
}

/** Referred, not yet assessed. */
export interface ReferredEpisode extends EpisodeBase {
  /** Always `"referred"`. */
  readonly status: "referred";
}
/** Assessed, not yet admitted. */
export interface AssessedEpisode extends EpisodeBase {
  /** Always `"assessed"`. */
  readonly status: "assessed";
  /** The latest assessment. */
  readonly assessment: Assessment;
}
/** Admitted; the admission phase has not started yet. */
export interface AdmittedEpisode extends EpisodeBase {
  /** Always `"admitted"`. */
  readonly status: "admitted";
  /** The assessment admission rests on. */
  readonly assessment: Assessment;
  /** The treatment record. */
  readonly treatment: Treatment;
}
/** In treatment, in a phase. */
export interface InPhaseEpisode extends EpisodeBase {
  /** Always `"in-phase"`. */
  readonly status: "in-phase";
  /** The assessment admission rests on. */
  readonly assessment: Assessment;
  /** The treatment record. */
  readonly treatment: Treatment;
  /** The phase in force. */
  readonly phase: CurrentPhase;
}
/** Discharged. `assessment` and `treatment` are there when the episode got that far. */
export interface DischargedEpisode extends EpisodeBase {
  /** Always `"discharged"`. */
  readonly status: "discharged";
  /** The latest assessment, if any. */
  readonly assessment?: Assessment;
  /** The treatment record, if the participant was admitted. */
  readonly treatment?: Treatment;
  /** How it ended. */
  readonly discharge: Discharge;
}
/** In aftercare, after discharge. */
export interface AftercareEpisode extends EpisodeBase {
  /** Always `"aftercare"`. */
  readonly status: "aftercare";
  /** The latest assessment, if any. */
  readonly assessment?: Assessment;
  /** The treatment record, if the participant was admitted. */
  readonly treatment?: Treatment;
  /** How treatment ended. */
  readonly discharge: Discharge;
  /** When aftercare started. */
  readonly aftercare: { readonly startedOn: IsoDate };
}

/**
 * An episode's state: `referred → assessed → admitted → in-phase → discharged → aftercare` (iopkit's
 * episode lifecycle), told apart by `status`.
 */
export type EpisodeState =
  | ReferredEpisode
  | AssessedEpisode
  | AdmittedEpisode
  | InPhaseEpisode
  | DischargedEpisode
  | AftercareEpisode;

/** An episode's status. */
export type EpisodeStatus = EpisodeState["status"];

/**
 * Why an event was rejected:
 * - `out-of-order` — dated before the previous event;
 * - `empty-log`, `not-referred-first` — a log must start with `referred`; `already-referred` — only once;
 * - `program-mismatch` — the event or the referral names another program;
 * - `not-assessed` — admission without an eligibility decision; `not-eligible` — the decision in
 *   force does not admit; `already-admitted` — assessment or admission after admission;
 * - `not-admitted` — a clinical event before admission; `phase-not-started` — a step before the
 *   first phase started; `phase-already-started`; `phase-mismatch` — a phase other than the admission phase started;
 * - `unknown-phase`; `no-lower-phase` — stepping down from the last phase; `no-higher-phase` —
 *   stepping up from the first; `not-a-step-down` / `not-a-step-up` — the target is on the wrong side;
 * - `step-up-without-review` — no review decided `step-up` since the last step-up;
 * - `completed-early` — a `completed` discharge outside the last phase; `reason-mismatch` — a
 *   `completed` discharge without reason `treatment-completed`, or that reason on another type;
 * - `transfer-direction-mismatch` — a transfer whose `referredTo` contradicts its direction
 *   (`transferred-higher` to a level no more intensive than the one the participant was in, or
 *   `transferred-lower` to one no less intensive; see `transferDirectionAgrees`);
 * - `episode-closed` — any event but `aftercare-started` after discharge; `not-discharged` —
 *   aftercare before discharge; `aftercare-already-started`;
 * - `invalid-event` — not an episode event (not an object, an unknown kind, a date that is not
 *   `YYYY-MM-DD`, a discharge type or reason, review outcome or id outside its set): the value
 *   never passed `parseEpisodeEvent`; `invalid-argument` — the state, the program or the log is
 *   not one (not from `startEpisode`/`replayEpisode`/`defineProgram`, not a list, or more than
 *   `limits.maxEvents` events).
 */
export type EpisodeErrorCode = (typeof episodeErrorCodes)[number];

/** A rejected event: a code and a sentence. */
export interface EpisodeError {
  /** Why, as a stable code. */
  readonly code: EpisodeErrorCode;
  /** A sentence for people. */
  readonly message: string;
}
