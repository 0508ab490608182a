/**
 * What happened at a check-in: it took place (with a lapse or not, with the mutual-support meetings
 * the participant went to) or it was missed. Apps record one per planned check-in or outreach
 * attempt, keyed by its `due` date, and may record unscheduled contacts the same way.
 */
import * as z from "zod/mini";
import { array, optional, strictObject } from "../core/zod";
import type { Result } from "../core/errors";
import { IsoDateSchema, LabelSchema, TextSchema, type IsoDate } from "../core/index";
import { storedObject, versionFieldAdded, type RecordFormat } from "../core/record-format";
import {
  customIssue,
  lazySchema,
  parseWith,
  safeParseWith,
  onceValid,
  type Schema,
} from "../core/schema";

/** Mutual-support meetings since the previous contact, and how the count is known. */
export interface MutualSupportAttendance {
  /** Meetings attended since the previous contact (0–500). */
  meetings: number;
  /** What the participant says, or verified (e.g. signed attendance slips). */
  verification: "self-reported" | "verified";
}
/** The schema of {@link MutualSupportAttendance}. */
export const MutualSupportAttendance: Schema<MutualSupportAttendance> = /* @__PURE__ */ lazySchema(
  () =>
    strictObject({
      meetings: z.int().check(z.gte(0), z.lte(500)),
      verification: z.enum(["self-reported", "verified"]),
    }),
);

const contactDetails = ["on", "lapse", "substances", "mutualSupport"] as const;

/** Whether a check-in took place. */
export const checkInStatuses = ["completed", "missed"] as const;

/**
 * The stored format of {@link CheckInOutcome}s: 1 (iopkit 0.1.0), 2 (`formatVersion`).
 * @internal
 */
export const checkInOutcomeFormat = {
  kind: "CheckInOutcome",
  version: 2,
  steps: [versionFieldAdded],
  nested: [],
} as const satisfies RecordFormat;

/**
 * A check-in's outcome. A `missed` check-in has no contact details (`on`, `lapse`, `substances`,
 * `mutualSupport`); `substances` go with `lapse: true`. Validate with {@link parseCheckInOutcome}.
 */
export interface CheckInOutcome {
  /** The record's format (see the guide "Storing records"). */
  formatVersion: 2;
  /** The due date of the planned check-in or outreach attempt; for an unscheduled contact, its date. */
  due: IsoDate;
  /** It took place, or the participant could not be reached. */
  status: (typeof checkInStatuses)[number];
  /** The day it took place, when not the due date (completed only). */
  on?: IsoDate | undefined;
  /** The participant reported use since the previous contact (completed only). */
  lapse?: boolean | undefined;
  /** Substances used (at most 50), with `lapse: true`. */
  substances?: string[] | undefined;
  /** Mutual-support meetings since the previous contact (completed only). */
  mutualSupport?: MutualSupportAttendance | undefined;
  /** Who recorded it. */
  by?: string | undefined;
  /** Free text: personal data. */
  notes?: string | undefined;
}

/** A check-in outcome as an app writes it (`formatVersion` may be left out). */
export interface CheckInOutcomeInput extends Omit<CheckInOutcome, "formatVersion"> {
  /** See {@link CheckInOutcome.formatVersion}; an outcome without it is format 1. */
  formatVersion?: 2 | undefined;
}

/** The schema of a {@link CheckInOutcome}. */
export const CheckInOutcome: Schema<CheckInOutcome, CheckInOutcomeInput> =
  /* @__PURE__ */ lazySchema(() =>
    storedObject(
      checkInOutcomeFormat,
      {
        due: IsoDateSchema,
        status: z.enum(checkInStatuses),
        on: optional(IsoDateSchema),
        lapse: optional(z.boolean()),
        substances: optional(array(LabelSchema).check(z.maxLength(50))),
        mutualSupport: optional(MutualSupportAttendance),
        by: optional(LabelSchema),
        notes: optional(TextSchema),
      },
      (object) =>
        object.check(
          onceValid<CheckInOutcome>((o, ctx) => {
            if (o.status === "missed")
              for (const key of contactDetails)
                if (o[key] !== undefined)
                  ctx.addIssue(
                    customIssue(
                      "missed-with-contact-details",
                      `a missed check-in has no ${key}: nobody was reached`,
                      [key],
                    ),
                  );
            if (o.substances !== undefined && o.lapse !== true)
              ctx.addIssue(
                customIssue("substances-without-lapse", "substances go with lapse: true", [
                  "substances",
                ]),
              );
          }),
        ),
    ),
  );

/**
 * Validates a check-in outcome from any input (a form, a stored row); throws
 * {@link core!IopError | IopError} listing every problem with its path.
 * @example
 * ```ts
 * parseCheckInOutcome({ due: "2026-06-08", status: "completed", lapse: true, substances: ["alcohol"] });
 * ```
 */
export function parseCheckInOutcome(input: unknown): CheckInOutcome {
  return parseWith(CheckInOutcome, "parseCheckInOutcome", input);
}

/** Like {@link parseCheckInOutcome}, but returns `{ success, data | error }`. */
export function safeParseCheckInOutcome(input: unknown): Result<CheckInOutcome> {
  return safeParseWith(CheckInOutcome, "parseCheckInOutcome", input);
}
