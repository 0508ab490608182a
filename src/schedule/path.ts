/**
 * A participant's planned path through the phases: which phase is in force on each day of their
 * enrolment. The planner and the checker both read it.
 */
import { fromEpochDay, toEpochDay, type IsoDate } from "../core/calendar";
import { levelOfCareRank, plannedWeeksOf, type Program } from "../program/index";
import type { Enrollment, PathReason } from "./records";
import { guardEntry } from "../core/errors";
import { checkOptions } from "../core/options";

/** A phase in force over a span of days. */
export interface PhaseSpan {
  /** The phase's id. */
  readonly phaseId: string;
  /** Index of the phase in `program.phases`. */
  readonly phaseIndex: number;
  /** First day, as an epoch day. */
  readonly startDay: number;
  /** Day after the last day, as an epoch day (exclusive). */
  readonly endDay: number;
  /** Why the participant entered it. */
  readonly reason: PathReason;
}

/** The planned path of an enrolment, as dates: for documentation, export and display. */
export interface PlannedPhase {
  /** The phase's id. */
  readonly phaseId: string;
  /** First day. */
  readonly from: IsoDate;
  /** Last day, inclusive. */
  readonly to: IsoDate;
  /** Why the participant entered it. */
  readonly reason: PathReason;
}

/**
 * The phases a participant is planned to pass through, as epoch-day spans. Phases that an
 * unknown `startPhase` or path step names are skipped (the checker reports them); a phase whose
 * span is empty after clipping by `end` is left out.
 * @internal
 */
export function phaseSpans(
  program: Program,
  enrollment: Enrollment,
  phaseIndex?: ReadonlyMap<string, number>,
): PhaseSpan[] {
  const index = phaseIndex ?? new Map(program.phases.map((p, i) => [p.id as string, i]));
  const start = toEpochDay(enrollment.start);
  const end =
    enrollment.end === undefined ? Number.POSITIVE_INFINITY : toEpochDay(enrollment.end) + 1;
  const spans: PhaseSpan[] = [];
  const push = (phaseIndex: number, startDay: number, endDay: number, reason: PathReason): void => {
    const phase = program.phases[phaseIndex];
    const clipped = Math.min(endDay, end);
    if (phase !== undefined && clipped > startDay)
      spans.push({ phaseId: phase.id, phaseIndex, startDay, endDay: clipped, reason });
  };
  const followPlan = (fromIndex: number, fromDay: number, reason: PathReason): void => {
    let day = fromDay;
    for (let i = fromIndex; i < program.phases.length; i++) {
      const phase = program.phases[i];
      if (phase === undefined) break;
      const next = day + plannedWeeksOf(phase) * 7;
      push(i, day, next, i === fromIndex ? reason : "step-down");
      day = next;
    }
  };
  const steps = enrollment.path ?? [];
  if (steps.length === 0) {
    const first =
      enrollment.startPhase === undefined ? 0 : (index.get(enrollment.startPhase) ?? -1);
    if (first >= 0) followPlan(first, start, "admission");
    return spans;
  }
  for (let s = 0; s < steps.length; s++) {
    const step = steps[s];
    if (step === undefined) continue;
    const i = index.get(step.phaseId);
    const from = toEpochDay(step.from);
    const nextStep = steps[s + 1];
    if (i === undefined) continue;
    if (nextStep === undefined) followPlan(i, from, s === 0 ? "admission" : step.reason);
    else push(i, from, toEpochDay(nextStep.from), s === 0 ? "admission" : step.reason);
  }
  return spans;
}

/**
 * The planned path of an enrolment: each phase with its first and last day.
 * @example
 * ```ts
 * plannedPath(program, enrollment); // [{ phaseId: "intensive", from: "2026-03-09", to: "2026-04-05", reason: "admission" }, …]
 * ```
 */
export function plannedPath(program: Program, enrollment: Enrollment): PlannedPhase[] {
  checkOptions(
    "plannedPath",
    { program, enrollment },
    {
      program: { kind: "object" },
      enrollment: { kind: "object" },
    },
  );
  return guardEntry("plannedPath", () =>
    phaseSpans(program, enrollment).map((s) => ({
      phaseId: s.phaseId,
      from: fromEpochDay(s.startDay),
      to: fromEpochDay(s.endDay - 1),
      reason: s.reason,
    })),
  );
}

/** The span in force on an epoch day, or `undefined` outside the enrolment. @internal */
export function spanOn(spans: readonly PhaseSpan[], day: number): PhaseSpan | undefined {
  for (const s of spans) if (day >= s.startDay && day < s.endDay) return s;
  return undefined;
}

/** True when moving from phase `from` to phase `to` raises intensity (an earlier phase or a higher level). @internal */
export function raisesIntensity(program: Program, from: number, to: number): boolean {
  const a = program.phases[from];
  const b = program.phases[to];
  if (a === undefined || b === undefined) return false;
  const levelA = levelOfCareRank[a.levelOfCare ?? program.levelOfCare];
  const levelB = levelOfCareRank[b.levelOfCare ?? program.levelOfCare];
  return (
    to < from ||
    levelB > levelA ||
    b.hoursPerWeek.min > a.hoursPerWeek.min ||
    b.hoursPerWeek.max > a.hoursPerWeek.max
  );
}
