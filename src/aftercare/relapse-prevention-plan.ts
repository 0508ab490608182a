/**
 * The relapse-prevention plan: triggers, warning signs, coping strategies, people to call and what
 * to do after a lapse — structured lists the app fills in with the participant (seeds 000, 003:
 * relapse-prevention resources, tailored relapse prevention). `planAftercare` pre-fills what the
 * episode and profile already say; the rest is the participant's own.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { IsoDateSchema, LabelSchema } from "../core/index";

/** Who wrote an entry: the participant, a clinician, the program's policy, or iopkit from the episode or profile. */
export const PlanEntrySource = /* @__PURE__ */ pure(() =>
  z.enum(["participant", "clinician", "program", "episode", "profile"]),
);
/** Where an entry of a relapse-prevention plan came from. */
export type PlanEntrySource = z.infer<typeof PlanEntrySource>;

/** One line of a relapse-prevention plan, with who wrote it. */
export const PlanEntry = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** The text, e.g. "Friday paydays" or "Call my sponsor". */
    text: z.string().min(1, "must not be empty").max(500),
    source: PlanEntrySource,
  }),
);
/** One entry of a relapse-prevention plan. */
export type PlanEntry = z.infer<typeof PlanEntry>;

/** Someone to call. Names and phone numbers are personal data (`redact` removes them). */
export const SupportContact = /* @__PURE__ */ pure(() =>
  z.strictObject({
    role: z.enum([
      "sponsor",
      "family",
      "friend",
      "peer",
      "counsellor",
      "program",
      "prescriber",
      "crisis-line",
      "other",
    ]),
    /** Personal data. */
    name: LabelSchema.optional(),
    /** Personal data. */
    phone: z.string().min(3).max(40).optional(),
  }),
);
/** A person or service to call. */
export type SupportContact = z.infer<typeof SupportContact>;

/** The relapse-prevention plan. Validate what the participant filled in with {@link parseRelapsePreventionPlan}. */
export const RelapsePreventionPlan = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** People, places, feelings and times that raise the risk of use. */
    triggers: z.array(PlanEntry).max(50),
    /** Early signs that recovery is slipping. */
    warningSigns: z.array(PlanEntry).max(50),
    /** What helps: skills from treatment, activities, meetings. */
    copingStrategies: z.array(PlanEntry).max(50),
    /** People to call. */
    contacts: z.array(SupportContact).max(20),
    /** What to do after a lapse. */
    afterALapse: z.array(PlanEntry).max(20),
    /** When the participant and a clinician last went over it. */
    reviewedOn: IsoDateSchema.optional(),
  }),
);
/** A relapse-prevention plan. */
export type RelapsePreventionPlan = z.infer<typeof RelapsePreventionPlan>;

const planParser = /* @__PURE__ */ pure(() =>
  parserFor(RelapsePreventionPlan, "parseRelapsePreventionPlan"),
);

/**
 * Validates a relapse-prevention plan from any input (a form the participant filled in, a stored
 * row); throws {@link core!IopError | IopError} listing every problem with its path.
 * @example
 * ```ts
 * const rpp = parseRelapsePreventionPlan({ ...stored, warningSigns: [{ text: "skipping meals", source: "participant" }] });
 * ```
 */
export function parseRelapsePreventionPlan(input: unknown): RelapsePreventionPlan {
  return planParser.parse(input);
}

/** Like {@link parseRelapsePreventionPlan}, but returns `{ success, data | error }`. */
export function safeParseRelapsePreventionPlan(input: unknown): Result<RelapsePreventionPlan> {
  return planParser.safeParse(input);
}
