/** `checkAttendance`: attendance records that do not fit the schedule, each with its path and why. */
import { IopError, type IopIssue } from "../core/errors";
import type { Schedule } from "../schedule/index";
import type { AttendanceRecord } from "./attendance-record";
import { indexSessions, matchRecords, type SessionIndex } from "./session-index";
import type { ZoneClock } from "../core/zone";
import { guardEntry } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";

/** What {@link checkAttendance} reads. */
export interface CheckAttendanceOptions {
  /** The schedule the records are about. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Validated records (`parseAttendanceRecord`). */
  readonly attendance: readonly AttendanceRecord[];
}

/**
 * Every attendance record that does not fit the schedule, as issues with the path
 * `["attendance", i, …]` and a code:
 * - `unknown-session` — the session is not in the schedule;
 * - `not-on-roster` — the participant is not among the session's `participantIds`;
 * - `minutes-beyond-session` — minutes attended (plus late and left-early minutes) exceed the
 *   session's length;
 * - `duplicate-attendance` — a second record for the same participant and session.
 *
 * Empty when every record fits. `weeklyCompliance` and `attendanceSummary` throw an
 * {@link core!IopError | IopError} carrying these issues rather than drop such records silently;
 * call this first to show them to a person.
 *
 * @example
 * ```ts
 * for (const issue of checkAttendance({ schedule, attendance })) console.log(issue.path, issue.message);
 * ```
 */
export function checkAttendance(options: CheckAttendanceOptions): IopIssue[] {
  checkOptions("checkAttendance", options, {
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    attendance: { kind: "list", max: limits.maxRecords },
  });
  return guardEntry("checkAttendance", () =>
    matchRecords(indexSessions(options.schedule.sessions), options.attendance),
  );
}

/** Indexes the schedule and matches the records; throws an IopError naming `context` if any record does not fit. @internal */
export function matchedIndex(
  context: string,
  schedule: Pick<Schedule, "sessions">,
  attendance: readonly AttendanceRecord[],
  clock: ZoneClock,
): SessionIndex {
  const index = indexSessions(schedule.sessions, clock);
  const issues = matchRecords(index, attendance);
  if (issues.length > 0) throw new IopError(context, issues);
  return index;
}
