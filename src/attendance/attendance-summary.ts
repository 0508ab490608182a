/**
 * `attendanceSummary`: per participant, the attendance rate, unexcused-absence streaks and alerts
 * under the program's absence policy, late and left-early minutes, make-ups, and per-day service
 * summaries against the per-diem threshold.
 */
import { fromEpochDay, toEpochDay, type IsoDate } from "../core/calendar";
import { createZoneClock } from "../core/zone";
import { sessionTypes, type Program } from "../program/index";
import type { Schedule, ScheduledSession } from "../schedule/index";
import { isAttended, type AttendanceRecord } from "./attendance-record";
import { matchedIndex } from "./check-attendance";
import { guardEntry } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";

/** Options of {@link attendanceSummary}. */
export interface AttendanceSummaryOptions {
  /** A validated program: its zone, `absencePolicy` and `perDiemMinHours`. */
  readonly program: Program;
  /** The schedule the attendance is about. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Validated attendance records. */
  readonly attendance: readonly AttendanceRecord[];
  /** Count sessions from this local date on. */
  readonly from?: IsoDate;
  /** Count sessions up to this local date (later ones have not happened yet); also the day lost-to-contact is judged on. */
  readonly asOf?: IsoDate;
  /** Count only sessions of this phase. */
  readonly phaseId?: string;
  /** Summarise only these participants. */
  readonly participantIds?: readonly string[];
}

/** An alert raised by the absence policy. */
export interface AttendanceAlert {
  /**
   * `unexcused-streak` — `absencePolicy.unexcusedStreakAlert` unexcused absences in a row;
   * `lost-to-contact` — no attended session for more than `absencePolicy.lostToContactDays` before `asOf`.
   */
  readonly code: "unexcused-streak" | "lost-to-contact";
  /** A sentence for people. */
  readonly message: string;
  /** The local date the alert arose (the session completing the streak; `asOf`). */
  readonly on: IsoDate;
  /** The sessions concerned (the streak's). */
  readonly sessionIds: readonly string[];
}

/** One day on which a participant had sessions. */
export interface ServiceDay {
  /** Local date. */
  readonly date: IsoDate;
  /** Clinical minutes scheduled that day. */
  readonly scheduledMinutes: number;
  /** Clinical minutes attended that day. */
  readonly attendedMinutes: number;
  /** Clinical hours attended that day. */
  readonly hours: number;
  /** Attended hours reach the program's `perDiemMinHours` (H0015: at least 3 hours a day). */
  readonly meetsPerDiem: boolean;
}

/** One participant's attendance over the sessions counted. */
export interface AttendanceSummary {
  /** Whose attendance. */
  readonly participantId: string;
  /** Sessions counted (on the participant's roster, in range; drug-test collections excluded). */
  readonly sessions: number;
  /** Sessions attended: present, late or left early. */
  readonly attended: number;
  /** Of those, arrived late. */
  readonly late: number;
  /** Of those, left early. */
  readonly leftEarly: number;
  /** Excused absences. */
  readonly excused: number;
  /** Unexcused absences. */
  readonly unexcused: number;
  /** Sessions with no record (not counted in the rate: record them). */
  readonly unrecorded: number;
  /**
   * Attended ÷ (attended + unexcused, + excused when `absencePolicy.excusedCountsAsAbsent`), or
   * `null` when nothing is counted yet. Phase exit criteria compare it with `minAttendanceRate`.
   */
  readonly rate: number | null;
  /** Clinical minutes scheduled. */
  readonly scheduledMinutes: number;
  /** Clinical minutes attended. */
  readonly attendedMinutes: number;
  /** Minutes missed by arriving late (`lateMinutes`, else the whole time missed on a `late` record). */
  readonly lateMinutes: number;
  /** Minutes missed by leaving early (`leftEarlyMinutes`, else the whole time missed on a `left-early` record). */
  readonly leftEarlyMinutes: number;
  /** Make-up sessions (for sessions lost to a closure): scheduled and attended. */
  readonly makeUps: { readonly scheduled: number; readonly attended: number };
  /** Longest run of unexcused absences (excused absences and unrecorded sessions neither extend nor break a run). */
  readonly longestUnexcusedStreak: number;
  /** The run of unexcused absences still going at the last counted session. */
  readonly currentUnexcusedStreak: number;
  /** Local date of the last attended session, or `null`. */
  readonly lastAttendedOn: IsoDate | null;
  /** Alerts under the absence policy, in date order. */
  readonly alerts: readonly AttendanceAlert[];
  /** Days with sessions, in date order. */
  readonly days: readonly ServiceDay[];
}

