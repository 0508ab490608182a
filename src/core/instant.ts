/**
 * Instants: ISO 8601 date-times with an explicit UTC offset, e.g. `"2026-03-09T09:00:00.000-04:00"`.
 * Parsed and formatted by hand (no `Date`, no luxon) because the planner handles hundreds of
 * thousands of them.
 */
import { pure } from "./pure";
import {
  civilFromDays,
  civilToDays,
  daysInMonth,
  MAX_EPOCH_DAY,
  MIN_EPOCH_DAY,
  MS_PER_DAY,
} from "./calendar";
import { describeValue, misuse } from "./errors";

/** An instant as ISO 8601 with a UTC offset (`Z` or `±HH:MM`), e.g. `"2026-03-09T09:00:00.000-04:00"`. */
export type Instant = string;

const INSTANT_RE =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since 1970-01-01T00:00Z of an ISO instant with offset, or `undefined` when the text
 * is not one (missing offset, impossible date or time, offset beyond ±18:00). Fractions beyond
 * milliseconds are truncated.
 */
export function tryParseInstant(text: string): number | undefined {
  if (typeof text !== "string") return undefined;
  const m = INSTANT_RE.exec(text);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, "0"));
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  let offset = 0;
  const z = m[8] ?? "Z";
  if (z !== "Z") {
    const oh = Number(z.slice(1, 3));
    const om = Number(z.slice(4, 6));
    if (oh > 18 || om > 59) return undefined;
    offset = (oh * 60 + om) * (z[0] === "-" ? -1 : 1);
  }
  return (
    civilToDays(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offset) * 60 + second) * 1000 +
    ms
  );
}

/** True when `text` is an ISO 8601 instant with an offset. */
export function isInstant(text: string): boolean {
  return tryParseInstant(text) !== undefined;
}

/** Epoch milliseconds of an instant. Throws {@link IopError} (`invalid-instant`) otherwise. */
export function toEpochMs(instant: Instant): number {
  const ms = tryParseInstant(instant);
  if (ms === undefined)
    misuse(
      "toEpochMs",
      "invalid-instant",
      `expected an ISO 8601 instant with offset, got ${describeValue(instant)}`,
    );
  return ms;
}

const TWO: readonly string[] = /* @__PURE__ */ pure(() =>
  Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i))),
);
const THREE: readonly string[] = /* @__PURE__ */ pure(() =>
  Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, "0")),
);

function p2(n: number): string {
  return TWO[n] ?? String(n).padStart(2, "0");
}

/** `"YYYY-MM-DD"` of an epoch day, for instant formatting. @internal */
export function datePrefix(epochDay: number): string {
  const { year, month, day } = civilFromDays(epochDay);
  return `${year >= 1000 && year <= 9999 ? String(year) : String(year).padStart(4, "0")}-${p2(month)}-${p2(day)}`;
}

/**
 * An offset in minutes rounded to a whole minute, halves away from zero (−44.5 → −45, as the
 * TC39 Temporal proposal rounds offsets for its strings): what `±HH:MM` can carry.
 * @internal
 */
export function roundOffsetMinutes(offsetMinutes: number): number {
  return offsetMinutes < 0 ? -Math.round(-offsetMinutes) : Math.round(offsetMinutes);
}

/** `"±HH:MM"` of a whole number of minutes (`+00:00` for zero). @internal */
export function offsetSuffix(offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? "-" : "+"}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`;
}

/** `"THH:mm:ss.SSS"` of a millisecond of the day. @internal */
export function timeOfDayPart(msOfDay: number): string {
  const hh = Math.floor(msOfDay / 3_600_000);
  const mm = Math.floor(msOfDay / 60_000) % 60;
  const ss = Math.floor(msOfDay / 1000) % 60;
  return `T${p2(hh)}:${p2(mm)}:${p2(ss)}.${THREE[msOfDay % 1000] ?? "000"}`;
}

/**
 * Formats epoch milliseconds as an ISO instant at a given UTC offset (minutes east of UTC), always
 * with milliseconds and a `±HH:MM` offset (`+00:00`, never `Z`). An offset with seconds (local
 * mean time before 1972, e.g. −44.5 for Africa/Monrovia) is written rounded to the nearest minute,
 * halves away from zero, with the date and time the instant has at that written offset: the text
 * always parses back to `epochMs`. Throws {@link IopError} (`invalid-instant`) for milliseconds
 * that are not a whole number, a local date outside years 0001–9999, or an offset that is not a
 * number of minutes under 24 hours.
 * @example `formatInstant(0, -300) === "1969-12-31T19:00:00.000-05:00"`
 * @example `formatInstant(0, -44.5) === "1969-12-31T23:15:00.000-00:45"`
 */
export function formatInstant(epochMs: number, offsetMinutes: number): Instant {
  const offset =
    typeof offsetMinutes === "number" && Math.abs(offsetMinutes) < 24 * 60
      ? roundOffsetMinutes(offsetMinutes)
      : Number.NaN;
  const local = epochMs + offset * 60_000;
  const day = Math.floor(local / MS_PER_DAY);
  if (!Number.isSafeInteger(epochMs) || !(day >= MIN_EPOCH_DAY && day <= MAX_EPOCH_DAY))
    misuse(
      "formatInstant",
      "invalid-instant",
      `expected whole epoch milliseconds whose local date is in years 0001–9999 and an offset under 24 hours in minutes, got ${describeValue(epochMs)}, ${describeValue(offsetMinutes)}`,
    );
  return datePrefix(day) + timeOfDayPart(local - day * MS_PER_DAY) + offsetSuffix(offset);
}
