/**
 * The program definition: its level of care, population, clock (zone, operating hours,
 * closures), phases that step down in intensity, and the policies (capacity, absences, drug
 * testing, reviews) that the scheduler, attendance and episode parts read. Policy is data:
 * every clinical threshold lives here with a sourced default.
 */
import * as z from "zod/mini";
import { _default, array, optional, prefault, strictObject } from "../core/zod";
import {
  IsoDateSchema,
  LabelSchema,
  limits,
  PhaseId,
  ProgramId,
  TextSchema,
  TimeZoneSchema,
  WallTimeSchema,
  WeekdaySchema,
  type IsoDate,
  type TimeZone,
  type WallTime,
  type Weekday,
} from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { customIssue, issue, lazySchema, onceValid, type Schema } from "../core/schema";
import {
  AftercarePolicy,
  type AftercarePolicy as AftercarePolicyRecord,
  type AftercarePolicyInput,
} from "./aftercare-policy";
import { AsamEdition, LevelOfCareId, Population } from "./levels-of-care";
import { programIssues } from "./program-issues";
import { DeliveryModes, FacilityPlaceOfService, Room, type DeliveryMode } from "./rooms";
import { Modality, SessionTypeId } from "./session-types";

const hours = (): z.ZodMiniNumber<number> => z.number().check(z.gte(0), z.lte(168));
const weeks = (): z.ZodMiniNumberFormat => z.int().check(z.gte(1), z.lte(limits.maxWeeks));
const duration = (): z.ZodMiniNumberFormat =>
  z.int().check(z.gte(5, "must be at least 5 minutes"), z.lte(720, "must be at most 12 hours"));

/** A weekly clinical-hours band `{ min, max }`, inclusive, in hours (0–168). */
export interface HoursPerWeek {
  /** Fewest clinical hours a week. */
  min: number;
  /** Most clinical hours a week; not below `min`. */
  max: number;
}
/** The schema of an {@link HoursPerWeek} band. */
export const HoursPerWeek: Schema<HoursPerWeek> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ min: hours(), max: hours() }).check(
    z.refine((b) => b.min <= b.max, issue("band-min-above-max", "min must not exceed max")),
  ),
);

/** A `{ min, max }` range of whole numbers, inclusive. */
export interface IntRange {
  /** The smallest value. */
  min: number;
  /** The largest value; not below `min`. */
  max: number;
}

/** A `{ min, max }` range of whole numbers from 0 to `max`. */
const intRange = (max: number) =>
  strictObject({
    min: z.int().check(z.gte(0), z.lte(max)),
    max: z.int().check(z.gte(0), z.lte(max)),
  }).check(
    z.refine((r) => r.min <= r.max, issue("range-min-above-max", "min must not exceed max")),
  );

/**
 * One recurring session in a phase's weekly rhythm: a group session type on a weekday at a local
 * wall-clock time. Entries without `track` apply to every track of the phase.
 */
export interface PatternEntry {
  /** Kind of session; must be a group format (one-to-ones are placed by the planner). */
  sessionType: SessionTypeId;
  /** ISO weekday, 1 = Monday. */
  weekday: Weekday;
  /** Local start time in the program's zone. */
  start: WallTime;
  /** Length in minutes, 5–720. */
  durationMinutes: number;
  /** Track name (e.g. `"morning"`, `"evening"`); absent = all tracks. */
  track?: string | undefined;
  /** Topic, e.g. "urges and cravings". */
  topic?: string | undefined;
  /** Therapeutic approach, e.g. `"dbt"`. */
  modality?: Modality | undefined;
  /**
   * How participants may attend it (S16), e.g. `["video"]` for a telehealth track or
   * `["in-person", "video"]` for a hybrid group (in order of the planner's choice, a participant's
   * preference first); the session type must allow each (a group: in person or video).
   * @defaultValue the phase's `deliveryModes`
   */
  deliveryModes?: DeliveryMode[] | undefined;
}
/** The schema of a {@link PatternEntry}. */
export const PatternEntry: Schema<PatternEntry> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    sessionType: SessionTypeId,
    weekday: WeekdaySchema,
    start: WallTimeSchema,
    durationMinutes: duration(),
    track: optional(LabelSchema),
    topic: optional(LabelSchema),
    modality: optional(Modality),
    deliveryModes: optional(DeliveryModes),
  }),
);

