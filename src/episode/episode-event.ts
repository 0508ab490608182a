/**
 * The episode's events: what happened to a participant's course, one dated record each, told apart
 * by `kind`. The log is append-only; apps store it (a table of JSON rows) and replay it
 * (`replayEpisode`). Every event has a schema, so a stored log is validated on the way back in
 * (`parseEpisodeLog`).
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import {
  EpisodeId,
  IsoDateSchema,
  LabelSchema,
  limits,
  ParticipantId,
  PhaseId,
  ProgramId,
  TextSchema,
} from "../core/index";
import { EligibilityDecision } from "../eligibility/index";
import { LevelOfCareId } from "../program/index";

/**
 * What a clinical review decided (DESIGN.md "Episode lifecycle": a relapse or positive test opens a
 * review that can keep the phase, step up, or refer to a higher level):
 * - `continue` — stay in the phase;
 * - `step-up` — move to an earlier, more intense phase (allows one `stepped-up` event);
 * - `refer-higher` — refer to a higher level of care (discharge `transferred-higher` follows);
 * - `step-down` — ready to leave the phase: the clinician's sign-off that exit criteria ask for.
 */
export const ReviewOutcome = /* @__PURE__ */ pure(() =>
  z.enum(["continue", "step-up", "refer-higher", "step-down"]),
);
/** A clinical review's outcome. */
export type ReviewOutcome = z.infer<typeof ReviewOutcome>;

/** How an episode ended (DOMAIN.md "Discharge": completed, transferred or referred higher or lower, not completed). */
export const DischargeType = /* @__PURE__ */ pure(() =>
  z.enum(["completed", "transferred-higher", "transferred-lower", "not-completed"]),
);
/** A discharge type. */
export type DischargeType = z.infer<typeof DischargeType>;

/**
 * Why an episode ended. The list follows one state's reporting list (DOMAIN.md "Discharge":
 * attendance, client decision, stopped coming and contact failed → `lost-to-contact`, financial,
 * lack of progress, medical, moved, incarcerated, died, program closed) plus DESIGN.md's
 * `against-clinical-advice` and `administrative`, `treatment-completed` (the only reason of a
 * `completed` discharge), `clinical-need` (a transfer to a level that fits better) and `other`.
 */
export const DischargeReason = /* @__PURE__ */ pure(() =>
  z.enum([
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
  ]),
);
/** A discharge reason code. */
export type DischargeReason = z.infer<typeof DischargeReason>;

const common = /* @__PURE__ */ pure(() => ({
  /** The local date it happened. Events are in non-decreasing date order. */
  on: IsoDateSchema,
  /** Who recorded or decided it. */
  by: LabelSchema.optional(),
  /** Free text for the record. */
  note: TextSchema.optional(),
}));
const substances = /* @__PURE__ */ pure(() => z.array(LabelSchema).max(50).optional());

