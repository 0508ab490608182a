/**
 * What an IOP is: levels of care, session types, phases that step down, and program definitions
 * with validated templates.
 * @module program
 */
export {
  AsamEdition,
  LevelOfCareId,
  Population,
  asamDimensions,
  asamEditions,
  careSettings,
  formatBand,
  hoursBandOf,
  isInsideBand,
  levelOfCareIds,
  levelOfCareRank,
  levelsOfCare,
  populations,
  type AsamDimension,
  type CareSetting,
  type HoursBand,
  type LevelOfCare,
} from "./levels-of-care";
export {
  Modality,
  SessionTypeId,
  StaffRole,
  modalities,
  sessionFormats,
  sessionTypeIds,
  sessionTypes,
  staffRoles,
  type SessionFormat,
  type SessionType,
} from "./session-types";
export {
  AbsencePolicy,
  ConditionKind,
  DrugTestPolicy,
  ExitCriteria,
  HoursPerWeek,
  type IntRange,
  OneToOneAppliesTo,
  OneToOneRequirement,
  OperatingWindow,
  PatternEntry,
  Phase,
  Program,
  ProgramShape,
  ReviewPolicy,
  conditionKinds,
  oneToOneAppliesTo,
  oneToOneSessionTypes,
  usesAsamLevels,
  type PhaseInput,
  type ProgramInput,
} from "./program";
export {
  AftercarePolicy,
  CheckInStage,
  type AftercarePolicyInput,
  type ContinuingCarePolicy,
  type HandoffDeadlines,
  type LapsePolicy,
  type MutualSupportPolicy,
  type RelapseFollowUpPolicy,
} from "./aftercare-policy";
export {
  DeliveryMode,
  FacilityPlaceOfService,
  Room,
  RoomKind,
  deliveryModeSources,
  deliveryModes,
  deliveryModesFor,
  facilityPlacesOfService,
  placeOfServiceSources,
  placesOfService,
  roomKindFor,
  roomKinds,
  sessionDeliveryModes,
  venueIssues,
  type PlaceOfService,
  type SessionDeliveryMode,
} from "./rooms";
export { defineProgram, safeDefineProgram } from "./define-program";
export {
  billingHints,
  type BillingCaveat,
  type BillingCodeSet,
  type BillingHint,
  type BillingHints,
} from "./billing";
export {
  clinicalHours,
  entriesForTrack,
  levelBandOf,
  maxOneToOneHoursPerWeek,
  plannedWeeksOf,
  programIssues,
  tracksOf,
} from "./program-issues";
export {
  adolescent,
  eatingDisorder,
  mentalHealthAdult,
  programTemplates,
  substanceUseAdult,
  type TemplateOptions,
  type TrackedTemplateOptions,
} from "./templates";
