/**
 * The relapse-prevention plan: triggers, warning signs, coping strategies, people to call and what
 * to do after a lapse — structured lists the app fills in with the participant (relapse prevention
 * in intensive outpatient treatment: SAMHSA TIP 47 (2006)). `planAftercare` pre-fills what the
 * episode and profile already say; the rest is the participant's own.
 */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import { built, lazySchema, parseWith, safeParseWith, type Schema } from "../core/schema";

/** Who wrote an entry: the participant, a clinician, the program's policy, or iopkit from the episode or profile. */
export const planEntrySources = [
  "participant",
  "clinician",
  "program",
  "episode",
  "profile",
] as const;
/** Where an entry of a relapse-prevention plan came from: one of {@link planEntrySources}. */
export type PlanEntrySource = (typeof planEntrySources)[number];
/** The schema of a {@link PlanEntrySource}. */
export const PlanEntrySource: Schema<PlanEntrySource> = /* @__PURE__ */ lazySchema(() =>
  z.enum(planEntrySources),
);

/** One line of a relapse-prevention plan, with who wrote it. */
export interface PlanEntry {
  /** The text (1–500 characters), e.g. "Friday paydays" or "Call my sponsor". */
  text: string;
  /** Who wrote it. */
  source: PlanEntrySource;
}
/** The schema of a {@link PlanEntry}. */
export const PlanEntry: Schema<PlanEntry> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    text: z.string().check(z.minLength(1, "must not be empty"), z.maxLength(500)),
    source: PlanEntrySource,
  }),
);

/** The roles of the people and services on a plan's contact list. */
export const supportContactRoles = [
  "sponsor",
  "family",
  "friend",
  "peer",
  "counsellor",
  "program",
  "prescriber",
  "crisis-line",
  "other",
] as const;

/** Someone to call. Names and phone numbers are personal data (`redact` removes them). */
export interface SupportContact {
  /** Who they are to the participant. */
  role: (typeof supportContactRoles)[number];
  /** Name. Personal data. */
  name?: string | undefined;
  /** Phone number (3–40 characters). Personal data. */
  phone?: string | undefined;
}
/** The schema of a {@link SupportContact}. */
export const SupportContact: Schema<SupportContact> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    role: z.enum(supportContactRoles),
    name: optional(LabelSchema),
    phone: optional(z.string().check(z.minLength(3), z.maxLength(40))),
  }),
);

/**
 * The stored format of {@link RelapsePreventionPlan}s: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const relapsePreventionPlanFormat = {
  kind: "RelapsePreventionPlan",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/** The relapse-prevention plan. Validate what the participant filled in with {@link parseRelapsePreventionPlan}. */
export interface RelapsePreventionPlan {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** People, places, feelings and times that raise the risk of use (at most 50). */
  triggers: PlanEntry[];
  /** Early signs that recovery is slipping (at most 50). */
  warningSigns: PlanEntry[];
  /** What helps: skills from treatment, activities, meetings (at most 50). */
  copingStrategies: PlanEntry[];
  /** People to call (at most 20). */
  contacts: SupportContact[];
  /** What to do after a lapse (at most 20). */
  afterALapse: PlanEntry[];
  /** When the participant and a clinician last went over it. */
  reviewedOn?: IsoDate | undefined;
}

/** A relapse-prevention plan as an app writes it (`formatVersion` may be left out). */
export interface RelapsePreventionPlanInput extends Omit<RelapsePreventionPlan, "formatVersion"> {
  /** See {@link RelapsePreventionPlan.formatVersion}; a plan without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** The schema of a {@link RelapsePreventionPlan}. */
export const RelapsePreventionPlan: Schema<RelapsePreventionPlan, RelapsePreventionPlanInput> =
  /* @__PURE__ */ lazySchema(() => {
    const entry = built(PlanEntry);
    return storedObject(relapsePreventionPlanFormat, {
      triggers: array(entry).check(z.maxLength(50)),
      warningSigns: array(entry).check(z.maxLength(50)),
      copingStrategies: array(entry).check(z.maxLength(50)),
      contacts: array(built(SupportContact)).check(z.maxLength(20)),
      afterALapse: array(entry).check(z.maxLength(20)),
      reviewedOn: optional(IsoDateSchema),
    });
  });

/**
 * Validates a relapse-prevention plan from any input (a form the participant filled in, a stored
 * row); throws {@link core!IopError | IopError} listing every problem with its path.
 * @example
 * ```ts
 * // `stored`: the plan as the app saved it last time; the participant adds a warning sign.
 * const rpp = parseRelapsePreventionPlan({ ...stored, warningSigns: [{ text: "skipping meals", source: "participant" }] });
 * ```
 */
export function parseRelapsePreventionPlan(input: unknown): RelapsePreventionPlan {
  return parseWith(RelapsePreventionPlan, "parseRelapsePreventionPlan", input);
}

/** Like {@link parseRelapsePreventionPlan}, but returns `{ success, data | error }`. */
export function safeParseRelapsePreventionPlan(input: unknown): Result<RelapsePreventionPlan> {
  return safeParseWith(RelapsePreventionPlan, "parseRelapsePreventionPlan", input);
}
