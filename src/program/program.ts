/**
 * The program definition: its level of care, population, clock (zone, operating hours,
 * closures), phases that step down in intensity, and the policies (capacity, absences, drug
 * testing, reviews) that the scheduler, attendance and episode parts read. Policy is data:
 * every clinical threshold lives here with a sourced default.
 */
import { pure } from "../core/pure";
import { z } from "zod";
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
} from "../core/index";
import { AftercarePolicy } from "./aftercare-policy";
import { AsamEdition, LevelOfCareId, Population } from "./levels-of-care";
import { programIssues } from "./program-issues";
import { Modality, SessionTypeId } from "./session-types";

const Hours = /* @__PURE__ */ pure(() => z.number().min(0).max(168));
const Weeks = /* @__PURE__ */ pure(() => z.number().int().min(1).max(limits.maxWeeks));
const Duration = /* @__PURE__ */ pure(() =>
  z.number().int().min(5, "must be at least 5 minutes").max(720, "must be at most 12 hours"),
);

/** A weekly clinical-hours band `{ min, max }`, inclusive, in hours. */
export const HoursPerWeek = /* @__PURE__ */ pure(() =>
  z.strictObject({ min: Hours, max: Hours }).refine((b) => b.min <= b.max, {
    message: "min must not exceed max",
    params: { code: "band-min-above-max" },
  }),
);
/** A weekly clinical-hours band, inclusive. */
export type HoursPerWeek = z.infer<typeof HoursPerWeek>;

/** A `{ min, max }` range of whole numbers. */
const intRange = (max: number) =>
  z
    .strictObject({ min: z.number().int().min(0).max(max), max: z.number().int().min(0).max(max) })
    .refine((r) => r.min <= r.max, {
      message: "min must not exceed max",
      params: { code: "range-min-above-max" },
    });

/**
 * One recurring session in a phase's weekly rhythm: a group session type on a weekday at a local
 * wall-clock time. Entries without `track` apply to every track of the phase.
 */
export const PatternEntry = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Kind of session; must be a group format (one-to-ones are placed by the planner). */
    sessionType: SessionTypeId,
    /** ISO weekday, 1 = Monday. */
    weekday: WeekdaySchema,
    /** Local start time in the program's zone. */
    start: WallTimeSchema,
    /** Length in minutes. */
    durationMinutes: Duration,
    /** Track name (e.g. `"morning"`, `"evening"`); absent = all tracks. */
    track: LabelSchema.optional(),
    /** Topic, e.g. "urges and cravings" (seed 001). */
    topic: LabelSchema.optional(),
    /** Therapeutic approach, e.g. `"dbt"`. */
    modality: Modality.optional(),
  }),
);
/** One recurring weekly session of a phase. */
export type PatternEntry = z.infer<typeof PatternEntry>;

/** Who a one-to-one requirement applies to. */
export const OneToOneAppliesTo = /* @__PURE__ */ pure(() =>
  z.enum(["everyone", "family-involved", "on-medication"]),
);
/** `"everyone"`, `"family-involved"` (participants with `familyInvolved`), `"on-medication"` (participants with medications). */
export type OneToOneAppliesTo = z.infer<typeof OneToOneAppliesTo>;

/** A one-to-one session the planner places every N weeks, beyond the weekly individual session. */
export const OneToOneRequirement = /* @__PURE__ */ pure(() =>
  z.strictObject({
    sessionType: z.enum(["family-therapy", "medication-management", "case-management"]),
    everyWeeks: Weeks,
    durationMinutes: Duration,
    appliesTo: OneToOneAppliesTo,
  }),
);
/** A recurring one-to-one requirement (family therapy, medication management, case management). */
export type OneToOneRequirement = z.infer<typeof OneToOneRequirement>;

/** What must hold before a participant leaves a phase (stepped down or completed). */
export const ExitCriteria = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Weeks in the phase, at least. */
    minWeeks: z.number().int().min(0).max(limits.maxWeeks),
    /** Attended ÷ scheduled sessions in the phase, at least (0–1). */
    minAttendanceRate: z.number().min(0).max(1),
    /** Most recent drug tests negative in a row, at least. */
    negativeTestsInARow: z.number().int().min(0).max(52),
    /** A clinician must sign off. */
    requiresClinicianSignOff: z.boolean(),
  }),
);
/** Exit criteria of a phase. */
export type ExitCriteria = z.infer<typeof ExitCriteria>;