/** Who a one-to-one requirement applies to. */
export const oneToOneAppliesTo = ["everyone", "family-involved", "on-medication"] as const;
/** `"everyone"`, `"family-involved"` (participants with `familyInvolved`), `"on-medication"` (participants with medications). */
export type OneToOneAppliesTo = (typeof oneToOneAppliesTo)[number];
/** The schema of {@link OneToOneAppliesTo}. */
export const OneToOneAppliesTo: Schema<OneToOneAppliesTo> = /* @__PURE__ */ lazySchema(() =>
  z.enum(oneToOneAppliesTo),
);

/** The session types a {@link OneToOneRequirement} may ask for. */
export const oneToOneSessionTypes = [
  "family-therapy",
  "medication-management",
  "case-management",
] as const;

/** A one-to-one session the planner places every N weeks, beyond the weekly individual session. */
export interface OneToOneRequirement {
  /** Family therapy, medication management or case management. */
  sessionType: (typeof oneToOneSessionTypes)[number];
  /** One every this many weeks, 1–104. */
  everyWeeks: number;
  /** Length in minutes, 5–720. */
  durationMinutes: number;
  /** Who it applies to. */
  appliesTo: OneToOneAppliesTo;
}
/** The schema of a {@link OneToOneRequirement}. */
export const OneToOneRequirement: Schema<OneToOneRequirement> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    sessionType: z.enum(oneToOneSessionTypes),
    everyWeeks: weeks(),
    durationMinutes: duration(),
    appliesTo: OneToOneAppliesTo,
  }),
);

/** What must hold before a participant leaves a phase (stepped down or completed). */
export interface ExitCriteria {
  /** Weeks in the phase, at least (0–104). */
  minWeeks: number;
  /** Attended ÷ scheduled sessions in the phase, at least (0–1). */
  minAttendanceRate: number;
  /** Most recent drug tests negative in a row, at least (0–52). */
  negativeTestsInARow: number;
  /** A clinician must sign off. */
  requiresClinicianSignOff: boolean;
}
/** The schema of {@link ExitCriteria}. */
export const ExitCriteria: Schema<ExitCriteria> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    minWeeks: z.int().check(z.gte(0), z.lte(limits.maxWeeks)),
    minAttendanceRate: z.number().check(z.gte(0), z.lte(1)),
    negativeTestsInARow: z.int().check(z.gte(0), z.lte(52)),
    requiresClinicianSignOff: z.boolean(),
  }),
);

/**
 * A phase of treatment: a weekly rhythm inside an hours band, for a number of weeks, with its
 * one-to-one mix, drug-test frequency and exit criteria. Phases step down: later ones are never
 * more intense (S6).
 */
export interface Phase {
  /** Unique within the program. */
  id: PhaseId;
  /** Name for people. */
  name: string;
  /** Level of care this phase delivers; defaults to the program's. A step-down phase may sit lower (e.g. outpatient). */
  levelOfCare?: LevelOfCareId | undefined;
  /** Weekly clinical hours band (S5), e.g. `{ min: 9, max: 19 }`. */
  hoursPerWeek: HoursPerWeek;
  /** Allowed length in weeks (0–104). */
  weeks: IntRange;
  /** Planned length in weeks, inside `weeks`; defaults to `weeks.min`. */
  plannedWeeks?: number | undefined;
  /** The weekly rhythm of group sessions: 1–100 entries. */
  pattern: PatternEntry[];
  /** At least one individual session every N weeks (S8), 1–104. */
  individualEveryWeeks: number;
  /** Length of the individual session, 5–720 minutes. @defaultValue 60 (the time rule of AMA CPT (2025), 90837) */
  individualMinutes: number;
  /** Further one-to-ones: family therapy, medication management, case management (at most 10). @defaultValue [] */
  oneToOne: OneToOneRequirement[];
  /** Drug tests per week, `{ min, max }` within 0–3 (S12). SAMHSA TIP 47 (2006), Appendix B: at least weekly early in treatment. */
  drugTestsPerWeek: IntRange;
  /** What must hold before leaving the phase. */
  exitCriteria: ExitCriteria;
  /**
   * How its sessions may be delivered (S16): its one-to-ones, and its pattern entries that list
   * no modes of their own. The planner gives each participant their preferred mode when it is
   * here, the session type allows it and they can use it, else the first such mode in this order.
   * @defaultValue `["in-person"]`
   */
  deliveryModes?: DeliveryMode[] | undefined;
}

