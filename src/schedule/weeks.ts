/**
 * A person's ISO weeks seen through their path: the hours band and drug-test bounds in force, and
 * whether the week is wholly inside their enrolment. Internal to `planSchedule`.
 * @internal
 */
import type { Program } from "../program/index";
import { spanOn } from "./path";
import type { Person } from "./state";

/** A week's hours band: the widest over the phases in force that week (S5), and whether the phase changes in it. @internal */
export interface WeekBand {
  readonly min: number;
  readonly max: number;
  readonly phaseChange: boolean;
}

/** The hours band of the ISO week starting `monday` for the person (±∞ bounds when no day of it is enrolled). @internal */
export function weekBand(program: Program, person: Person, monday: number): WeekBand {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let phaseIndex: number | undefined; // the first phase seen this week
  let phaseChange = false;
  for (let day = monday; day < monday + 7; day++) {
    const span = spanOn(person.spans, day);
    const band = span === undefined ? undefined : program.phases[span.phaseIndex]?.hoursPerWeek;
    if (span === undefined || band === undefined) continue;
    phaseIndex ??= span.phaseIndex;
    if (span.phaseIndex !== phaseIndex) phaseChange = true;
    min = Math.min(min, band.min);
    max = Math.max(max, band.max);
  }
  return { min, max, phaseChange };
}

/** True when all seven days of the ISO week starting `monday` are inside the person's enrolment and the window. @internal */
export function fullWeek(person: Person, monday: number): boolean {
  for (let day = monday; day < monday + 7; day++)
    if (spanOn(person.spans, day) === undefined) return false;
  return true;
}
