/**
 * The schedule as flat arrays, and attendance records matched to their seats: what
 * `checkAttendance`, `weeklyCompliance` and `attendanceSummary` share. Each session is parsed once
 * (start and end instants, local day through the zone clock's per-day cache); each record costs
 * one map lookup and a scan of its session's roster — no date object, no string key per record.
 * @internal
 */
import type { IopIssue } from "../core/errors";
import { tryParseInstant } from "../core/instant";
import type { ZoneClock } from "../core/zone";
import type { ScheduledSession } from "../schedule/index";
import type { AttendanceRecord } from "./attendance-record";

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
  /** Attendance record index of each seat, -1 when none. */
  readonly seatRecord: Int32Array;
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
    if (!byId.has(session.id)) byId.set(session.id, s);
    const a = tryParseInstant(session.start) ?? 0;
    const b = tryParseInstant(session.end) ?? a;
    startMs[s] = a;
    minutes[s] = Math.max(0, (b - a) / 60_000);
    if (clock !== undefined) day[s] = clock.localDayOf(a);
    seatBase[s] = seats;
    seats += session.participantIds.length;
  }
  seatBase[n] = seats;
  const seatParticipant = new Int32Array(seats);
  const participants: string[] = [];
  const participantIndex = new Map<string, number>();
  let k = 0;
  for (const session of sessions) {
    for (const id of session.participantIds) {
      let p = participantIndex.get(id);
      if (p === undefined) {
        p = participants.length;
        participants.push(id);
        participantIndex.set(id, p);
      }
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
    seatRecord: new Int32Array(seats).fill(-1),
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
  const { byId, sessions, seatBase, seatRecord, minutes } = index;
  for (let i = 0; i < attendance.length; i++) {
    const r = attendance[i] as AttendanceRecord;
    const s = byId.get(r.sessionId);
    if (s === undefined) {
      issues.push({
        code: "unknown-session",
        path: ["attendance", i, "sessionId"],
        message: `session ${r.sessionId} is not in the schedule`,
      });
      continue;
    }
    const roster = (sessions[s] as ScheduledSession).participantIds;
    let j = 0;
    while (j < roster.length && roster[j] !== r.participantId) j++;
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
  }
  return issues;
}
