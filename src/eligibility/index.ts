/**
 * Who belongs in an IOP: an explainable placement decision, with the rules as data.
 * @module eligibility
 */
export { admissionTracks } from "./admission-tracks";
export { assessEligibility, sessionTypesForConditions, type AssessOptions } from "./assess";
export {
  ClinicianOverride,
  DecisionCondition,
  DecisionReason,
  EligibilityDecision,
  EligibilityOutcome,
  eligibilityConditionCodes,
  eligibilityOutcomes,
  eligibilityReasonCodes,
  type ClinicianOverrideInput,
  type ComputedDecision,
  type EligibilityConditionCode,
  type EligibilityDecisionInput,
  type EligibilityReasonCode,
} from "./decision";
export {
  eligibilityRuleIds,
  eligibilityRules,
  type EligibilityRule,
  type EligibilityRuleId,
  type EligibilityRuleParams,
  type EligibilityRules,
  type RiskLevels,
} from "./rules";