/**
 * A phase of treatment: a weekly rhythm inside an hours band, for a number of weeks, with its
 * one-to-one mix, drug-test frequency and exit criteria. Phases step down: later ones are never
 * more intense (S6).
 */
export const Phase = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: PhaseId,
    name: LabelSchema,
    /** Level of care this phase delivers; defaults to the program's. A step-down phase may sit lower (e.g. outpatient). */
    levelOfCare: LevelOfCareId.optional(),
    /** Weekly clinical hours band (S5), e.g. `{ min: 9, max: 19 }`. */
    hoursPerWeek: HoursPerWeek,
    /** Allowed length in weeks. */
    weeks: intRange(limits.maxWeeks),
    /** Planned length in weeks, inside `weeks`; defaults to `weeks.min`. */
    plannedWeeks: Weeks.optional(),
    /** The weekly rhythm of group sessions. */
    pattern: z
      .array(PatternEntry)
      .min(1, "a phase needs at least one weekly session")
      .max(limits.maxPatternEntries),
    /** At least one individual session every N weeks (S8). */
    individualEveryWeeks: Weeks,
    /** Length of the individual session. @defaultValue 60 (CPT 90837, ≥ 53 min; DOMAIN.md) */
    individualMinutes: Duration.default(60),
    /** Further one-to-ones: family therapy, medication management, case management. */
    oneToOne: z.array(OneToOneRequirement).max(10).default([]),
    /** Drug tests per week, `{ min, max }` (S12). SAMHSA TIP 47: at least weekly early in treatment. */
    drugTestsPerWeek: intRange(3),
    exitCriteria: ExitCriteria,
  }),
);
/** A phase, as validated (defaults filled in). */
export type Phase = z.infer<typeof Phase>;
/** A phase as an app writes it (defaulted fields optional). */
export type PhaseInput = z.input<typeof Phase>;

/** One opening window of the clinic on a weekday, in the program's zone. */
export const OperatingWindow = /* @__PURE__ */ pure(() =>
  z.strictObject({
    weekday: WeekdaySchema,
    open: WallTimeSchema,
    close: WallTimeSchema,
  }),
);
/** An opening window, e.g. `{ weekday: 1, open: "08:00", close: "21:30" }`. */
export type OperatingWindow = z.infer<typeof OperatingWindow>;

/** How absences are watched. */
export const AbsencePolicy = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /**
     * Alert after this many unexcused absences in a row.
     * @defaultValue 2 (common program rule; unverified — configure per clinic)
     */
    unexcusedStreakAlert: z.number().int().min(1).max(50).default(2),
    /**
     * Days without any attended session after which a participant counts as lost to contact.
     * @defaultValue 14 (common program rule; unverified)
     */
    lostToContactDays: z.number().int().min(1).max(365).default(14),
    /** Whether an excused absence counts against the attendance rate. @defaultValue false */
    excusedCountsAsAbsent: z.boolean().default(false),
  }),
);
/** Absence policy, as validated. */
export type AbsencePolicy = z.infer<typeof AbsencePolicy>;

/** How random drug tests are planned and read (SAMHSA TIP 47 appendix; DOMAIN.md "Drug testing"). */
export const DrugTestPolicy = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Tests at least this many days apart where the weekly count allows. @defaultValue 3 ("not more often than every 3 days") */
    minDaysApart: z.number().int().min(0).max(7).default(3),
    /** Prefer the first on-site day after a weekend or closure (relapse risk peaks then). @defaultValue true */
    favourDayAfterBreak: z.boolean().default(true),
    /** Count a refused test as positive. @defaultValue true (many programs do; a policy flag) */
    refusalCountsAsPositive: z.boolean().default(true),
    /** Count a missed test as positive. @defaultValue true (a policy flag) */
    missedCountsAsPositive: z.boolean().default(true),
    /** Minutes a collection takes. @defaultValue 15 */
    collectionMinutes: Duration.default(15),
  }),
);
/** Drug-test policy, as validated. */
export type DrugTestPolicy = z.infer<typeof DrugTestPolicy>;

/** Review intervals (DOMAIN.md "Program rules and billing"). */
export const ReviewPolicy = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Days between treatment-plan reviews. @defaultValue 30 (common state/payer rule; unverified) */
    treatmentPlanReviewDays: z.number().int().min(1).max(365).default(30),
    /** Days between physician recertifications. @defaultValue 60 (Medicare IOP: at least every other month) */
    recertificationDays: z.number().int().min(1).max(365).default(60),
    /** Days between utilisation reviews with the payer. @defaultValue 14 (common payer rule; unverified) */
    utilizationReviewDays: z.number().int().min(1).max(365).default(14),
  }),
);
/** Review policy, as validated. */
export type ReviewPolicy = z.infer<typeof ReviewPolicy>;

