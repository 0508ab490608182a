/**
 * `episodeDueDates`: what is due next, derived from the log — treatment-plan review,
 * recertification, utilisation review — and whether the participant is lost to contact.
 */
import { addDays, daysBetween, type IsoDate } from "../core/calendar";
import { misuse } from "../core/errors";
import { attendanceSummary, type AttendanceRecord } from "../attendance/index";
import type { Program } from "../program/index";
import type { Schedule } from "../schedule/index";
import type { PhaseId } from "../core/ids";
import type { EpisodeState, InPhaseEpisode } from "./episode-state";

/** What {@link episodeDueDates} reads besides the episode. */
export interface DueDatesContext {
  /** The program: `reviewPolicy` and `absencePolicy`. */
  readonly program: Program;
  /** The day to judge on. */
  readonly asOf: IsoDate;
  /** The schedule and attendance, for lost to contact (left out: `lostToContact` is `null`). */
  readonly schedule?: Pick<Schedule, "sessions">;
  /** Attendance records (any participants'; only this participant's are read). */
  readonly attendance?: readonly AttendanceRecord[];
}

/** A date something is due. */
export interface DueDate {
  /** The day it is due. */
  readonly due: IsoDate;
  /** The date the interval runs from (admission, the last review, an authorisation's start). */
  readonly since: IsoDate;
  /** Days from `asOf` to `due`; negative when overdue. */
  readonly daysLeft: number;
  /** `asOf` is after `due`. */
  readonly overdue: boolean;
}

/** Whether the participant has stopped coming. */
export interface LostToContact {
  /** More than `absencePolicy.lostToContactDays` without an attended session. */
  readonly lost: boolean;
  /** The last attended session's local date, or `null` (then days count from admission). */
  readonly lastAttendedOn: IsoDate | null;
  /** Days from the last attended session (or admission) to `asOf`. */
  readonly daysWithoutAttendance: number;
  /** The policy's threshold in days. */
  readonly thresholdDays: number;
}

/**
 * The phase in force against its maximum length (`phase.weeks.max`): a review is due by the
 * maximum's last day, and `overdue` means the participant is held past the maximum — by
 * extensions (`enrollmentPathFromEpisode`'s `extendOn`) or simply by no step being recorded.
 */
export interface PhaseLengthReview extends DueDate {
  /** The phase in force. */
  readonly phaseId: PhaseId;
  /** Its maximum length in weeks (`weeks.max`). */
  readonly maxWeeks: number;
  /** Whole weeks from the phase's start to `asOf`. */
  readonly weeksInPhase: number;
}

/** The due dates of an episode; `null` where nothing is due (not admitted, discharged, no authorisation). */
export interface EpisodeDueDates {
  /** Next treatment-plan review: every `reviewPolicy.treatmentPlanReviewDays` from admission or the last `plan-reviewed`. */
  readonly treatmentPlanReview: DueDate | null;
  /** Next recertification: every `reviewPolicy.recertificationDays` from admission or the last `recertified`. */
  readonly recertification: DueDate | null;
  /**
   * Next utilisation review: `reviewPolicy.utilizationReviewDays` after the latest authorisation
   * starts, or the day it ends, whichever is first.
   */
  readonly utilizationReview: DueDate | null;
  /** Lost to contact, when a schedule and attendance were given and the participant is admitted. */
  readonly lostToContact: LostToContact | null;
  /**
   * The phase in force against its maximum weeks, while in a phase (else `null`): due on the
   * phase's start + 7 × `weeks.max` − 1 days (the last day of the maximum); overdue after it.
   */
  readonly phaseLength: PhaseLengthReview | null;
}

function dueDate(since: IsoDate, due: IsoDate, asOf: IsoDate): DueDate {
  const daysLeft = daysBetween(asOf, due);
  return { due, since, daysLeft, overdue: daysLeft < 0 };
}

