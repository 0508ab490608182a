/**
 * Arbitraries for attendance records and drug-test results consistent with a schedule: only
 * sessions that exist, only participants on their rosters, minutes within the session's length,
 * at most one record per seat, and tests only where drug-test sessions were planned.
 */
import fc from "fast-check";
import { toEpochMs } from "../core/index";
import type { AttendanceRecord, AttendanceStatus, DrugTestResult } from "../attendance/index";
import type { Schedule, ScheduledSession } from "../schedule/index";

/** Options of {@link attendanceLog}. */
export interface AttendanceLogOptions {
  /** Share of seats (participant × session) that get a record, 0–1. @defaultValue 0.9 */
  readonly coverage?: number;
  /** Relative weights of the statuses. @defaultValue present 12, late 2, left-early 2, absent-excused 1, absent-unexcused 3 */
  readonly weights?: Partial<Readonly<Record<AttendanceStatus, number>>>;
}

const DEFAULT_WEIGHTS: Readonly<Record<AttendanceStatus, number>> = {
  present: 12,
  late: 2,
  "left-early": 2,
  "absent-excused": 1,
  "absent-unexcused": 3,
};

interface Seat {
  readonly session: ScheduledSession;
  readonly participantId: string;
  readonly minutes: number;
}

function seatsOf(schedule: Pick<Schedule, "sessions">, drugTests: boolean): Seat[] {
  return schedule.sessions.flatMap((session) =>
    (session.sessionType === "drug-test") === drugTests
      ? session.participantIds.map((participantId) => ({
          session,
          participantId,
          minutes: Math.floor((toEpochMs(session.end) - toEpochMs(session.start)) / 60_000),
        }))
      : [],
  );
}

/** Picks `count` seats, each kept when its roll is below the coverage. */
const rolls = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 999 }), { minLength: count, maxLength: count });

/**
 * Attendance records for a schedule's sessions (drug-test collections excluded): one record per
 * covered seat, `present` for the whole session, `late` / `left-early` for part of it (sometimes
 * with `lateMinutes` / `leftEarlyMinutes`), absences with 0 minutes. Every record passes
 * `checkAttendance` against the schedule.
 * @example
 * ```ts
 * fc.assert(fc.property(schedule().chain(({ input, schedule: s }) => attendanceLog(s).map((a) => ({ input, s, a }))), …));
 * ```
 */
export function attendanceLog(
  schedule: Pick<Schedule, "sessions">,
  options: AttendanceLogOptions = {},
): fc.Arbitrary<AttendanceRecord[]> {
  const seats = seatsOf(schedule, false);
  const coverage = Math.round((options.coverage ?? 0.9) * 1000);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  const status = fc.oneof(
    ...(Object.keys(weights) as AttendanceStatus[])
      .filter((s) => weights[s] > 0)
      .map((s) => ({ arbitrary: fc.constant(s), weight: weights[s] })),
  );
  const choice = fc.record({
    status,
    share: fc.integer({ min: 0, max: 1000 }),
    split: fc.boolean(),
  });
  return fc
    .tuple(
      rolls(seats.length),
      fc.array(choice, { minLength: seats.length, maxLength: seats.length }),
    )
    .map(([roll, choices]) => {
      const out: AttendanceRecord[] = [];
      seats.forEach((seat, i) => {
        const c = choices[i];
        if ((roll[i] ?? 0) >= coverage || c === undefined) return;
        const base = {
          formatVersion: 2 as const,
          sessionId: seat.session.id,
          participantId: seat.participantId as AttendanceRecord["participantId"],
          status: c.status,
        };
        if (c.status === "present") out.push({ ...base, minutesAttended: seat.minutes });
        else if (c.status === "late" || c.status === "left-early") {
          const attended = Math.floor((seat.minutes * c.share) / 1000);
          const missed = seat.minutes - attended;
          const key = c.status === "late" ? "lateMinutes" : "leftEarlyMinutes";
          out.push({ ...base, minutesAttended: attended, ...(c.split ? { [key]: missed } : {}) });
        } else out.push({ ...base, minutesAttended: 0 });
      });
      return out;
    });
}

/** Options of {@link drugTestResults}. */
export interface DrugTestResultsOptions {
  /** Share of planned tests that get a result, 0–1. @defaultValue 1 */
  readonly coverage?: number;
  /** Relative weights of the outcomes. @defaultValue negative 10, positive 2, dilute 1, refused 1, missed 1 */
  readonly weights?: Partial<Readonly<Record<DrugTestResult["result"], number>>>;
}

/**
 * Drug-test results for a schedule's planned drug-test sessions: one per covered seat, collected at
 * the session's start, naming the session; positives sometimes lab-confirmed and with substances.
 */
export function drugTestResults(
  schedule: Pick<Schedule, "sessions">,
  options: DrugTestResultsOptions = {},
): fc.Arbitrary<DrugTestResult[]> {
  const seats = seatsOf(schedule, true);
  const coverage = Math.round((options.coverage ?? 1) * 1000);
  const weights = {
    negative: 10,
    positive: 2,
    dilute: 1,
    refused: 1,
    missed: 1,
    ...options.weights,
  };
  const result = fc.oneof(
    ...(Object.keys(weights) as DrugTestResult["result"][])
      .filter((r) => weights[r] > 0)
      .map((r) => ({ arbitrary: fc.constant(r), weight: weights[r] })),
  );
  const choice = fc.record({
    result,
    confirmed: fc.boolean(),
    observed: fc.boolean(),
    substance: fc.constantFrom("alcohol", "opioids", "cannabis", "stimulants"),
  });
  return fc
    .tuple(
      rolls(seats.length),
      fc.array(choice, { minLength: seats.length, maxLength: seats.length }),
    )
    .map(([roll, choices]) => {
      const out: DrugTestResult[] = [];
      seats.forEach((seat, i) => {
        const c = choices[i];
        if ((roll[i] ?? 0) >= coverage || c === undefined) return;
        out.push({
          formatVersion: 2,
          participantId: seat.participantId as DrugTestResult["participantId"],
          collectedAt: seat.session.start,
          result: c.result,
          sessionId: seat.session.id,
          ...(c.observed ? { observed: true } : {}),
          ...(c.result === "positive"
            ? { substances: [c.substance], ...(c.confirmed ? { confirmed: true } : {}) }
            : {}),
        });
      });
      return out;
    });
}
