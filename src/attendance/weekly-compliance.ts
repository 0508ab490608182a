/**
 * `weeklyCompliance`: attended clinical hours per participant per ISO week (in the program's zone)
 * against the hours band of the phase in force — the attended counterpart of the planner's S5.
 */
import * as z from "zod/mini";
import { array, strictObject } from "../core/zod";
import {
  isoWeekKeyOfEpochDay,
  mondayOfEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  type IsoDate,
  type IsoWeek,
} from "../core/calendar";
import { ParticipantId, PhaseId } from "../core/ids";
import { lazySchema, type Schema } from "../core/schema";
import { createZoneClock } from "../core/zone";
import { sessionTypes, type Program } from "../program/index";
import type { Enrollment, Schedule, ScheduledSession } from "../schedule/index";
import { phaseSpans, spanOn, type PhaseSpan } from "../schedule/path";
import type { AttendanceRecord } from "./attendance-record";
import { matchedIndex } from "./check-attendance";
import { guardEntry } from "../core/errors";
import { limits } from "../core/limits";
import { checkOptions } from "../core/options";

/** Where attended hours fall against a band: `below`, `within` (inclusive) or `above`. */
export const complianceStatuses = ["below", "within", "above"] as const;
/** A compliance status: one of {@link complianceStatuses}. */
export type ComplianceStatus = (typeof complianceStatuses)[number];
/** The schema of a {@link ComplianceStatus}. */
export const ComplianceStatus: Schema<ComplianceStatus> = /* @__PURE__ */ lazySchema(() =>
  z.enum(complianceStatuses),
);

/** A band of weekly clinical hours, `{ min, max }`, inclusive. */
export interface ComplianceBand {
  /** Fewest hours. */
  min: number;
  /** Most hours. */
  max: number;
}

/**
 * One participant's ISO week: clinical hours attended and scheduled, the band of the phase in
 * force, and the status. A `partial` week (admission or discharge mid-week, the edge of the
 * schedule's window, or the week containing `asOf`) is judged against `expectedBand`, the band
 * prorated by the share of the phase's session days that fall in the counted part of the week,
 * never as a full week.
 */
export interface WeekCompliance {
  /** Whose week. */
  participantId: ParticipantId;
  /** ISO week key in the program's zone, e.g. `"2026-W11"`. */
  isoWeek: IsoWeek;
  /** The phase in force at the end of the week (the latest one when it changed). */
  phaseId: PhaseId;
  /** Every phase in force during the week, in order; more than one when the phase changed. */
  phaseIds: PhaseId[];
  /** Clinical hours attended (minutes ÷ 60). */
  attendedHours: number;
  /** Clinical minutes attended: the sum of `minutesAttended` of the week's clinical sessions. */
  attendedMinutes: number;
  /** Clinical hours scheduled for the participant that week. */
  scheduledHours: number;
  /** The band of the phase in force; the wider of the two when the phase changed that week (invariant S5). */
  band: ComplianceBand;
  /** The band the week is judged against: `band` in a full week, prorated in a partial one (2 decimals). */
  expectedBand: ComplianceBand;
  /** Attended hours against `expectedBand`. */
  status: ComplianceStatus;
  /** The week is not a full week of enrolment (see {@link weeklyCompliance}). */
  partial: boolean;
}
/** A week of compliance as an app writes it (ids as plain strings). */
export interface WeekComplianceInput extends Omit<
  WeekCompliance,
  "participantId" | "phaseId" | "phaseIds"
> {
  /** See {@link WeekCompliance.participantId}. */
  participantId: string;
  /** See {@link WeekCompliance.phaseId}. */
  phaseId: string;
  /** See {@link WeekCompliance.phaseIds}. */
  phaseIds: string[];
}
/** The schema of a {@link WeekCompliance}. */
export const WeekCompliance: Schema<WeekCompliance, WeekComplianceInput> =
  /* @__PURE__ */ lazySchema(() => {
    const band = strictObject({
      min: z.number().check(z.gte(0)),
      max: z.number().check(z.gte(0)),
    });
    return strictObject({
      participantId: ParticipantId,
      isoWeek: z.string(),
      phaseId: PhaseId,
      phaseIds: array(PhaseId),
      attendedHours: z.number().check(z.gte(0)),
      attendedMinutes: z.number().check(z.gte(0)),
      scheduledHours: z.number().check(z.gte(0)),
      band,
      expectedBand: band,
      status: ComplianceStatus,
      partial: z.boolean(),
    });
  });

