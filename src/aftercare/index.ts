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
  aftercareComponentKinds,
  aftercareReasonCodes,
  aftercareSituations,
  handoffDestinations,
  mutualSupportGroups,
  parseAftercarePlan,
  safeParseAftercarePlan,
  type AftercareComponentInput,
  type AftercareComponentKind,
  type AftercareDischarge,
  type AftercarePlanInput,
  type AftercareReasonCode,
  type AlumniComponent,
  type ComponentOf,
  type ContinuingCareComponent,
  type EducationalComponent,
  type FamilyTherapyComponent,
  type MedicationContinuityComponent,
  type MonitoringComponent,
  type MutualSupportComponent,
  type ReengagementOutreachComponent,
  type RelapsePreventionComponent,
  type RelapsePreventionComponentInput,
  type SoberLivingComponent,
  type VocationalComponent,
  type WarmHandoffComponent,
} from "./aftercare-plan";
export {
  PlanEntry,
  PlanEntrySource,
  RelapsePreventionPlan,
  SupportContact,
  parseRelapsePreventionPlan,
  planEntrySources,
  safeParseRelapsePreventionPlan,
  supportContactRoles,
  type RelapsePreventionPlanInput,
} from "./relapse-prevention-plan";
export {
  CheckInOutcome,
  MutualSupportAttendance,
  checkInStatuses,
  parseCheckInOutcome,
  safeParseCheckInOutcome,
  type CheckInOutcomeInput,
} from "./check-in-outcome";
export { aftercareComponentsBySituation, aftercareSituation } from "./situation";
export { planAftercare, type PlanAftercareInput } from "./plan-aftercare";
export {
  contactStatuses,
  recommendationCodes,
  reviewAftercare,
  type AftercareRecommendation,
  type AftercareReview,
  type ContactStatus,
  type NextContact,
  type RecommendationCode,
  type ReviewAftercareContext,
  type ReviewedContact,
} from "./review-aftercare";