/** Any episode event, told apart by `kind`. Validate with {@link parseEpisodeEvent}. */
export const EpisodeEvent = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("kind", [
    /** The episode begins: a referral of a participant to a program. Always the first event. */
    z.strictObject({
      kind: z.literal("referred"),
      ...common,
      participantId: ParticipantId,
      programId: ProgramId,
      episodeId: EpisodeId.optional(),
      /** Who referred (a clinic, a court, self). */
      source: LabelSchema.optional(),
    }),
    /** The assessment's placement decision (`assessEligibility`). Admission needs an admitting one. */
    z.strictObject({ kind: z.literal("assessed"), ...common, decision: EligibilityDecision }),
    /** Admitted to the program, into a phase (the first, or a later one for a step-down admission). */
    z.strictObject({
      kind: z.literal("admitted"),
      ...common,
      programId: ProgramId,
      phaseId: PhaseId,
    }),
    /** The admission phase starts (the first day of treatment). */
    z.strictObject({ kind: z.literal("phase-started"), ...common, phaseId: PhaseId }),
    /** Moved to a later, less intense phase: `toPhaseId`, or the next one. */
    z.strictObject({ kind: z.literal("stepped-down"), ...common, toPhaseId: PhaseId.optional() }),
    /** Moved to an earlier, more intense phase after a review decided so: `toPhaseId`, or the previous one. */
    z.strictObject({ kind: z.literal("stepped-up"), ...common, toPhaseId: PhaseId.optional() }),
    /** A relapse was reported; it opens a clinical review (seed 000: relapse is not failure). */
    z.strictObject({ kind: z.literal("relapse-reported"), ...common, substances }),
    /** A positive drug test was recorded; it opens a clinical review. */
    z.strictObject({
      kind: z.literal("positive-test-recorded"),
      ...common,
      substances,
      /** A laboratory confirmed it. */
      confirmed: z.boolean().optional(),
    }),
    /** A clinical review was held; it closes every open review. */
    z.strictObject({ kind: z.literal("clinical-review-held"), ...common, outcome: ReviewOutcome }),
    /** The treatment plan was reviewed (restarts the review interval). */
    z.strictObject({ kind: z.literal("plan-reviewed"), ...common }),
    /** A physician recertified the need for the level of care (Medicare IOP: at least every 60 days). */
    z.strictObject({ kind: z.literal("recertified"), ...common }),
    /** The payer authorised a level of care for a period — kept apart from the clinical level. */
    z
      .strictObject({
        kind: z.literal("level-of-care-authorised"),
        ...common,
        level: LevelOfCareId,
        from: IsoDateSchema,
        to: IsoDateSchema,
        payer: LabelSchema.optional(),
        /** The payer's authorisation number. */
        reference: LabelSchema.optional(),
      })
      .refine((a) => a.from <= a.to, {
        message: "the authorisation ends before it starts",
        path: ["to"],
        params: { code: "authorisation-ends-before-start" },
      }),
    /** The episode ended. A `completed` discharge has reason `treatment-completed`, and only it. */
    z.strictObject({
      kind: z.literal("discharged"),
      ...common,
      type: DischargeType,
      reason: DischargeReason,
      /** The level of care referred to, on a transfer. */
      referredTo: LevelOfCareId.optional(),
    }),
    /** Aftercare began (after discharge). */
    z.strictObject({ kind: z.literal("aftercare-started"), ...common }),
  ]),
);
/** An episode event. */
export type EpisodeEvent = z.infer<typeof EpisodeEvent>;
/** The kinds of episode event. */
export type EpisodeEventKind = EpisodeEvent["kind"];
/** The event of one kind, e.g. `EventOf<"discharged">`. */
export type EventOf<K extends EpisodeEventKind> = Extract<EpisodeEvent, { kind: K }>;

/** A whole stored log, oldest first. */
export const EpisodeLog = /* @__PURE__ */ pure(() => z.array(EpisodeEvent).max(limits.maxEvents));
/** An episode log. */
export type EpisodeLog = z.infer<typeof EpisodeLog>;

const eventParser = /* @__PURE__ */ pure(() => parserFor(EpisodeEvent, "parseEpisodeEvent"));
const logParser = /* @__PURE__ */ pure(() => parserFor(EpisodeLog, "parseEpisodeLog"));

/**
 * Validates one event from any input (a request, a stored row); throws
 * {@link core!IopError | IopError} listing every problem.
 * @example
 * ```ts
 * parseEpisodeEvent({ kind: "plan-reviewed", on: "2026-04-08" });
 * ```
 */
export function parseEpisodeEvent(input: unknown): EpisodeEvent {
  return eventParser.parse(input);
}
/** Like {@link parseEpisodeEvent}, but returns `{ success, data | error }`. */
export function safeParseEpisodeEvent(input: unknown): Result<EpisodeEvent> {
  return eventParser.safeParse(input);
}
/**
 * Validates a stored log (an array of events, oldest first) — the shapes only; whether the events
 * can happen in that order is {@link replayEpisode}'s to say.
 */
export function parseEpisodeLog(input: unknown): EpisodeLog {
  return logParser.parse(input);
}
/** Like {@link parseEpisodeLog}, but returns `{ success, data | error }`. */
export function safeParseEpisodeLog(input: unknown): Result<EpisodeLog> {
  return logParser.safeParse(input);
}
