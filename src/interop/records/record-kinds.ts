/**
 * The record kinds apps store, in one table: each kind's schema, its stored format (version and
 * migration steps) and what it is. `jsonSchemas` and `migrateRecord` read it.
 */
import type { RecordFormat } from "../../core/record-format";
import type { Schema } from "../../core/schema";
import { pure } from "../../core/pure";
import {
  AftercarePlan,
  CheckInOutcome,
  RelapsePreventionPlan,
  type AftercarePlanInput,
  type CheckInOutcomeInput,
  type RelapsePreventionPlanInput,
} from "../../aftercare/index";
import { aftercarePlanFormat } from "../../aftercare/aftercare-plan";
import { checkInOutcomeFormat } from "../../aftercare/check-in-outcome";
import { relapsePreventionPlanFormat } from "../../aftercare/relapse-prevention-plan";
import {
  AttendanceRecord,
  DrugTestResult,
  type AttendanceRecordInput,
  type DrugTestResultInput,
} from "../../attendance/index";
import { attendanceRecordFormat } from "../../attendance/attendance-record";
import { drugTestResultFormat } from "../../attendance/drug-test-result";
import {
  ClinicianOverride,
  EligibilityDecision,
  type ClinicianOverrideInput,
  type EligibilityDecisionInput,
} from "../../eligibility/index";
import { clinicianOverrideFormat, eligibilityDecisionFormat } from "../../eligibility/decision";
import {
  EpisodeEvent,
  EpisodeLog,
  type EpisodeEventInput,
  type EpisodeLogInput,
} from "../../episode/index";
import { episodeEventFormat, episodeLogFormat } from "../../episode/episode-event";
import { MeasureAdministration, type MeasureAdministrationInput } from "../../measures/index";
import { measureAdministrationFormat } from "../../measures/measure-administration";
import {
  Authorization,
  Consent,
  Participant,
  type AuthorizationInput,
  type ConsentInput,
  type ParticipantInput,
} from "../../participant/index";
import { authorizationFormat } from "../../participant/authorization";
import { consentFormat } from "../../participant/consent";
import {
  WaitlistEntry,
  waitlistEntryFormat,
  type WaitlistEntryInput,
} from "../../capacity/waitlist";
import { participantFormat } from "../../participant/participant";
import {
  DisclosureRequest,
  RedactionPolicy,
  type DisclosureRequestInput,
  type RedactionPolicyInput,
} from "../../privacy/index";
import { disclosureRequestFormat } from "../../privacy/disclosure-request";
import { redactionPolicyFormat } from "../../privacy/redaction-policy";
import { Program, type ProgramInput } from "../../program/index";
import { programFormat } from "../../program/program";
import {
  Enrollment,
  Schedule,
  ScheduledSession,
  Staff,
  type EnrollmentInput,
  type ScheduleInput,
  type ScheduledSessionInput,
  type StaffInput,
} from "../../schedule/index";
import {
  enrollmentFormat,
  scheduledSessionFormat,
  scheduleFormat,
  staffFormat,
} from "../../schedule/records";

/**
 * Every record kind an app stores, in a fixed order. Each has a format version (see
 * {@link recordFormats}), a JSON Schema ({@link jsonSchemas}) and a migration
 * ({@link migrateRecord}). To add a kind, add its name here and its line in the table below (the
 * compiler insists on both).
 */
export const recordKinds = [
  "Program",
  "Participant",
  "Consent",
  "Enrollment",
  "Staff",
  "Schedule",
  "ScheduledSession",
  "MeasureAdministration",
  "DisclosureRequest",
  "RedactionPolicy",
  "ClinicianOverride",
  "EligibilityDecision",
  "AftercarePlan",
  "RelapsePreventionPlan",
  "CheckInOutcome",
  "AttendanceRecord",
  "DrugTestResult",
  "EpisodeEvent",
  "EpisodeLog",
  "Authorization",
  "WaitlistEntry",
] as const;

/** A stored record kind, e.g. `"Participant"`: one of {@link recordKinds}. */
export type RecordKind = (typeof recordKinds)[number];

