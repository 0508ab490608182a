/**
 * The episode's events: what happened to a participant's course, one dated record each, told apart
 * by `kind`. The log is append-only; apps store it (a table of JSON rows) and replay it
 * (`replayEpisode`). Every event has a schema, so a stored log is validated on the way back in
 * (`parseEpisodeLog`).
 */
import * as z from "zod/mini";
import { array, discriminatedUnion, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import {
  EpisodeId,
  IsoDateSchema,
  LabelSchema,
  limits,
  ParticipantId,
  PhaseId,
  ProgramId,
  TextSchema,
  type IsoDate,
} from "../core/index";
import {
  formatVersionField,
  storedRecord,
  versionFieldAdded,
  type RecordFormat,
} from "../core/record-format";
import { built, issue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import { EligibilityDecision, type EligibilityDecisionInput } from "../eligibility/index";
import { eligibilityDecisionFormat } from "../eligibility/decision";
import { LevelOfCareId, levelOfCareRank } from "../program/index";

/**
 * What a clinical review decided (in iopkit's episode lifecycle, a relapse or positive test opens a
 * review that can keep the phase, step up, or refer to a higher level):
 * - `continue` — stay in the phase;
 * - `step-up` — move to an earlier, more intense phase (allows one `stepped-up` event);
 * - `refer-higher` — refer to a higher level of care (discharge `transferred-higher` follows);
 * - `step-down` — ready to leave the phase: the clinician's sign-off that exit criteria ask for.
 */
export const reviewOutcomes = ["continue", "step-up", "refer-higher", "step-down"] as const;
/** A clinical review's outcome: one of {@link reviewOutcomes}. */
export type ReviewOutcome = (typeof reviewOutcomes)[number];
/** The schema of a {@link ReviewOutcome}. */
export const ReviewOutcome: Schema<ReviewOutcome> = /* @__PURE__ */ lazySchema(() =>
  z.enum(reviewOutcomes),
);

/**
 * How an episode ended: completed, transferred or referred higher or lower, not completed
 * (Colorado BHA FHIR IG (2025), discharge type: 01 completed, 02 transferred, 03 not completed;
 * iopkit splits "transferred" by direction).
 */
export const dischargeTypes = [
  "completed",
  "transferred-higher",
  "transferred-lower",
  "not-completed",
] as const;
/** A discharge type: one of {@link dischargeTypes}. */
export type DischargeType = (typeof dischargeTypes)[number];
/** The schema of a {@link DischargeType}. */
export const DischargeType: Schema<DischargeType> = /* @__PURE__ */ lazySchema(() =>
  z.enum(dischargeTypes),
);

/**
 * Whether a discharge's direction agrees with the level it refers to: `transferred-higher` needs a
 * `referredTo` more intensive than `from` (the level the participant was in), `transferred-lower`
 * a less intensive one, both by {@link program!levelOfCareRank | levelOfCareRank}. A transfer to
 * the same level is neither (record it as `not-completed`, reason `moved` or `program-closed`, for
 * a hand-off at the same level elsewhere). Any other discharge, and a transfer that names no level,
 * agrees. `applyEvent` refuses a discharge that does not agree (`transfer-direction-mismatch`).
 * @example
 * ```ts
 * transferDirectionAgrees("transferred-higher", "intensive-outpatient", "outpatient"); // false
 * transferDirectionAgrees("transferred-higher", "intensive-outpatient", "residential"); // true
 * ```
 */
export function transferDirectionAgrees(
  type: DischargeType,
  from: LevelOfCareId,
  referredTo: LevelOfCareId | undefined,
): boolean {
  if (referredTo === undefined) return true;
  const by = levelOfCareRank[referredTo] - levelOfCareRank[from];
  if (type === "transferred-higher") return by > 0;
  if (type === "transferred-lower") return by < 0;
  return true;
}

/**
 * Why an episode ended. The list follows one state's reporting list (Colorado BHA FHIR IG (2025),
 * end-of-treatment reason: attendance, client decision, stopped coming and contact failed →
 * `lost-to-contact`, financial, lack of progress, medical, moved, incarcerated, died, agency closed
 * → `program-closed`; its "military deployment" is not modelled: use `other`), plus
 * `against-clinical-advice` and `administrative` (TEDS-D codebook (2015), REASON: 2 dropped out,
 * labelled "left against professional advice" in state manuals; 3 terminated by facility),
 * `treatment-completed` (the only reason of a `completed` discharge), `clinical-need` (a transfer
 * to a level that fits better) and `other`.
 */
export const dischargeReasons = [
  "treatment-completed",
  "clinical-need",
  "attendance",
  "client-decision",
  "against-clinical-advice",
  "lost-to-contact",
  "financial",
  "lack-of-progress",
  "medical",
  "moved",
  "incarcerated",
  "died",
  "program-closed",
  "administrative",
  "other",
] as const;
/** A discharge reason code: one of {@link dischargeReasons}. */
export type DischargeReason = (typeof dischargeReasons)[number];
/** The schema of a {@link DischargeReason}. */
export const DischargeReason: Schema<DischargeReason> = /* @__PURE__ */ lazySchema(() =>
  z.enum(dischargeReasons),
);

/** The kinds of episode event, in the order an episode usually meets them. */
export const episodeEventKinds = [
  "referred",
  "assessed",
  "admitted",
  "phase-started",
  "stepped-down",
  "stepped-up",
  "relapse-reported",
  "positive-test-recorded",
  "clinical-review-held",
  "plan-reviewed",
  "recertified",
  "level-of-care-authorised",
  "discharged",
  "aftercare-started",
] as const;
/** The kinds of episode event: one of {@link episodeEventKinds}. */
export type EpisodeEventKind = (typeof episodeEventKinds)[number];

/** The episode begins: a referral of a participant to a program. Always the first event. */
export interface ReferredEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"referred"`. */
  kind: "referred";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** Who is referred. */
  participantId: ParticipantId;
  /** To which program. */
  programId: ProgramId;
  /** The app's id for the episode. */
  episodeId?: EpisodeId | undefined;
  /** Who referred (a clinic, a court, self). */
  source?: string | undefined;
}

/** The assessment's placement decision (`assessEligibility`). Admission needs an admitting one. */
export interface AssessedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"assessed"`. */
  kind: "assessed";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The decision; it carries its own format. */
  decision: EligibilityDecision;
}

/** Admitted to the program, into a phase (the first, or a later one for a step-down admission). */
export interface AdmittedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"admitted"`. */
  kind: "admitted";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The program. */
  programId: ProgramId;
  /** The phase admitted into. */
  phaseId: PhaseId;
}

/** The admission phase starts (the first day of treatment). */
export interface PhaseStartedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"phase-started"`. */
  kind: "phase-started";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The phase. */
  phaseId: PhaseId;
}

