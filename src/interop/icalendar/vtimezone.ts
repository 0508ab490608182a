/**
 * VTIMEZONE components (RFC 5545 §3.6.5) built from the zone's real offset changes, as the runtime's
 * tz database (through `Intl`, via core's {@link ZoneClock}) reports them — no bundled
 * zone data. One STANDARD or DAYLIGHT observance per offset change, each with a DTSTART in local
 * time and TZOFFSETFROM/TZOFFSETTO; no RRULE and no RDATE (readers differ in how they expand those:
 * ical.js 2.2.1 reads only the first value of a multi-value RDATE).
 */
import { MS_PER_DAY, type ZoneClock } from "../../core/index";
import { basicDateTime, utcOffset } from "./content-line";

/** An offset change: from `at` (epoch ms) on, the offset is `to` minutes instead of `from`. */
interface Transition {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** How far back, in weeks, the change in force at the first event is looked for: two years covers every DST zone. */
const LOOKBACK_WEEKS = 105;
const WEEK = 7 * MS_PER_DAY;

/**
 * The change in `(lo, hi]` when the offsets at `lo` and `hi` differ, found by binary search as
 * core's zone clock does. Assumes at most one change per window.
 */
function changeIn(clock: ZoneClock, lo: number, hi: number): Transition | undefined {
  const from = clock.offsetAt(lo);
  const to = clock.offsetAt(hi);
  if (from === to) return undefined;
  let l = lo;
  let h = hi;
  while (h - l > 1) {
    const m = Math.floor((l + h) / 2);
    if (clock.offsetAt(m) === from) l = m;
    else h = m;
  }
  return { at: h, from, to };
}

function observance(t: Transition): string[] {
  const kind = t.to > t.from ? "DAYLIGHT" : "STANDARD";
  return [
    `BEGIN:${kind}`,
    // DTSTART of an observance is the local time of the change, read in the offset before it.
    `DTSTART:${basicDateTime(t.at, t.from)}`,
    `TZOFFSETFROM:${utcOffset(t.from)}`,
    `TZOFFSETTO:${utcOffset(t.to)}`,
    `END:${kind}`,
  ];
}

/**
 * The content lines (unfolded, without CRLF) of a VTIMEZONE for `clock.zone` that covers the
 * instants `[fromMs, toMs]`: the offset change in force at `fromMs` (looked for up to two years
 * back, a week at a time; a zone without one gets a single STANDARD observance from 1970-01-01
 * with its constant offset), then every change up to `toMs`, scanning one day at a time (an offset
 * per day, a binary search in a day that changes).
 * @internal
 */
export function vtimezoneLines(clock: ZoneClock, fromMs: number, toMs: number): string[] {
  let first: Transition | undefined;
  // Week-long windows suffice here: only the offset the first observance leads to must be exact,
  // and it is the offset at `fromMs` (a window whose ends agree has no net change).
  for (let k = 1; k <= LOOKBACK_WEEKS && first === undefined; k++)
    first = changeIn(clock, fromMs - k * WEEK, fromMs - (k - 1) * WEEK);
  const offset = clock.offsetAt(fromMs);
  const lines = [`BEGIN:VTIMEZONE`, `TZID:${clock.zone}`];
  lines.push(
    ...observance(
      first ?? { at: -offset * 60_000, from: offset, to: offset }, // 1970-01-01T00:00 local
    ),
  );
  for (let lo = fromMs; lo < toMs; lo += MS_PER_DAY) {
    const t = changeIn(clock, lo, Math.min(lo + MS_PER_DAY, toMs));
    if (t !== undefined) lines.push(...observance(t));
  }
  lines.push("END:VTIMEZONE");
  return lines;
}
