/**
 * Arbitraries for attendance records and drug-test results consistent with a schedule: only
 * sessions that exist, only participants on their rosters, minutes within the session's length,
 * at most one record per seat, and tests only where drug-test sessions were planned.
 */
import fc from "fast-check";
import { toEpochMs } from "../core/index";
import type { AttendanceRecord, AttendanceStatus, DrugTestResult } from "../attendance/index";
import { attendanceStatuses } from "../attendance/attendance-record";
import { drugTestOutcomes } from "../attendance/drug-test-result";
import { checkArbitraryOptions, checkWeights, weightsSpec } from "./options";
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
 * fc.assert(fc.property(schedule().chain(({ schedule: s }) => attendanceLog(s).map((a) => ({ s, a }))),
 *   ({ s, a }) => checkAttendance({ schedule: s, attendance: a }).length === 0));
 * ```
 */
export function attendanceLog(
  schedule: Pick<Schedule, "sessions">,
  options: AttendanceLogOptions = {},
): fc.Arbitrary<AttendanceRecord[]> {
  const seats = seatsOf(schedule, false);
  checkArbitraryOptions(
    "attendanceLog",
    options,
    {
      coverage: { kind: "number", min: 0, max: 1, optional: true },
      ...weightsSpec(attendanceStatuses),
    },
    ["weights"],
  );
  const coverage = Math.round((options.coverage ?? 0.9) * 1000);
  const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
  checkWeights("attendanceLog", weights);
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
  /**
   * Relative weights of the outcomes. @defaultValue negative 20, positive 4, dilute 2, refused 2,
   * missed 2, adulterated 1, substituted 1, invalid 1
   */
  readonly weights?: Partial<Readonly<Record<DrugTestResult["result"], number>>>;
  /**
   * Share of participants on a prescribed medication the test detects (buprenorphine, methadone
   * or a benzodiazepine), 0–1: their results list it in `expected`, and a test that counts as
   * negative usually finds it (an expected positive), sometimes not (an expected absence).
   * @defaultValue 0.25
   */
  readonly prescribed?: number;
}

const DEFAULT_TEST_WEIGHTS: Readonly<Record<DrugTestResult["result"], number>> = {
  negative: 20,
  positive: 4,
  dilute: 2,
  refused: 2,
  missed: 2,
  adulterated: 1,
  substituted: 1,
  invalid: 1,
};

const MEDICATIONS = ["buprenorphine", "methadone", "benzodiazepines"] as const;
const SUBSTANCES = ["alcohol", "opioids", "cannabis", "stimulants"] as const;

/**
 * Drug-test results for a schedule's planned drug-test sessions: one per covered seat, collected at
 * the session's start, naming the session; positives sometimes lab-confirmed and with substances;
 * some participants on a prescribed medication (see {@link DrugTestResultsOptions.prescribed}).
 */
export function drugTestResults(
  schedule: Pick<Schedule, "sessions">,
  options: DrugTestResultsOptions = {},
): fc.Arbitrary<DrugTestResult[]> {
  const seats = seatsOf(schedule, true);
  const participants = [...new Set(seats.map((s) => s.participantId))].sort();
  checkArbitraryOptions(
    "drugTestResults",
    options,
    {
      coverage: { kind: "number", min: 0, max: 1, optional: true },
      prescribed: { kind: "number", min: 0, max: 1, optional: true },
      ...weightsSpec(drugTestOutcomes),
    },
    ["weights"],
  );
  const coverage = Math.round((options.coverage ?? 1) * 1000);
  const prescribed = Math.round((options.prescribed ?? 0.25) * 1000);
  const weights = { ...DEFAULT_TEST_WEIGHTS, ...options.weights };
  checkWeights("drugTestResults", weights);
  const result = fc.oneof(
    ...(Object.entries(weights) as [DrugTestResult["result"], number | undefined][])
      .filter((e): e is [DrugTestResult["result"], number] => e[1] !== undefined && e[1] > 0)
      .map(([r, weight]) => ({ arbitrary: fc.constant(r), weight })),
  );
  const choice = fc.record({
    result,
    confirmed: fc.boolean(),
    observed: fc.boolean(),
    substance: fc.constantFrom(...SUBSTANCES),
    // For a participant on medication: 0–6 the medication is found, 7 it is not.
    adherence: fc.integer({ min: 0, max: 7 }),
  });
  const medication = fc.record({
    roll: fc.integer({ min: 0, max: 999 }),
    name: fc.constantFrom(...MEDICATIONS),
  });
  return fc
    .tuple(
      rolls(seats.length),
      fc.array(choice, { minLength: seats.length, maxLength: seats.length }),
      fc.array(medication, { minLength: participants.length, maxLength: participants.length }),
    )
    .map(([roll, choices, meds]) => {
      const onMedication = new Map<string, string>();
      participants.forEach((id, i) => {
        const m = meds[i];
        if (m !== undefined && m.roll < prescribed) onMedication.set(id, m.name);
      });
      const out: DrugTestResult[] = [];
      seats.forEach((seat, i) => {
        const c = choices[i];
        if ((roll[i] ?? 0) >= coverage || c === undefined) return;
        const med = onMedication.get(seat.participantId);
        const takesIt = med !== undefined && c.adherence < 7;
        const found =
          c.result === "positive"
            ? [c.substance, ...(takesIt ? [med] : [])]
            : c.result === "negative" && takesIt
              ? [med]
              : [];
        out.push({
          formatVersion: 3,
          participantId: seat.participantId as DrugTestResult["participantId"],
          collectedAt: seat.session.start,
          result: found.length > 0 ? "positive" : c.result,
          expected: med === undefined ? [] : [med],
          sessionId: seat.session.id,
          ...(c.observed ? { observed: true } : {}),
          ...(found.length > 0 ? { substances: found } : {}),
          ...(c.result === "positive" && c.confirmed ? { confirmed: true } : {}),
        });
      });
      return out;
    });
}
