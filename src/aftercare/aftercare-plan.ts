/**
 * The aftercare plan record: the situation the discharge left, and its components — each told
 * apart by `kind`, each with the reason it is there. Plain JSON; apps store it and read it back
 * with {@link parseAftercarePlan}.
 */
import * as z from "zod/mini";
import { array, discriminatedUnion, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import {
  EpisodeId,
  IsoDateSchema,
  ParticipantId,
  ProgramId,
  TimeZoneSchema,
  type IsoDate,
  type TimeZone,
} from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { built, issue, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";
import { DischargeReason, DischargeType } from "../episode/index";
import { Medication } from "../participant/index";
import { LevelOfCareId } from "../program/index";
import {
  RelapsePreventionPlan,
  relapsePreventionPlanFormat,
  type RelapsePreventionPlanInput,
} from "./relapse-prevention-plan";

/**
 * What the discharge left, which decides the plan's shape (see `aftercareComponentsBySituation`):
 * - `completed` — the program was completed;
 * - `stepped-down` / `stepped-up` — transferred to a lower or a higher level of care;
 * - `continuing-elsewhere` — not completed because the participant moved or the program closed: the
 *   same level of care elsewhere;
 * - `left-early` — not completed for any other reason (client decision, against clinical advice,
 *   attendance, financial, lack of progress, administrative, other);
 * - `lost-to-contact` — stopped coming and contact failed;
 * - `medical` — left for medical care;
 * - `incarcerated`;
 * - `died` — no aftercare.
 */
export const aftercareSituations = [
  "completed",
  "stepped-down",
  "stepped-up",
  "continuing-elsewhere",
  "left-early",
  "lost-to-contact",
  "medical",
  "incarcerated",
  "died",
] as const;
/** An aftercare situation: one of {@link aftercareSituations}. */
export type AftercareSituation = (typeof aftercareSituations)[number];
/** The schema of an {@link AftercareSituation}. */
export const AftercareSituation: Schema<AftercareSituation> = /* @__PURE__ */ lazySchema(() =>
  z.enum(aftercareSituations),
);

/**
 * True when `value` is plain JSON data that survives a JSON round trip unchanged: null, booleans,
 * strings, finite numbers, arrays and plain objects of those.
 * @internal
 */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && Object.values(value).every(isPlainJson);
}

/** `"1 day"`, `"3 days"`: a count and a word, plural when it is not 1. @internal */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A count or amount ≥ 0. @internal */
export const amount = (): z.ZodMiniNumber<number> => z.number().check(z.gte(0));
/** A whole count ≥ 0. @internal */
export const count = (): z.ZodMiniNumberFormat => z.int().check(z.gte(0));

/**
 * The codes of an {@link AftercareReason}: why a plan has its shape (`completed`,
 * `transferred-lower`, `transferred-higher`, `continuing-elsewhere`, `left-early`,
 * `lost-to-contact`, `medical`, `incarcerated`, `died`), why a component is there, and why a
 * review recommends something.
 */
export const aftercareReasonCodes = [
  "completed",
  "transferred-lower",
  "transferred-higher",
  "continuing-elsewhere",
  "left-early",
  "lost-to-contact",
  "medical",
  "incarcerated",
  "died",
  "step-down-after-completion",
  "continuing-care-offer",
  "mutual-support",
  "sober-living-continue",
  "home-environment",
  "work-at-stake",
  "school-at-stake",
  "family-involved",
  "medication-continuity",
  "alumni",
  "handoff",
  "handoff-recorded-level",
  "relapse-history",
  "relapse-prevention",
  "monitoring-after-relapse",
  "continued-monitoring",
  "missed-check-in",
  "missed-check-ins",
  "lapse-reported",
  "repeated-lapses",
  "re-engaged",
  "mutual-support-below-aim",
  "overdose-risk-reduced-tolerance",
  "overdose-prevention",
  "suicidal-ideation-raised",
] as const;
/** The code of an {@link AftercareReason}: one of {@link aftercareReasonCodes}. */
export type AftercareReasonCode = (typeof aftercareReasonCodes)[number];

/** Why: a machine-readable code, a sentence naming its source, and the evidence used. */
export interface AftercareReason {
  /** What the reason is. */
  code: AftercareReasonCode;
  /** A sentence for people. */
  message: string;
  /** What the rule looked at (plain JSON data). */
  evidence?: unknown;
}
/** The schema of an {@link AftercareReason}: the reason for a component, a plan's shape or a recommendation. */
export const AftercareReason: Schema<AftercareReason> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: z.enum(aftercareReasonCodes),
    message: z.string(),
    evidence: optional(
      z
        .unknown()
        .check(
          z.refine(
            isPlainJson,
            issue("not-plain-json", "must be plain JSON data (finite numbers)"),
          ),
        ),
    ),
  }),
);