/** Options of {@link weeklyCompliance}. */
export interface WeeklyComplianceOptions {
  /** A validated program (`defineProgram`): its zone, phases and bands. */
  readonly program: Program;
  /** The schedule the attendance is about (its sessions and window). */
  readonly schedule: Pick<Schedule, "sessions" | "window">;
  /** Validated attendance records (`parseAttendanceRecord`). */
  readonly attendance: readonly AttendanceRecord[];
  /**
   * The enrolments (with `path` and `end` from the episode): they say which phase is in force on
   * each day, and when a participant was admitted and discharged. Without them the phase comes from
   * the sessions' `phaseId`, and a participant counts as enrolled from their first to their last
   * scheduled session.
   */
  readonly enrollments?: readonly Enrollment[];
  /** Judge weeks up to this local date: later sessions are left out and its week is partial. */
  readonly asOf?: IsoDate;
}

const EPS = 1e-9;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * Clinical hours attended per participant per ISO week, against the hours band of the phase in
 * force (iopkit's invariant S5; adult IOP 9–19 h/week: ASAM Criteria, 3rd ed. (2013), level
 * 2.1). Sorted by participant id, then week.
 *
 * - Hours count the `minutesAttended` of sessions whose type counts toward clinical hours
 *   (drug-test collections do not); scheduled hours count the same sessions' lengths.
 * - The **phase in force** on a day comes from the participant's enrolment (its planned path:
 *   `plannedPath`) when `enrollments` are given; otherwise from the phases of the participant's
 *   sessions that week; a week with neither keeps the previous week's phase (else the first phase).
 *   A week in which the phase changes is judged against the wider band.
 * - A participant is reported for every week of enrolment inside the schedule's window (with
 *   `enrollments`) or from their first to their last week with sessions, and for every week with a
 *   session of theirs. Weeks after `asOf` are left out.
 * - A week is **partial** when some of the phase's session weekdays (its pattern's weekdays, any
 *   track) fall on days not counted — before admission or after discharge, outside the schedule's
 *   window, after `asOf` — and is judged against the band prorated by the share counted: admitted
 *   on a Wednesday into a Mon–Thu phase of 12–16 h, the first week is judged against 6–8 h.
 *
 * Throws {@link core!IopError | IopError} listing every record that does not fit the schedule
 * (see {@link checkAttendance}); nothing is dropped silently. Each session's start is read once
 * and turned into a local day through the zone clock's per-day offset cache; records are matched
 * with one map lookup and accumulated in typed arrays — about 0.2 µs per record for a million
 * records (10,000 participants × 12 weeks: bench/compliance.bench.ts).
 *
 * @example
 * ```ts
 * for (const w of weeklyCompliance({ program, schedule, attendance }))
 *   console.log(w.participantId, w.isoWeek, w.attendedHours, w.status);
 * ```
 */
export function weeklyCompliance(options: WeeklyComplianceOptions): WeekCompliance[] {
  checkOptions("weeklyCompliance", options, {
    program: { kind: "object" },
    schedule: { kind: "object" },
    "schedule.sessions": { kind: "list", max: limits.maxRecords },
    "schedule.window": { kind: "object" },
    "schedule.window.from": { kind: "date" },
    "schedule.window.weeks": { kind: "integer", min: 1, max: limits.maxWeeks },
    attendance: { kind: "list", max: limits.maxRecords },
    enrollments: { kind: "list", max: limits.maxParticipants, optional: true },
    asOf: { kind: "date", optional: true },
  });
  return guardEntry("weeklyCompliance", () => compliance(options));
}