/** A phase as an app writes it: fields with defaults may be left out. */
export interface PhaseInput extends Omit<Phase, "id" | "individualMinutes" | "oneToOne"> {
  /** See {@link Phase.id}. */
  id: string;
  /** See {@link Phase.individualMinutes}. @defaultValue 60 */
  individualMinutes?: number | undefined;
  /** See {@link Phase.oneToOne}. @defaultValue [] */
  oneToOne?: OneToOneRequirement[] | undefined;
}

/** The schema of a {@link Phase}. */
export const Phase: Schema<Phase, PhaseInput> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    id: PhaseId,
    name: LabelSchema,
    levelOfCare: optional(LevelOfCareId),
    hoursPerWeek: HoursPerWeek,
    weeks: intRange(limits.maxWeeks),
    plannedWeeks: optional(weeks()),
    pattern: array(PatternEntry).check(
      z.minLength(1, "a phase needs at least one weekly session"),
      z.maxLength(limits.maxPatternEntries),
    ),
    individualEveryWeeks: weeks(),
    individualMinutes: _default(duration(), 60),
    oneToOne: _default(array(OneToOneRequirement).check(z.maxLength(10)), () => []),
    drugTestsPerWeek: intRange(3),
    exitCriteria: ExitCriteria,
    deliveryModes: optional(DeliveryModes),
  }),
);

/** One opening window of the clinic on a weekday, in the program's zone, e.g. `{ weekday: 1, open: "08:00", close: "21:30" }`. */
export interface OperatingWindow {
  /** ISO weekday, 1 = Monday. */
  weekday: Weekday;
  /** Opening time. */
  open: WallTime;
  /** Closing time, after `open` on the same day. */
  close: WallTime;
}
/** The schema of an {@link OperatingWindow}. */
export const OperatingWindow: Schema<OperatingWindow> = /* @__PURE__ */ lazySchema(() =>
  strictObject({ weekday: WeekdaySchema, open: WallTimeSchema, close: WallTimeSchema }),
);

/** How absences are watched. */
export interface AbsencePolicy {
  /**
   * Alert after this many unexcused absences in a row (1–50).
   * @defaultValue 2 (common program rule; unverified — configure per clinic)
   */
  unexcusedStreakAlert: number;
  /**
   * Days without any attended session after which a participant counts as lost to contact (1–365).
   * @defaultValue 14 (common program rule; unverified)
   */
  lostToContactDays: number;
  /** Whether an excused absence counts against the attendance rate. @defaultValue false */
  excusedCountsAsAbsent: boolean;
}
/** The schema of an {@link AbsencePolicy}; every field has a default. */
export const AbsencePolicy: Schema<
  AbsencePolicy,
  Partial<AbsencePolicy>
> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    unexcusedStreakAlert: _default(z.int().check(z.gte(1), z.lte(50)), 2),
    lostToContactDays: _default(z.int().check(z.gte(1), z.lte(365)), 14),
    excusedCountsAsAbsent: _default(z.boolean(), false),
  }),
);

/**
 * The days a random drug test may fall on (see {@link DrugTestPolicy.collectOn}): only days of
 * another session, or any open day (call-in testing).
 */
export const drugTestDays = ["session-days", "open-days"] as const;
/** One of {@link drugTestDays}. */
export type DrugTestDays = (typeof drugTestDays)[number];

/**
 * How random drug tests are planned and read: SAMHSA TIP 47 (2006), Appendix B (at least weekly
 * early in treatment, not more often than every 3 days); ASAM drug-testing consensus (2017) (a
 * random schedule where possible).
 */
