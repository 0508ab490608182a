/**
 * Time-zone arithmetic over IANA zones, correct across DST changes, and fast: offsets come from the
 * runtime's tz database through `Intl.DateTimeFormat` (one formatter per zone, cached) once per
 * zone and day, then all arithmetic is on integers. No date library is involved.
 *
 * **DST rule** (the one RFC 5545 §3.3.5 prescribes, so calendars agree with iopkit):
 * - a local time that does not exist (skipped by a spring-forward gap) is read with the offset in
 *   force *before* the gap, so it lands that many minutes later on the clock: 02:30 on
 *   2026-03-08 in America/New_York becomes 03:30 EDT (07:30Z);
 * - a local time that occurs twice (a fall-back overlap) means its *first* occurrence: 01:30 on
 *   2026-11-01 in America/New_York is 01:30 EDT (05:30Z), not 01:30 EST.
 *
 * **Offsets with seconds.** Every zone's offset has been a whole number of minutes since 1972, but
 * local mean time before that can have seconds: Africa/Monrovia kept −0:44:30 until 1972,
 * Europe/Amsterdam +0:19:32 until 1937. ISO 8601 instants as iopkit writes and reads them
 * (`±HH:MM`) cannot carry seconds, so iopkit keeps the instant exact and writes the offset rounded
 * to the nearest minute (halves away from zero, as the TC39 Temporal proposal rounds offsets),
 * with the date and time of day that instant has at that written offset: 09:00 local mean time on
 * 1970-01-01 in Africa/Monrovia (09:44:30Z) is written `"1970-01-01T08:59:30.000-00:45"`. The
 * text parses back to the same epoch millisecond; its wall-clock reading differs from the zone's
 * by under 30 seconds. Arithmetic ({@link ZoneClock.localToEpochMs}, {@link ZoneClock.localDayOf},
 * {@link ZoneClock.localMinuteOf}) uses the exact offset, so 09:00 there is still minute 540.
 */
import { fromEpochDay, MS_PER_DAY, toEpochDay, type IsoDate } from "./calendar";
import { describeValue, misuse } from "./errors";
import {
  datePrefix,
  offsetSuffix,
  roundOffsetMinutes,
  timeOfDayPart,
  toEpochMs,
  type Instant,
} from "./instant";
import { offsetMsAt, zoneFormatter } from "./intl-zone";
import { fromMinutes, toMinutes, type WallTime } from "./wall-time";

/** An IANA time-zone name, e.g. `"America/New_York"`, `"Asia/Kolkata"`, `"UTC"`. */
export type TimeZone = string;

/** True when the runtime's `Intl` knows the IANA zone `name`. */
export function isTimeZone(name: string): boolean {
  return formatterOf(name) !== undefined;
}

/** The cached formatter of a zone name (at most 64 characters), if the runtime knows the zone. */
function formatterOf(name: unknown): Intl.DateTimeFormat | undefined {
  return typeof name === "string" && name.length <= 64 ? zoneFormatter(name) : undefined;
}

const MIN = 60_000;
const HOUR = 3_600_000;

/**
 * The offsets (ms east of UTC) over a window of time: `before` until the instant `at`, `after`
 * from it on. `at` is `+Infinity` when the offset does not change in the window. Assumes at most
 * one offset change within the window (about two days), which holds for every zone in the tz
 * database.
 */
interface Span {
  readonly before: number;
  readonly after: number;
  readonly at: number;
}

/**
 * A converter between local (zone) dates and times and instants, with a private per-day cache.
 * Create one per zone for a batch of work ({@link createZoneClock}); it holds no other state.
 */
export interface ZoneClock {
  /** The IANA zone this clock converts for. */
  readonly zone: TimeZone;
  /**
   * UTC offset in minutes (east positive) in force at an instant. A whole number for every zone
   * since 1972; local mean time before that may have seconds (−44.5 for Africa/Monrovia in 1970).
   */
  offsetAt(epochMs: number): number;
  /** Epoch ms of a local epoch day and minute of day (0–1439), by the module's DST rule. */
  localToEpochMs(epochDay: number, minuteOfDay: number): number;
  /** Local epoch day of an instant. */
  localDayOf(epochMs: number): number;
  /** Local minute of day (0–1439) of an instant. */
  localMinuteOf(epochMs: number): number;
  /**
   * ISO instant, with the zone's offset at that instant rounded to the minute (see the module's
   * note on offsets with seconds): it always parses back to `epochMs`.
   */
  format(epochMs: number): Instant;
  /**
   * The ISO instant of a local epoch day and minute of day (by the module's DST rule), memoised:
   * a clinic's sessions repeat a few start times on each day, so this is a map lookup after the
   * first call.
   */
  instantAt(epochDay: number, minuteOfDay: number): Instant;
}

/**
 * Creates a {@link ZoneClock} for `zone`. Throws {@link IopError} (`invalid-time-zone`) if the
 * runtime does not know the zone.
 * @example
 * ```ts
 * const clock = createZoneClock("America/New_York");
 * clock.format(clock.localToEpochMs(toEpochDay("2026-03-09"), 9 * 60)); // "2026-03-09T09:00:00.000-04:00"
 * ```
 */
