/**
 * `expandPattern`: the dated occurrences of each participant's weekly pattern, before grouping —
 * what a patient portal shows as "your sessions", and the core of the planner's date arithmetic.
 */
import type { IsoDate } from "../core/calendar";
import { limits } from "../core/limits";
import { toEpochDay, weekdayOfEpochDay } from "../core/calendar";
import type { Instant } from "../core/instant";
import type { ParticipantId } from "../core/ids";
import { toMinutes } from "../core/wall-time";
import { createZoneClock } from "../core/zone";
import type { Program, SessionTypeId } from "../program/index";
import { phaseSpans } from "./path";
import type { Enrollment } from "./records";
import { chooseTrack, trackMinutes, unavailableByWeekday } from "./tracks";
import { guardEntry } from "../core/errors";
import { checkOptions, checkParticipantWeeks } from "../core/options";
import { gapDropped, isShortDay } from "./dst";

/** One dated occurrence of a pattern entry for one participant. */
export interface PatternOccurrence {
  /** Whose session. */
  readonly participantId: ParticipantId;
  /** The phase in force that day. */
  readonly phaseId: string;
  /** Index of the entry in the phase's pattern. */
  readonly patternEntry: number;
  /** The entry's session type. */
  readonly sessionType: SessionTypeId;
  /** The track followed, when the phase has tracks. */
  readonly track: string | undefined;
  /** Start, at the entry's wall-clock time in the program's zone (RFC 5545 rule in DST gaps and overlaps). */
  readonly start: Instant;
  /** End: start plus the entry's duration. */
  readonly end: Instant;
}

/** Options of {@link expandPattern}. */
export interface ExpandPatternOptions {
  /** A validated program. */
  readonly program: Program;
  /** Validated enrolments. */
  readonly enrollments: readonly Enrollment[];
  /** First day of the window. */
  readonly from: IsoDate;
  /** Weeks in the window (1–104). */
  readonly weeks: number;
}

/**
 * Every occurrence of each participant's weekly pattern in a window: the phase in force each day,
 * the track chosen as `planSchedule` would, wall-clock times held across DST changes, closures
 * left out. Participants with no fitting track are skipped (`planSchedule` reports them).
 * Offsets are computed once per zone and day, so this runs at tens of nanoseconds an occurrence.
 * @example
 * ```ts
 * expandPattern({ program, enrollments: [enrollment], from: "2026-10-26", weeks: 2 })
 *   .map((o) => o.start); // ["2026-10-26T09:00:00.000-04:00", …, "2026-11-02T09:00:00.000-05:00", …]
 * ```
 */
export function expandPattern(options: ExpandPatternOptions): PatternOccurrence[] {
  checkOptions("expandPattern", options, {
    program: { kind: "object" },
    enrollments: { kind: "list", max: limits.maxParticipants },
    from: { kind: "date" },
    weeks: { kind: "integer", min: 1, max: limits.maxWeeks },
  });
  checkParticipantWeeks("expandPattern", options.enrollments.length, options.weeks);
  return guardEntry("expandPattern", () => expand(options));
}

/** {@link expandPattern} for options of the right shape. */
function expand(options: ExpandPatternOptions): PatternOccurrence[] {
  const { program } = options;
  const clock = createZoneClock(program.timeZone);
  const windowStart = toEpochDay(options.from);
  const windowEnd = windowStart + options.weeks * 7;
  const closures = new Set(program.closures.map(toEpochDay));
  // Per phase: pattern entries by weekday with their minutes, computed once.
  const byPhase = program.phases.map((phase) => {
    const days: {
      index: number;
      start: number;
      duration: number;
      track: string | undefined;
      type: SessionTypeId;
    }[][] = Array.from({ length: 8 }, () => []);
    phase.pattern.forEach((e, index) =>
      days[e.weekday]?.push({
        index,
        start: toMinutes(e.start),
        duration: e.durationMinutes * 60_000,
        track: e.track,
        type: e.sessionType,
      }),
    );
    return days;
  });
  const ends = new Map<number, string>();
  const minutes = trackMinutes();
  const out: PatternOccurrence[] = [];
  for (const enrollment of options.enrollments) {
    const unavailable = unavailableByWeekday(enrollment);
    let previous: string | undefined;
    for (const span of phaseSpans(program, enrollment)) {
      const phase = program.phases[span.phaseIndex];
      const days = byPhase[span.phaseIndex];
      if (phase === undefined || days === undefined) continue;
      const choice = chooseTrack(phase, enrollment, previous, unavailable, minutes);
      if (!choice.ok) break;
      previous = choice.track;
      const mine = (e: { track: string | undefined }): boolean =>
        e.track === undefined || e.track === choice.track;
      const from = Math.max(span.startDay, windowStart);
      const to = Math.min(span.endDay, windowEnd);
      for (let day = from; day < to; day++) {
        if (closures.has(day)) continue;
        const today = days[weekdayOfEpochDay(day)] ?? [];
        // A time in a DST gap that would land on another session is not held (as planSchedule).
        const gapped =
          today.length > 1 && isShortDay(clock, day)
            ? gapDropped(
                clock,
                day,
                today.filter(mine).map((e) => ({
                  index: e.index,
                  startMin: e.start,
                  durationMinutes: e.duration / 60_000,
                })),
              )
            : undefined;
        for (const e of today) {
          if (!mine(e)) continue;
          if (gapped?.has(e.index) === true) continue;
          const start = clock.instantAt(day, e.start);
          const endMs = clock.localToEpochMs(day, e.start) + e.duration;
          let end = ends.get(endMs);
          if (end === undefined) {
            end = clock.format(endMs);
            ends.set(endMs, end);
          }
          out.push({
            participantId: enrollment.participant.id,
            phaseId: phase.id,
            patternEntry: e.index,
            sessionType: e.type,
            track: choice.track,
            start,
            end,
          });
        }
      }
    }
  }
  return out;
}
