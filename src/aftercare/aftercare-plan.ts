/**
 * The aftercare plan record: the situation the discharge left, and its components — each told
 * apart by `kind`, each with the reason it is there. Plain JSON; apps store it and read it back
 * with {@link parseAftercarePlan}.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { EpisodeId, IsoDateSchema, ParticipantId, ProgramId, TimeZoneSchema } from "../core/index";
import { DischargeReason, DischargeType } from "../episode/index";
import { Medication } from "../participant/index";
import { LevelOfCareId } from "../program/index";
import { RelapsePreventionPlan } from "./relapse-prevention-plan";

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
export const AftercareSituation = /* @__PURE__ */ pure(() =>
  z.enum([
    "completed",
    "stepped-down",
    "stepped-up",
    "continuing-elsewhere",
    "left-early",
    "lost-to-contact",
    "medical",
    "incarcerated",
    "died",
  ]),
);
/** An aftercare situation. */
export type AftercareSituation = z.infer<typeof AftercareSituation>;

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
const plainJson = {
  message: "must be plain JSON data (finite numbers)",
  params: { code: "not-plain-json" },
} as const;

/** `"1 day"`, `"3 days"`: a count and a word, plural when it is not 1. @internal */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** A count or amount ≥ 0. @internal */
export const amount = (): z.ZodNumber => z.number().min(0);

/** Why: a machine-readable code, a sentence naming its source, and the evidence used. */
export const AftercareReason = /* @__PURE__ */ pure(() =>
  z.strictObject({
    code: z.string(),
    message: z.string(),
    /** What the rule looked at (plain JSON data). */
    evidence: z.unknown().refine(isPlainJson, plainJson).optional(),
  }),
);
/** The reason for a component, a plan's shape or a recommendation. */
export type AftercareReason = z.infer<typeof AftercareReason>;

/** A dated contact: a check-in or an outreach attempt, on an open day of the program. */
export const ScheduledContact = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The day it is due, in the program's zone. */
    due: IsoDateSchema,
    /** Days from the start of aftercare (`plan.from`) to `due`. */
    day: amount().int(),
    /** The date the cadence gave, when that day was a closure or not an operating day. */
    movedFrom: IsoDateSchema.optional(),
  }),
);
/** A dated check-in or outreach attempt. */
export type ScheduledContact = z.infer<typeof ScheduledContact>;

/** Mutual-support fellowships a plan suggests; the participant chooses. */
export const MutualSupportGroup = /* @__PURE__ */ pure(() =>
  z.enum(["aa", "na", "smart-recovery", "peer-support-group"]),
);
/** `"aa"` (Alcoholics Anonymous), `"na"` (Narcotics Anonymous), `"smart-recovery"`, `"peer-support-group"` (mental-health peer support). */
export type MutualSupportGroup = z.infer<typeof MutualSupportGroup>;

/** Where a warm hand-off goes. */
export const HandoffDestination = /* @__PURE__ */ pure(() =>
  z.enum([
    "higher-level",
    "lower-level",
    "same-level-elsewhere",
    "medical-care",
    "correctional-health-care",
  ]),
);
/** A warm hand-off's destination. */
export type HandoffDestination = z.infer<typeof HandoffDestination>;

const reason = /* @__PURE__ */ pure(() => ({ reason: AftercareReason }));