/** A dated contact: a check-in or an outreach attempt, on an open day of the program. */
export interface ScheduledContact {
  /** The day it is due, in the program's zone. */
  due: IsoDate;
  /** Days from the start of aftercare (`plan.from`) to `due`. */
  day: number;
  /** The date the cadence gave, when that day was a closure or not an operating day. */
  movedFrom?: IsoDate | undefined;
}
/** The schema of a {@link ScheduledContact}. */
export const ScheduledContact: Schema<ScheduledContact> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    due: IsoDateSchema,
    day: count(),
    movedFrom: optional(IsoDateSchema),
  }),
);

/** Mutual-support fellowships a plan suggests; the participant chooses. */
export const mutualSupportGroups = ["aa", "na", "smart-recovery", "peer-support-group"] as const;
/** `"aa"` (Alcoholics Anonymous), `"na"` (Narcotics Anonymous), `"smart-recovery"`, `"peer-support-group"` (mental-health peer support). */
export type MutualSupportGroup = (typeof mutualSupportGroups)[number];
/** The schema of a {@link MutualSupportGroup}. */
export const MutualSupportGroup: Schema<MutualSupportGroup> = /* @__PURE__ */ lazySchema(() =>
  z.enum(mutualSupportGroups),
);

/** Where a warm hand-off goes. */
export const handoffDestinations = [
  "higher-level",
  "lower-level",
  "same-level-elsewhere",
  "medical-care",
  "correctional-health-care",
] as const;
/** A warm hand-off's destination: one of {@link handoffDestinations}. */
export type HandoffDestination = (typeof handoffDestinations)[number];
/** The schema of a {@link HandoffDestination}. */
export const HandoffDestination: Schema<HandoffDestination> = /* @__PURE__ */ lazySchema(() =>
  z.enum(handoffDestinations),
);

/** The kinds of aftercare component, in the order a plan lists them. */
export const aftercareComponentKinds = [
  "continuing-care",
  "mutual-support",
  "sober-living",
  "vocational",
  "educational",
  "family-therapy",
  "medication-continuity",
  "alumni",
  "re-engagement-outreach",
  "warm-handoff",
  "relapse-prevention",
  "monitoring",
  "crisis-support",
  "overdose-prevention",
] as const;
/** The kinds of component: one of {@link aftercareComponentKinds}. */
export type AftercareComponentKind = (typeof aftercareComponentKinds)[number];

