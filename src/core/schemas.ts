/**
 * zod schemas for the primitive value types every record uses. Each rejects with a message that
 * names the expected form (never quoting the value), never silently coerces, and carries JSON
 * Schema metadata. Each is built on first use.
 */
import * as z from "zod/mini";
import { isIsoDate, type IsoDate, type Weekday } from "./calendar";
import { isInstant, type Instant } from "./instant";
import { limits } from "./limits";
import { holds, issue, lazySchema, type Schema } from "./schema";
import type { WallTime } from "./wall-time";
import { isTimeZone, type TimeZone } from "./zone";
import { canonicalTimeZone } from "./zone-names";

/**
 * A calendar date `"YYYY-MM-DD"` that exists: `"2026-2-3"` is `invalid-format`, `"2026-02-30"` is
 * `invalid-date`. JSON Schema: `format: "date"` (RFC 3339 full-date, which also checks the day).
 */
export const IsoDateSchema: Schema<IsoDate> = /* @__PURE__ */ lazySchema(() =>
  z.string({ error: "must be a calendar date YYYY-MM-DD" }).check(
    z.refine(
      (text) => /^\d{4}-\d{2}-\d{2}$/.test(text),
      issue("invalid-format", "must be a calendar date YYYY-MM-DD"),
    ),
    holds(
      isIsoDate,
      "invalid-date",
      "is not a day of the calendar (e.g. 30 February, or 29 February outside a leap year)",
    ),
    z.meta({ format: "date" }),
  ),
);

/** A wall-clock time `"HH:mm"`, `"00:00"`–`"23:59"` (so `"24:00"` is rejected). */
export const WallTimeSchema: Schema<WallTime> = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a wall time HH:mm from 00:00 to 23:59")),
);

/** An ISO 8601 instant with an offset (`Z` or `±HH:MM`), e.g. `"2026-03-09T09:00:00.000-04:00"`. */
export const InstantSchema: Schema<Instant> = /* @__PURE__ */ lazySchema(() =>
  z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time with a UTC offset" })
    .check(holds(isInstant, "invalid-instant", "must be an ISO 8601 date-time with a UTC offset")),
);

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export const WeekdaySchema: Schema<Weekday> = /* @__PURE__ */ lazySchema(() =>
  z.literal([1, 2, 3, 4, 5, 6, 7], {
    error: "must be an ISO weekday 1 (Monday) to 7 (Sunday)",
  }),
);

/** The legacy names that are a fixed offset though they read like a region's clock (`EST`). */
const legacyFixed = (name: string): boolean => /^(EST|MST|HST)$/i.test(name);

/**
 * An IANA time-zone name the runtime knows, e.g. `"America/New_York"`, written as the tz database
 * spells it: `america/new_york` parses to `America/New_York` ({@link canonicalTimeZone}). The
 * legacy names `EST`, `MST` and `HST` are refused: they are fixed offsets with no daylight saving,
 * which a clinic writing "EST" rarely means; `America/New_York` is the clinic's clock, and
 * `Etc/GMT+5` says a fixed UTC−05:00 on purpose.
 */
export const TimeZoneSchema: Schema<TimeZone> = /* @__PURE__ */ lazySchema(() =>
  z.string().check(
    z.minLength(1),
    z.maxLength(64),
    holds(
      isTimeZone,
      "invalid-time-zone",
      "must be an IANA time zone known to this runtime, e.g. America/New_York",
    ),
    holds(
      (name: string) => !legacyFixed(name),
      "invalid-time-zone",
      "is a legacy fixed offset with no daylight saving: write the region's zone (e.g. America/New_York), or Etc/GMT+5 for a clock that stays at UTC−05:00 all year",
    ),
    z.overwrite((name: string) => canonicalTimeZone(name) ?? name),
  ),
);

/** Free text up to {@link limits.maxTextLength} characters. */
export const TextSchema: Schema<string> = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.maxLength(limits.maxTextLength)),
);

/** A short non-empty label (names, codes) up to 200 characters. */
export const LabelSchema: Schema<string> = /* @__PURE__ */ lazySchema(() =>
  z.string().check(z.minLength(1, "must not be empty"), z.maxLength(200)),
);

/** A finite number ≥ 0 (no NaN, no ±Infinity). */
export const NonNegativeSchema: Schema<number> = /* @__PURE__ */ lazySchema(() =>
  z.number().check(z.gte(0)),
);

/** A whole number ≥ 0. */
export const CountSchema: Schema<number> = /* @__PURE__ */ lazySchema(() =>
  z.int().check(z.gte(0)),
);
