/**
 * What happened at a check-in: it took place (with a lapse or not, with the mutual-support meetings
 * the participant went to) or it was missed. Apps record one per planned check-in or outreach
 * attempt, keyed by its `due` date, and may record unscheduled contacts the same way.
 */
import { pure } from "../core/pure";
import { z } from "zod";
import { parserFor, type Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, TextSchema } from "../core/index";
import { amount } from "./aftercare-plan";

/** Mutual-support meetings since the previous contact, and how the count is known. */
export const MutualSupportAttendance = /* @__PURE__ */ pure(() =>
  z.strictObject({
    /** Meetings attended since the previous contact. */
    meetings: amount().int().max(500),
    /** What the participant says, or verified (e.g. signed attendance slips). */
    verification: z.enum(["self-reported", "verified"]),
  }),
);
/** Mutual-support attendance reported at a check-in. */
export type MutualSupportAttendance = z.infer<typeof MutualSupportAttendance>;

const contactDetails = ["on", "lapse", "substances", "mutualSupport"] as const;

/**
 * A check-in's outcome. A `missed` check-in has no contact details (`on`, `lapse`, `substances`,
 * `mutualSupport`); `substances` go with `lapse: true`. Validate with {@link parseCheckInOutcome}.
 */
export const CheckInOutcome = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      /** The due date of the planned check-in or outreach attempt; for an unscheduled contact, its date. */
      due: IsoDateSchema,
      /** It took place, or the participant could not be reached. */
      status: z.enum(["completed", "missed"]),
      /** The day it took place, when not the due date (completed only). */
      on: IsoDateSchema.optional(),
      /** The participant reported use since the previous contact (completed only). */
      lapse: z.boolean().optional(),
      /** Substances used, with `lapse: true`. */
      substances: z.array(LabelSchema).max(50).optional(),
      /** Mutual-support meetings since the previous contact (completed only). */
      mutualSupport: MutualSupportAttendance.optional(),
      /** Who recorded it. */
      by: LabelSchema.optional(),
      /** Free text: personal data. */
      notes: TextSchema.optional(),
    })
    .superRefine(
      (o, ctx) => {
        if (o.status === "missed")
          for (const key of contactDetails)
            if (o[key] !== undefined)
              ctx.addIssue({
                code: "custom",
                message: `a missed check-in has no ${key}: nobody was reached`,
                path: [key],
                params: { code: "missed-with-contact-details" },
              });
        if (o.substances !== undefined && o.lapse !== true)
          ctx.addIssue({
            code: "custom",
            message: "substances go with lapse: true",
            path: ["substances"],
            params: { code: "substances-without-lapse" },
          });
      },
      { when: (payload) => payload.issues.length === 0 },
    ),
);
/** A check-in's outcome. */
export type CheckInOutcome = z.infer<typeof CheckInOutcome>;

const outcomeParser = /* @__PURE__ */ pure(() => parserFor(CheckInOutcome, "parseCheckInOutcome"));

/**
 * Validates a check-in outcome from any input (a form, a stored row); throws
 * {@link core!IopError | IopError} listing every problem with its path.
 * @example
 * ```ts
 * parseCheckInOutcome({ due: "2026-06-08", status: "completed", lapse: true, substances: ["alcohol"] });
 * ```
 */
export function parseCheckInOutcome(input: unknown): CheckInOutcome {
  return outcomeParser.parse(input);
}

/** Like {@link parseCheckInOutcome}, but returns `{ success, data | error }`. */
export function safeParseCheckInOutcome(input: unknown): Result<CheckInOutcome> {
  return outcomeParser.safeParse(input);
}