export function createZoneClock(zone: TimeZone): ZoneClock {
  const f = formatterOf(zone);
  if (f === undefined)
    return misuse(
      "createZoneClock",
      "invalid-time-zone",
      `${describeValue(zone)} is not an IANA time zone known to this runtime`,
    );
  const rawOffset = (ms: number): number => offsetMsAt(f, ms);
  // Local day d spans UTC [d·24h − 14h, (d+1)·24h + 12h) under any offset; UTC day d spans [d·24h, (d+1)·24h).
  const byLocalDay = new Map<number, Span>();
  const byUtcDay = new Map<number, Span>();

  const spanOf = (lo: number, hi: number): Span => {
    const before = rawOffset(lo);
    const after = rawOffset(hi);
    if (before === after) return { before, after, at: Number.POSITIVE_INFINITY };
    // The tz database changes offsets on whole seconds, and Intl reads clocks to the second:
    // search seconds, not milliseconds.
    let l = Math.floor(lo / 1000); // offset(l s) === before
    let h = Math.floor(hi / 1000); // offset(h s) === after
    while (h - l > 1) {
      const m = Math.floor((l + h) / 2);
      if (rawOffset(m * 1000) === before) l = m;
      else h = m;
    }
    return { before, after, at: h * 1000 };
  };
  const cached = (cache: Map<number, Span>, key: number, lo: number, hi: number): Span => {
    let span = cache.get(key);
    if (span === undefined) {
      span = spanOf(lo, hi);
      cache.set(key, span);
    }
    return span;
  };

  // Formatting caches: "YYYY-MM-DD" per local day, "±HH:MM" per offset, instants per local minute.
  const prefixes = new Map<number, string>();
  const suffixes = new Map<number, string>();
  const instants = new Map<number, Instant>();

  /** The exact offset in ms at an instant. */
  const offsetMs = (epochMs: number): number => {
    const d = Math.floor(epochMs / MS_PER_DAY);
    const s = cached(byUtcDay, d, d * MS_PER_DAY, d * MS_PER_DAY + MS_PER_DAY - 1);
    return epochMs < s.at ? s.before : s.after;
  };

  const clock: ZoneClock = {
    zone,
    offsetAt: (epochMs) => offsetMs(epochMs) / MIN,
    instantAt(epochDay, minuteOfDay) {
      const key = epochDay * 1440 + minuteOfDay;
      let text = instants.get(key);
      if (text === undefined) {
        text = clock.format(clock.localToEpochMs(epochDay, minuteOfDay));
        instants.set(key, text);
      }
      return text;
    },
    localToEpochMs(epochDay, minuteOfDay) {
      const localMs = epochDay * MS_PER_DAY + minuteOfDay * MIN;
      const base = epochDay * MS_PER_DAY;
      const s = cached(byLocalDay, epochDay, base - 14 * HOUR, base + MS_PER_DAY + 12 * HOUR);
      const tBefore = localMs - s.before;
      if (s.at === Number.POSITIVE_INFINITY) return tBefore;
      const tAfter = localMs - s.after;
      const beforeOk = tBefore < s.at;
      const afterOk = tAfter >= s.at;
      if (beforeOk && afterOk) return Math.min(tBefore, tAfter); // overlap: the first occurrence
      if (afterOk) return tAfter;
      return tBefore; // valid before the change, or a gap: read with the offset before the gap
    },
    localDayOf(epochMs) {
      return Math.floor((epochMs + offsetMs(epochMs)) / MS_PER_DAY);
    },
    localMinuteOf(epochMs) {
      const local = epochMs + offsetMs(epochMs);
      return Math.floor((local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY) / MIN);
    },
    format(epochMs) {
      const offset = roundOffsetMinutes(offsetMs(epochMs) / MIN);
      const local = epochMs + offset * MIN;
      const day = Math.floor(local / MS_PER_DAY);
      let prefix = prefixes.get(day);
      if (prefix === undefined) {
        prefix = datePrefix(day);
        prefixes.set(day, prefix);
      }
      let suffix = suffixes.get(offset);
      if (suffix === undefined) {
        suffix = offsetSuffix(offset);
        suffixes.set(offset, suffix);
      }
      return prefix + timeOfDayPart(local - day * MS_PER_DAY) + suffix;
    },
  };
  return clock;
}

/**
 * The instant at which a wall-clock time occurs on a date in a zone, by the module's DST rule.
 * For many conversions in one zone, use {@link createZoneClock} instead (it caches offsets).
 * @example `zonedInstant("2026-03-09", "09:00", "America/New_York") === "2026-03-09T09:00:00.000-04:00"`
 */
export function zonedInstant(date: IsoDate, time: WallTime, zone: TimeZone): Instant {
  const clock = createZoneClock(zone);
  return clock.format(clock.localToEpochMs(toEpochDay(date), toMinutes(time)));
}

/** Local date, wall time and offset of an instant, seen from a zone. */
export interface ZonedParts {
  /** Local calendar date. */
  readonly date: IsoDate;
  /** Local wall-clock time (seconds dropped). */
  readonly time: WallTime;
  /** UTC offset in minutes, east positive (e.g. -240 for EDT); fractional only for local mean time before 1972 (-44.5 for Africa/Monrovia). */
  readonly offsetMinutes: number;
}

/**
 * How an instant reads on the clocks of a zone.
 * @example `instantToZoned("2026-03-09T13:00:00.000Z", "America/New_York")` → `{ date: "2026-03-09", time: "09:00", offsetMinutes: -240 }`
 */
export function instantToZoned(instant: Instant, zone: TimeZone): ZonedParts {
  const clock = createZoneClock(zone);
  const ms = toEpochMs(instant);
  return {
    date: fromEpochDay(clock.localDayOf(ms)),
    time: fromMinutes(clock.localMinuteOf(ms)),
    offsetMinutes: clock.offsetAt(ms),
  };
}