/** The record each kind parses to, e.g. `RecordOf["Participant"]` is {@link participant!Participant | Participant}. */
export interface RecordOf {
  /** A program definition. */
  Program: Program;
  /** A participant profile. */
  Participant: Participant;
  /** A 42 CFR Part 2 consent. */
  Consent: Consent;
  /** An enrolment. */
  Enrollment: Enrollment;
  /** A staff member. */
  Staff: Staff;
  /** A schedule. */
  Schedule: Schedule;
  /** One session of a schedule. */
  ScheduledSession: ScheduledSession;
  /** One administration of an instrument. */
  MeasureAdministration: MeasureAdministration;
  /** A request to disclose Part 2 records. */
  DisclosureRequest: DisclosureRequest;
  /** How `redact` treats records. */
  RedactionPolicy: RedactionPolicy;
  /** A clinician's override of an eligibility decision. */
  ClinicianOverride: ClinicianOverride;
  /** An eligibility decision. */
  EligibilityDecision: EligibilityDecision;
  /** An aftercare plan. */
  AftercarePlan: AftercarePlan;
  /** A relapse-prevention plan. */
  RelapsePreventionPlan: RelapsePreventionPlan;
  /** A check-in's outcome. */
  CheckInOutcome: CheckInOutcome;
  /** One participant at one session. */
  AttendanceRecord: AttendanceRecord;
  /** One drug test. */
  DrugTestResult: DrugTestResult;
  /** One episode event. */
  EpisodeEvent: EpisodeEvent;
  /** A whole episode log. */
  EpisodeLog: EpisodeLog;
  /** A payer's authorisation of a level of care. */
  Authorization: Authorization;
  /** One person waiting for a seat. */
  WaitlistEntry: WaitlistEntry;
}

/** What an app writes for each kind (fields with defaults, and `formatVersion`, may be left out). */
export interface RecordInputOf {
  /** See {@link RecordOf.Program}. */
  Program: ProgramInput;
  /** See {@link RecordOf.Participant}. */
  Participant: ParticipantInput;
  /** See {@link RecordOf.Consent}. */
  Consent: ConsentInput;
  /** See {@link RecordOf.Enrollment}. */
  Enrollment: EnrollmentInput;
  /** See {@link RecordOf.Staff}. */
  Staff: StaffInput;
  /** See {@link RecordOf.Schedule}. */
  Schedule: ScheduleInput;
  /** See {@link RecordOf.ScheduledSession}. */
  ScheduledSession: ScheduledSessionInput;
  /** See {@link RecordOf.MeasureAdministration}. */
  MeasureAdministration: MeasureAdministrationInput;
  /** See {@link RecordOf.DisclosureRequest}. */
  DisclosureRequest: DisclosureRequestInput;
  /** See {@link RecordOf.RedactionPolicy}. */
  RedactionPolicy: RedactionPolicyInput;
  /** See {@link RecordOf.ClinicianOverride}. */
  ClinicianOverride: ClinicianOverrideInput;
  /** See {@link RecordOf.EligibilityDecision}. */
  EligibilityDecision: EligibilityDecisionInput;
  /** See {@link RecordOf.AftercarePlan}. */
  AftercarePlan: AftercarePlanInput;
  /** See {@link RecordOf.RelapsePreventionPlan}. */
  RelapsePreventionPlan: RelapsePreventionPlanInput;
  /** See {@link RecordOf.CheckInOutcome}. */
  CheckInOutcome: CheckInOutcomeInput;
  /** See {@link RecordOf.AttendanceRecord}. */
  AttendanceRecord: AttendanceRecordInput;
  /** See {@link RecordOf.DrugTestResult}. */
  DrugTestResult: DrugTestResultInput;
  /** See {@link RecordOf.EpisodeEvent}. */
  EpisodeEvent: EpisodeEventInput;
  /** See {@link RecordOf.EpisodeLog}. */
  EpisodeLog: EpisodeLogInput;
  /** See {@link RecordOf.Authorization}. */
  Authorization: AuthorizationInput;
  /** See {@link RecordOf.WaitlistEntry}. */
  WaitlistEntry: WaitlistEntryInput;
}

/** One kind: its schema (a thunk, so unused schemas tree-shake away), its format and what it is. @internal */
export interface RecordKindEntry<K extends RecordKind> {
  /** The schema that reads every format of the kind. */
  readonly schema: () => Schema<RecordOf[K], RecordInputOf[K]>;
  /** Its stored format. */
  readonly format: RecordFormat;
  /** What it is, and which function validates it. */
  readonly description: string;
}

