/**
 * zod schemas for the primitive value types every record uses. Each rejects with a message that
 * quotes the offending value's form, never silently coerces, and carries JSON Schema metadata.
 */
import { pure } from "./pure";
import { z } from "zod";
import { isIsoDate } from "./calendar";
import { isInstant } from "./instant";
import { limits } from "./limits";
import { isTimeZone } from "./zone";

/** Runs a refinement only when the checks before it passed, so one bad value gets one issue. */
const onlyIfValidSoFar = (payload: { issues: readonly unknown[] }): boolean =>
  payload.issues.length === 0;

/**
 * A calendar date `"YYYY-MM-DD"` that exists: `"2026-2-3"` is `invalid-format`, `"2026-02-30"` is
 * `invalid-date`. JSON Schema: `format: "date"` (RFC 3339 full-date, which also checks the day).
 */
export const IsoDateSchema = /* @__PURE__ */ pure(() =>
  z
    .string({ error: "must be a calendar date YYYY-MM-DD" })
    .check(
      z.refine((text) => /^\d{4}-\d{2}-\d{2}$/.test(text), {
        message: "must be a calendar date YYYY-MM-DD",
        params: { code: "invalid-format" },
      }),
    )
    .refine(isIsoDate, {
      message:
        "is not a day of the calendar (e.g. 30 February, or 29 February outside a leap year)",
      params: { code: "invalid-date" },
      when: onlyIfValidSoFar,
    })
    .meta({ format: "date" }),
);

/** A wall-clock time `"HH:mm"`, `"00:00"`–`"23:59"` (so `"24:00"` is rejected). */
export const WallTimeSchema = /* @__PURE__ */ pure(() =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a wall time HH:mm from 00:00 to 23:59"),
);

/** An ISO 8601 instant with an offset (`Z` or `±HH:MM`), e.g. `"2026-03-09T09:00:00.000-04:00"`. */
export const InstantSchema = /* @__PURE__ */ pure(() =>
  z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time with a UTC offset" })
    .refine(isInstant, {
      message: "must be an ISO 8601 date-time with a UTC offset",
      params: { code: "invalid-instant" },
      when: onlyIfValidSoFar,
    }),
);

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const WeekdaySchema = /* @__PURE__ */ pure(() =>
  z.literal([1, 2, 3, 4, 5, 6, 7], {
    error: "must be an ISO weekday 1 (Monday) to 7 (Sunday)",
  }),
);

/** An IANA time-zone name the runtime knows, e.g. `"America/New_York"`. */
export const TimeZoneSchema = /* @__PURE__ */ pure(() =>
  z
    .string()
    .min(1)
    .max(64)
    .refine(isTimeZone, {
      message: "must be an IANA time zone known to this runtime, e.g. America/New_York",
      params: { code: "invalid-time-zone" },
      when: onlyIfValidSoFar,
    }),
);

/** Free text up to {@link limits.maxTextLength} characters. */
export const TextSchema = /* @__PURE__ */ pure(() => z.string().max(limits.maxTextLength));

/** A short non-empty label (names, codes) up to 200 characters. */
export const LabelSchema = /* @__PURE__ */ pure(() =>
  z.string().min(1, "must not be empty").max(200),
);

/** A finite number ≥ 0 (no NaN, no ±Infinity). */
export const NonNegativeSchema = /* @__PURE__ */ pure(() => z.number().min(0));

/** A whole number ≥ 0. */
export const CountSchema = /* @__PURE__ */ pure(() => z.number().int().min(0));

/** A list with at most {@link limits.maxListLength} entries. @internal */
export function listOf<T extends z.ZodType>(item: T, max: number = limits.maxListLength) {
  return z.array(item).max(max);
}