/** Conditions an IOP may serve (seed 002). */
export const ConditionKind = /* @__PURE__ */ pure(() =>
  z.enum([
    "substance-use",
    "depression",
    "anxiety",
    "bipolar",
    "eating-disorder",
    "ptsd",
    "chronic-pain",
    "other",
  ]),
);
/** A kind of condition, e.g. `"depression"`. */
export type ConditionKind = z.infer<typeof ConditionKind>;

/** The program definition, as an app writes it. Validate with {@link defineProgram}. */
export const ProgramShape = /* @__PURE__ */ pure(() =>
  z.strictObject({
    id: ProgramId,
    name: LabelSchema,
    description: TextSchema.optional(),
    /** The program's level of care, e.g. `"intensive-outpatient"`. */
    levelOfCare: LevelOfCareId,
    /** ASAM edition its levels refer to. @defaultValue 3 */
    asamEdition: AsamEdition.default(3),
    population: Population,
    /** Conditions it serves; participants' conditions are checked against it. */
    conditionsServed: z.array(ConditionKind).min(1).max(8),
    /** IANA time zone of the clinic; all wall-clock times are in it. */
    timeZone: TimeZoneSchema,
    operatingHours: z
      .array(OperatingWindow)
      .min(1, "the clinic must open at least once a week")
      .max(70),
    /** Dates the clinic is closed (holidays). */
    closures: z.array(IsoDateSchema).max(limits.maxListLength).default([]),
    /** Most participants in one group session. @defaultValue 12 (seed 001: groups of 10–12) */
    groupCapacity: z.number().int().min(1).max(100).default(12),
    /**
     * Fewest members a group should meet with. When people leave a group and it falls below this,
     * the planner moves its members into another group of the same phase and track that has room
     * for them for the rest of their stay (a group of one or two is not group therapy; seed 002:
     * members share experiences and practise skills together). iopkit's scheduling default, not a
     * clinical figure. A minimum above `groupCapacity` counts as `groupCapacity` (so a program
     * with groups of 2 merges groups of 1 without setting this). `1` turns merging off.
     * @defaultValue 3
     */
    groupMinimum: z.number().int().min(1).max(100).default(3),
    /** Phases in order; intensity never rises (S6). */
    phases: z.array(Phase).min(1, "a program needs at least one phase").max(limits.maxPhases),
    /** Program length bounds in weeks (S7). Seed 001: 8–12 weeks. */
    lengthWeeks: intRange(limits.maxWeeks),
    absencePolicy: AbsencePolicy.prefault({}),
    drugTestPolicy: DrugTestPolicy.prefault({}),
    reviewPolicy: ReviewPolicy.prefault({}),
    /**
     * Aftercare: check-in cadence, continuing care, mutual support, hand-offs, outreach and the
     * answer to a lapse (seeds 000, 003). Every default is common practice, unverified: edit it.
     */
    aftercarePolicy: AftercarePolicy.prefault({}),
    /**
     * Hours of services in a day for it to count as an IOP service day (per-diem billing).
     * @defaultValue 3 (HCPCS H0015: at least 3 hours a day, 3 days a week)
     */
    perDiemMinHours: z.number().min(0).max(24).default(3),
  }),
);
/** A program as validated by {@link defineProgram}: every default filled in. */
export type Program = z.infer<typeof ProgramShape>;

/** The program schema: the shape plus the rules of {@link programIssues}. Use {@link defineProgram} for untrusted input. */
export const Program: z.ZodType<Program, ProgramInput> = /* @__PURE__ */ pure(() =>
  ProgramShape.superRefine(
    (program, ctx) => {
      for (const issue of programIssues(program)) {
        ctx.addIssue({
          code: "custom",
          message: issue.message,
          path: [...issue.path],
          params: { code: issue.code },
        });
      }
    },
    // The cross-field rules read typed values: run them only once the shape is sound.
    { when: (payload) => payload.issues.length === 0 },
  ),
);
/** A program as an app writes it: fields with defaults may be left out. */
export type ProgramInput = z.input<typeof ProgramShape>;
