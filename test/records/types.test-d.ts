// Every public record, decision, result, reason and code set has a named type (an interface, or
// an alias of a union of named interfaces or literals) exported from "iopkit", so an editor shows
// `Participant`, not an expanded shape; and each schema parses to exactly its named type and
// accepts exactly its named input type, both ways (the schema is also checked where it is
// defined: `lazySchema` refuses a schema whose output or input differs).
import type { z } from "zod";
import { expectTypeOf, test } from "vitest";
import type * as iop from "iopkit";

test("each schema parses to its named type and accepts its named input type", () => {
  expectTypeOf<z.output<typeof iop.AbsencePolicy>>().toEqualTypeOf<iop.AbsencePolicy>();
  expectTypeOf<z.output<typeof iop.AftercareComponent>>().toEqualTypeOf<iop.AftercareComponent>();
  expectTypeOf<
    z.input<typeof iop.AftercareComponent>
  >().toEqualTypeOf<iop.AftercareComponentInput>();
  expectTypeOf<z.output<typeof iop.AftercarePlan>>().toEqualTypeOf<iop.AftercarePlan>();
  expectTypeOf<z.input<typeof iop.AftercarePlan>>().toEqualTypeOf<iop.AftercarePlanInput>();
  expectTypeOf<z.output<typeof iop.AftercarePolicy>>().toEqualTypeOf<iop.AftercarePolicy>();
  expectTypeOf<z.input<typeof iop.AftercarePolicy>>().toEqualTypeOf<iop.AftercarePolicyInput>();
  expectTypeOf<z.output<typeof iop.AftercareReason>>().toEqualTypeOf<iop.AftercareReason>();
  expectTypeOf<z.output<typeof iop.AftercareSituation>>().toEqualTypeOf<iop.AftercareSituation>();
  expectTypeOf<z.output<typeof iop.Answer>>().toEqualTypeOf<iop.Answer>();
  expectTypeOf<z.output<typeof iop.AsamEdition>>().toEqualTypeOf<iop.AsamEdition>();
  expectTypeOf<z.output<typeof iop.AttendanceRecord>>().toEqualTypeOf<iop.AttendanceRecord>();
  expectTypeOf<z.input<typeof iop.AttendanceRecord>>().toEqualTypeOf<iop.AttendanceRecordInput>();
  expectTypeOf<z.output<typeof iop.AttendanceStatus>>().toEqualTypeOf<iop.AttendanceStatus>();
  expectTypeOf<z.output<typeof iop.BamCompositeId>>().toEqualTypeOf<iop.BamCompositeId>();
  expectTypeOf<z.output<typeof iop.BamScore>>().toEqualTypeOf<iop.BamScore>();
  expectTypeOf<z.output<typeof iop.BamSubstance>>().toEqualTypeOf<iop.BamSubstance>();
  expectTypeOf<z.output<typeof iop.BamSubstanceDays>>().toEqualTypeOf<iop.BamSubstanceDays>();
  expectTypeOf<z.output<typeof iop.ChangeCriterion>>().toEqualTypeOf<iop.ChangeCriterion>();
  expectTypeOf<z.output<typeof iop.ChangeDirection>>().toEqualTypeOf<iop.ChangeDirection>();
  expectTypeOf<z.output<typeof iop.CheckInOutcome>>().toEqualTypeOf<iop.CheckInOutcome>();
  expectTypeOf<z.input<typeof iop.CheckInOutcome>>().toEqualTypeOf<iop.CheckInOutcomeInput>();
  expectTypeOf<z.output<typeof iop.CheckInStage>>().toEqualTypeOf<iop.CheckInStage>();
  expectTypeOf<z.output<typeof iop.ClinicianOverride>>().toEqualTypeOf<iop.ClinicianOverride>();
  expectTypeOf<z.input<typeof iop.ClinicianOverride>>().toEqualTypeOf<iop.ClinicianOverrideInput>();
  expectTypeOf<z.output<typeof iop.ComplianceStatus>>().toEqualTypeOf<iop.ComplianceStatus>();
  expectTypeOf<z.output<typeof iop.CompositeScore>>().toEqualTypeOf<iop.CompositeScore>();
  expectTypeOf<z.output<typeof iop.Condition>>().toEqualTypeOf<iop.Condition>();
  expectTypeOf<z.output<typeof iop.ConditionKind>>().toEqualTypeOf<iop.ConditionKind>();
  expectTypeOf<z.output<typeof iop.Consent>>().toEqualTypeOf<iop.Consent>();
  expectTypeOf<z.input<typeof iop.Consent>>().toEqualTypeOf<iop.ConsentInput>();
  expectTypeOf<z.output<typeof iop.ConsentExpiry>>().toEqualTypeOf<iop.ConsentExpiry>();
  expectTypeOf<z.output<typeof iop.ConsentId>>().toEqualTypeOf<iop.ConsentId>();
  expectTypeOf<z.output<typeof iop.ConsentsDecision>>().toEqualTypeOf<iop.ConsentsDecision>();
  expectTypeOf<z.output<typeof iop.DecisionCondition>>().toEqualTypeOf<iop.DecisionCondition>();
  expectTypeOf<z.output<typeof iop.DecisionReason>>().toEqualTypeOf<iop.DecisionReason>();
  expectTypeOf<z.output<typeof iop.Dimensions>>().toEqualTypeOf<iop.Dimensions>();
  expectTypeOf<z.output<typeof iop.DischargeReason>>().toEqualTypeOf<iop.DischargeReason>();
  expectTypeOf<z.output<typeof iop.DischargeType>>().toEqualTypeOf<iop.DischargeType>();
  expectTypeOf<z.output<typeof iop.DisclosureAllowed>>().toEqualTypeOf<iop.DisclosureAllowed>();
  expectTypeOf<z.input<typeof iop.DisclosureAllowed>>().toEqualTypeOf<iop.DisclosureAllowedInput>();
  expectTypeOf<z.output<typeof iop.DisclosureDecision>>().toEqualTypeOf<iop.DisclosureDecision>();
  expectTypeOf<z.output<typeof iop.DisclosureDenied>>().toEqualTypeOf<iop.DisclosureDenied>();
  expectTypeOf<z.input<typeof iop.DisclosureDenied>>().toEqualTypeOf<iop.DisclosureDeniedInput>();
  expectTypeOf<z.output<typeof iop.DisclosurePurpose>>().toEqualTypeOf<iop.DisclosurePurpose>();
  expectTypeOf<z.output<typeof iop.DisclosureReason>>().toEqualTypeOf<iop.DisclosureReason>();
  expectTypeOf<z.output<typeof iop.DisclosureRecipient>>().toEqualTypeOf<iop.DisclosureRecipient>();
  expectTypeOf<
    z.input<typeof iop.DisclosureRecipient>
  >().toEqualTypeOf<iop.DisclosureRecipientInput>();
  expectTypeOf<z.output<typeof iop.DisclosureRefused>>().toEqualTypeOf<iop.DisclosureRefused>();
  expectTypeOf<z.input<typeof iop.DisclosureRefused>>().toEqualTypeOf<iop.DisclosureRefusedInput>();
  expectTypeOf<z.output<typeof iop.DisclosureRequest>>().toEqualTypeOf<iop.DisclosureRequest>();
  expectTypeOf<z.input<typeof iop.DisclosureRequest>>().toEqualTypeOf<iop.DisclosureRequestInput>();
  expectTypeOf<z.output<typeof iop.DrugTestOutcome>>().toEqualTypeOf<iop.DrugTestOutcome>();
  expectTypeOf<z.output<typeof iop.DrugTestPolicy>>().toEqualTypeOf<iop.DrugTestPolicy>();
  expectTypeOf<z.output<typeof iop.DrugTestResult>>().toEqualTypeOf<iop.DrugTestResult>();
  expectTypeOf<z.input<typeof iop.DrugTestResult>>().toEqualTypeOf<iop.DrugTestResultInput>();
  expectTypeOf<z.output<typeof iop.EligibilityDecision>>().toEqualTypeOf<iop.EligibilityDecision>();
  expectTypeOf<
    z.input<typeof iop.EligibilityDecision>
  >().toEqualTypeOf<iop.EligibilityDecisionInput>();
  expectTypeOf<z.output<typeof iop.EligibilityOutcome>>().toEqualTypeOf<iop.EligibilityOutcome>();
  expectTypeOf<z.output<typeof iop.Enrollment>>().toEqualTypeOf<iop.Enrollment>();
  expectTypeOf<z.input<typeof iop.Enrollment>>().toEqualTypeOf<iop.EnrollmentInput>();
  expectTypeOf<z.output<typeof iop.EpisodeEvent>>().toEqualTypeOf<iop.EpisodeEvent>();
  expectTypeOf<z.input<typeof iop.EpisodeEvent>>().toEqualTypeOf<iop.EpisodeEventInput>();
  expectTypeOf<z.output<typeof iop.EpisodeId>>().toEqualTypeOf<iop.EpisodeId>();
  expectTypeOf<z.output<typeof iop.EpisodeLog>>().toEqualTypeOf<iop.EpisodeLog>();
  expectTypeOf<z.input<typeof iop.EpisodeLog>>().toEqualTypeOf<iop.EpisodeLogInput>();
  expectTypeOf<z.output<typeof iop.ExitCriteria>>().toEqualTypeOf<iop.ExitCriteria>();
  expectTypeOf<z.output<typeof iop.Group>>().toEqualTypeOf<iop.Group>();
  expectTypeOf<z.input<typeof iop.Group>>().toEqualTypeOf<iop.GroupInput>();
  expectTypeOf<z.output<typeof iop.GroupId>>().toEqualTypeOf<iop.GroupId>();
  expectTypeOf<z.output<typeof iop.HandoffDestination>>().toEqualTypeOf<iop.HandoffDestination>();
  expectTypeOf<z.output<typeof iop.HoursPerWeek>>().toEqualTypeOf<iop.HoursPerWeek>();
  expectTypeOf<z.output<typeof iop.InformationKind>>().toEqualTypeOf<iop.InformationKind>();
  expectTypeOf<z.output<typeof iop.InstrumentId>>().toEqualTypeOf<iop.InstrumentId>();
  expectTypeOf<z.output<typeof iop.InvariantCode>>().toEqualTypeOf<iop.InvariantCode>();
  expectTypeOf<z.output<typeof iop.LevelOfCareId>>().toEqualTypeOf<iop.LevelOfCareId>();
  expectTypeOf<
    z.output<typeof iop.MeasureAdministration>
  >().toEqualTypeOf<iop.MeasureAdministration>();
  expectTypeOf<
    z.input<typeof iop.MeasureAdministration>
  >().toEqualTypeOf<iop.MeasureAdministrationInput>();
  expectTypeOf<z.output<typeof iop.MeasureChange>>().toEqualTypeOf<iop.MeasureChange>();
  expectTypeOf<z.output<typeof iop.MeasureScore>>().toEqualTypeOf<iop.MeasureScore>();
  expectTypeOf<z.output<typeof iop.Medication>>().toEqualTypeOf<iop.Medication>();
  expectTypeOf<z.output<typeof iop.Modality>>().toEqualTypeOf<iop.Modality>();
  expectTypeOf<
    z.output<typeof iop.MutualSupportAttendance>
  >().toEqualTypeOf<iop.MutualSupportAttendance>();
  expectTypeOf<z.output<typeof iop.MutualSupportGroup>>().toEqualTypeOf<iop.MutualSupportGroup>();
  expectTypeOf<z.output<typeof iop.OneToOneAppliesTo>>().toEqualTypeOf<iop.OneToOneAppliesTo>();
  expectTypeOf<z.output<typeof iop.OneToOneRequirement>>().toEqualTypeOf<iop.OneToOneRequirement>();
  expectTypeOf<z.output<typeof iop.OperatingWindow>>().toEqualTypeOf<iop.OperatingWindow>();
  expectTypeOf<z.output<typeof iop.Part2Element>>().toEqualTypeOf<iop.Part2Element>();
  expectTypeOf<z.output<typeof iop.Participant>>().toEqualTypeOf<iop.Participant>();
  expectTypeOf<z.input<typeof iop.Participant>>().toEqualTypeOf<iop.ParticipantInput>();
  expectTypeOf<z.output<typeof iop.ParticipantId>>().toEqualTypeOf<iop.ParticipantId>();
  expectTypeOf<z.output<typeof iop.PathReason>>().toEqualTypeOf<iop.PathReason>();
  expectTypeOf<z.output<typeof iop.PathStep>>().toEqualTypeOf<iop.PathStep>();
  expectTypeOf<z.input<typeof iop.PathStep>>().toEqualTypeOf<iop.PathStepInput>();
  expectTypeOf<z.output<typeof iop.PatternEntry>>().toEqualTypeOf<iop.PatternEntry>();
  expectTypeOf<z.output<typeof iop.Phase>>().toEqualTypeOf<iop.Phase>();
  expectTypeOf<z.input<typeof iop.Phase>>().toEqualTypeOf<iop.PhaseInput>();
  expectTypeOf<z.output<typeof iop.PhaseId>>().toEqualTypeOf<iop.PhaseId>();
  expectTypeOf<z.output<typeof iop.PlanEntry>>().toEqualTypeOf<iop.PlanEntry>();
  expectTypeOf<z.output<typeof iop.PlanEntrySource>>().toEqualTypeOf<iop.PlanEntrySource>();
  expectTypeOf<z.output<typeof iop.PlanningWindow>>().toEqualTypeOf<iop.PlanningWindow>();
  expectTypeOf<z.output<typeof iop.Population>>().toEqualTypeOf<iop.Population>();
  expectTypeOf<z.output<typeof iop.Program>>().toEqualTypeOf<iop.Program>();
  expectTypeOf<z.input<typeof iop.Program>>().toEqualTypeOf<iop.ProgramInput>();
  expectTypeOf<z.output<typeof iop.ProgramId>>().toEqualTypeOf<iop.ProgramId>();
  expectTypeOf<z.output<typeof iop.Recipient>>().toEqualTypeOf<iop.Recipient>();
  expectTypeOf<z.output<typeof iop.RedactionPolicy>>().toEqualTypeOf<iop.RedactionPolicy>();
  expectTypeOf<z.input<typeof iop.RedactionPolicy>>().toEqualTypeOf<iop.RedactionPolicyInput>();
  expectTypeOf<
    z.output<typeof iop.RelapsePreventionPlan>
  >().toEqualTypeOf<iop.RelapsePreventionPlan>();
  expectTypeOf<
    z.input<typeof iop.RelapsePreventionPlan>
  >().toEqualTypeOf<iop.RelapsePreventionPlanInput>();
  expectTypeOf<z.output<typeof iop.ReviewOutcome>>().toEqualTypeOf<iop.ReviewOutcome>();
  expectTypeOf<z.output<typeof iop.ReviewPolicy>>().toEqualTypeOf<iop.ReviewPolicy>();
  expectTypeOf<z.output<typeof iop.Risk>>().toEqualTypeOf<iop.Risk>();
  expectTypeOf<z.output<typeof iop.ScaleChange>>().toEqualTypeOf<iop.ScaleChange>();
  expectTypeOf<z.output<typeof iop.Schedule>>().toEqualTypeOf<iop.Schedule>();
  expectTypeOf<z.input<typeof iop.Schedule>>().toEqualTypeOf<iop.ScheduleInput>();
  expectTypeOf<z.output<typeof iop.ScheduledContact>>().toEqualTypeOf<iop.ScheduledContact>();
  expectTypeOf<z.output<typeof iop.ScheduledSession>>().toEqualTypeOf<iop.ScheduledSession>();
  expectTypeOf<z.input<typeof iop.ScheduledSession>>().toEqualTypeOf<iop.ScheduledSessionInput>();
  expectTypeOf<z.output<typeof iop.ScoreBand>>().toEqualTypeOf<iop.ScoreBand>();
  expectTypeOf<z.output<typeof iop.ScoreFlag>>().toEqualTypeOf<iop.ScoreFlag>();
  expectTypeOf<z.output<typeof iop.SessionId>>().toEqualTypeOf<iop.SessionId>();
  expectTypeOf<z.output<typeof iop.SessionTypeId>>().toEqualTypeOf<iop.SessionTypeId>();
  expectTypeOf<z.output<typeof iop.Sex>>().toEqualTypeOf<iop.Sex>();
  expectTypeOf<z.output<typeof iop.Shortfall>>().toEqualTypeOf<iop.Shortfall>();
  expectTypeOf<z.input<typeof iop.Shortfall>>().toEqualTypeOf<iop.ShortfallInput>();
  expectTypeOf<z.output<typeof iop.Staff>>().toEqualTypeOf<iop.Staff>();
  expectTypeOf<z.input<typeof iop.Staff>>().toEqualTypeOf<iop.StaffInput>();
  expectTypeOf<z.output<typeof iop.StaffAvailability>>().toEqualTypeOf<iop.StaffAvailability>();
  expectTypeOf<z.output<typeof iop.StaffId>>().toEqualTypeOf<iop.StaffId>();
  expectTypeOf<z.output<typeof iop.StaffRole>>().toEqualTypeOf<iop.StaffRole>();
  expectTypeOf<z.output<typeof iop.SupportContact>>().toEqualTypeOf<iop.SupportContact>();
  expectTypeOf<z.output<typeof iop.TotalScore>>().toEqualTypeOf<iop.TotalScore>();
  expectTypeOf<z.output<typeof iop.Unavailability>>().toEqualTypeOf<iop.Unavailability>();
  expectTypeOf<z.output<typeof iop.Unschedulable>>().toEqualTypeOf<iop.Unschedulable>();
  expectTypeOf<z.input<typeof iop.Unschedulable>>().toEqualTypeOf<iop.UnschedulableInput>();
  expectTypeOf<z.output<typeof iop.Violation>>().toEqualTypeOf<iop.Violation>();
  expectTypeOf<z.input<typeof iop.Violation>>().toEqualTypeOf<iop.ViolationInput>();
  expectTypeOf<z.output<typeof iop.WeekCompliance>>().toEqualTypeOf<iop.WeekCompliance>();
  expectTypeOf<z.input<typeof iop.WeekCompliance>>().toEqualTypeOf<iop.WeekComplianceInput>();
});

