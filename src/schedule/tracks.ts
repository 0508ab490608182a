/** Choosing a participant's track in each phase, shared by the planner and `expandPattern`. @internal */
import { toMinutes } from "../core/wall-time";
import { entriesForTrack, tracksOf, type Phase } from "../program/index";
import type { Enrollment } from "./records";

/** Unavailable [from, to) local minutes per ISO weekday (index 1–7). */
export type WeeklyBlocks = readonly (readonly (readonly [number, number])[])[];

/** No unavailability on any weekday (shared, never changed). */
const NO_BLOCKS: WeeklyBlocks = [[], [], [], [], [], [], [], []];

/** The participant's unavailability as minutes per weekday (`minutesOf` reads a wall time; a planning call passes a memoised one). */
export function unavailableByWeekday(
  enrollment: Enrollment,
  minutesOf: (time: string) => number = toMinutes,
): WeeklyBlocks {
  if (enrollment.participant.unavailable.length === 0) return NO_BLOCKS;
  const out: [number, number][][] = [[], [], [], [], [], [], [], []];
  for (const u of enrollment.participant.unavailable)
    out[u.weekday]?.push([minutesOf(u.from), minutesOf(u.to)]);
  return out;
}

/** True when [start, end) overlaps one of the blocks. */
export function overlapsAny(
  blocks: readonly (readonly [number, number])[] | undefined,
  start: number,
  end: number,
): boolean {
  if (blocks === undefined) return false;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b !== undefined && start < b[1] && b[0] < end) return true;
  }
  return false;
}

/** A phase track's sessions as [weekday, start, end] local minutes, and a phase's tracks, memoised per planning call. */
export interface TrackMinutes {
  (phase: Phase, track: string | undefined): readonly (readonly [number, number, number])[];
  /** `tracksOf(phase)`, memoised. */
  tracks(phase: Phase): readonly (string | undefined)[];
}

/** A fresh {@link TrackMinutes} memo. */
export function trackMinutes(): TrackMinutes {
  const memo = new Map<Phase, Map<string | undefined, [number, number, number][]>>();
  const names = new Map<Phase, (string | undefined)[]>();
  const lookup = (
    phase: Phase,
    track: string | undefined,
  ): readonly (readonly [number, number, number])[] => {
    let byTrack = memo.get(phase);
    if (byTrack === undefined) {
      byTrack = new Map();
      memo.set(phase, byTrack);
    }
    let list = byTrack.get(track);
    if (list === undefined) {
      list = entriesForTrack(phase.pattern, track).map((e) => {
        const s = toMinutes(e.start);
        return [e.weekday, s, s + e.durationMinutes];
      });
      byTrack.set(track, list);
    }
    return list;
  };
  return Object.assign(lookup, {
    tracks(phase: Phase): readonly (string | undefined)[] {
      let list = names.get(phase);
      if (list === undefined) {
        list = tracksOf(phase);
        names.set(phase, list);
      }
      return list;
    },
  });
}

/** True when every session of the track avoids the participant's unavailable times. */
export function trackFits(
  phase: Phase,
  track: string | undefined,
  unavailable: WeeklyBlocks,
  minutes: TrackMinutes,
): boolean {
  for (const [weekday, start, end] of minutes(phase, track))
    if (overlapsAny(unavailable[weekday], start, end)) return false;
  return true;
}

/** The outcome of choosing a track for one phase. */
export type TrackChoice =
  | { readonly ok: true; readonly track: string | undefined }
  | {
      readonly ok: false;
      readonly code:
        "unknown-track" | "track-conflicts-availability" | "no-track-fits" | "no-usable-mode";
      readonly message: string;
    };

/**
 * The track for a phase: the enrolment's named track (which must exist and fit), else the previous
 * phase's track if this phase has it and it fits (continuity), else the first track that fits.
 */
export function chooseTrack(
  phase: Phase,
  enrollment: Enrollment,
  previous: string | undefined,
  unavailable: WeeklyBlocks,
  minutes: TrackMinutes,
  attendable?: (track: string | undefined) => boolean,
): TrackChoice {
  const names = minutes.tracks(phase);
  let candidates: readonly (string | undefined)[];
  if (enrollment.track !== undefined) {
    if (names.includes(enrollment.track)) candidates = [enrollment.track];
    else if (names.length === 1 && names[0] === undefined) candidates = [undefined];
    else
      return {
        ok: false,
        code: "unknown-track",
        message: `phase "${phase.id}" has no track "${enrollment.track}" (it has ${names.join(", ")})`,
      };
  } else {
    const keep = previous !== undefined && names.includes(previous);
    candidates = keep ? [previous, ...names.filter((n) => n !== previous)] : names;
  }
  const fitting = candidates.findIndex(
    (t) => trackFits(phase, t, unavailable, minutes) && (attendable?.(t) ?? true),
  );
  if (fitting >= 0) return { ok: true, track: candidates[fitting] };
  if (attendable !== undefined && !candidates.some(attendable))
    return {
      ok: false,
      code: "no-usable-mode",
      message: `${enrollment.track === undefined ? "no track" : `the "${enrollment.track}" track`} of phase "${phase.id}" is offered in a delivery mode the participant can use`,
    };
  return enrollment.track !== undefined
    ? {
        ok: false,
        code: "track-conflicts-availability",
        message: `the "${enrollment.track}" track of phase "${phase.id}" falls in the participant's unavailable times`,
      }
    : {
        ok: false,
        code: "no-track-fits",
        message: `every track of phase "${phase.id}" falls in the participant's unavailable times`,
      };
}
