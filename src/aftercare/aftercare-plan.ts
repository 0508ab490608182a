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
] as const;
/** The kinds of component: one of {@link aftercareComponentKinds}. */
export type AftercareComponentKind = (typeof aftercareComponentKinds)[number];

/** Continuing care at a lower level (seed 000: ongoing therapy; seed 003: continued individual counselling). */
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
/** Mutual-support participation (seed 000: AA, NA, support groups). */
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
/** Sober living (seed 000: sober living arrangements; seed 001: a toxic home calls for a change of environment). */
export interface SoberLivingComponent {
  /** Always `"sober-living"`. */
  kind: "sober-living";
  /** Why it is there. */
  reason: AftercareReason;
  /** Arrange a place, or keep the one the participant has. */
  action: "arrange" | "continue";
}
/** Vocational support (seed 000: vocational support; seed 003: vocational opportunities). */
export interface VocationalComponent {
  /** Always `"vocational"`. */
  kind: "vocational";
  /** Why it is there. */
  reason: AftercareReason;
}
/** Educational support (seed 000: educational support). */
export interface EducationalComponent {
  /** Always `"educational"`. */
  kind: "educational";
  /** Why it is there. */
  reason: AftercareReason;
}
/** Family therapy continued (seed 000: family involvement; seed 003: involving family throughout). */
export interface FamilyTherapyComponent {
  /** Always `"family-therapy"`. */
  kind: "family-therapy";
  /** Why it is there. */
  reason: AftercareReason;
  /** One session every this many weeks (at least 1). */
  everyWeeks: number;
}
/** Medication continuity: prescriber follow-up (seed 000: medication management). */
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
/** Alumni group membership and events (seed 000: alumni services; seed 003: alumni groups). */
export interface AlumniComponent {
  /** Always `"alumni"`. */
  kind: "alumni";
  /** Why it is there. */
  reason: AftercareReason;
  /** Meetings a month. */
  meetingsPerMonth: number;
}
/** Re-engagement outreach after a loss of contact (DOMAIN.md "Discharge"). */
export interface ReengagementOutreachComponent {
  /** Always `"re-engagement-outreach"`. */
  kind: "re-engagement-outreach";
  /** Why it is there. */
  reason: AftercareReason;
  /** Dated attempts to reach the participant. */
  attempts: ScheduledContact[];
}
/** A warm hand-off to the next provider (DOMAIN.md "Discharge": transferred or referred). */
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
/** The relapse-prevention plan (seeds 000, 003). */
export interface RelapsePreventionComponent {
  /** Always `"relapse-prevention"`. */
  kind: "relapse-prevention";
  /** Why it is there. */
  reason: AftercareReason;
  /** The plan; it carries its own format. */
  plan: RelapsePreventionPlan;
}
/** Continued-monitoring check-ins that thin out over time (seeds 000, 003). */
export interface MonitoringComponent {
  /** Always `"monitoring"`. */
  kind: "monitoring";
  /** Why it is there. */
  reason: AftercareReason;
  /** Dated check-ins. */
  checkIns: ScheduledContact[];
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
  | MonitoringComponent;
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