/** One line per kind. @internal */
export const recordTable: { readonly [K in RecordKind]: RecordKindEntry<K> } = {
  Program: {
    schema: () => Program,
    format: programFormat,
    description:
      "A program definition as an app writes it: the input of defineProgram (fields with defaults may be left out).",
  },
  Participant: {
    schema: () => Participant,
    format: participantFormat,
    description:
      "A participant profile: clinical picture, ASAM dimensions, history, living situation, availability and consents (parseParticipant).",
  },
  Consent: {
    schema: () => Consent,
    format: consentFormat,
    description:
      "A 42 CFR Part 2 consent to disclose substance-use-disorder records (parseConsent).",
  },
  Enrollment: {
    schema: () => Enrollment,
    format: enrollmentFormat,
    description:
      "A participant enrolled in a program from a date, on a track or an explicit phase path (parseEnrollment).",
  },
  Staff: {
    schema: () => Staff,
    format: staffFormat,
    description: "A staff member: roles, weekly availability and group load (parseStaff).",
  },
  Schedule: {
    schema: () => Schedule,
    format: scheduleFormat,
    description:
      "A schedule: dated sessions, group rosters, unschedulable participants and shortfalls (parseSchedule).",
  },
  ScheduledSession: {
    schema: () => ScheduledSession,
    format: scheduledSessionFormat,
    description: "One dated session of a schedule; instants carry the program zone's offset.",
  },
  MeasureAdministration: {
    schema: () => MeasureAdministration,
    format: measureAdministrationFormat,
    description:
      "One administration of a standard instrument (PHQ-9, GAD-7, AUDIT-C, DAST-10, BAM) with its answers (parseMeasureAdministration).",
  },
  DisclosureRequest: {
    schema: () => DisclosureRequest,
    format: disclosureRequestFormat,
    description:
      "A request to disclose Part 2 records, checked against a consent by canDisclose (parseDisclosureRequest).",
  },
  RedactionPolicy: {
    schema: () => RedactionPolicy,
    format: redactionPolicyFormat,
    description: "How redact replaces or removes personal data (parseRedactionPolicy).",
  },
  ClinicianOverride: {
    schema: () => ClinicianOverride,
    format: clinicianOverrideFormat,
    description:
      "A clinician's override of a computed eligibility decision, with the reason (assessEligibility's override option).",
  },
  EligibilityDecision: {
    schema: () => EligibilityDecision,
    format: eligibilityDecisionFormat,
    description:
      "The eligibility decision assessEligibility returns: outcome, recommended level, every reason and condition.",
  },
  AftercarePlan: {
    schema: () => AftercarePlan,
    format: aftercarePlanFormat,
    description:
      "An aftercare plan as planAftercare returns it: the discharge situation and its components, each with its reason (parseAftercarePlan).",
  },
  RelapsePreventionPlan: {
    schema: () => RelapsePreventionPlan,
    format: relapsePreventionPlanFormat,
    description:
      "A relapse-prevention plan the participant fills in: triggers, warning signs, coping strategies, contacts, steps after a lapse (parseRelapsePreventionPlan).",
  },
  CheckInOutcome: {
    schema: () => CheckInOutcome,
    format: checkInOutcomeFormat,
    description:
      "The outcome of an aftercare check-in or outreach attempt: completed (with a lapse, mutual-support meetings) or missed (parseCheckInOutcome).",
  },
  AttendanceRecord: {
    schema: () => AttendanceRecord,
    format: attendanceRecordFormat,
    description:
      "One participant at one scheduled session: status and minutes attended (parseAttendanceRecord).",
  },
  DrugTestResult: {
    schema: () => DrugTestResult,
    format: drugTestResultFormat,
    description:
      "One drug test of one participant: when, the outcome, substances found on a positive (parseDrugTestResult).",
  },
  EpisodeEvent: {
    schema: () => EpisodeEvent,
    format: episodeEventFormat,
    description:
      "One dated event of a participant's episode (referral, admission, steps, reviews, discharge…), told apart by kind (parseEpisodeEvent).",
  },
  EpisodeLog: {
    schema: () => EpisodeLog,
    format: episodeLogFormat,
    description:
      "A stored episode log: the episode's events, oldest first, each carrying its own format (parseEpisodeLog; replayEpisode checks their order).",
  },
  Authorization: {
    schema: () => Authorization,
    format: authorizationFormat,
    description:
      "A payer's authorisation of a level of care for a participant, from a day to a day, optionally for a number of units (parseAuthorization; authorizationLedger in iopkit/capacity).",
  },
  WaitlistEntry: {
    schema: () => WaitlistEntry,
    format: waitlistEntryFormat,
    description:
      "One person waiting for a seat: the day they asked for treatment, their priority class, the track or phase they need, interim services given (parseWaitlistEntry and admitFromWaitlist in iopkit/capacity).",
  },
};

/**
 * The current format of each stored record kind: the `formatVersion` every record of that kind
 * iopkit writes carries (an episode log is a list: its events carry it). Format 1 is what iopkit
 * 0.1.0 wrote, with no `formatVersion`.
 * @example
 * ```ts
 * recordFormats.Participant; // 2
 * ```
 */
export const recordFormats: { readonly [K in RecordKind]: number } = /* @__PURE__ */ pure(() => {
  const out = {} as { [K in RecordKind]: number };
  for (const kind of recordKinds) out[kind] = recordTable[kind].format.version;
  return Object.freeze(out);
});
