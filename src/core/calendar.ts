/**
 * Calendar dates as integers. An *epoch day* is the number of days since 1970-01-01 (which is
 * epoch day 0, a Thursday); it makes date arithmetic exact and fast, free of time zones and DST.
 * Algorithms: Howard Hinnant, "chrono-Compatible Low-Level Date Algorithms" (proleptic Gregorian).
 */
import { misuse, describeValue } from "./errors";

/** A calendar date, `"YYYY-MM-DD"` (ISO 8601), e.g. `"2026-03-09"`. */
export type IsoDate = string;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
/** An ISO week key, `"YYYY-Www"`, e.g. `"2026-W11"`. The year is the ISO week-numbering year. */
export type IsoWeek = string;

/** Milliseconds in a (civil, non-DST) day. */
export const MS_PER_DAY = 86_400_000;

/** Epoch day of a proleptic-Gregorian year, month (1–12) and day of that month; throws {@link IopError} (`invalid-date`) for anything else (NaN, fractions, 2026-02-30). */
export function daysFromCivil(year: number, month: number, day: number): number {
  if (
    !Number.isSafeInteger(year) ||
    !Number.isSafeInteger(month) ||
    !Number.isSafeInteger(day) ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    misuse(
      "daysFromCivil",
      "invalid-date",
      `expected a whole year, a month 1–12 and a day of that month, got ${describeValue(year)}, ${describeValue(month)}, ${describeValue(day)}`,
    );
  return civilToDays(year, month, day);
}

/** {@link daysFromCivil} without its checks, for callers that have checked the date. @internal */
export function civilToDays(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** A proleptic-Gregorian calendar date as numbers. */
export interface CivilDate {
  /** Year, e.g. 2026. */
  readonly year: number;
  /** Month, 1 = January … 12 = December. */
  readonly month: number;
  /** Day of the month, 1–31. */
  readonly day: number;
}

/** Year, month (1–12) and day of an epoch day (a safe integer; throws {@link IopError} `invalid-epoch-day` otherwise). */
export function civilFromDays(epochDay: number): CivilDate {
  checkEpochDay("civilFromDays", epochDay, false);
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Days in a month of a year (Gregorian leap years). */
export function daysInMonth(year: number, month: number): number {
  if (!Number.isSafeInteger(year) || !Number.isSafeInteger(month) || month < 1 || month > 12)
    misuse(
      "daysInMonth",
      "invalid-date",
      `expected a whole year and a month 1–12, got ${describeValue(year)}, ${describeValue(month)}`,
    );
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The number written by the ASCII digits `text[from..to)`, or -1 when one is not a digit.
 * (`charCodeAt` past the end is NaN, which fails the digit test.)
 */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch day of an ISO date, or `undefined` when the text is not a real calendar date
 * (e.g. `"2026-02-30"`, `"2026-13-01"`, `"26-1-1"`). Years 0001–9999.
 */
export function tryParseIsoDate(text: string): number | undefined {
  // `YYYY-MM-DD` exactly, read character by character (no regular expression, no allocation:
  // the FHIR bulk reader checks a date per line).
  if (
    typeof text !== "string" ||
    text.length !== 10 ||
    text.charCodeAt(4) !== 45 ||
    text.charCodeAt(7) !== 45
  )
    return undefined;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  return civilToDays(year, month, day);
}

/** True when `text` is a real calendar date in `"YYYY-MM-DD"` form. */
export function isIsoDate(text: string): boolean {
  return tryParseIsoDate(text) !== undefined;
}

/**
 * Epoch day of an ISO date. Throws {@link IopError} (`invalid-date`) for anything else.
 * @example `toEpochDay("1970-01-02") === 1`
 */
export function toEpochDay(date: IsoDate): number {
  const d = tryParseIsoDate(date);
  if (d === undefined)
    misuse(
      "toEpochDay",
      "invalid-date",
      `expected a calendar date (YYYY-MM-DD), got ${describeValue(date)}`,
    );
  return d;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** Epoch day of 0001-01-01, the earliest date iopkit represents. */
export const MIN_EPOCH_DAY = -719_162;
/** Epoch day of 9999-12-31, the latest date iopkit represents. */
export const MAX_EPOCH_DAY = 2_932_896;

/**
 * Throws `invalid-epoch-day` unless `epochDay` is a safe integer (and, when `inRange`, a day of
 * years 0001–9999).
 */
function checkEpochDay(context: string, epochDay: number, inRange: boolean): void {
  if (
    !Number.isSafeInteger(epochDay) ||
    (inRange && (epochDay < MIN_EPOCH_DAY || epochDay > MAX_EPOCH_DAY))
  )
    misuse(
      context,
      "invalid-epoch-day",
      inRange
        ? `epoch day must be an integer for a date in years 0001–9999, got ${describeValue(epochDay)}`
        : `epoch day must be a safe integer, got ${describeValue(epochDay)}`,
    );
}

/** ISO date of an epoch day (years 0001–9999); throws {@link IopError} otherwise. @example `fromEpochDay(0) === "1970-01-01"` */
export function fromEpochDay(epochDay: number): IsoDate {
  checkEpochDay("fromEpochDay", epochDay, true);
  const { year, month, day } = civilFromDays(epochDay);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days))
    misuse("addDays", "invalid-days", `days must be a safe integer, got ${describeValue(days)}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of an epoch day. */
export function weekdayOfEpochDay(epochDay: number): Weekday {
  checkEpochDay("weekdayOfEpochDay", epochDay, false);
  return (((((epochDay + 3) % 7) + 7) % 7) + 1) as Weekday;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a date. @example `isoWeekday("2026-03-09") === 1` */
export function isoWeekday(date: IsoDate): Weekday {
  return weekdayOfEpochDay(toEpochDay(date));
}

/** Epoch day of the Monday starting the ISO week that contains `epochDay`. */
export function mondayOfEpochDay(epochDay: number): number {
  return epochDay - (weekdayOfEpochDay(epochDay) - 1);
}

/** An ISO week as numbers. */
export interface IsoWeekParts {
  /** ISO week-numbering year (the year holding the week's Thursday). */
  readonly year: number;
  /** Week of that year, 1–53. */
  readonly week: number;
}

/**
 * ISO week-numbering year and week (1–53) of an epoch day. The week belongs to the year that
 * holds its Thursday, so `2027-01-01` (a Friday) is in `2026-W53`.
 */
export function isoWeekOfEpochDay(epochDay: number): IsoWeekParts {
  checkEpochDay("isoWeekOfEpochDay", epochDay, false);
  const thursday = mondayOfEpochDay(epochDay) + 3;
  const year = civilFromDays(thursday).year;
  const week = Math.floor((thursday - civilToDays(year, 1, 1)) / 7) + 1;
  return { year, week };
}

/** ISO week key of an epoch day, `"YYYY-Www"`. */
export function isoWeekKeyOfEpochDay(epochDay: number): IsoWeek {
  checkEpochDay("isoWeekKeyOfEpochDay", epochDay, true);
  const { year, week } = isoWeekOfEpochDay(epochDay);
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** ISO week key of a date. @example `isoWeekKey("2026-03-09") === "2026-W11"` */
export function isoWeekKey(date: IsoDate): IsoWeek {
  return isoWeekKeyOfEpochDay(toEpochDay(date));
}

const WEEK_RE = /^(\d{4})-W(\d{2})$/;

/**
 * Epoch day of the Monday of an ISO week key, or `undefined` when the key is malformed or the
 * week does not exist in that year (week 53 exists only in long years).
 */
export function tryParseIsoWeek(key: string): number | undefined {
  if (typeof key !== "string") return undefined;
  const m = WEEK_RE.exec(key);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < 1 || week < 1 || week > 53) return undefined;
  const jan4 = civilToDays(year, 1, 4);
  const monday = mondayOfEpochDay(jan4) + (week - 1) * 7;
  return isoWeekOfEpochDay(monday).week === week ? monday : undefined;
}

/** The Monday (ISO date) that starts an ISO week. Throws {@link IopError} for a malformed key. */
export function startOfIsoWeek(key: IsoWeek): IsoDate {
  const d = tryParseIsoWeek(key);
  if (d === undefined)
    misuse(
      "startOfIsoWeek",
      "invalid-week",
      `expected an ISO week (YYYY-Www), got ${describeValue(key)}`,
    );
  return fromEpochDay(d);
}
