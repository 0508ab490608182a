/**
 * After the program: an aftercare plan from the profile, the course of the episode and how it
 * ended — continuing care, mutual support, sober living, vocational and educational support,
 * family therapy, medication continuity, alumni services, a relapse-prevention plan and
 * continued-monitoring check-ins that thin out over time — and a review of recorded check-ins that
 * answers a missed check-in or a lapse with more support (seeds 000, 003).
 * @module aftercare
 */
export {
  AftercareComponent,
  AftercarePlan,
  AftercareReason,
  AftercareSituation,
  HandoffDestination,
  MutualSupportGroup,
  ScheduledContact,
  parseAftercarePlan,
  safeParseAftercarePlan,
  type AftercareComponentKind,
  type ComponentOf,
} from "./aftercare-plan";
export {
  PlanEntry,
  PlanEntrySource,
  RelapsePreventionPlan,
  SupportContact,
  parseRelapsePreventionPlan,
  safeParseRelapsePreventionPlan,
} from "./relapse-prevention-plan";
export {
  CheckInOutcome,
  MutualSupportAttendance,
  parseCheckInOutcome,
  safeParseCheckInOutcome,
} from "./check-in-outcome";
export { aftercareComponentsBySituation, aftercareSituation } from "./situation";
export { planAftercare, type PlanAftercareInput } from "./plan-aftercare";
export {
  reviewAftercare,
  type AftercareRecommendation,
  type AftercareReview,
  type ContactStatus,
  type NextContact,
  type RecommendationCode,
  type ReviewAftercareContext,
  type ReviewedContact,
} from "./review-aftercare";