export interface DrugTestPolicy {
  /** Tests at least this many days apart where the weekly count allows (0–7). @defaultValue 3 (SAMHSA TIP 47 (2006), Appendix B: "not more often than every 3 days") */
  minDaysApart: number;
  /**
   * Prefer the first test day after a weekend or closure, when relapse risk is thought to peak. It
   * doubles that day's chance, so participants learn to expect a test after a weekend: leave it off
   * unless the program wants that trade.
   * @defaultValue false (unverified: not in the part of SAMHSA TIP 47's Appendix B checked; a
   * random, unannounced schedule is the guidance: ASAM drug-testing consensus (2017))
   */
  favourDayAfterBreak: boolean;
  /**
   * Which days a test may fall on. `"session-days"`: only days the participant has another session
   * (collected around group time). `"open-days"`: any day the program is open and the participant
   * is enrolled and free for the collection (call-in testing: the participant learns of the test on
   * the day), so the day cannot be predicted from the group timetable. With three session days a
   * week and tests three days apart, `"session-days"` leaves a handful of possible weekly patterns;
   * the templates use `"open-days"`. Absent means `"session-days"` (programs stored before this
   * field keep their meaning).
   * @defaultValue "session-days" (when absent)
   */
  collectOn?: DrugTestDays | undefined;
  /** Count a refused test as positive. @defaultValue true (unverified: program policy, no public standard found) */
  refusalCountsAsPositive: boolean;
  /** Count a missed test as positive. @defaultValue true (unverified: program policy, no public standard found) */
  missedCountsAsPositive: boolean;
  /** Minutes a collection takes (5–720). @defaultValue 15 */
  collectionMinutes: number;
  /**
   * Count an adulterated or substituted specimen as positive (`readDrugTest`); absent means
   * `true`. A program choice (unverified: no standard for treatment programs sets it).
   * @defaultValue true (when absent)
   */
  tamperedCountsAsPositive?: boolean | undefined;
  /**
   * Count an invalid specimen (no result could be established) as positive; absent means `false`
   * (a laboratory problem: collect again). A program choice (unverified).
   * @defaultValue false (when absent)
   */
  invalidCountsAsPositive?: boolean | undefined;
}
/** The schema of a {@link DrugTestPolicy}; every field has a default. */
export const DrugTestPolicy: Schema<
  DrugTestPolicy,
  Partial<DrugTestPolicy>
> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    minDaysApart: _default(z.int().check(z.gte(0), z.lte(7)), 3),
    favourDayAfterBreak: _default(z.boolean(), false),
    refusalCountsAsPositive: _default(z.boolean(), true),
    missedCountsAsPositive: _default(z.boolean(), true),
    collectionMinutes: _default(duration(), 15),
    tamperedCountsAsPositive: optional(z.boolean()),
    invalidCountsAsPositive: optional(z.boolean()),
    collectOn: optional(z.enum(drugTestDays)),
  }),
);

/** Review intervals: payer and state rules; the recertification default follows Medicare's IOP benefit. */
export interface ReviewPolicy {
  /** Days between treatment-plan reviews (1–365). @defaultValue 30 (unverified: a common state or payer rule; configure per payer) */
  treatmentPlanReviewDays: number;
  /** Days between physician recertifications (1–365). @defaultValue 60 (42 CFR 424.24 (2024), § 424.24(d): Medicare IOP recertification at least every other month) */
  recertificationDays: number;
  /** Days between utilisation reviews with the payer (1–365). @defaultValue 14 (unverified: a common payer rule; configure per payer) */
  utilizationReviewDays: number;
}
/** The schema of a {@link ReviewPolicy}; every field has a default. */
export const ReviewPolicy: Schema<ReviewPolicy, Partial<ReviewPolicy>> = /* @__PURE__ */ lazySchema(
  () =>
    strictObject({
      treatmentPlanReviewDays: _default(z.int().check(z.gte(1), z.lte(365)), 30),
      recertificationDays: _default(z.int().check(z.gte(1), z.lte(365)), 60),
      utilizationReviewDays: _default(z.int().check(z.gte(1), z.lte(365)), 14),
    }),
);

/** Conditions an IOP may serve: mental illness including substance use disorders (First Coast Medicare, IOP billing (2024)), and the conditions iopkit's templates cover. */
export const conditionKinds = [
  "substance-use",
  "depression",
  "anxiety",
  "bipolar",
  "eating-disorder",
  "ptsd",
  "chronic-pain",
  "other",
] as const;
/** A kind of condition, e.g. `"depression"`: one of {@link conditionKinds}. */
export type ConditionKind = (typeof conditionKinds)[number];
/** The schema of a {@link ConditionKind}. */
export const ConditionKind: Schema<ConditionKind> = /* @__PURE__ */ lazySchema(() =>
  z.enum(conditionKinds),
);

/**
 * The stored format of {@link Program} records: 1 (iopkit 0.1.0, no `formatVersion`), 2 (with it).
 * @internal
 */
