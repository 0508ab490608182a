/**
 * `planSchedule`: turns a program and its enrolments into dated sessions in the program's zone —
 * rolling groups by phase and track that never exceed capacity, one-to-ones placed around each
 * participant's life with a free staff member of the right role, make-ups for sessions lost to
 * closures, and random drug tests — and reports what it could not do.
 *
 * This module checks the options and runs the stages of `pipeline.ts` over one planning state
 * (`state.ts`); each stage lives in `stages/`.
 */
import { tryParseIsoDate, type IsoDate } from "../core/calendar";
import { guardEntry } from "../core/errors";
import { checkOptions, checkParticipantWeeks } from "../core/options";
import { limits } from "../core/limits";
import type { Program } from "../program/index";
import type { Authorization } from "../participant/index";
import { planningStages, resultStage } from "./pipeline";
import type { Enrollment, Schedule, ScheduledSession, Staff } from "./records";
import { createPlanState } from "./state";

/** Options of {@link planSchedule}. */
export interface PlanScheduleOptions {
  /** A validated program (`defineProgram`). */
  readonly program: Program;
  /** Validated enrolments (`parseEnrollment`). */
  readonly enrollments: readonly Enrollment[];
  /** Validated staff (`parseStaff`). Without a list every session is planned with empty `staffIds`. */
  readonly staff?: readonly Staff[];
  /** First day of the planning window. */
  readonly from: IsoDate;
  /** Length of the window in weeks (1–104). */
  readonly weeks: number;
  /** Seed of the random choices (drug-test days). Same input and seed → same schedule (S11). */
  readonly seed: number;
  /**
   * Sessions to keep as they are, for a re-plan from a date: see {@link KeptSessions}. Without it
   * the whole window is planned.
   */
  readonly keep?: KeptSessions;
  /**
   * Payer authorisations (`parseAuthorization`, iopkit/participant), for S17. A participant with
   * at least one authorisation has every planned session that none covers reported as an `"S17"`
   * shortfall (`not-authorized`, `level-not-authorized`, `units-exhausted`) listing the sessions —
   * the care stays planned; participants without one are not judged. Without the list, nothing is
   * judged.
   */
  readonly authorizations?: readonly Authorization[];
}

/**
 * What a re-plan keeps: the sessions already held or booked before a date.
 *
 * Every session of `sessions` that starts on a local date (in the program's zone) inside the window
 * and before `before` is kept unchanged in the result, and counts as planned: toward its
 * participants' weekly hours (S5), one-to-one blocks (S8) and weekly drug tests (S12), as busy time
 * for them and its staff, and (for a group session) as its group's facilitator when the group still
 * exists. The planner places nothing before `before`. Sessions on or after `before`, or outside the
 * window, are not kept: they are what the re-plan replaces.
 *
 * Kept sessions are taken as they are and judged against the enrolments you pass: give every
 * participant in them an enrolment (with its `end` if they have left), or `checkSchedule` reports
 * them (S13). Weeks and blocks wholly before `before` that fall short are reported in `shortfalls`
 * with code `"kept-sessions"`.
 *
 * @example
 * ```ts
 * // After Monday's case conference stepped two people down, re-plan from Monday, keeping last week.
 * const next = planSchedule({ ...options, enrollments: updated, keep: { before: "2026-11-16", sessions: previous.sessions } });
 * ```
 */
export interface KeptSessions {
  /** The first day the re-plan may change; sessions before it are kept. */
  readonly before: IsoDate;
  /** The previous schedule's sessions (any order; those on or after `before` are replaced). */
  readonly sessions: readonly ScheduledSession[];
}

/**
 * Plans the sessions of every enrolment over a window of weeks.
 *
 * - Each participant follows the phases in order from their start (or `startPhase`, or an
 *   explicit `path`) for the planned weeks; weekly patterns become sessions at their wall-clock
 *   time in the program's zone, across DST changes (RFC 5545 rule for gaps and overlaps) (S10).
 * - Participants of the same phase and track share groups of at most `groupCapacity` (S3); a new
 *   group, with its own facilitator, opens when the others are full. Groups roll: people join and
 *   leave on their own dates. A group that falls below `groupMinimum` as people leave merges into
 *   another group of the same phase and track that has room for its members.
 * - The individual session every N weeks and the other one-to-ones that apply (family therapy when
 *   family is involved, medication management when on medication) are placed inside opening hours,
 *   outside the participant's unavailability and other sessions, with a free staff member of the
 *   right role — the same one when possible (S1, S2, S4, S8, S9).
 * - A session on a closed day is dropped; where that leaves a participant's week below the phase
 *   band, a make-up at the same wall-clock time is placed that week if everyone can come.
 * - Drug tests: see {@link planDrugTests} (S12).
 * - Participants who cannot be placed are returned in `unschedulable` with a reason (S13), and
 *   every week or block where S5, S8 or S12 could not be met is returned in `shortfalls` with its
 *   cause (a closure, no free staff, a phase change mid-week, …).
 * - With `authorizations`, every planned session of an authorised participant that no
 *   authorisation covers is an `"S17"` shortfall (S17): the session stays in the schedule.
 *
 * Pure and deterministic: same input and seed → same schedule (S11). Throws
 * {@link core!IopError | IopError} for impossible options (e.g. `weeks` beyond 104).
 *
 * @example
 * ```ts
 * const schedule = planSchedule({ program, enrollments, staff, from: "2026-10-26", weeks: 12, seed: 7 });
 * checkSchedule(schedule, { program, enrollments, staff }); // []
 * ```
 */
export function planSchedule(options: PlanScheduleOptions): Schedule {
  checkOptions("planSchedule", options, {
    program: { kind: "object" },
    enrollments: { kind: "list", max: limits.maxParticipants },
    staff: { kind: "list", max: limits.maxStaff, optional: true },
    from: { kind: "date" },
    weeks: { kind: "integer", min: 1, max: limits.maxWeeks },
    seed: { kind: "integer", min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER },
    keep: { kind: "object", optional: true },
    "keep.before": { kind: "date" },
    "keep.sessions": { kind: "list", max: limits.maxRecords },
    authorizations: { kind: "list", max: limits.maxRecords, optional: true },
  });
  checkParticipantWeeks("planSchedule", options.enrollments.length, options.weeks);
  return guardEntry("planSchedule", () => {
    const keepBefore =
      options.keep === undefined ? undefined : tryParseIsoDate(options.keep.before);
    const state = createPlanState(options, keepBefore);
    for (const stage of planningStages) stage.run(state);
    return resultStage.build(state);
  });
}