/** {@link weeklyCompliance} for options of the right shape. */
function compliance(options: WeeklyComplianceOptions): WeekCompliance[] {
  const { program, schedule, attendance } = options;
  const clock = createZoneClock(program.timeZone);
  const index = matchedIndex("weeklyCompliance", schedule, attendance, clock);
  const { sessions, day, seatBase, seatParticipant, seatMinutes, minutes, startMs } = index;
  // The index is this call's own: enrolled participants without sessions are added to it in place.
  const { participants, participantIndex } = index;
  const enrolled = new Map<number, Enrollment>();
  for (const e of options.enrollments ?? []) {
    let p = participantIndex.get(e.participant.id);
    if (p === undefined) {
      p = participants.length;
      participants.push(e.participant.id);
      participantIndex.set(e.participant.id, p);
    }
    enrolled.set(p, e);
  }
  const phaseIndex = new Map<string, number>(program.phases.map((ph, i) => [ph.id, i]));
  const cutoff = options.asOf === undefined ? Number.POSITIVE_INFINITY : toEpochDay(options.asOf);
  const windowStart = toEpochDay(schedule.window.from);
  const windowEnd = windowStart + schedule.window.weeks * 7;

  let lo = mondayOfEpochDay(windowStart);
  let hi = windowEnd;
  for (let s = 0; s < sessions.length; s++) {
    const d = day[s] ?? 0;
    if (d > cutoff) continue;
    lo = Math.min(lo, mondayOfEpochDay(d));
    hi = Math.max(hi, d + 1);
  }
  const W = Math.ceil((hi - lo) / 7);
  const cells = participants.length * W;
  const attended = new Float64Array(cells);
  const scheduled = new Float64Array(cells);
  const has = new Uint8Array(cells);
  const mask = new Uint16Array(cells);
  const firstStart = new Float64Array(cells).fill(Number.POSITIVE_INFINITY);
  const lastStart = new Float64Array(cells).fill(Number.NEGATIVE_INFINITY);
  const firstPhase = new Int8Array(cells).fill(-1);
  const lastPhase = new Int8Array(cells).fill(-1);
  // Each participant's first and last session day (their enrolment when none is given).
  const firstDay = new Float64Array(participants.length).fill(Number.POSITIVE_INFINITY);
  const lastDay = new Float64Array(participants.length).fill(Number.NEGATIVE_INFINITY);

  for (let s = 0; s < sessions.length; s++) {
    const d = day[s] ?? 0;
    if (d > cutoff) continue;
    const session = sessions[s] as ScheduledSession;
    const clinical = sessionTypes[session.sessionType].countsTowardClinicalHours;
    const m = clinical ? (minutes[s] ?? 0) : 0;
    const ph = session.phaseId === undefined ? -1 : (phaseIndex.get(session.phaseId) ?? -1);
    const start = startMs[s] ?? 0;
    const w = Math.floor((d - lo) / 7);
    const end = seatBase[s + 1] ?? 0;
    for (let k = seatBase[s] ?? 0; k < end; k++) {
      const p = seatParticipant[k] ?? 0;
      if (d < (firstDay[p] ?? 0)) firstDay[p] = d;
      if (d > (lastDay[p] ?? 0)) lastDay[p] = d;
      const cell = p * W + w;
      scheduled[cell] = (scheduled[cell] ?? 0) + m;
      has[cell] = 1;
      if (clinical) attended[cell] = (attended[cell] ?? 0) + (seatMinutes[k] ?? 0);
      if (ph >= 0) {
        mask[cell] = (mask[cell] ?? 0) | (1 << ph);
        if (start < (firstStart[cell] ?? 0)) {
          firstStart[cell] = start;
          firstPhase[cell] = ph;
        }
        if (start >= (lastStart[cell] ?? 0)) {
          lastStart[cell] = start;
          lastPhase[cell] = ph;
        }
      }
    }
  }

  // Weekdays of each phase's pattern, as a bit mask (bit 1 = Monday).
  const patternDays = program.phases.map((ph) =>
    ph.pattern.reduce((bits, e) => bits | (1 << e.weekday), 0),
  );
  const weekKeys = Array.from({ length: W }, (_, w) => isoWeekKeyOfEpochDay(lo + 7 * w));
  const order = participants
    .map((_, p) => p)
    .sort((a, b) => compare(participants[a], participants[b]));
  const out: WeekCompliance[] = [];
  for (const p of order) {
    const enrollment = enrolled.get(p);
    const spans = enrollment === undefined ? [] : phaseSpans(program, enrollment, phaseIndex);
    const from = firstDay[p] ?? 0;
    const to = lastDay[p] ?? 0;
    const low = Math.max(windowStart, from);
    const high = Math.min(windowEnd - 1, cutoff, to);
    const counted = (d: number): boolean =>
      d >= windowStart &&
      d < windowEnd &&
      d <= cutoff &&
      (enrollment === undefined ? d >= from && d <= to : spanOn(spans, d) !== undefined);
    let firstW = W;
    let lastW = -1;
    for (let w = 0; w < W; w++) {
      const monday = lo + 7 * w;
      let report = has[p * W + w] === 1;
      if (!report && enrollment !== undefined)
        for (let d = monday; d < monday + 7 && !report; d++) report = counted(d);
      if (report) {
        firstW = Math.min(firstW, w);
        lastW = w;
      }
    }
    let carried = -1;
    for (let w = firstW; w <= lastW; w++) {
      const cell = p * W + w;
      const monday = lo + 7 * w;
      if (enrollment !== undefined && has[cell] !== 1) {
        let any = false;
        for (let d = monday; d < monday + 7 && !any; d++) any = counted(d);
        if (!any) continue;
      }
      const attendedMinutes = attended[cell] ?? 0;
      const hours = attendedMinutes / 60;
      const first = firstPhase[cell] ?? -1;
      const phase = program.phases[first];
      // The common case: a week wholly counted, in one phase, read from the sessions.
      if (
        enrollment === undefined &&
        phase !== undefined &&
        first === lastPhase[cell] &&
        mask[cell] === 1 << first &&
        monday >= low &&
        monday + 6 <= high
      ) {
        carried = first;
        const { min, max } = phase.hoursPerWeek;
        out.push({
          participantId: participants[p] as ParticipantId,
          isoWeek: weekKeys[w] ?? "",
          phaseId: phase.id,
          phaseIds: [phase.id],
          attendedHours: hours,
          attendedMinutes,
          scheduledHours: (scheduled[cell] ?? 0) / 60,
          band: { min, max },
          expectedBand: { min, max },
          status: hours < min - EPS ? "below" : hours > max + EPS ? "above" : "within",
          partial: false,
        });
        continue;
      }
      const row = weekRow(
        program,
        patternDays,
        spans,
        enrollment !== undefined,
        counted,
        monday,
        mask[cell] ?? 0,
        first,
        lastPhase[cell] ?? -1,
        carried,
      );
      carried = row.last;
      const { expected } = row;
      out.push({
        participantId: participants[p] as ParticipantId,
        isoWeek: weekKeys[w] ?? "",
        phaseId: (program.phases[row.last]?.id ?? "") as PhaseId,
        phaseIds: row.phases.map((i) => program.phases[i]?.id as PhaseId),
        attendedHours: hours,
        attendedMinutes,
        scheduledHours: (scheduled[cell] ?? 0) / 60,
        band: row.band,
        expectedBand: expected,
        status:
          hours < expected.min - EPS ? "below" : hours > expected.max + EPS ? "above" : "within",
        partial: row.partial,
      });
    }
  }
  return out;
}

