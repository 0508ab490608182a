/**
 * Session starts (ISO instants with an offset) to local calendar days in the program's zone, fast:
 * a hand-written reader for the common form `YYYY-MM-DDTHH:mm[:ss[.fff]](Z|±HH:MM)` (others go to
 * core's parser), and the zone's offset cached per UTC day in a small direct-mapped table, so a
 * stream of millions of rows costs a few integer operations each.
 */
import { MS_PER_DAY, daysFromCivil, daysInMonth } from "../core/calendar";
import { tryParseInstant } from "../core/instant";
import { createZoneClock, type TimeZone } from "../core/zone";

/** Reads an instant's local epoch day in one zone; `NaN` when the text is not an instant. @internal */
export type LocalDayOf = (instant: string) => number;

const SLOTS = 1024;
const REMEMBERED = 4096;

/** Two ASCII digits at `i` as a number, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Epoch day of a `YYYY-MM-DD` date, read by hand (dates of trusted records: episode events,
 * encounters); `NaN` when it is not a calendar date.
 * @internal
 */
export function epochDayOf(date: string): number {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45)
    return Number.NaN;
  const hi = two(date, 0);
  const lo = two(date, 2);
  const month = two(date, 5);
  const day = two(date, 8);
  const year = hi * 100 + lo;
  if (hi < 0 || lo < 0 || year < 1 || month < 1 || month > 12 || day < 1) return Number.NaN;
  return day > daysInMonth(year, month) ? Number.NaN : daysFromCivil(year, month, day);
}

/** Epoch ms of the common instant form, or `undefined` to let the full parser decide. */
export function quickEpochMs(s: string): number | undefined {
  const n = s.length;
  if (n < 17 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 84)
    return undefined;
  if (s.charCodeAt(13) !== 58) return undefined;
  const hi = two(s, 0);
  const lo = two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const hour = two(s, 11);
  const minute = two(s, 14);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return;
  if (minute < 0 || minute > 59) return undefined;
  const year = hi * 100 + lo;
  if (year < 1 || day > daysInMonth(year, month)) return undefined;
  // The zone designator: the last character "Z", or the last six "±HH:MM".
  let offset: number;
  let end: number;
  if (s.charCodeAt(n - 1) === 90) {
    offset = 0;
    end = n - 1;
  } else {
    const sign = s.charCodeAt(n - 6);
    const oh = two(s, n - 5);
    const om = two(s, n - 2);
    if ((sign !== 43 && sign !== 45) || s.charCodeAt(n - 3) !== 58 || oh < 0 || oh > 18) return;
    if (om < 0 || om > 59) return undefined;
    offset = (oh * 60 + om) * (sign === 45 ? -1 : 1);
    end = n - 6;
  }
  let second = 0;
  let ms = 0;
  if (end > 16) {
    // ":ss" and optionally ".f…"
    if (s.charCodeAt(16) !== 58 || end < 19) return undefined;
    second = two(s, 17);
    if (second < 0 || second > 59) return undefined;
    if (end > 19) {
      if (s.charCodeAt(19) !== 46 || end === 20) return undefined;
      let scale = 100;
      for (let i = 20; i < end; i++) {
        const d = s.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return undefined;
        ms += d * scale;
        scale /= 10;
      }
      ms = Math.floor(ms);
    }
  } else if (end !== 16) return undefined;
  return (
    daysFromCivil(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offset) * 60 + second) * 1000 +
    ms
  );
}

/**
 * A reader of local days for `zone`. Each reader keeps its own caches (create one per job, not
 * per row). Throws `IopError` (`invalid-time-zone`) for a zone the runtime does not know.
 * @internal
 */
export function localDayReader(zone: TimeZone): LocalDayOf {
  const clock = createZoneClock(zone);
  const days = new Float64Array(SLOTS).fill(Number.NaN);
  const startOffset = new Int32Array(SLOTS);
  const endOffset = new Int32Array(SLOTS);
  let lastText = "";
  let lastDay = Number.NaN;
  // A session's start repeats on every seat of the session: remember recent texts (bounded).
  let seen = new Map<string, number>();
  return (text) => {
    if (text === lastText) return lastDay;
    const known = seen.get(text);
    if (known !== undefined) {
      lastText = text;
      lastDay = known;
      return known;
    }
    const ms = quickEpochMs(text) ?? tryParseInstant(text);
    if (ms === undefined) return Number.NaN;
    const utcDay = Math.floor(ms / MS_PER_DAY);
    const slot = utcDay & (SLOTS - 1);
    if (days[slot] !== utcDay) {
      days[slot] = utcDay;
      startOffset[slot] = clock.offsetAt(utcDay * MS_PER_DAY);
      endOffset[slot] = clock.offsetAt(utcDay * MS_PER_DAY + MS_PER_DAY - 1);
    }
    const a = startOffset[slot] ?? 0;
    // A day on which the offset changes asks the clock for the instant itself.
    const offset = a === endOffset[slot] ? a : clock.offsetAt(ms);
    lastText = text;
    lastDay = Math.floor((ms + offset * 60_000) / MS_PER_DAY);
    if (seen.size >= REMEMBERED) seen = new Map();
    seen.set(text, lastDay);
    return lastDay;
  };
}