/** Continuing care at a lower level (SAMHSA TIP 47 (2006): continuing care). */
export interface ContinuingCareComponent {
  /** Always `"continuing-care"`. */
  kind: "continuing-care";
  /** Why it is there. */
  reason: AftercareReason;
  /** Outpatient therapy (ASAM 1 / 1.5) or long-term remission monitoring (ASAM 4th ed. 1.0). */
  level: LevelOfCareId;
  /** Sessions per week. */
  sessionsPerWeek: number;
  /** The first session by this day. */
  startBy: IsoDate;
}
/** Mutual-support participation such as AA or NA (SAMHSA Advisory on IOP (2021): encourage attendance at mutual-support groups). */
export interface MutualSupportComponent {
  /** Always `"mutual-support"`. */
  kind: "mutual-support";
  /** Why it is there. */
  reason: AftercareReason;
  /** Fellowships to choose from. */
  groups: MutualSupportGroup[];
  /** Meetings a week to aim for. */
  meetingsPerWeek: number;
  /** How attendance is tracked. */
  tracking: "self-reported" | "verified";
}
/** Sober living (unverified: common practice, no public source found; the recovery environment is ASAM dimension 6). */
export interface SoberLivingComponent {
  /** Always `"sober-living"`. */
  kind: "sober-living";
  /** Why it is there. */
  reason: AftercareReason;
  /** Arrange a place, or keep the one the participant has. */
  action: "arrange" | "continue";
}
/** Vocational support (SAMHSA Advisory on IOP (2021): vocational rehabilitation services). */
export interface VocationalComponent {
  /** Always `"vocational"`. */
  kind: "vocational";
  /** Why it is there. */
  reason: AftercareReason;
}
/** Educational support (unverified: common practice, no public source found). */
export interface EducationalComponent {
  /** Always `"educational"`. */
  kind: "educational";
  /** Why it is there. */
  reason: AftercareReason;
}
/** Family therapy continued (SAMHSA Advisory on IOP (2021): family psychoeducation; continuing it after discharge is unverified). */
export interface FamilyTherapyComponent {
  /** Always `"family-therapy"`. */
  kind: "family-therapy";
  /** Why it is there. */
  reason: AftercareReason;
  /** One session every this many weeks (at least 1). */
  everyWeeks: number;
}
/** Medication continuity: prescriber follow-up (SAMHSA Advisory on IOP (2021): medication-assisted treatment). */
export interface MedicationContinuityComponent {
  /** Always `"medication-continuity"`. */
  kind: "medication-continuity";
  /** Why it is there. */
  reason: AftercareReason;
  /** The medications for addiction or mental health. */
  medications: Medication[];
  /** The first prescriber follow-up by this day (a deadline; not moved for closures). */
  firstFollowUp: IsoDate;
}
/** Alumni group membership and events (unverified: common practice, no public source found). */
export interface AlumniComponent {
  /** Always `"alumni"`. */
  kind: "alumni";
  /** Why it is there. */
  reason: AftercareReason;
  /** Meetings a month. */
  meetingsPerMonth: number;
}
/** Re-engagement outreach after a loss of contact (unverified: no public protocol found). */
export interface ReengagementOutreachComponent {
  /** Always `"re-engagement-outreach"`. */
  kind: "re-engagement-outreach";
  /** Why it is there. */
  reason: AftercareReason;
  /** Dated attempts to reach the participant. */
  attempts: ScheduledContact[];
}
/** A warm hand-off to the next provider (Colorado BHA FHIR IG (2025), discharge type: transferred; the hand-off practice is unverified). */
export interface WarmHandoffComponent {
  /** Always `"warm-handoff"`. */
  kind: "warm-handoff";
  /** Why it is there. */
  reason: AftercareReason;
  /** Where to. */
  to: HandoffDestination;
  /** The level of care handed off to, when known. */
  level?: LevelOfCareId | undefined;
  /** The hand-off is complete (the receiving provider has seen the participant) by this day. */
  by: IsoDate;
}
/** The relapse-prevention plan (SAMHSA TIP 47 (2006): relapse prevention). */
export interface RelapsePreventionComponent {
  /** Always `"relapse-prevention"`. */
  kind: "relapse-prevention";
  /** Why it is there. */
  reason: AftercareReason;
  /** The plan; it carries its own format. */
  plan: RelapsePreventionPlan;
}
/** Continued-monitoring check-ins that thin out over time (unverified: the cadence is common practice). */
export interface MonitoringComponent {
  /** Always `"monitoring"`. */
  kind: "monitoring";
  /** Why it is there. */
  reason: AftercareReason;
  /** Dated check-ins. */
  checkIns: ScheduledContact[];
}

/**
 * What overdose-risk education covers (SAMHSA Overdose Prevention and Response Toolkit (2025):
 * risk factors and response):
 * - `reduced-tolerance` — after a period without use (treatment, custody, a hospital or residential
 *   stay) the usual amount can be fatal;
 * - `naloxone` — carry an opioid overdose reversal medication, and have the people around you
 *   learn to give it (it does no harm when the overdose is not an opioid one);
 * - `fentanyl` — the drug supply may contain fentanyl or other strong adulterants, stimulants
 *   included;
 * - `not-using-alone` — someone present who can respond;
 * - `not-mixing` — opioids with alcohol or benzodiazepines;
 * - `calling-911` — call emergency services, give the medication, support breathing.
 */
export const overdoseTopics = [
  "reduced-tolerance",
  "naloxone",
  "fentanyl",
  "not-using-alone",
  "not-mixing",
  "calling-911",
] as const;
/** An overdose-education topic: one of {@link overdoseTopics}. */
export type OverdoseTopic = (typeof overdoseTopics)[number];

/**
 * Naloxone and overdose-risk education (SAMHSA Overdose Prevention and Response Toolkit (2025)):
 * in every plan of a participant with substance use, and `required` after a discharge that leaves
 * tolerance likely reduced — left early, lost to contact, incarcerated (Binswanger et al. (2007)),
 * stepped up to a more intensive level (Strang et al. (2003); Sordo et al. (2017)).
 */
