/**
 * A schedule's sessions in start order, with their attendance matched: what the authorisation
 * ledger and billable days share. Each session is parsed once (its local day through the zone
 * clock's per-day cache) and each record costs a map lookup — no date object per record.
 * @internal
 */
import { createZoneClock } from "../core/zone";
import type { AttendanceRecord } from "../attendance/index";
import { matchedIndex } from "../attendance/check-attendance";
import type { SessionIndex } from "../attendance/session-index";
import type { Program } from "../program/index";
import type { Schedule } from "../schedule/index";

/** Whether a record's status means the participant was there. @internal */
export const attendedStatus = (status: AttendanceRecord["status"]): boolean =>
  status === "present" || status === "late" || status === "left-early";

/** The matched schedule: its index and the sessions in start order (ties in list order). @internal */
export interface MatchedSchedule {
  /** The index (`day` is each session's local epoch day in the program's zone). */
  readonly index: SessionIndex;
  /** Session indices in start order. */
  readonly order: Int32Array;
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
  const index = matchedIndex(context, schedule, attendance, createZoneClock(program.timeZone));
  const n = index.sessions.length;
  const order = new Int32Array(n);
  let sorted = true;
  for (let s = 0; s < n; s++) {
    order[s] = s;
    if (s > 0 && (index.startMs[s] ?? 0) < (index.startMs[s - 1] ?? 0)) sorted = false;
  }
  if (!sorted) order.sort((a, b) => (index.startMs[a] ?? 0) - (index.startMs[b] ?? 0) || a - b);
  return { index, order };
}