/**
 * Summarises attendance per participant (sorted by id) under the program's absence policy.
 * Sessions are taken in start order; drug-test collections are left to the drug-test results.
 * Throws {@link core!IopError | IopError} listing every record that does not fit the schedule
 * (see {@link checkAttendance}).
 *
 * Sources: the alert threshold and lost-to-contact days are `program.absencePolicy` (defaults 2
 * and 14, common program rules, unverified); the per-diem threshold is `program.perDiemMinHours`
 * (default 3: HCPCS H0015, at least 3 hours a day).
 *
 * @example
 * ```ts
 * const [s] = attendanceSummary({ program, schedule, attendance, asOf: "2026-04-05" });
 * console.log(s?.rate, s?.alerts.map((a) => a.code));
 * ```
 */
export function attendanceSummary(options: AttendanceSummaryOptions): AttendanceSummary[] {
  checkOptions("attendanceSummary", options, {
    program: { kind: "object" },
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    attendance: { kind: "list", max: limits.maxRecords },
    from: { kind: "date", optional: true },
    asOf: { kind: "date", optional: true },
    participantIds: { kind: "list", max: limits.maxParticipants, optional: true },
  });
  return guardEntry("attendanceSummary", () => summarise(options));
}

/** {@link attendanceSummary} for options of the right shape. */
function summarise(options: AttendanceSummaryOptions): AttendanceSummary[] {
  const { program, attendance } = options;
  const policy = program.absencePolicy;
  const clock = createZoneClock(program.timeZone);
  const index = matchedIndex("attendanceSummary", options.schedule, attendance, clock);
  const { sessions, day, seatBase, seatParticipant, seatRecord, minutes, startMs } = index;
  const from = options.from === undefined ? Number.NEGATIVE_INFINITY : toEpochDay(options.from);
  const to = options.asOf === undefined ? Number.POSITIVE_INFINITY : toEpochDay(options.asOf);
  const wanted =
    options.participantIds === undefined ? undefined : new Set<string>(options.participantIds);

  // Seats per participant, in session start order, and each counted seat's session.
  const seats: number[][] = index.participants.map(() => []);
  const sessionOf = new Int32Array(seatParticipant.length);
  for (let s = 0; s < sessions.length; s++) {
    const session = sessions[s] as ScheduledSession;
    const d = day[s] ?? 0;
    if (d < from || d > to || session.sessionType === "drug-test") continue;
    if (options.phaseId !== undefined && session.phaseId !== options.phaseId) continue;
    for (let k = seatBase[s] ?? 0; k < (seatBase[s + 1] ?? 0); k++) {
      sessionOf[k] = s;
      seats[seatParticipant[k] ?? 0]?.push(k);
    }
  }

  const out: AttendanceSummary[] = [];
  const order = index.participants
    .map((id, p) => ({ id, p }))
    .filter(({ id }) => wanted === undefined || wanted.has(id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const { id, p } of order) {
    const mine = (seats[p] ?? []).sort(
      (a, b) => (startMs[sessionOf[a] ?? 0] ?? 0) - (startMs[sessionOf[b] ?? 0] ?? 0),
    );
    if (mine.length === 0) continue;
    const c = {
      attended: 0,
      late: 0,
      leftEarly: 0,
      excused: 0,
      unexcused: 0,
      unrecorded: 0,
      scheduledMinutes: 0,
      attendedMinutes: 0,
      lateMinutes: 0,
      leftEarlyMinutes: 0,
      makeUpsScheduled: 0,
      makeUpsAttended: 0,
      longest: 0,
      streak: 0,
    };
    let streakSessions: string[] = [];
    let lastAttended: number | null = null;
    const alerts: AttendanceAlert[] = [];
    const days = new Map<number, { scheduled: number; attended: number }>();
    for (const k of mine) {
      const s = sessionOf[k] ?? 0;
      const session = sessions[s] as ScheduledSession;
      const d = day[s] ?? 0;
      const length = minutes[s] ?? 0;
      const clinical = sessionTypes[session.sessionType].countsTowardClinicalHours;
      const r = attendance[seatRecord[k] ?? -1];
      const today = days.get(d) ?? { scheduled: 0, attended: 0 };
      days.set(d, today);
      if (clinical) {
        today.scheduled += length;
        c.scheduledMinutes += length;
      }
      if (session.makeUp === true) c.makeUpsScheduled += 1;
      if (r === undefined) {
        c.unrecorded += 1;
        continue;
      }
      if (isAttended(r.status)) {
        c.attended += 1;
        c.streak = 0;
        streakSessions = [];
        lastAttended = d;
        if (session.makeUp === true) c.makeUpsAttended += 1;
        if (clinical) {
          today.attended += r.minutesAttended;
          c.attendedMinutes += r.minutesAttended;
        }
        const missed = Math.max(0, length - r.minutesAttended);
        if (r.status === "late") c.late += 1;
        if (r.status === "left-early") c.leftEarly += 1;
        c.lateMinutes += r.lateMinutes ?? (r.status === "late" ? missed : 0);
        c.leftEarlyMinutes += r.leftEarlyMinutes ?? (r.status === "left-early" ? missed : 0);
      } else if (r.status === "absent-excused") {
        c.excused += 1;
      } else {
        c.unexcused += 1;
        c.streak += 1;
        streakSessions.push(session.id);
        c.longest = Math.max(c.longest, c.streak);
        if (c.streak === policy.unexcusedStreakAlert)
          alerts.push({
            code: "unexcused-streak",
            message: `${c.streak} unexcused absences in a row (alert at ${policy.unexcusedStreakAlert})`,
            on: fromEpochDay(d),
            sessionIds: [...streakSessions],
          });
      }
    }
    if (options.asOf !== undefined) {
      const since = lastAttended ?? day[sessionOf[mine[0] ?? 0] ?? 0] ?? to;
      if (to - since > policy.lostToContactDays)
        alerts.push({
          code: "lost-to-contact",
          message: `no attended session for ${to - since} days (lost to contact after ${policy.lostToContactDays})`,
          on: options.asOf,
          sessionIds: [],
        });
    }
    const counted = c.attended + c.unexcused + (policy.excusedCountsAsAbsent ? c.excused : 0);
    out.push({
      participantId: id,
      sessions: mine.length,
      attended: c.attended,
      late: c.late,
      leftEarly: c.leftEarly,
      excused: c.excused,
      unexcused: c.unexcused,
      unrecorded: c.unrecorded,
      rate: counted === 0 ? null : c.attended / counted,
      scheduledMinutes: c.scheduledMinutes,
      attendedMinutes: c.attendedMinutes,
      lateMinutes: c.lateMinutes,
      leftEarlyMinutes: c.leftEarlyMinutes,
      makeUps: { scheduled: c.makeUpsScheduled, attended: c.makeUpsAttended },
      longestUnexcusedStreak: c.longest,
      currentUnexcusedStreak: c.streak,
      lastAttendedOn: lastAttended === null ? null : fromEpochDay(lastAttended),
      alerts,
      days: [...days.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([d, t]) => ({
          date: fromEpochDay(d),
          scheduledMinutes: t.scheduled,
          attendedMinutes: t.attended,
          hours: t.attended / 60,
          meetsPerDiem: t.attended / 60 >= program.perDiemMinHours - 1e-9,
        })),
    });
  }
  return out;
}