export interface OverdosePreventionComponent {
  /** Always `"overdose-prevention"`. */
  kind: "overdose-prevention";
  /** Why it is there. */
  reason: AftercareReason;
  /**
   * True when the discharge leaves tolerance likely reduced (situations `left-early`,
   * `lost-to-contact`, `incarcerated`, `stepped-up`): the program should not close the plan
   * before naloxone is in hand and the education given (iopkit's policy, built on the sources above).
   */
  required: boolean;
  /**
   * True when opioid use is on record: an ICD-10-CM code F11 (opioid related disorders) on a
   * substance-use condition, a medication for addiction that is an opioid agonist (buprenorphine,
   * methadone), or an opioid among the substances of a relapse or positive test.
   */
  opioidUse: boolean;
  /** Offer naloxone (an opioid overdose reversal medication) and teach its use: always true. */
  naloxone: true;
  /** What the education covers, in this order. */
  topics: OverdoseTopic[];
}

/** A crisis line a plan gives. */
export interface CrisisLine {
  /** Its name, e.g. `"988 Suicide & Crisis Lifeline"`. */
  name: string;
  /** How to reach it, e.g. `"call or text 988"`. */
  contact: string;
  /** Where it answers, e.g. `"US"`. */
  region: string;
}

/**
 * A crisis contact and a safety-plan prompt, when a PHQ-9 item 9 (thoughts of death or self-harm)
 * was answered above 0 — the `suicidal-ideation` flag of a score during treatment: the 988
 * Suicide & Crisis Lifeline in the US (988 Lifeline (2022)), and a safety plan written or
 * reviewed with the participant before aftercare starts (Stanley and Brown (2012)).
 */
export interface CrisisSupportComponent {
  /** Always `"crisis-support"`. */
  kind: "crisis-support";
  /** Why it is there; its evidence lists the scores that raised the flag. */
  reason: AftercareReason;
  /** The crisis line to give the participant (outside the US, give the local one instead). */
  crisisLine: CrisisLine;
  /** Write or review the safety plan with the participant by this day (the plan's first day). */
  safetyPlanBy: IsoDate;
}

/** One component of an aftercare plan, told apart by `kind`; each carries its `reason`. */
export type AftercareComponent =
  | ContinuingCareComponent
  | MutualSupportComponent
  | SoberLivingComponent
  | VocationalComponent
  | EducationalComponent
  | FamilyTherapyComponent
  | MedicationContinuityComponent
  | AlumniComponent
  | ReengagementOutreachComponent
  | WarmHandoffComponent
  | RelapsePreventionComponent
  | MonitoringComponent
  | CrisisSupportComponent
  | OverdosePreventionComponent;
/** The component of one kind, e.g. `ComponentOf<"monitoring">`. */
export type ComponentOf<K extends AftercareComponentKind> = Extract<
  AftercareComponent,
  { kind: K }
>;
/** A component as an app writes it: a relapse-prevention plan's `formatVersion` may be left out. */
export type AftercareComponentInput =
  Exclude<AftercareComponent, RelapsePreventionComponent> | RelapsePreventionComponentInput;
/** A {@link RelapsePreventionComponent} as an app writes it. */
export interface RelapsePreventionComponentInput extends Omit<RelapsePreventionComponent, "plan"> {
  /** See {@link RelapsePreventionComponent.plan}. */
  plan: RelapsePreventionPlanInput;
}

/** The schema of an {@link AftercareComponent}. */
export const AftercareComponent: Schema<AftercareComponent, AftercareComponentInput> =
  /* @__PURE__ */ lazySchema(() => {
    const reason = built(AftercareReason);
    const contact = built(ScheduledContact);
    return discriminatedUnion("kind", [
      strictObject({
        kind: z.literal("continuing-care"),
        reason,
        level: LevelOfCareId,
        sessionsPerWeek: amount(),
        startBy: IsoDateSchema,
      }),
      strictObject({
        kind: z.literal("mutual-support"),
        reason,
        groups: array(MutualSupportGroup),
        meetingsPerWeek: count(),
        tracking: z.enum(["self-reported", "verified"]),
      }),
      strictObject({
        kind: z.literal("sober-living"),
        reason,
        action: z.enum(["arrange", "continue"]),
      }),
      strictObject({ kind: z.literal("vocational"), reason }),
      strictObject({ kind: z.literal("educational"), reason }),
      strictObject({
        kind: z.literal("family-therapy"),
        reason,
        everyWeeks: z.int().check(z.gte(1)),
      }),
      strictObject({
        kind: z.literal("medication-continuity"),
        reason,
        medications: array(Medication),
        firstFollowUp: IsoDateSchema,
      }),
      strictObject({ kind: z.literal("alumni"), reason, meetingsPerMonth: count() }),
      strictObject({
        kind: z.literal("re-engagement-outreach"),
        reason,
        attempts: array(contact),
      }),
      strictObject({
        kind: z.literal("warm-handoff"),
        reason,
        to: HandoffDestination,
        level: optional(LevelOfCareId),
        by: IsoDateSchema,
      }),
      strictObject({
        kind: z.literal("relapse-prevention"),
        reason,
        plan: built(RelapsePreventionPlan),
      }),
      strictObject({ kind: z.literal("monitoring"), reason, checkIns: array(contact) }),
      strictObject({
        kind: z.literal("crisis-support"),
        reason,
        crisisLine: strictObject({ name: z.string(), contact: z.string(), region: z.string() }),
        safetyPlanBy: IsoDateSchema,
      }),
      strictObject({
        kind: z.literal("overdose-prevention"),
        reason,
        required: z.boolean(),
        opioidUse: z.boolean(),
        naloxone: z.literal(true),
        topics: array(z.enum(overdoseTopics)),
      }),
    ]);
  });

