/**
 * Which authorisation covers each seat (one participant on one session), in start order — the one
 * walk that the planner's S17 shortfalls, `checkSchedule`'s S17 and `authorizationLedger`
 * (iopkit/capacity) share, so the three cannot disagree about what a unit is.
 *
 * A seat is covered by an authorisation of its participant whose days hold the seat's local day,
 * whose level is the level of care the session's phase delivers, and which has units left for it.
 * `days` units are counted once per authorisation and local day (a per-diem day), `sessions` once
 * per seat, `hours` by the seat's hours. Among the authorisations that can cover a seat, the one
 * that ends first is used (then the one listed first), so units that expire soonest go first.
 * @internal
 */
import { toEpochDay } from "../core/calendar";
import { tryParseInstant } from "../core/instant";
import type { Authorization } from "../participant/index";
import type { LevelOfCareId, Program } from "../program/index";
import { createZoneClock } from "../core/zone";
import type { ScheduledSession } from "./records";

/** Why a seat is not covered: the codes of S17 shortfalls and violations. */
export const uncoveredCodes = [
  "not-authorized",
  "level-not-authorized",
  "units-exhausted",
] as const;
/** One of {@link uncoveredCodes}. @internal */
export type UncoveredCode = (typeof uncoveredCodes)[number];

/** An authorisation prepared for the walk. @internal */
export interface Prepared {
  readonly index: number;
  readonly from: number;
  readonly to: number;
  readonly level: LevelOfCareId;
  readonly of: "days" | "sessions" | "hours" | undefined;
  readonly count: number;
}

/** The walk's running state: units used per authorisation, the last day counted. @internal */
export interface Cover {
  /** Units used so far, by the authorisation's index in the list given. */
  readonly used: Float64Array;
  /** For `days` units, the last local day counted, by index (−∞ before the first). */
  readonly lastDay: Float64Array;
  /** Each participant's authorisations, soonest-ending first. */
  readonly byParticipant: Map<string, readonly Prepared[]>;
}

/** Prepares the walk over `authorizations` (by participant, soonest-ending first). @internal */
export function startCover(authorizations: readonly Authorization[]): Cover {
  const byParticipant = new Map<string, Prepared[]>();
  authorizations.forEach((a, index) => {
    let list = byParticipant.get(a.participantId);
    if (list === undefined) byParticipant.set(a.participantId, (list = []));
    list.push({
      index,
      from: toEpochDay(a.from),
      to: toEpochDay(a.to),
      level: a.level,
      of: a.units?.of,
      count: a.units?.count ?? Number.POSITIVE_INFINITY,
    });
  });
  for (const list of byParticipant.values()) list.sort((a, b) => a.to - b.to || a.index - b.index);
  return {
    used: new Float64Array(authorizations.length),
    lastDay: new Float64Array(authorizations.length).fill(Number.NEGATIVE_INFINITY),
    byParticipant,
  };
}

const EPS = 1e-9;

/** Units a seat on `day` of `hours` would take from `a` (0 for a day already counted). */
function cost(cover: Cover, a: Prepared, day: number, hours: number): number {
  if (a.of === "days") return cover.lastDay[a.index] === day ? 0 : 1;
  if (a.of === "hours") return hours;
  return a.of === "sessions" ? 1 : 0;
}

/**
 * Covers one seat of a participant whose authorisations are `list` (from `cover.byParticipant`):
 * on local epoch day `day`, counting `hours`, at `level`. Returns the index of the authorisation
 * that covers it (and counts its units), or why none does. Seats must come in start order per
 * participant (`days` units count a day once because its seats come together).
 * @internal
 */
export function coverSeat(
  cover: Cover,
  list: readonly Prepared[],
  day: number,
  hours: number,
  level: LevelOfCareId,
): number | UncoveredCode {
  let dated = false;
  let levelled = false;
  for (const a of list) {
    if (day < a.from || day > a.to) continue;
    dated = true;
    if (a.level !== level) continue;
    levelled = true;
    const units = cost(cover, a, day, hours);
    const used = cover.used[a.index] ?? 0;
    if (used + units > a.count + EPS) continue;
    cover.used[a.index] = used + units;
    if (a.of === "days") cover.lastDay[a.index] = day;
    return a.index;
  }
  return levelled ? "units-exhausted" : dated ? "level-not-authorized" : "not-authorized";
}

/** The level of care a session delivers: its phase's, else the program's. @internal */
export function levelOfSession(
  program: Pick<Program, "levelOfCare" | "phases">,
): (phaseId: string | undefined) => LevelOfCareId {
  const byPhase = new Map<string, LevelOfCareId>();
  for (const p of program.phases) byPhase.set(p.id, p.levelOfCare ?? program.levelOfCare);
  return (phaseId) =>
    (phaseId === undefined ? undefined : byPhase.get(phaseId)) ?? program.levelOfCare;
}

/** A sentence for an uncovered code. @internal */
export const uncoveredMessage: Readonly<Record<UncoveredCode, string>> = {
  "not-authorized": "no authorisation covers the day",
  "level-not-authorized": "the authorisations covering the day are for another level of care",
  "units-exhausted": "the authorisation's units are used up",
};

/** A seat no authorisation covers. @internal */
export interface Uncovered {
  /** The session's index in the list given. */
  readonly session: number;
  /** Whose seat. */
  readonly participantId: string;
  /** Local epoch day of the session. */
  readonly day: number;
  /** Why. */
  readonly code: UncoveredCode;
}

/**
 * The seats of `sessions` no authorisation covers, for participants with at least one
 * authorisation (others are not judged: self-pay, or a payer that needs none), walking the
 * sessions in start order (ties in list order).
 * @internal
 */
export function uncoveredSeats(
  program: Pick<Program, "levelOfCare" | "phases" | "timeZone">,
  sessions: readonly ScheduledSession[],
  authorizations: readonly Authorization[],
): Uncovered[] {
  const cover = startCover(authorizations);
  const clock = createZoneClock(program.timeZone);
  const levelOf = levelOfSession(program);
  const start = sessions.map((s) => tryParseInstant(s.start) ?? 0);
  const order = sessions
    .map((_, i) => i)
    .sort((a, b) => (start[a] ?? 0) - (start[b] ?? 0) || a - b);
  const out: Uncovered[] = [];
  for (const i of order) {
    const s = sessions[i] as ScheduledSession;
    const ms = start[i] ?? 0;
    const day = clock.localDayOf(ms);
    const hours = ((tryParseInstant(s.end) ?? ms) - ms) / 3_600_000;
    const level = levelOf(s.phaseId);
    for (const participantId of s.participantIds) {
      const list = cover.byParticipant.get(participantId);
      if (list === undefined) continue;
      const r = coverSeat(cover, list, day, hours, level);
      if (typeof r === "string") out.push({ session: i, participantId, day, code: r });
    }
  }
  return out;
}