/**
 * The dates due for an episode on `asOf`, from the log alone (and attendance, for lost to contact).
 * Sources: intervals are the program's `reviewPolicy` — treatment-plan review 30 days (common
 * state or payer rule; unverified), recertification 60 days (Medicare IOP: at least every other
 * month, 42 CFR 424.24 (2024), § 424.24(d)), utilisation review 14 days (common payer rule; unverified) — and lost to contact is
 * `absencePolicy.lostToContactDays` (14; unverified); the phase length is the phase's own
 * `weeks.max` (iopkit's choice: an over-long stay is a review the clinic must see, not a planner
 * error). Pure. Throws
 * {@link core!IopError | IopError} (`program-mismatch`) when `program` is not the episode's.
 *
 * @example
 * ```ts
 * const due = episodeDueDates(state, { program, asOf: "2026-04-20" });
 * if (due.treatmentPlanReview?.overdue) console.log("plan review overdue");
 * ```
 */
export function episodeDueDates(state: EpisodeState, context: DueDatesContext): EpisodeDueDates {
  const { program, asOf } = context;
  if (program.id !== state.programId)
    misuse(
      "episodeDueDates",
      "program-mismatch",
      `the episode is in ${state.programId}, not ${program.id}`,
      ["program"],
    );
  const policy = program.reviewPolicy;
  const active = state.status !== "discharged" && state.status !== "aftercare";
  const treatment =
    state.status === "admitted" || state.status === "in-phase" ? state.treatment : undefined;

  const auth = active ? state.authorisations[state.authorisations.length - 1] : undefined;
  let utilizationReview: DueDate | null = null;
  if (auth !== undefined) {
    const byInterval = addDays(auth.from, policy.utilizationReviewDays);
    utilizationReview = dueDate(auth.from, byInterval < auth.to ? byInterval : auth.to, asOf);
  }
  if (treatment === undefined)
    return {
      treatmentPlanReview: null,
      recertification: null,
      utilizationReview,
      lostToContact: null,
      phaseLength: null,
    };

  const admitted = treatment.admission.on;
  const planSince = treatment.lastPlanReviewOn ?? admitted;
  const recertSince = treatment.lastRecertifiedOn ?? admitted;
  let lostToContact: LostToContact | null = null;
  if (context.schedule !== undefined && context.attendance !== undefined) {
    const id = state.participantId;
    const [summary] = attendanceSummary({
      program,
      schedule: context.schedule,
      attendance: context.attendance.filter((r) => r.participantId === id),
      asOf,
      participantIds: [id],
    });
    const last = summary?.lastAttendedOn ?? null;
    const days = Math.max(0, daysBetween(last ?? admitted, asOf));
    const threshold = program.absencePolicy.lostToContactDays;
    lostToContact = {
      lost: days > threshold,
      lastAttendedOn: last,
      daysWithoutAttendance: days,
      thresholdDays: threshold,
    };
  }
  return {
    treatmentPlanReview: dueDate(
      planSince,
      addDays(planSince, policy.treatmentPlanReviewDays),
      asOf,
    ),
    recertification: dueDate(recertSince, addDays(recertSince, policy.recertificationDays), asOf),
    utilizationReview,
    lostToContact,
    phaseLength: state.status === "in-phase" ? phaseLengthOf(state, program, asOf) : null,
  };
}

/** The phase in force against its maximum weeks; `null` when the program has no such phase. */
function phaseLengthOf(
  state: InPhaseEpisode,
  program: Program,
  asOf: IsoDate,
): PhaseLengthReview | null {
  const { id, startedOn } = state.phase;
  const phase = program.phases.find((p) => p.id === id);
  if (phase === undefined) return null;
  const maxWeeks = phase.weeks.max;
  const due = addDays(startedOn, Math.max(0, 7 * maxWeeks - 1));
  return {
    ...dueDate(startedOn, due, asOf),
    phaseId: id,
    maxWeeks,
    weeksInPhase: Math.max(0, Math.floor(daysBetween(startedOn, asOf) / 7)),
  };
}