/** How the episode ended. */
export interface AftercareDischarge {
  /** The discharge date. */
  on: IsoDate;
  /** How it ended. */
  type: DischargeType;
  /** Why. */
  reason: DischargeReason;
  /** The level of care referred to, on a transfer. */
  referredTo?: LevelOfCareId | undefined;
}

/**
 * The stored format of {@link AftercarePlan}s: 1 (iopkit 0.1.0), 2 (`formatVersion`). Its
 * relapse-prevention plan carries its own format.
 * @internal
 */
export const aftercarePlanFormat = {
  kind: "AftercarePlan",
  version: 2,
  steps: [versionFieldAdded],
  nested: [{ path: ["components", "*", "plan"], format: () => relapsePreventionPlanFormat }],
} as const satisfies RecordFormat;

/** The aftercare plan `planAftercare` returns. */
export interface AftercarePlan {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Whose plan. */
  participantId: ParticipantId;
  /** The program discharged from. */
  programId: ProgramId;
  /** The episode, when it has an id. */
  episodeId?: EpisodeId | undefined;
  /** The first day of aftercare (day 0), in the program's zone. */
  from: IsoDate;
  /** The program's time zone: every date of the plan is a calendar date there. */
  timeZone: TimeZone;
  /** How the episode ended. */
  discharge: AftercareDischarge;
  /** What the discharge left. */
  situation: AftercareSituation;
  /** Why the plan has this shape. */
  summary: AftercareReason;
  /** In a fixed order (see `aftercareComponentsBySituation`); empty when the participant died. */
  components: AftercareComponent[];
}

/** An aftercare plan as an app stores and reads it back. */
export interface AftercarePlanInput extends Omit<
  AftercarePlan,
  "formatVersion" | "participantId" | "programId" | "episodeId" | "components"
> {
  /** See {@link AftercarePlan.formatVersion}; a plan without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link AftercarePlan.participantId}. */
  participantId: string;
  /** See {@link AftercarePlan.programId}. */
  programId: string;
  /** See {@link AftercarePlan.episodeId}. */
  episodeId?: string | undefined;
  /** See {@link AftercarePlan.components}. */
  components: AftercareComponentInput[];
}

/** The schema of an {@link AftercarePlan}. */
export const AftercarePlan: Schema<AftercarePlan, AftercarePlanInput> = /* @__PURE__ */ lazySchema(
  () =>
    storedObject(aftercarePlanFormat, {
      participantId: ParticipantId,
      programId: ProgramId,
      episodeId: optional(EpisodeId),
      from: IsoDateSchema,
      timeZone: TimeZoneSchema,
      discharge: strictObject({
        on: IsoDateSchema,
        type: DischargeType,
        reason: DischargeReason,
        referredTo: optional(LevelOfCareId),
      }),
      situation: AftercareSituation,
      summary: AftercareReason,
      components: array(built(AftercareComponent)),
    }),
);

/**
 * Validates a stored aftercare plan (as {@link planAftercare} made it); throws
 * {@link core!IopError | IopError} listing every problem with its path.
 */
export function parseAftercarePlan(input: unknown): AftercarePlan {
  return parseWith(AftercarePlan, "parseAftercarePlan", input);
}

/** Like {@link parseAftercarePlan}, but returns `{ success, data | error }`. */
export function safeParseAftercarePlan(input: unknown): Result<AftercarePlan> {
  return safeParseWith(AftercarePlan, "parseAftercarePlan", input);
}