export const programFormat = {
  kind: "Program",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** A program as validated by {@link defineProgram}: every default filled in. */
export interface Program {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** Identifies the program. */
  id: ProgramId;
  /** Name for people. */
  name: string;
  /** What it is, for people. */
  description?: string | undefined;
  /** The program's level of care, e.g. `"intensive-outpatient"`. */
  levelOfCare: LevelOfCareId;
  /**
   * ASAM edition its levels refer to; used only when the program serves substance use (see
   * {@link usesAsamLevels}). @defaultValue 3
   */
  asamEdition: AsamEdition;
  /** Adults or adolescents. */
  population: Population;
  /** Conditions it serves (1–8); participants' conditions are checked against it. */
  conditionsServed: ConditionKind[];
  /** IANA time zone of the clinic; all wall-clock times are in it. */
  timeZone: TimeZone;
  /** When the clinic is open: 1–70 windows. */
  operatingHours: OperatingWindow[];
  /** Dates the clinic is closed (holidays). @defaultValue [] */
  closures: IsoDate[];
  /** Most participants in one group session, 1–100. @defaultValue 12 (SAMHSA Advisory on group therapy (2021): typically 6 to 12 clients) */
  groupCapacity: number;
  /**
   * Fewest members a group should meet with (1–100). When people leave a group and it falls below
   * this, the planner moves its members into another group of the same phase and track that has
   * room for them for the rest of their stay (a group of one or two is not group therapy: members
   * share experiences and practise skills together). iopkit's scheduling default, not a clinical
   * figure (unverified: the SAMHSA Advisory on group therapy (2021) gives 6 to 12 as typical). A minimum above `groupCapacity` counts as `groupCapacity` (so a program with
   * groups of 2 merges groups of 1 without setting this). `1` turns merging off.
   * @defaultValue 3
   */
  groupMinimum: number;
  /** Phases in order (1–12); intensity never rises (S6). */
  phases: Phase[];
  /** Program length bounds in weeks (S7), e.g. 8–12 (unverified: a common program length; set your own). */
  lengthWeeks: IntRange;
  /** How absences are watched. */
  absencePolicy: AbsencePolicy;
  /** How random drug tests are planned and read. */
  drugTestPolicy: DrugTestPolicy;
  /** Review intervals. */
  reviewPolicy: ReviewPolicy;
  /**
   * Aftercare: check-in cadence, continuing care, mutual support, hand-offs, outreach and the
   * answer to a lapse. The components follow the SAMHSA Advisory on IOP (2021) (mutual-support
   * groups, vocational rehabilitation, medication, family) and SAMHSA TIP 47 (2006) (continuing
   * care); every number is common practice, unverified: edit it.
   */
  aftercarePolicy: AftercarePolicyRecord;
  /**
   * Hours of services in a day for it to count as an IOP service day (per-diem billing), 0–24.
   * @defaultValue 3 (unverified: a payer rule. HCPCS Level II (2025), H0015 describes a program that
   * operates at least 3 hours a day, 3 days a week, not a participant's day; Medicare counts
   * services per day instead, First Coast Medicare, IOP billing (2024))
   */
  perDiemMinHours: number;
  /**
   * The rooms in-person sessions are held in (at most 2,000). With rooms, every in-person session
   * gets one of the right kind and size, free at its time (S14); without, rooms are not planned.
   */
  rooms?: Room[] | undefined;
  /**
   * Minutes a staff member needs to move between two sites (rooms with different `site`), 0–480
   * (S15). @defaultValue 0
   */
  siteTravelMinutes?: number | undefined;
  /**
   * The CMS place-of-service code of in-person sessions (CMS Place of Service Code Set, 2025);
   * telehealth sessions carry 02 or 10 by where the participant is. Without it, sessions carry no
   * place of service unless the program plans delivery modes, which then defaults it to 11 (Office).
   */
  placeOfService?: FacilityPlaceOfService | undefined;
}

/** A program as an app writes it: fields with defaults may be left out. Validate with {@link defineProgram}. */
export interface ProgramInput extends Omit<
  Program,
  | "formatVersion"
  | "id"
  | "asamEdition"
  | "closures"
  | "groupCapacity"
  | "groupMinimum"
  | "phases"
  | "absencePolicy"
  | "drugTestPolicy"
  | "reviewPolicy"
  | "aftercarePolicy"
  | "perDiemMinHours"
> {
  /** See {@link Program.formatVersion}; a program without it is format 1. */
  formatVersion?: 2 | undefined;
  /** See {@link Program.id}. */
  id: string;
  /** See {@link Program.asamEdition}. @defaultValue 3 */
  asamEdition?: AsamEdition | undefined;
  /** See {@link Program.closures}. @defaultValue [] */
  closures?: IsoDate[] | undefined;
  /** See {@link Program.groupCapacity}. @defaultValue 12 */
  groupCapacity?: number | undefined;
  /** See {@link Program.groupMinimum}. @defaultValue 3 */
  groupMinimum?: number | undefined;
  /** See {@link Program.phases}. */
  phases: PhaseInput[];
  /** See {@link Program.absencePolicy}; each field may be left out. */
  absencePolicy?: Partial<AbsencePolicy> | undefined;
  /** See {@link Program.drugTestPolicy}; each field may be left out. */
  drugTestPolicy?: Partial<DrugTestPolicy> | undefined;
  /** See {@link Program.reviewPolicy}; each field may be left out. */
  reviewPolicy?: Partial<ReviewPolicy> | undefined;
  /** See {@link Program.aftercarePolicy}; each field may be left out. */
  aftercarePolicy?: AftercarePolicyInput | undefined;
  /** See {@link Program.perDiemMinHours}. @defaultValue 3 */
  perDiemMinHours?: number | undefined;
}

/** The program's fields; {@link Program} adds the rules between them. */
const programFields = () => ({
  id: ProgramId,
  name: LabelSchema,
  description: optional(TextSchema),
  levelOfCare: LevelOfCareId,
  asamEdition: _default(AsamEdition, 3),
  population: Population,
  conditionsServed: array(ConditionKind).check(z.minLength(1), z.maxLength(8)),
  timeZone: TimeZoneSchema,
  operatingHours: array(OperatingWindow).check(
    z.minLength(1, "the clinic must open at least once a week"),
    z.maxLength(70),
  ),
  closures: _default(array(IsoDateSchema).check(z.maxLength(limits.maxListLength)), () => []),
  groupCapacity: _default(z.int().check(z.gte(1), z.lte(100)), 12),
  groupMinimum: _default(z.int().check(z.gte(1), z.lte(100)), 3),
  phases: array(Phase).check(
    z.minLength(1, "a program needs at least one phase"),
    z.maxLength(limits.maxPhases),
  ),
  lengthWeeks: intRange(limits.maxWeeks),
  absencePolicy: prefault(AbsencePolicy, {}),
  drugTestPolicy: prefault(DrugTestPolicy, {}),
  reviewPolicy: prefault(ReviewPolicy, {}),
  aftercarePolicy: prefault(AftercarePolicy, {}),
  perDiemMinHours: _default(z.number().check(z.gte(0), z.lte(24)), 3),
  rooms: optional(array(Room).check(z.maxLength(2000))),
  siteTravelMinutes: optional(z.int().check(z.gte(0), z.lte(480))),
  placeOfService: optional(FacilityPlaceOfService),
});

/** The program definition, as an app writes it, without the rules between its parts (see {@link Program}). */
export const ProgramShape: Schema<Program, ProgramInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(programFormat, programFields()),
);

