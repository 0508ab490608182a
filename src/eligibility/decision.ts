/** The eligibility decision record: outcome, recommended level, every reason and condition. */
import { pure } from "../core/pure";
import { z } from "zod";
import { IsoDateSchema, LabelSchema, TextSchema } from "../core/index";
import { AsamEdition, LevelOfCareId } from "../program/index";

/**
 * What to do with a referral:
 * - `admit` — this program fits;
 * - `admit-with-conditions` — it fits if the conditions are met (evening track, sober living, …);
 * - `refer-higher` / `refer-lower` — a more or less intensive level of care fits better;
 * - `refer-other` — the level fits but this program does not (age group, condition not served);
 * - `needs-assessment` — information is missing or contradictory; the reasons name what.
 */
export const EligibilityOutcome = /* @__PURE__ */ pure(() =>
  z.enum([
    "admit",
    "admit-with-conditions",
    "refer-higher",
    "refer-lower",
    "refer-other",
    "needs-assessment",
  ]),
);
/** An eligibility outcome. */
export type EligibilityOutcome = z.infer<typeof EligibilityOutcome>;

/** Why: a machine-readable code, a sentence, the rule that said it, and the evidence it used. */
export const DecisionReason = /* @__PURE__ */ pure(() =>
  z.strictObject({
    code: z.string(),
    message: z.string(),
    /** The rule (see `eligibilityRules`) that produced this reason. */
    ruleId: z.string(),
    /** The ASAM dimension concerned, when one is. */
    dimension: z.string().optional(),
    /** What the rule looked at (plain JSON data). */
    evidence: z.unknown().optional(),
  }),
);
/** One reason behind a decision. */
export type DecisionReason = z.infer<typeof DecisionReason>;

/** A condition of admission, e.g. `{ code: "track", … }` (attend the evening track). */
export const DecisionCondition = /* @__PURE__ */ pure(() =>
  z.strictObject({
    code: z.string(),
    message: z.string(),
    ruleId: z.string(),
    evidence: z.unknown().optional(),
  }),
);
/** A condition attached to an admission. */
export type DecisionCondition = z.infer<typeof DecisionCondition>;

/** A clinician's override of the computed decision. A reason is required. */
export const ClinicianOverride = /* @__PURE__ */ pure(() =>
  z.strictObject({
    outcome: EligibilityOutcome,
    /** The level the clinician recommends; defaults to the computed one. */
    recommendedLevel: LevelOfCareId.optional(),
    /** Why the clinician departs from the rules. Required, non-empty. */
    reason: z.string().trim().min(1, "an override needs a reason").max(10_000),
    /** Who overrode. */
    clinician: LabelSchema,
    /** When. */
    date: IsoDateSchema.optional(),
  }),
);
/** A clinician override, as validated. */
export type ClinicianOverride = z.infer<typeof ClinicianOverride>;

/** The decision `assessEligibility` returns. */
export const EligibilityDecision = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The outcome in force: the override's when there is one, else the computed one. */
    outcome: EligibilityOutcome,
    /** The least intensive level of care that can treat the participant safely. */
    recommendedLevel: LevelOfCareId,
    /** The program's level of care, for comparison. */
    programLevel: LevelOfCareId,
    reasons: z.array(DecisionReason),
    conditions: z.array(DecisionCondition),
    /** What the rules computed, kept even when a clinician overrides. */
    computed: z.strictObject({ outcome: EligibilityOutcome, recommendedLevel: LevelOfCareId }),
    override: ClinicianOverride.optional(),
    /** ASAM edition of the ratings and levels (DOMAIN.md: store the edition with every assessment). */
    asamEdition: AsamEdition,
    /** The date ages were computed on, if any. */
    asOf: IsoDateSchema.optional(),
    /** Ids of the rules that were enabled. */
    rulesApplied: z.array(z.string()),
    /** Free-text note for the record. */
    note: TextSchema.optional(),
  }),
);
/** An eligibility decision. */
export type EligibilityDecision = z.infer<typeof EligibilityDecision>;