/** Moved to a later, less intense phase: `toPhaseId`, or the next one. */
export interface SteppedDownEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"stepped-down"`. */
  kind: "stepped-down";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The phase moved to; the next one when absent. */
  toPhaseId?: PhaseId | undefined;
}

/** Moved to an earlier, more intense phase after a review decided so: `toPhaseId`, or the previous one. */
export interface SteppedUpEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"stepped-up"`. */
  kind: "stepped-up";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The phase moved to; the previous one when absent. */
  toPhaseId?: PhaseId | undefined;
}

/** A relapse was reported; it opens a clinical review, not a discharge (NIDA, Drugs, Brains, and Behavior (2020), Treatment and Recovery: relapse is not failure). */
export interface RelapseReportedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"relapse-reported"`. */
  kind: "relapse-reported";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** Substances used (at most 50). */
  substances?: string[] | undefined;
}

/** A positive drug test was recorded; it opens a clinical review. */
export interface PositiveTestRecordedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"positive-test-recorded"`. */
  kind: "positive-test-recorded";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** Substances found (at most 50). */
  substances?: string[] | undefined;
  /** A laboratory confirmed it. */
  confirmed?: boolean | undefined;
}

/** A clinical review was held; it closes every open review. */
export interface ClinicalReviewHeldEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"clinical-review-held"`. */
  kind: "clinical-review-held";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** What the review decided. */
  outcome: ReviewOutcome;
}

/** The treatment plan was reviewed (restarts the review interval). */
export interface PlanReviewedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"plan-reviewed"`. */
  kind: "plan-reviewed";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
}