/** The program schema: the shape plus the rules of {@link programIssues}. Use {@link defineProgram} for untrusted input. */
export const Program: Schema<Program, ProgramInput> = /* @__PURE__ */ lazySchema(() =>
  storedObject(programFormat, programFields(), (object) =>
    object.check(
      // The cross-field rules read typed values: run them only once the shape is sound.
      onceValid((program, ctx) => {
        for (const found of programIssues(program))
          ctx.addIssue(customIssue(found.code, found.message, [...found.path]));
      }),
    ),
  ),
);

/**
 * Whether a program's levels of care carry ASAM level codes: the ASAM Criteria cover addiction
 * and co-occurring conditions (ASAM Criteria, 3rd ed. (2013); 4th ed. (2023)), so a program that
 * serves substance use — alone or with other conditions — exports ASAM codes, and a
 * mental-health-only or eating-disorder program exports only iopkit's level concept (its
 * `asamEdition` is then not used).
 * @example
 * ```ts
 * usesAsamLevels({ conditionsServed: ["substance-use", "depression"] }); // true
 * usesAsamLevels({ conditionsServed: ["eating-disorder", "depression"] }); // false
 * ```
 */
export function usesAsamLevels(program: {
  readonly conditionsServed: readonly ConditionKind[];
}): boolean {
  return program.conditionsServed.includes("substance-use");
}
