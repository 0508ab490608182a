/**
 * The schedule as flat arrays, and attendance records matched to their seats: what
 * `checkAttendance`, `weeklyCompliance` and `attendanceSummary` share. Each session is parsed once
 * (start and end instants, local day through the zone clock's per-day cache); each record costs
 * one map lookup and a scan of its session's roster — no date object, no string key per record.
 * @internal
 */
import { civilToDays, daysInMonth, MS_PER_DAY } from "../core/calendar";
import type { IopIssue } from "../core/errors";
import { tryParseInstant } from "../core/instant";
import type { ZoneClock } from "../core/zone";
import type { ScheduledSession } from "../schedule/index";
import type { AttendanceRecord } from "./attendance-record";

/** Two ASCII digits at `i`, or NaN. */
function two(t: string, i: number): number {
  const a = t.charCodeAt(i) - 48;
  const b = t.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : Number.NaN;
}

/**
 * Epoch ms of an instant in the form iopkit writes (`YYYY-MM-DDTHH:mm:ss.sss±HH:MM`, 29
 * characters) read digit by digit — the regex parser costs about 0.5 µs and makes garbage — with
 * any other form left to `tryParseInstant`.
 * @internal
 */
export function instantMs(t: string): number | undefined {
  if (
    t.length !== 29 ||
    t.charCodeAt(4) !== 45 ||
    t.charCodeAt(7) !== 45 ||
    t.charCodeAt(10) !== 84 ||
    t.charCodeAt(13) !== 58 ||
    t.charCodeAt(16) !== 58 ||
    t.charCodeAt(19) !== 46 ||
    t.charCodeAt(26) !== 58
  )
    return tryParseInstant(t);
  const year = two(t, 0) * 100 + two(t, 2);
  const month = two(t, 5);
  const day = two(t, 8);
  const hour = two(t, 11);
  const minute = two(t, 14);
  const second = two(t, 17);
  const third = t.charCodeAt(22) - 48;
  const ms = two(t, 20) * 10 + (third >= 0 && third <= 9 ? third : Number.NaN);
  const sign = t.charCodeAt(23) === 45 ? -1 : t.charCodeAt(23) === 43 ? 1 : Number.NaN;
  const offset = sign * (two(t, 24) * 60 + two(t, 27));
  // NaN anywhere means a malformed form: the full parser decides.
  if (
    !(year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) ||
    !(hour <= 23 && minute <= 59 && second <= 59 && ms >= 0) ||
    !(Math.abs(offset) <= 18 * 60 && two(t, 27) <= 59)
  )
    return tryParseInstant(t);
  return (
    civilToDays(year, month, day) * MS_PER_DAY +
    ((hour * 60 + minute - offset) * 60 + second) * 1000 +
    ms
  );
}

/** Sessions as arrays; a *seat* is one participant on one session's roster. @internal */
export interface SessionIndex {
  readonly sessions: readonly ScheduledSession[];
  readonly byId: Map<string, number>;
  readonly startMs: Float64Array;
  /** Length in minutes. */
  readonly minutes: Float64Array;
  /** Local epoch day of the start (0 without a clock). */
  readonly day: Int32Array;
  /** Seats of session s are `seatBase[s]` … `seatBase[s + 1] - 1`. */
  readonly seatBase: Int32Array;
  /** Participant index of each seat. */
  readonly seatParticipant: Int32Array;
  /** 1 for a session whose roster lists a participant more than once (their first seat counts). */
  readonly repeats: Uint8Array;
  /** Attendance record index of each seat, -1 when none. */
  readonly seatRecord: Int32Array;
  /** Minutes attended of each seat's record (0 when none), read once while matching. */
  readonly seatMinutes: Float64Array;
  readonly participants: string[];
  readonly participantIndex: Map<string, number>;
}

