/**
 * `matchAttendance`: a schedule's attendance matched to its seats once, for `billableDays` and
 * `authorizationLedger` to share. Each session is parsed once (its local day through the zone
 * clock's per-day cache), each record costs a map lookup, and what the two read of a record
 * (attended or not, minutes attended) is copied into typed arrays: no date object per record.
 */
import { pure } from "../core/pure";
import { createZoneClock, isTimeZone } from "../core/zone";
import { IopError, describeValue, guardEntry, misuse } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";
import type { AttendanceRecord } from "../attendance/index";
import { matchedIndex } from "../attendance/check-attendance";
import type { SessionIndex } from "../attendance/session-index";
import type { Program } from "../program/index";
import type { Schedule } from "../schedule/index";

/** Whether a record's status means the participant was there. */
const attendedStatus = (status: AttendanceRecord["status"]): boolean =>
  status === "present" || status === "late" || status === "left-early";

/** The matched schedule: its index and the sessions in start order (ties in list order). @internal */
export interface MatchedSchedule {
  /** The index (`day` is each session's local epoch day in the program's zone). */
  readonly index: SessionIndex;
  /** Session indices in start order. */
  readonly order: Int32Array;
  /** Per seat: 1 when its record says the participant was there, else 0 (or no record). */
  readonly attended: Uint8Array;
}

/** What {@link matchAttendance} reads. */
export interface MatchAttendanceOptions {
  /** The program (its zone: each session's local day). */
  readonly program: Pick<Program, "timeZone">;
  /** The schedule the attendance is for. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Attendance records (each must fit the schedule, as `checkAttendance` says). */
  readonly attendance: readonly AttendanceRecord[];
}

/**
 * A schedule's attendance, matched once by {@link matchAttendance}: pass it as `matched` to
 * {@link billableDays} and {@link authorizationLedger} (with the same program zone, schedule and
 * attendance) and neither matches them again. Opaque: its fields only describe it.
 */
export interface MatchedAttendance {
  /** The zone the sessions' local days were read in. */
  readonly timeZone: string;
  /** Sessions in the schedule when it was matched. */
  readonly sessions: number;
  /** Attendance records when they were matched. */
  readonly records: number;
}

/** What a {@link MatchedAttendance} stands for: the lists it was made from, and the match. */
interface Made {
  readonly sessions: Pick<Schedule, "sessions">["sessions"];
  readonly attendance: readonly AttendanceRecord[];
  readonly matched: MatchedSchedule;
}

/** Every live {@link MatchedAttendance}'s match; a forged one is not here. */
const made = /* @__PURE__ */ pure(() => new WeakMap<MatchedAttendance, Made>());

/**
 * Matches `attendance` to the seats of `schedule` (a seat is one participant on one session) in
 * `program`'s zone, once, for {@link billableDays} and {@link authorizationLedger} to share: a
 * billing job that calls both over a quarter's attendance matches it once instead of twice. A
 * snapshot: it keeps each record's status (attended or not) and minutes, and each session's
 * roster, as they are now, so match again after changing a record or editing the schedule (an
 * edit in place that keeps both lists' lengths is not detected). Pure; throws {@link core!IopError | IopError} for bad options or
 * for attendance that does not fit the schedule (the issues of `checkAttendance`).
 * @example
 * ```ts
 * const authorization = parseAuthorization({
 *   id: "auth-1", participantId: participant.id, payer: "Acme Health", level: "intensive-outpatient",
 *   from: "2026-03-09", to: "2026-04-05", units: { of: "days", count: 12 },
 * });
 * const matched = matchAttendance({ program, schedule, attendance });
 * const days = billableDays({ program, schedule, attendance, rules: billingRuleSets.sudIop, matched });
 * const ledger = authorizationLedger({
 *   program, authorizations: [authorization], schedule, attendance, asOf: "2026-03-16", matched,
 * });
 * ```
 */
export function matchAttendance(options: MatchAttendanceOptions): MatchedAttendance {
  checkOptions("matchAttendance", options, {
    program: { kind: "object" },
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    attendance: { kind: "list", max: limits.maxRecords },
  });
  return guardEntry("matchAttendance", () => {
    const { program, schedule, attendance } = options;
    const result: MatchedAttendance = Object.freeze({
      timeZone: program.timeZone,
      sessions: schedule.sessions.length,
      records: attendance.length,
    });
    made.set(result, {
      sessions: schedule.sessions,
      attendance,
      matched: matchSchedule("matchAttendance", program, schedule, attendance),
    });
    return result;
  });
}

/**
 * The match of `options`: `options.matched`'s when given (after checking it was made by
 * {@link matchAttendance} for the same schedule, attendance and zone), else a new one.
 * @internal
 */
export function matchFor(
  context: string,
  options: MatchAttendanceOptions & { readonly matched?: MatchedAttendance | undefined },
): MatchedSchedule {
  const { matched } = options;
  if (matched === undefined)
    return matchSchedule(context, options.program, options.schedule, options.attendance);
  const m = made.get(matched);
  if (m === undefined)
    throw new IopError(context, [
      {
        code: "matched-for-other-input",
        path: ["matched"],
        message: "matched was not made by matchAttendance",
      },
    ]);
  if (
    m.sessions !== options.schedule.sessions ||
    m.attendance !== options.attendance ||
    matched.timeZone !== options.program.timeZone ||
    matched.sessions !== m.sessions.length ||
    matched.records !== m.attendance.length
  )
    throw new IopError(context, [
      {
        code: "matched-for-other-input",
        path: ["matched"],
        message:
          "matched was made for another schedule, attendance list or time zone, or a list has changed length since: match again",
      },
    ]);
  return m.matched;
}

/**
 * Indexes `schedule` in `program`'s zone and matches `attendance` to its seats; throws an
 * {@link core!IopError | IopError} naming `context` and every record that does not fit.
 * @internal
 */
export function matchSchedule(
  context: string,
  program: Pick<Program, "timeZone">,
  schedule: Pick<Schedule, "sessions">,
  attendance: readonly AttendanceRecord[],
): MatchedSchedule {
  const zone: unknown = program.timeZone;
  if (typeof zone !== "string" || !isTimeZone(zone))
    misuse(
      context,
      "invalid-time-zone",
      `program.timeZone must be an IANA time zone known to this runtime, got ${describeValue(zone)}`,
      ["program", "timeZone"],
    );
  const index = matchedIndex(context, schedule, attendance, createZoneClock(zone));
  const n = index.sessions.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let s = 0; s < n; s++) {
    order[s] = s;
    if (s > 0 && (index.startMs[s] ?? 0) < (index.startMs[s - 1] ?? 0)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (index.startMs[a] ?? 0) - (index.startMs[b] ?? 0) || a - b);
  const { seatRecord } = index;
  const attended = new Uint8Array(seatRecord.length);
  for (let k = 0; k < seatRecord.length; k++) {
    const r = seatRecord[k] ?? -1;
    if (r >= 0 && attendedStatus((attendance[r] as AttendanceRecord).status)) attended[k] = 1;
  }
  return { index, order, attended };
}
