/** The eligibility decision record: outcome, recommended level, every reason and condition. */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import { IsoDateSchema, LabelSchema, TextSchema, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { built, lazySchema, type Schema } from "../core/schema";
import { dimensionKeys, type DimensionKey } from "../participant/index";
import { AsamEdition, LevelOfCareId } from "../program/index";
import { eligibilityRuleIds, type EligibilityRuleId } from "./rules";

/**
 * What to do with a referral:
 * - `admit` — this program fits;
 * - `admit-with-conditions` — it fits if the conditions are met (evening track, sober living, …);
 * - `refer-higher` / `refer-lower` — a more or less intensive level of care fits better;
 * - `refer-other` — the level fits but this program does not (age group, condition not served, no
 *   track whose hours the participant can attend);
 * - `needs-assessment` — information is missing or contradictory; the reasons name what.
 */
export const eligibilityOutcomes = [
  "admit",
  "admit-with-conditions",
  "refer-higher",
  "refer-lower",
  "refer-other",
  "needs-assessment",
] as const;
/** An eligibility outcome: one of {@link eligibilityOutcomes}. */
export type EligibilityOutcome = (typeof eligibilityOutcomes)[number];
/** The schema of an {@link EligibilityOutcome}. */
export const EligibilityOutcome: Schema<EligibilityOutcome> = /* @__PURE__ */ lazySchema(() =>
  z.enum(eligibilityOutcomes),
);

/**
 * The codes of a decision's reasons (see the eligibility guide for what each means): the level
 * (`highest-risk-dimension`, `dimension-above-program`, `detox-needed`,
 * `severe-without-prior-residential`, `frequent-relapses`, `lower-level-suffices`,
 * `no-rule-applied`), missing or contradictory information (`missing-dimension`,
 * `missing-conditions`, `contradiction-detox`, `contradiction-environment`,
 * `contradiction-history`, `contradiction-birth-date`, `age-unchecked`, `asam-4th-edition-placement`:
 * a program on the 4th edition, which iopkit does not place by dimension ratings) and a program that does
 * not fit (`age-outside-population`, `condition-not-served`, `no-track-fits`).
 */
export const eligibilityReasonCodes = [
  "highest-risk-dimension",
  "dimension-above-program",
  "detox-needed",
  "severe-without-prior-residential",
  "frequent-relapses",
  "lower-level-suffices",
  "missing-dimension",
  "missing-conditions",
  "contradiction-detox",
  "contradiction-environment",
  "contradiction-history",
  "contradiction-birth-date",
  "age-outside-population",
  "age-unchecked",
  "condition-not-served",
  "no-track-fits",
  "no-rule-applied",
  "asam-4th-edition-placement",
] as const;
/** The code of a {@link DecisionReason}: one of {@link eligibilityReasonCodes}. */
export type EligibilityReasonCode = (typeof eligibilityReasonCodes)[number];

/**
 * The codes of the conditions of an admission: `readmit-after-withdrawal-management`,
 * `change-of-environment`, `housing-support`, `coordinate-care`, `track`, `no-track-fits`,
 * `medication-management`, `engage-family`. `no-track-fits` is only in decisions stored by iopkit
 * 0.1.0, which made it a condition of an admission; iopkit now reports it as a reason of a
 * `refer-other` decision (a decision nobody can attend is not an admission).
 */
export const eligibilityConditionCodes = [
  "readmit-after-withdrawal-management",
  "change-of-environment",
  "housing-support",
  "coordinate-care",
  "track",
  "no-track-fits",
  "medication-management",
  "engage-family",
] as const;
/** The code of a {@link DecisionCondition}: one of {@link eligibilityConditionCodes}. */
export type EligibilityConditionCode = (typeof eligibilityConditionCodes)[number];

/** One reason behind a decision: a machine-readable code, a sentence, the rule that said it, and the evidence it used. */
export interface DecisionReason {
  /** What the reason is; branch on it (messages may be reworded). */
  code: EligibilityReasonCode;
  /** A sentence for people. */
  message: string;
  /** The rule (see `eligibilityRules`) that produced this reason. */
  ruleId: EligibilityRuleId;
  /** The ASAM dimension concerned, when one is. */
  dimension?: DimensionKey | undefined;
  /** What the rule looked at (plain JSON data). */
  evidence?: unknown;
}
/** The schema of a {@link DecisionReason}. */
export const DecisionReason: Schema<DecisionReason> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: z.enum(eligibilityReasonCodes),
    message: z.string(),
    ruleId: z.enum(eligibilityRuleIds),
    dimension: optional(z.enum(dimensionKeys)),
    evidence: optional(z.unknown()),
  }),
);