/** A physician recertified the need for the level of care (42 CFR 424.24 (2024), § 424.24(d): Medicare IOP, at least every other month). */
export interface RecertifiedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"recertified"`. */
  kind: "recertified";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
}

/** The payer authorised a level of care for a period — kept apart from the clinical level. */
export interface LevelOfCareAuthorisedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"level-of-care-authorised"`. */
  kind: "level-of-care-authorised";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** The level authorised. */
  level: LevelOfCareId;
  /** First day authorised. */
  from: IsoDate;
  /** Last day authorised, not before `from`. */
  to: IsoDate;
  /** The payer. */
  payer?: string | undefined;
  /** The payer's authorisation number. */
  reference?: string | undefined;
}

/** The episode ended. A `completed` discharge has reason `treatment-completed`, and only it. */
export interface DischargedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"discharged"`. */
  kind: "discharged";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
  /** How it ended. */
  type: DischargeType;
  /** Why. */
  reason: DischargeReason;
  /**
   * The level of care referred to, on a transfer: more intensive than the level the participant
   * was in for `transferred-higher`, less intensive for `transferred-lower` (see
   * {@link transferDirectionAgrees}; `applyEvent` refuses a contradiction).
   */
  referredTo?: LevelOfCareId | undefined;
}

/** Aftercare began (after discharge). */
export interface AftercareStartedEvent {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Always `"aftercare-started"`. */
  kind: "aftercare-started";
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDate;
  /** Who recorded or decided it. */
  by?: string | undefined;
  /** Free text for the record. */
  note?: string | undefined;
}

/** Any episode event, told apart by `kind`. Validate with {@link parseEpisodeEvent}. */
export type EpisodeEvent =
  | ReferredEvent
  | AssessedEvent
  | AdmittedEvent
  | PhaseStartedEvent
  | SteppedDownEvent
  | SteppedUpEvent
  | RelapseReportedEvent
  | PositiveTestRecordedEvent
  | ClinicalReviewHeldEvent
  | PlanReviewedEvent
  | RecertifiedEvent
  | LevelOfCareAuthorisedEvent
  | DischargedEvent
  | AftercareStartedEvent;
/** The event of one kind, e.g. `EventOf<"discharged">`. */
export type EventOf<K extends EpisodeEventKind> = Extract<EpisodeEvent, { kind: K }>;

/** A {@link ReferredEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface ReferredEventInput extends Omit<
  ReferredEvent,
  "formatVersion" | "participantId" | "programId" | "episodeId"
> {
  /** See {@link ReferredEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link ReferredEvent.participantId}. */
  participantId: string;
  /** See {@link ReferredEvent.programId}. */
  programId: string;
  /** See {@link ReferredEvent.episodeId}. */
  episodeId?: string | undefined;
}

/** A {@link AssessedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface AssessedEventInput extends Omit<AssessedEvent, "formatVersion" | "decision"> {
  /** See {@link AssessedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link AssessedEvent.decision}. */
  decision: EligibilityDecisionInput;
}

/** A {@link AdmittedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface AdmittedEventInput extends Omit<
  AdmittedEvent,
  "formatVersion" | "programId" | "phaseId"
> {
  /** See {@link AdmittedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link AdmittedEvent.programId}. */
  programId: string;
  /** See {@link AdmittedEvent.phaseId}. */
  phaseId: string;
}

/** A {@link PhaseStartedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface PhaseStartedEventInput extends Omit<
  PhaseStartedEvent,
  "formatVersion" | "phaseId"
> {
  /** See {@link PhaseStartedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link PhaseStartedEvent.phaseId}. */
  phaseId: string;
}

/** A {@link SteppedDownEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface SteppedDownEventInput extends Omit<
  SteppedDownEvent,
  "formatVersion" | "toPhaseId"
> {
  /** See {@link SteppedDownEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link SteppedDownEvent.toPhaseId}. */
  toPhaseId?: string | undefined;
}

/** A {@link SteppedUpEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface SteppedUpEventInput extends Omit<SteppedUpEvent, "formatVersion" | "toPhaseId"> {
  /** See {@link SteppedUpEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link SteppedUpEvent.toPhaseId}. */
  toPhaseId?: string | undefined;
}

/** A {@link RelapseReportedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface RelapseReportedEventInput extends Omit<RelapseReportedEvent, "formatVersion"> {
  /** See {@link RelapseReportedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link PositiveTestRecordedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface PositiveTestRecordedEventInput extends Omit<
  PositiveTestRecordedEvent,
  "formatVersion"
> {
  /** See {@link PositiveTestRecordedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link ClinicalReviewHeldEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface ClinicalReviewHeldEventInput extends Omit<
  ClinicalReviewHeldEvent,
  "formatVersion"
> {
  /** See {@link ClinicalReviewHeldEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link PlanReviewedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface PlanReviewedEventInput extends Omit<PlanReviewedEvent, "formatVersion"> {
  /** See {@link PlanReviewedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link RecertifiedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface RecertifiedEventInput extends Omit<RecertifiedEvent, "formatVersion"> {
  /** See {@link RecertifiedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link LevelOfCareAuthorisedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface LevelOfCareAuthorisedEventInput extends Omit<
  LevelOfCareAuthorisedEvent,
  "formatVersion"
> {
  /** See {@link LevelOfCareAuthorisedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link DischargedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface DischargedEventInput extends Omit<DischargedEvent, "formatVersion"> {
  /** See {@link DischargedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** A {@link AftercareStartedEvent} as an app writes it (ids as plain strings, `formatVersion` may be left out). */
export interface AftercareStartedEventInput extends Omit<AftercareStartedEvent, "formatVersion"> {
  /** See {@link AftercareStartedEvent.formatVersion}; an event without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** An episode event as an app writes it, told apart by `kind`. */
export type EpisodeEventInput =
  | ReferredEventInput
  | AssessedEventInput
  | AdmittedEventInput
  | PhaseStartedEventInput
  | SteppedDownEventInput
  | SteppedUpEventInput
  | RelapseReportedEventInput
  | PositiveTestRecordedEventInput
  | ClinicalReviewHeldEventInput
  | PlanReviewedEventInput
  | RecertifiedEventInput
  | LevelOfCareAuthorisedEventInput
  | DischargedEventInput
  | AftercareStartedEventInput;

/**
 * The stored format of {@link EpisodeEvent}s: 1 (iopkit 0.1.0), 2 (`formatVersion`). The decision
 * of an `assessed` event carries its own format.
 * @internal
 */
export const episodeEventFormat = {
  kind: "EpisodeEvent",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["decision"], format: () => eligibilityDecisionFormat }],
} as const satisfies RecordFormat;

/** The schema of an {@link EpisodeEvent}. */
export const EpisodeEvent: Schema<EpisodeEvent, EpisodeEventInput> = /* @__PURE__ */ lazySchema(
  () => {
    const version = formatVersionField(episodeEventFormat.version);
    const common = {
      on: IsoDateSchema,
      by: optional(LabelSchema),
      note: optional(TextSchema),
    };
    const substances = () => array(LabelSchema).check(z.maxLength(50));
    return storedRecord(
      episodeEventFormat,
      discriminatedUnion("kind", [
        strictObject({
          formatVersion: version,
          kind: z.literal("referred"),
          ...common,
          participantId: ParticipantId,
          programId: ProgramId,
          episodeId: optional(EpisodeId),
          source: optional(LabelSchema),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("assessed"),
          ...common,
          decision: built(EligibilityDecision),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("admitted"),
          ...common,
          programId: ProgramId,
          phaseId: PhaseId,
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("phase-started"),
          ...common,
          phaseId: PhaseId,
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("stepped-down"),
          ...common,
          toPhaseId: optional(PhaseId),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("stepped-up"),
          ...common,
          toPhaseId: optional(PhaseId),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("relapse-reported"),
          ...common,
          substances: optional(substances()),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("positive-test-recorded"),
          ...common,
          substances: optional(substances()),
          confirmed: optional(z.boolean()),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("clinical-review-held"),
          ...common,
          outcome: ReviewOutcome,
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("plan-reviewed"),
          ...common,
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("recertified"),
          ...common,
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("level-of-care-authorised"),
          ...common,
          level: LevelOfCareId,
          from: IsoDateSchema,
          to: IsoDateSchema,
          payer: optional(LabelSchema),
          reference: optional(LabelSchema),
        }).check(
          z.refine(
            (a) => a.from <= a.to,
            issue("authorisation-ends-before-start", "the authorisation ends before it starts", {
              path: ["to"],
            }),
          ),
        ),
        strictObject({
          formatVersion: version,
          kind: z.literal("discharged"),
          ...common,
          type: DischargeType,
          reason: DischargeReason,
          referredTo: optional(LevelOfCareId),
        }),
        strictObject({
          formatVersion: version,
          kind: z.literal("aftercare-started"),
          ...common,
        }),
      ]),
    );
  },
);

/**
 * The stored format of an {@link EpisodeLog}: a list of events, each carrying its own format.
 * @internal
 */
export const episodeLogFormat = {
  kind: "EpisodeLog",
  version: episodeEventFormat.version,
  steps: [],
  nested: [],
  items: () => episodeEventFormat,
} as const satisfies RecordFormat;

/** A whole stored log, oldest first (at most 100,000 events). */
export type EpisodeLog = EpisodeEvent[];
/** A log as an app writes it. */
export type EpisodeLogInput = EpisodeEventInput[];
/** The schema of an {@link EpisodeLog}. */
export const EpisodeLog: Schema<EpisodeLog, EpisodeLogInput> = /* @__PURE__ */ lazySchema(() =>
  array(built(EpisodeEvent)).check(z.maxLength(limits.maxEvents)),
);

/**
 * Validates one event from any input (a request, a stored row); throws
 * {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * parseEpisodeEvent({ kind: "plan-reviewed", on: "2026-04-08" });
 * ```
 */
export function parseEpisodeEvent(input: unknown): EpisodeEvent {
  return parseWith(EpisodeEvent, "parseEpisodeEvent", input);
}
/** Like {@link parseEpisodeEvent}, but returns `{ success, data | error }`. */
export function safeParseEpisodeEvent(input: unknown): Result<EpisodeEvent> {
  return safeParseWith(EpisodeEvent, "parseEpisodeEvent", input);
}
/**
 * Validates a stored log (an array of events, oldest first) — the shapes only; whether the events
 * can happen in that order is {@link replayEpisode}'s to say.
 */
export function parseEpisodeLog(input: unknown): EpisodeLog {
  return parseWith(EpisodeLog, "parseEpisodeLog", input);
}
/** Like {@link parseEpisodeLog}, but returns `{ success, data | error }`. */
export function safeParseEpisodeLog(input: unknown): Result<EpisodeLog> {
  return safeParseWith(EpisodeLog, "parseEpisodeLog", input);
}