/** Indexes sessions; with a clock, also each session's local day. @internal */
export function indexSessions(
  sessions: readonly ScheduledSession[],
  clock?: ZoneClock,
): SessionIndex {
  const n = sessions.length;
  const byId = new Map<string, number>();
  const startMs = new Float64Array(n);
  const minutes = new Float64Array(n);
  const day = new Int32Array(n);
  const seatBase = new Int32Array(n + 1);
  let seats = 0;
  for (let s = 0; s < n; s++) {
    const session = sessions[s] as ScheduledSession;
    const a = instantMs(session.start) ?? 0;
    const b = instantMs(session.end) ?? a;
    startMs[s] = a;
    minutes[s] = Math.max(0, (b - a) / 60_000);
    if (clock !== undefined) day[s] = clock.localDayOf(a);
    seatBase[s] = seats;
    seats += session.participantIds.length;
  }
  seatBase[n] = seats;
  // Backwards, so that the first of sessions sharing an id wins.
  for (let s = n - 1; s >= 0; s--) byId.set((sessions[s] as ScheduledSession).id, s);
  const seatParticipant = new Int32Array(seats);
  const participants: string[] = [];
  const participantIndex = new Map<string, number>();
  const repeats = new Uint8Array(n);
  // The last session each participant was seen on (by participant index; grown as they come).
  let seenOn = new Int32Array(64).fill(-1);
  let k = 0;
  for (let s = 0; s < n; s++) {
    for (const id of (sessions[s] as ScheduledSession).participantIds) {
      let p = participantIndex.get(id);
      if (p === undefined) {
        p = participants.length;
        participants.push(id);
        participantIndex.set(id, p);
        if (p >= seenOn.length) {
          const grown = new Int32Array(seenOn.length * 2).fill(-1);
          grown.set(seenOn);
          seenOn = grown;
        }
      }
      if (seenOn[p] === s) repeats[s] = 1;
      seenOn[p] = s;
      seatParticipant[k++] = p;
    }
  }
  return {
    sessions,
    byId,
    startMs,
    minutes,
    day,
    seatBase,
    seatParticipant,
    repeats,
    seatRecord: new Int32Array(seats).fill(-1),
    seatMinutes: new Float64Array(seats),
    participants,
    participantIndex,
  };
}

/**
 * Matches each record to its seat (`seatRecord`) and returns a problem for each record that names
 * an unknown session, a participant not on the session's roster, more minutes than the session
 * lasts, or a seat that already has a record. Such records are not matched.
 * @internal
 */
export function matchRecords(
  index: SessionIndex,
  attendance: readonly AttendanceRecord[],
): IopIssue[] {
  const issues: IopIssue[] = [];
  const { byId, sessions, seatBase, seatRecord, seatMinutes, minutes, repeats } = index;
  // Records usually come session by session in roster order: the previous record's session and
  // the seat after its seat are tried first, before the map and the roster scan (not on a roster
  // that repeats someone: their first seat is theirs).
  let lastId: string | undefined;
  let lastS: number | undefined;
  let lastJ = -1;
  for (let i = 0; i < attendance.length; i++) {
    const r = attendance[i] as AttendanceRecord;
    const sameSession = r.sessionId === lastId;
    const s = sameSession ? lastS : byId.get(r.sessionId);
    lastId = r.sessionId;
    lastS = s;
    if (s === undefined) {
      issues.push({
        code: "unknown-session",
        path: ["attendance", i, "sessionId"],
        message: `session ${r.sessionId} is not in the schedule`,
      });
      continue;
    }
    const roster = (sessions[s] as ScheduledSession).participantIds;
    let j =
      sameSession && repeats[s] === 0 && roster[lastJ + 1] === r.participantId ? lastJ + 1 : 0;
    if (j === 0) while (j < roster.length && roster[j] !== r.participantId) j++;
    lastJ = j;
    if (j === roster.length) {
      issues.push({
        code: "not-on-roster",
        path: ["attendance", i, "participantId"],
        message: `participant ${r.participantId} is not on the roster of session ${r.sessionId}`,
      });
      continue;
    }
    const used = r.minutesAttended + (r.lateMinutes ?? 0) + (r.leftEarlyMinutes ?? 0);
    const length = minutes[s] ?? 0;
    if (used > length + 1e-9) {
      issues.push({
        code: "minutes-beyond-session",
        path: ["attendance", i, "minutesAttended"],
        message: `${used} minutes recorded (attended, late and left early) but session ${r.sessionId} lasts ${length}`,
      });
      continue;
    }
    const seat = (seatBase[s] ?? 0) + j;
    const other = seatRecord[seat] ?? -1;
    if (other >= 0) {
      issues.push({
        code: "duplicate-attendance",
        path: ["attendance", i],
        message: `participant ${r.participantId} already has a record for session ${r.sessionId} (attendance[${other}])`,
      });
      continue;
    }
    seatRecord[seat] = i;
    seatMinutes[seat] = r.minutesAttended;
  }
  return issues;
}