/** A condition attached to an admission, e.g. `{ code: "track", … }` (attend the evening track). */
export interface DecisionCondition {
  /** What the condition is. */
  code: EligibilityConditionCode;
  /** A sentence for people. */
  message: string;
  /** The rule that attached it. */
  ruleId: EligibilityRuleId;
  /** What the rule looked at (plain JSON data). */
  evidence?: unknown;
}
/** The schema of a {@link DecisionCondition}. */
export const DecisionCondition: Schema<DecisionCondition> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: z.enum(eligibilityConditionCodes),
    message: z.string(),
    ruleId: z.enum(eligibilityRuleIds),
    evidence: optional(z.unknown()),
  }),
);

/**
 * The stored format of {@link ClinicianOverride} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const clinicianOverrideFormat = {
  kind: "ClinicianOverride",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A clinician's override of the computed decision, as validated. A reason is required. */
export interface ClinicianOverride {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The outcome the clinician decides. */
  outcome: EligibilityOutcome;
  /** The level the clinician recommends; defaults to the computed one. */
  recommendedLevel?: LevelOfCareId | undefined;
  /** Why the clinician departs from the rules: trimmed, 1–10,000 characters. */
  reason: string;
  /** Who overrode. */
  clinician: string;
  /** When. */
  date?: IsoDate | undefined;
}

/** A clinician override as an app writes it (`formatVersion` may be left out). */
export interface ClinicianOverrideInput extends Omit<ClinicianOverride, "formatVersion"> {
  /** See {@link ClinicianOverride.formatVersion}; an override without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** The schema of a {@link ClinicianOverride}. */
export const ClinicianOverride: Schema<ClinicianOverride, ClinicianOverrideInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(clinicianOverrideFormat, {
      outcome: EligibilityOutcome,
      recommendedLevel: optional(LevelOfCareId),
      reason: z
        .string()
        .check(z.trim(), z.minLength(1, "an override needs a reason"), z.maxLength(10_000)),
      clinician: LabelSchema,
      date: optional(IsoDateSchema),
    }),
  );

/** What the rules computed, kept even when a clinician overrides. */
export interface ComputedDecision {
  /** The computed outcome. */
  outcome: EligibilityOutcome;
  /** The computed level. */
  recommendedLevel: LevelOfCareId;
}

/**
 * The stored format of {@link EligibilityDecision} records: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * Its override carries its own format.
 * @internal
 */
export const eligibilityDecisionFormat = {
  kind: "EligibilityDecision",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["override"], format: () => clinicianOverrideFormat }],
} as const satisfies RecordFormat;

/** The decision `assessEligibility` returns. */
export interface EligibilityDecision {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The outcome in force: the override's when there is one, else the computed one. */
  outcome: EligibilityOutcome;
  /** The least intensive level of care that can treat the participant safely. */
  recommendedLevel: LevelOfCareId;
  /** The program's level of care, for comparison. */
  programLevel: LevelOfCareId;
  /** Every reason, the one that set the level first. */
  reasons: DecisionReason[];
  /** Conditions of admission. */
  conditions: DecisionCondition[];
  /** What the rules computed, kept even when a clinician overrides. */
  computed: ComputedDecision;
  /** The clinician's override, if any. */
  override?: ClinicianOverride | undefined;
  /**
   * ASAM edition of the ratings and levels: dimensions and levels differ between the 3rd (2013)
   * and 4th (2023) editions, so every decision keeps the edition it was made under.
   */
  asamEdition: AsamEdition;
  /** The date ages were computed on, if any. */
  asOf?: IsoDate | undefined;
  /** Ids of the rules that were enabled. */
  rulesApplied: EligibilityRuleId[];
  /** Free-text note for the record. */
  note?: string | undefined;
}

/** A decision as an app stores and reads it back (`formatVersion` may be left out). */
export interface EligibilityDecisionInput extends Omit<
  EligibilityDecision,
  "formatVersion" | "override"
> {
  /** See {@link EligibilityDecision.formatVersion}; a decision without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link EligibilityDecision.override}. */
  override?: ClinicianOverrideInput | undefined;
}

/** The schema of an {@link EligibilityDecision}. */
export const EligibilityDecision: Schema<EligibilityDecision, EligibilityDecisionInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(eligibilityDecisionFormat, {
      outcome: EligibilityOutcome,
      recommendedLevel: LevelOfCareId,
      programLevel: LevelOfCareId,
      reasons: array(built(DecisionReason)),
      conditions: array(built(DecisionCondition)),
      computed: strictObject({ outcome: EligibilityOutcome, recommendedLevel: LevelOfCareId }),
      override: optional(built(ClinicianOverride)),
      asamEdition: AsamEdition,
      asOf: optional(IsoDateSchema),
      rulesApplied: array(z.enum(eligibilityRuleIds)),
      note: optional(TextSchema),
    }),
  );