/** The named types of iopkit's records and results; a name that disappears fails to compile. */
export type Named = [
  iop.AbsencePolicy,
  iop.AdmittedEpisode,
  iop.AdmittedEvent,
  iop.AdmittedEventInput,
  iop.AftercareComponent,
  iop.AftercareComponentInput,
  iop.AftercareComponentKind,
  iop.AftercareDischarge,
  iop.AftercareEpisode,
  iop.AftercarePlan,
  iop.AftercarePlanInput,
  iop.AftercarePolicy,
  iop.AftercarePolicyInput,
  iop.AftercareReason,
  iop.AftercareReasonCode,
  iop.AftercareRecommendation,
  iop.AftercareReview,
  iop.AftercareSituation,
  iop.AftercareStartedEvent,
  iop.AftercareStartedEventInput,
  iop.AlumniComponent,
  iop.Answer,
  iop.AnswerOption,
  iop.AnswersByInstrument,
  iop.AsamEdition,
  iop.AssessOptions,
  iop.AssessedEpisode,
  iop.AssessedEvent,
  iop.AssessedEventInput,
  iop.Assessment,
  iop.AttendanceAlert,
  iop.AttendanceRecord,
  iop.AttendanceRecordInput,
  iop.AttendanceStatus,
  iop.AttendanceSummary,
  iop.AttendanceSummaryOptions,
  iop.AuditCOptions,
  iop.Authorisation,
  iop.BamAnswer,
  iop.BamCompositeId,
  iop.BamComposites,
  iop.BamScore,
  iop.BamSubstance,
  iop.BamSubstanceDays,
  iop.BandDefinition,
  iop.CalendarAudience,
  iop.CanDiscloseOptions,
  iop.CareSetting,
  iop.ChangeCriterion,
  iop.ChangeDirection,
  iop.ChangeRules,
  iop.CheckAttendanceOptions,
  iop.CheckContext,
  iop.CheckInOutcome,
  iop.CheckInOutcomeInput,
  iop.CheckInStage,
  iop.CivilDate,
  iop.ClinicalReviewHeldEvent,
  iop.ClinicalReviewHeldEventInput,
  iop.ClinicianOverride,
  iop.ClinicianOverrideInput,
  iop.ComplianceBand,
  iop.ComplianceStatus,
  iop.ComponentOf<"monitoring">,
  iop.CompositeDefinition,
  iop.CompositeScore,
  iop.ComputedDecision,
  iop.Condition,
  iop.ConditionKind,
  iop.Consent,
  iop.ConsentExpiry,
  iop.ConsentId,
  iop.ConsentInput,
  iop.ConsentsDecision,
  iop.ContactStatus,
  iop.ContinuingCareComponent,
  iop.ContinuingCarePolicy,
  iop.CurrentPhase,
  iop.Dast10Options,
  iop.DecisionCondition,
  iop.DecisionReason,
  iop.DimensionKey,
  iop.Dimensions,
  iop.Discharge,
  iop.DischargeReason,
  iop.DischargeType,
  iop.DischargedEpisode,
  iop.DischargedEvent,
  iop.DischargedEventInput,
  iop.DisclosureAllowed,
  iop.DisclosureAllowedInput,
  iop.DisclosureDecision,
  iop.DisclosureDenied,
  iop.DisclosureDeniedInput,
  iop.DisclosurePatient,
  iop.DisclosurePurpose,
  iop.DisclosureReason,
  iop.DisclosureReasonCode,
  iop.DisclosureRecipient,
  iop.DisclosureRecipientInput,
  iop.DisclosureRefused,
  iop.DisclosureRefusedInput,
  iop.DisclosureRequest,
  iop.DisclosureRequestInput,
  iop.DrugTestOutcome,
  iop.DrugTestPlan,
  iop.DrugTestPolicy,
  iop.DrugTestReading,
  iop.DrugTestResult,
  iop.DrugTestResultInput,
  iop.DrugTestSummary,
  iop.DrugTestSummaryOptions,
  iop.DrugTestWeek,
  iop.DueDate,
  iop.DueDatesContext,
  iop.EducationalComponent,
  iop.EligibilityConditionCode,
  iop.EligibilityDecision,
  iop.EligibilityDecisionInput,
  iop.EligibilityOutcome,
  iop.EligibilityReasonCode,
  iop.EligibilityRule,
  iop.EligibilityRuleId,
  iop.EligibilityRuleParams,
  iop.EligibilityRules,
  iop.Enrollment,
  iop.EnrollmentInput,
  iop.EnrollmentPathOptions,
  iop.EpisodeBase,
  iop.EpisodeDueDates,
  iop.EpisodeError,
  iop.EpisodeErrorCode,
  iop.EpisodeEvent,
  iop.EpisodeEventInput,
  iop.EpisodeEventKind,
  iop.EpisodeId,
  iop.EpisodeLog,
  iop.EpisodeLogInput,
  iop.EpisodeResult,
  iop.EpisodeState,
  iop.EpisodeStatus,
  iop.EventOf<"discharged">,
  iop.ExitCriteria,
  iop.ExitCriterionResult,
  iop.ExpandPatternOptions,
  iop.ExpiryOnDate,
  iop.ExpiryOnEvent,
  iop.Failure,
  iop.FamilyTherapyComponent,
  iop.FhirBundleType,
  iop.FhirExport,
  iop.FhirExportInput,
  iop.FhirExportResource,
  iop.FhirIdentifierKind,
  iop.FhirOmission,
  iop.FhirOmissionCode,
  iop.FhirScheduleInput,
  iop.FlagRule,
  iop.Group,
  iop.GroupId,
  iop.GroupInput,
  iop.GroupMember,
  iop.HandoffDeadlines,
  iop.HandoffDestination,
  iop.HoursBand,
  iop.HoursPerWeek,
  iop.InPhaseEpisode,
  iop.InformationKind,
  iop.Instant,
  iop.InstrumentDefinition,
  iop.InstrumentId,
  iop.InstrumentLicence,
  iop.IntRange,
  iop.InvariantCode,
  iop.IopIssue,
  iop.IopIssueCode,
  iop.IsoDate,
  iop.IsoWeek,
  iop.IsoWeekParts,
  iop.IssuePath,
  iop.ItemDefinition,
  iop.ItemResponse,
  iop.JsonSchemaDocument,
  iop.JsonSchemaName,
  iop.KeptSessions,
  iop.LadderPhase,
  iop.LapsePolicy,
  iop.LevelOfCare,
  iop.LevelOfCareAuthorisedEvent,
  iop.LevelOfCareAuthorisedEventInput,
  iop.LevelOfCareId,
  iop.LoincCodes,
  iop.LostToContact,
  iop.MeasureAdministration,
  iop.MeasureAdministrationInput,
  iop.MeasureChange,
  iop.MeasureFlagNote,
  iop.MeasureScore,
  iop.Medication,
  iop.MedicationContinuityComponent,
  iop.Migration<unknown>,
  iop.MigrationNote,
  iop.Modality,
  iop.MonitoringComponent,
  iop.MutualSupportAttendance,
  iop.MutualSupportComponent,
  iop.MutualSupportGroup,
  iop.MutualSupportPolicy,
  iop.NamedRecipient,
  iop.NextContact,
  iop.NoExpiry,
  iop.OneToOneAppliesTo,
  iop.OneToOneRequirement,
  iop.OpenReview,
  iop.OperatingWindow,
  iop.Parser<unknown>,
  iop.Part2Element,
  iop.Participant,
  iop.ParticipantId,
  iop.ParticipantInput,
  iop.PathReason,
  iop.PathStep,
  iop.PathStepInput,
  iop.PatternEntry,
  iop.PatternOccurrence,
  iop.Phase,
  iop.PhaseExitContext,
  iop.PhaseExitReport,
  iop.PhaseHistoryEntry,
  iop.PhaseId,
  iop.PhaseInput,
  iop.PhaseSpan,
  iop.PhaseStartedEvent,
  iop.PhaseStartedEventInput,
  iop.PlanAftercareInput,
  iop.PlanDrugTestsOptions,
  iop.PlanEntry,
  iop.PlanEntrySource,
  iop.PlanReviewedEvent,
  iop.PlanReviewedEventInput,
  iop.PlanScheduleOptions,
  iop.PlannedPhase,
  iop.PlanningWindow,
  iop.Population,
  iop.PositiveTestRecordedEvent,
  iop.PositiveTestRecordedEventInput,
  iop.Program,
  iop.ProgramId,
  iop.ProgramInput,
  iop.RecertifiedEvent,
  iop.RecertifiedEventInput,
  iop.Recipient,
  iop.RecipientClass,
  iop.RecommendationCode,
  iop.RecordInputOf,
  iop.RecordKind,
  iop.RecordOf,
  iop.RedactionPolicy,
  iop.RedactionPolicyInput,
  iop.ReengagementOutreachComponent,
  iop.ReferredEpisode,
  iop.ReferredEvent,
  iop.ReferredEventInput,
  iop.RelapseFollowUpPolicy,
  iop.RelapsePreventionComponent,
  iop.RelapsePreventionComponentInput,
  iop.RelapsePreventionPlan,
  iop.RelapsePreventionPlanInput,
  iop.RelapseReportedEvent,
  iop.RelapseReportedEventInput,
  iop.ReplayFailure,
  iop.ReplayResult,
  iop.Result<unknown>,
  iop.ReviewAftercareContext,
  iop.ReviewOutcome,
  iop.ReviewPolicy,
  iop.ReviewRecord,
  iop.ReviewedContact,
  iop.Risk,
  iop.RiskLevels,
  iop.Rng,
  iop.ScaleChange,
  iop.Schedule,
  iop.ScheduleInput,
  iop.ScheduledContact,
  iop.ScheduledSession,
  iop.ScheduledSessionInput,
  iop.Schema<unknown>,
  iop.ScoreAdministrationOptions,
  iop.ScoreBand,
  iop.ScoreByInstrument,
  iop.ScoreFlag,
  iop.ScoreOptions,
  iop.ScoreOptionsArg<"phq-9">,
  iop.ScoreOptionsByInstrument,
  iop.ScoredMeasure,
  iop.Scoring,
  iop.ServiceDay,
  iop.SessionFormat,
  iop.SessionId,
  iop.SessionText,
  iop.SessionType,
  iop.SessionTypeId,
  iop.Sex,
  iop.Shortfall,
  iop.ShortfallCode,
  iop.ShortfallInput,
  iop.ShortfallInvariant,
  iop.SkipRule,
  iop.SoberLivingComponent,
  iop.Staff,
  iop.StaffAvailability,
  iop.StaffId,
  iop.StaffInput,
  iop.StaffRole,
  iop.SteppedDownEvent,
  iop.SteppedDownEventInput,
  iop.SteppedUpEvent,
  iop.SteppedUpEventInput,
  iop.Success<unknown>,
  iop.SupportContact,
  iop.TemplateOptions,
  iop.TimeZone,
  iop.ToFhirBundleOptions,
  iop.ToICalendarOptions,
  iop.TotalScore,
  iop.TrackedTemplateOptions,
  iop.Treatment,
  iop.TreatmentHistory,
  iop.Unavailability,
  iop.Unschedulable,
  iop.UnschedulableCode,
  iop.UnschedulableInput,
  iop.Violation,
  iop.ViolationInput,
  iop.VocationalComponent,
  iop.WallTime,
  iop.WarmHandoffComponent,
  iop.WeekCompliance,
  iop.WeekComplianceInput,
  iop.Weekday,
  iop.WeeklyComplianceOptions,
  iop.ZoneClock,
  iop.ZonedParts,
];

test("stored records carry their format as a literal", () => {
  expectTypeOf<iop.Program["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.Participant["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.Consent["formatVersion"]>().toEqualTypeOf<3>();
  expectTypeOf<iop.Enrollment["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.Staff["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.Schedule["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.ScheduledSession["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.MeasureAdministration["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.DisclosureRequest["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.RedactionPolicy["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.ClinicianOverride["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.EligibilityDecision["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.AftercarePlan["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.RelapsePreventionPlan["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.CheckInOutcome["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.AttendanceRecord["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.DrugTestResult["formatVersion"]>().toEqualTypeOf<3>();
  expectTypeOf<iop.EpisodeEvent["formatVersion"]>().toEqualTypeOf<2>();
  expectTypeOf<iop.RecordOf["EpisodeLog"]>().toEqualTypeOf<iop.EpisodeEvent[]>();
  expectTypeOf<ReturnType<typeof iop.migrateRecord<"Participant">>>().toEqualTypeOf<
    iop.Migration<iop.Participant>
  >();
});
