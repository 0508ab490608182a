/**
 * The planner's rule for pattern times in a daylight-saving gap, shared by the group sessions
 * stage and `expandPattern`.
 * @internal
 */
import type { ZoneClock } from "../core/zone";

const MIN = 60_000;

/** One pattern entry of a day: its index in the phase's pattern, start minute and length. */
export interface GapEntry {
  readonly index: number;
  readonly startMin: number;
  readonly durationMinutes: number;
}

/** True when `day` is shorter than 24 hours in `clock`'s zone (it has a DST gap). @internal */
export function isShortDay(clock: ZoneClock, day: number): boolean {
  return clock.localToEpochMs(day + 1, 0) - clock.localToEpochMs(day, 0) < 1440 * MIN;
}

/**
 * The indexes of the entries of `day` not held because of a DST gap: an entry whose wall-clock
 * time falls in the gap moves forward by the gap's length (RFC 5545, section 3.3.5), and when that
 * makes it overlap another entry of the day, it is not held (two sessions never share an instant,
 * S1). `undefined` on the days without a gap (callers test {@link isShortDay} first, so the
 * entries are built only on those days).
 * @internal
 */
export function gapDropped(
  clock: ZoneClock,
  day: number,
  entries: readonly GapEntry[],
): Set<number> | undefined {
  if (entries.length < 2 || !isShortDay(clock, day)) return undefined;
  const slots = entries.map(({ index, startMin, durationMinutes }) => {
    const startMs = clock.localToEpochMs(day, startMin);
    const moved = clock.localMinuteOf(startMs) !== startMin;
    return { index, startMs, endMs: startMs + durationMinutes * MIN, moved };
  });
  const dropped = new Set<number>();
  for (const a of slots)
    if (
      a.moved &&
      slots.some(
        (b) => b !== a && !dropped.has(b.index) && a.startMs < b.endMs && b.startMs < a.endMs,
      )
    )
      dropped.add(a.index);
  return dropped.size === 0 ? undefined : dropped;
}
