/**
 * `medicareCertification`: what Medicare's intensive outpatient benefit asks of an episode — a
 * physician's certification that the person needs at least 9 hours of services a week, renewed at
 * the recertification interval, under a plan of care that is reviewed — as due dates from the
 * episode log, and the planned weeks that fall below the certified minimum.
 *
 * Sources: 42 CFR 424.24(d) (certification: at least 9 hours a week; recertification — "no less
 * frequently than every other month" in a secondary summary, so the 60-day default is
 * configurable); Noridian Medicare, IOP ("9 to 19 hours a week"); the CY 2024 OPPS final rule
 * (CMS-1786-FC).
 */
import {
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  toEpochDay,
  type IsoDate,
  type IsoWeek,
} from "../core/calendar";
import { guardEntry } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";
import type { Provenance } from "../core/sources";
import { createZoneClock } from "../core/zone";
import { tryParseInstant } from "../core/instant";
import { episodeDueDates, type DueDate, type EpisodeState } from "../episode/index";
import { sessionTypes, type Program } from "../program/index";
import type { Schedule } from "../schedule/index";

/**
 * The weekly hours a Medicare IOP certification states the person needs, at least: 9 (42 CFR
 * 424.24(d); Noridian Medicare, IOP: "9 to 19 hours a week").
 */
export const medicareIopMinimumHours = 9;

/** Where the certification rules come from. */
export const medicareCertificationSources: readonly Provenance[] = [
  { source: "cfr-42-424-24", section: "§ 424.24(d)" },
  { source: "noridian-medicare-iop" },
  { source: "cms-opps-2024-final-rule" },
  {
    unverified:
      "recertification every 60 days operationalises \"no less frequently than every other month\" (a secondary summary of § 424.24(d)); the first recertification's exact day was not confirmed in the regulation: set recertificationDays to your contractor's reading",
  },
  {
    unverified:
      "the initial certification is dated with the admission (iopkit records no separate certification event); the regulation's deadline for signing it was not confirmed",
  },
];

/** Options of {@link medicareCertification}. */
export interface MedicareCertificationOptions {
  /** The episode's program (`reviewPolicy` gives the intervals). */
  readonly program: Program;
  /** The day to judge on. */
  readonly asOf: IsoDate;
  /**
   * Days between recertifications (1–365).
   * @defaultValue the program's `reviewPolicy.recertificationDays` (60 by default)
   */
  readonly recertificationDays?: number;
  /** The schedule, for the planned weeks below the certified minimum (left out: not judged). */
  readonly schedule?: Pick<Schedule, "sessions" | "window">;
}

/** A planned full ISO week below the certified minimum. */
export interface WeekBelowMinimum {
  /** The ISO week. */
  readonly isoWeek: IsoWeek;
  /** Clinical hours scheduled that week (session types that count toward clinical hours). */
  readonly hours: number;
}

/** What {@link medicareCertification} returns. */
export interface MedicareCertification {
  /** The certification's date (the admission), or `null` before admission. */
  readonly certifiedOn: IsoDate | null;
  /** The next recertification, from the admission or the latest `recertified` event; `null` when not admitted or closed. */
  readonly recertification: DueDate | null;
  /** The next plan-of-care review, from the admission or the latest `plan-reviewed` event; `null` likewise. */
  readonly planOfCareReview: DueDate | null;
  /** The certified minimum weekly hours ({@link medicareIopMinimumHours}). */
  readonly minimumHoursPerWeek: number;
  /**
   * Full ISO weeks of the schedule's window, from the first Monday after admission (the admission
   * week may be partial) to the last before discharge, whose scheduled clinical hours are below
   * the minimum; empty without a schedule.
   */
  readonly weeksBelowMinimum: readonly WeekBelowMinimum[];
  /** Where the rules come from. */
  readonly sources: readonly Provenance[];
}

/**
 * The Medicare IOP certification status of an episode on `asOf`: the certification (with the
 * admission), the next recertification and plan-of-care review (due dates from the log, like
 * `episodeDueDates`), and the planned weeks below 9 clinical hours. Pure; throws
 * {@link core!IopError | IopError} for bad options or when `program` is not the episode's.
 * @example
 * ```ts
 * const cert = medicareCertification(state, { program, asOf: "2026-05-01", schedule }); // state: replayEpisodeOrThrow(events, program)
 * if (cert.recertification?.overdue) console.log("recertify now");
 * ```
 */
export function medicareCertification(
  state: EpisodeState,
  options: MedicareCertificationOptions,
): MedicareCertification {
  checkOptions("medicareCertification", options, {
    program: { kind: "object" },
    asOf: { kind: "date" },
    recertificationDays: { kind: "integer", min: 1, max: 365, optional: true },
    schedule: { kind: "object", optional: true },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
  });
  return guardEntry("medicareCertification", () => {
    const { program } = options;
    const days = options.recertificationDays ?? program.reviewPolicy.recertificationDays;
    const due = episodeDueDates(state, {
      program: { ...program, reviewPolicy: { ...program.reviewPolicy, recertificationDays: days } },
      asOf: options.asOf,
    });
    const admitted = "treatment" in state ? state.treatment?.admission.on : undefined;
    const dischargedOn =
      state.status === "discharged" || state.status === "aftercare"
        ? state.discharge.on
        : undefined;
    return {
      certifiedOn: admitted ?? null,
      recertification: due.recertification,
      planOfCareReview: due.treatmentPlanReview,
      minimumHoursPerWeek: medicareIopMinimumHours,
      weeksBelowMinimum:
        options.schedule === undefined || admitted === undefined
          ? []
          : weeksBelow(program, options.schedule, state.participantId, admitted, dischargedOn),
      sources: medicareCertificationSources,
    };
  });
}

/** Full weeks of the window between admission and discharge below the minimum. */
function weeksBelow(
  program: Program,
  schedule: Pick<Schedule, "sessions" | "window">,
  participantId: string,
  admitted: IsoDate,
  dischargedOn: IsoDate | undefined,
): WeekBelowMinimum[] {
  const clock = createZoneClock(program.timeZone);
  const windowStart = toEpochDay(schedule.window.from);
  const windowEnd = windowStart + 7 * schedule.window.weeks;
  const admission = toEpochDay(admitted);
  const first = Math.max(mondayOfEpochDay(admission + 6), mondayOfEpochDay(windowStart + 6));
  const end = Math.min(
    windowEnd,
    dischargedOn === undefined ? windowEnd : toEpochDay(dischargedOn),
  );
  const minutes = new Map<number, number>();
  for (const s of schedule.sessions) {
    if (!s.participantIds.some((p) => p === participantId)) continue;
    if (!sessionTypes[s.sessionType].countsTowardClinicalHours) continue;
    const a = tryParseInstant(s.start);
    const b = tryParseInstant(s.end);
    if (a === undefined || b === undefined) continue;
    const monday = mondayOfEpochDay(clock.localDayOf(a));
    minutes.set(monday, (minutes.get(monday) ?? 0) + (b - a) / 60_000);
  }
  const out: WeekBelowMinimum[] = [];
  for (let monday = first; monday + 7 <= end; monday += 7) {
    const hours = Math.round(((minutes.get(monday) ?? 0) / 60) * 100) / 100;
    if (hours < medicareIopMinimumHours) out.push({ isoWeek: isoWeekKeyOfEpochDay(monday), hours });
  }
  return out;
}