/** One component of an aftercare plan, told apart by `kind`; each carries its `reason`. */
export const AftercareComponent = /* @__PURE__ */ pure(() =>
  z.discriminatedUnion("kind", [
    /** Continuing care at a lower level (seed 000: ongoing therapy; seed 003: continued individual counselling). */
    z.strictObject({
      kind: z.literal("continuing-care"),
      ...reason,
      /** Outpatient therapy (ASAM 1 / 1.5) or long-term remission monitoring (ASAM 4th ed. 1.0). */
      level: LevelOfCareId,
      sessionsPerWeek: amount(),
      /** The first session by this day. */
      startBy: IsoDateSchema,
    }),
    /** Mutual-support participation (seed 000: AA, NA, support groups). */
    z.strictObject({
      kind: z.literal("mutual-support"),
      ...reason,
      /** Fellowships to choose from. */
      groups: z.array(MutualSupportGroup),
      meetingsPerWeek: amount().int(),
      /** How attendance is tracked. */
      tracking: z.enum(["self-reported", "verified"]),
    }),
    /** Sober living (seed 000: sober living arrangements; seed 001: a toxic home calls for a change of environment). */
    z.strictObject({
      kind: z.literal("sober-living"),
      ...reason,
      /** Arrange a place, or keep the one the participant has. */
      action: z.enum(["arrange", "continue"]),
    }),
    /** Vocational support (seed 000: vocational support; seed 003: vocational opportunities). */
    z.strictObject({ kind: z.literal("vocational"), ...reason }),
    /** Educational support (seed 000: educational support). */
    z.strictObject({ kind: z.literal("educational"), ...reason }),
    /** Family therapy continued (seed 000: family involvement; seed 003: involving family throughout). */
    z.strictObject({
      kind: z.literal("family-therapy"),
      ...reason,
      everyWeeks: z.number().int().min(1),
    }),
    /** Medication continuity: prescriber follow-up (seed 000: medication management). */
    z.strictObject({
      kind: z.literal("medication-continuity"),
      ...reason,
      /** The medications for addiction or mental health. */
      medications: z.array(Medication),
      /** The first prescriber follow-up by this day (a deadline; not moved for closures). */
      firstFollowUp: IsoDateSchema,
    }),
    /** Alumni group membership and events (seed 000: alumni services; seed 003: alumni groups). */
    z.strictObject({
      kind: z.literal("alumni"),
      ...reason,
      meetingsPerMonth: amount().int(),
    }),
    /** Re-engagement outreach after a loss of contact (DOMAIN.md "Discharge"). */
    z.strictObject({
      kind: z.literal("re-engagement-outreach"),
      ...reason,
      /** Dated attempts to reach the participant. */
      attempts: z.array(ScheduledContact),
    }),
    /** A warm hand-off to the next provider (DOMAIN.md "Discharge": transferred or referred). */
    z.strictObject({
      kind: z.literal("warm-handoff"),
      ...reason,
      to: HandoffDestination,
      /** The level of care handed off to, when known. */
      level: LevelOfCareId.optional(),
      /** The hand-off is complete (the receiving provider has seen the participant) by this day. */
      by: IsoDateSchema,
    }),
    /** The relapse-prevention plan (seeds 000, 003). */
    z.strictObject({
      kind: z.literal("relapse-prevention"),
      ...reason,
      plan: RelapsePreventionPlan,
    }),
    /** Continued-monitoring check-ins that thin out over time (seeds 000, 003). */
    z.strictObject({
      kind: z.literal("monitoring"),
      ...reason,
      checkIns: z.array(ScheduledContact),
    }),
  ]),
);
/** A component of an aftercare plan. */
export type AftercareComponent = z.infer<typeof AftercareComponent>;
/** The kinds of component. */
export type AftercareComponentKind = AftercareComponent["kind"];
/** The component of one kind, e.g. `ComponentOf<"monitoring">`. */
export type ComponentOf<K extends AftercareComponentKind> = Extract<
  AftercareComponent,
  { kind: K }
>;

/** The aftercare plan {@link planAftercare} returns. */
export const AftercarePlan = /* @__PURE__ */ pure(() =>
  z.strictObject({
    participantId: ParticipantId,
    programId: ProgramId,
    episodeId: EpisodeId.optional(),
    /** The first day of aftercare (day 0), in the program's zone. */
    from: IsoDateSchema,
    /** The program's time zone: every date of the plan is a calendar date there. */
    timeZone: TimeZoneSchema,
    /** How the episode ended. */
    discharge: z.strictObject({
      on: IsoDateSchema,
      type: DischargeType,
      reason: DischargeReason,
      referredTo: LevelOfCareId.optional(),
    }),
    situation: AftercareSituation,
    /** Why the plan has this shape. */
    summary: AftercareReason,
    /** In a fixed order (see `aftercareComponentsBySituation`); empty when the participant died. */
    components: z.array(AftercareComponent),
  }),
);
/** An aftercare plan. */
export type AftercarePlan = z.infer<typeof AftercarePlan>;

const planParser = /* @__PURE__ */ pure(() => parserFor(AftercarePlan, "parseAftercarePlan"));

/**
 * Validates a stored aftercare plan (as {@link planAftercare} made it); throws
 * {@link core!IopError | IopError} listing every problem with its path.
 */
export function parseAftercarePlan(input: unknown): AftercarePlan {
  return planParser.parse(input);
}

/** Like {@link parseAftercarePlan}, but returns `{ success, data | error }`. */
export function safeParseAftercarePlan(input: unknown): Result<AftercarePlan> {
  return planParser.safeParse(input);
}
