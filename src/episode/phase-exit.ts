/**
 * `evaluatePhaseExit`: whether a participant may leave the phase in force, criterion by criterion
 * (time in phase, attendance rate, recent negative tests, clinician sign-off), each met or unmet
 * with its evidence. An expected (prescribed) substance found by a test does not break the run of
 * negatives (`readDrugTest`).
 */
import { daysBetween, type IsoDate } from "../core/calendar";
import { misuse } from "../core/errors";
import type { PhaseId } from "../core/ids";
import { attendanceSummary, drugTestSummary } from "../attendance/index";
import type { AttendanceRecord, DrugTestResult } from "../attendance/index";
import type { MeasureScore } from "../measures/index";
import type { Program } from "../program/index";
import type { Schedule } from "../schedule/index";
import type { InPhaseEpisode } from "./episode-state";

/** What {@link evaluatePhaseExit} reads besides the episode. */
export interface PhaseExitContext {
  /** The program: the phase's exit criteria, absence and drug-test policies. */
  readonly program: Program;
  /** The schedule the attendance refers to. */
  readonly schedule: Pick<Schedule, "sessions">;
  /** Attendance records (any participants'; only this participant's are read). */
  readonly attendance: readonly AttendanceRecord[];
  /** Drug-test results (any participants'; only this participant's are read). */
  readonly drugTests: readonly DrugTestResult[];
  /** Measure scores of this participant; their flags during the phase are shown for attention. */
  readonly measures?: readonly MeasureScore[];
  /** The day of the evaluation. */
  readonly asOf: IsoDate;
}

/** One exit criterion, met or not, with its evidence. */
export interface ExitCriterionResult {
  /**
   * `min-weeks` (time in phase), `attendance-rate` (attended ÷ counted sessions since the phase
   * started), `negative-tests` (the latest tests negative in a row), `clinician-sign-off` (a review
   * in this phase decided `step-down`).
   */
  readonly criterion: "min-weeks" | "attendance-rate" | "negative-tests" | "clinician-sign-off";
  /** Whether it holds. */
  readonly met: boolean;
  /** What the phase requires (weeks, a rate 0–1, a count, or whether sign-off is required). */
  readonly required: number | boolean;
  /** What was found: weeks in phase, the rate (`null` with nothing counted), the run of negatives, whether signed off. */
  readonly actual: number | boolean | null;
  /** A sentence for people. */
  readonly message: string;
}

/** A measure flag raised during the phase (e.g. PHQ-9 item 9). */
export interface MeasureFlagNote {
  /** The instrument. */
  readonly instrument: MeasureScore["instrument"];
  /** When it was administered, if known. */
  readonly administeredOn: IsoDate | null;
  /** The flag's code, e.g. `"suicidal-ideation"`. */
  readonly code: string;
  /** The flag's message. */
  readonly message: string;
}

