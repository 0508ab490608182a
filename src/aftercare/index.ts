/**
 * After the program: an aftercare plan from the profile, the course of the episode and how it
 * ended — continuing care, mutual support, sober living, vocational and educational support,
 * family therapy, medication continuity, alumni services, a relapse-prevention plan and
 * continued-monitoring check-ins that thin out over time, naloxone and overdose-risk education, a
 * crisis line and a safety plan after suicidal ideation — and a review of recorded check-ins that
 * answers a missed check-in or a lapse with more support, not discharge (NIDA, Drugs, Brains, and
 * Behavior (2020), Treatment and Recovery: relapse is not failure). Each reason names its public
 * source or says "unverified".
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
  overdoseTopics,
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
  type CrisisLine,
  type CrisisSupportComponent,
  type EducationalComponent,
  type FamilyTherapyComponent,
  type MedicationContinuityComponent,
  type MonitoringComponent,
  type MutualSupportComponent,
  type OverdosePreventionComponent,
  type OverdoseTopic,
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