function compare(a: string | undefined, b: string | undefined): number {
  return (a ?? "") < (b ?? "") ? -1 : (a ?? "") > (b ?? "") ? 1 : 0;
}

interface WeekRow {
  readonly phases: number[];
  readonly last: number;
  readonly band: { min: number; max: number };
  readonly expected: { min: number; max: number };
  readonly partial: boolean;
}

/** The phases, band, partial flag and expected band of one participant-week. */
function weekRow(
  program: Program,
  patternDays: readonly number[],
  spans: readonly PhaseSpan[],
  byEnrollment: boolean,
  counted: (d: number) => boolean,
  monday: number,
  sessionMask: number,
  first: number,
  last: number,
  carried: number,
): WeekRow {
  const dayPhase: number[] = [];
  let phases: number[] = [];
  for (let d = monday; d < monday + 7; d++) {
    const ph = byEnrollment && counted(d) ? (spanOn(spans, d)?.phaseIndex ?? -1) : -1;
    dayPhase.push(ph);
    if (ph >= 0 && phases[phases.length - 1] !== ph) phases.push(ph);
  }
  if (phases.length === 0 && first >= 0) {
    phases = [first];
    for (let i = 0; i < program.phases.length; i++)
      if ((sessionMask >> i) & 1 && i !== first && i !== last) phases.push(i);
    if (last !== first) phases.push(last);
  }
  if (phases.length === 0) phases = [carried >= 0 ? carried : 0];
  const lastPhase = phases[phases.length - 1] ?? 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const i of phases) {
    const band = program.phases[i]?.hoursPerWeek;
    if (band === undefined) continue;
    min = Math.min(min, band.min);
    max = Math.max(max, band.max);
  }
  if (min === Number.POSITIVE_INFINITY) min = 0;
  let num = 0;
  let den = 0;
  for (let d = monday; d < monday + 7; d++) {
    const ph = dayPhase[d - monday] ?? -1;
    const weight = ((patternDays[ph >= 0 ? ph : lastPhase] ?? 0) >> weekdayOfEpochDay(d)) & 1;
    den += weight;
    if (counted(d)) num += weight;
  }
  const partial = num < den;
  const f = den > 0 ? num / den : 1;
  return {
    phases,
    last: lastPhase,
    band: { min, max },
    expected: partial ? { min: round2(min * f), max: round2(max * f) } : { min, max },
    partial,
  };
}