/** The report of {@link evaluatePhaseExit}. */
export interface PhaseExitReport {
  /** Whose. */
  readonly participantId: string;
  /** The phase in force. */
  readonly phaseId: PhaseId;
  /** Where a step-down goes, or `null` in the last phase (leaving it is completing the program). */
  readonly nextPhaseId: PhaseId | null;
  /** The day evaluated. */
  readonly asOf: IsoDate;
  /** Every criterion met. */
  readonly ready: boolean;
  /** Each criterion of the phase's `exitCriteria`, in the order min-weeks, attendance-rate, negative-tests, clinician-sign-off. */
  readonly criteria: readonly ExitCriterionResult[];
  /**
   * Not criteria, but a clinician must see them before deciding: reviews opened by relapses or
   * positive tests and not yet held, and measure flags raised during the phase.
   */
  readonly attention: {
    readonly openReviews: number;
    readonly measureFlags: readonly MeasureFlagNote[];
  };
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/**
 * Reports each exit criterion of the phase in force as met or unmet, with its evidence
 * (`program.phases[…].exitCriteria`; the templates' values cite their sources):
 * - **min-weeks** — whole days since the phase started, ≥ `minWeeks` × 7;
 * - **attendance-rate** — `attendanceSummary` over the participant's sessions since the phase
 *   started, up to `asOf` (excused absences count under the absence policy; unrecorded sessions
 *   do not), ≥ `minAttendanceRate`; with nothing counted it holds only when the minimum is 0;
 * - **negative-tests** — the participant's latest tests up to `asOf` that count as negative in a
 *   row (`drugTestSummary`: a positive for expected (prescribed) substances only counts as
 *   negative; refusals, misses and tampered specimens count as positive when the policy says so; a
 *   dilute or invalid specimen breaks the run), ≥ `negativeTestsInARow`; the run may have begun in an earlier phase;
 * - **clinician-sign-off** — when required, the latest review held in this phase (up to `asOf`)
 *   decided `step-down`.
 *
 * Open reviews and measure flags are reported for attention, not as criteria: a relapse is a
 * signal to adjust the plan, not a failure (nida-drugs-brains-behavior-2020). Throws {@link core!IopError | IopError}
 * (`program-mismatch`, `unknown-phase`) when `program` is not the episode's.
 *
 * @example
 * ```ts
 * if (state.status === "in-phase") {
 *   const report = evaluatePhaseExit(state, { program, schedule, attendance, drugTests, asOf });
 *   for (const c of report.criteria) console.log(c.criterion, c.met, c.message);
 * }
 * ```
 */
export function evaluatePhaseExit(
  state: InPhaseEpisode,
  context: PhaseExitContext,
): PhaseExitReport {
  const { program, asOf } = context;
  const { phase, participantId: id } = state;
  if (program.id !== state.programId)
    misuse(
      "evaluatePhaseExit",
      "program-mismatch",
      `the episode is in ${state.programId}, not ${program.id}`,
      ["program"],
    );
  const criteria = program.phases.find((p) => p.id === phase.id)?.exitCriteria;
  if (criteria === undefined)
    misuse(
      "evaluatePhaseExit",
      "unknown-phase",
      `phase ${phase.id} is not in program ${program.id}`,
      ["program"],
    );
  const results: ExitCriterionResult[] = [];

  const days = Math.max(0, daysBetween(phase.startedOn, asOf));
  const weeks = Math.floor((days / 7) * 10) / 10;
  results.push({
    criterion: "min-weeks",
    met: days >= criteria.minWeeks * 7,
    required: criteria.minWeeks,
    actual: weeks,
    message: `${days} days (${weeks} weeks) in ${phase.id}; ${criteria.minWeeks} weeks required`,
  });

  const [summary] = attendanceSummary({
    program,
    schedule: context.schedule,
    attendance: context.attendance.filter((r) => r.participantId === id),
    from: phase.startedOn,
    asOf,
    participantIds: [id],
  });
  const rate = summary?.rate ?? null;
  const minRate = criteria.minAttendanceRate;
  results.push({
    criterion: "attendance-rate",
    met: rate === null ? minRate === 0 : rate >= minRate - 1e-9,
    required: minRate,
    actual: rate,
    message:
      rate === null
        ? `no attended or missed sessions counted since ${phase.startedOn}; ${pct(minRate)} required`
        : `${pct(rate)} (${summary?.attended ?? 0} attended, ${summary?.unexcused ?? 0} unexcused and ${summary?.excused ?? 0} excused absences); ${pct(minRate)} required`,
  });

  const [tests] = drugTestSummary({
    program,
    results: context.drugTests.filter((r) => r.participantId === id),
    asOf,
  });
  const streak = tests?.negativeStreak ?? 0;
  results.push({
    criterion: "negative-tests",
    met: streak >= criteria.negativeTestsInARow,
    required: criteria.negativeTestsInARow,
    actual: streak,
    message: `${streak} negative test(s) in a row; ${criteria.negativeTestsInARow} required`,
  });

  const reviews = state.treatment.reviews.filter(
    (r) => r.phaseId === phase.id && r.on >= phase.startedOn && r.on <= asOf,
  );
  const signedOff = reviews[reviews.length - 1]?.outcome === "step-down";
  results.push({
    criterion: "clinician-sign-off",
    met: signedOff || !criteria.requiresClinicianSignOff,
    required: criteria.requiresClinicianSignOff,
    actual: signedOff,
    message: signedOff
      ? "a clinical review in this phase decided step-down"
      : criteria.requiresClinicianSignOff
        ? "needs a clinical review deciding step-down"
        : "sign-off not required",
  });

  const measureFlags: MeasureFlagNote[] = [];
  for (const m of context.measures ?? []) {
    const on = m.administeredOn ?? null;
    if (on !== null && (on < phase.startedOn || on > asOf)) continue;
    for (const f of m.flags)
      measureFlags.push({
        instrument: m.instrument,
        administeredOn: on,
        code: f.code,
        message: f.message,
      });
  }
  return {
    participantId: id,
    phaseId: phase.id,
    nextPhaseId: state.ladder[phase.index + 1]?.id ?? null,
    asOf,
    ready: results.every((r) => r.met),
    criteria: results,
    attention: { openReviews: state.treatment.openReviews.length, measureFlags },
  };
}
