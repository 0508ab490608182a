/**
 * The clinic as the planner sees it: the zone clock, closures and opening windows as integers
 * (epoch days and minutes of the local day). Internal to `planSchedule`.
 * @internal
 */
import { toEpochDay, weekdayOfEpochDay } from "../core/calendar";
import { toMinutes } from "../core/wall-time";
import { createZoneClock, type ZoneClock } from "../core/zone";
import type { Program } from "../program/index";

/** Where a session is: its local day, local start and end minute (end past 1440 when it crosses midnight), and its instants. @internal */
export interface Slot {
  readonly day: number;
  readonly startMin: number;
  readonly endMin: number;
  readonly startMs: number;
  readonly endMs: number;
}

/** A slot whose fields a search rewrites as it tries times (never kept by what it is passed to). @internal */
export type ScratchSlot = { -readonly [K in keyof Slot]: Slot[K] };

/** Everything about the clinic's clock the planner needs, as integers. @internal */
export interface Clinic {
  readonly program: Program;
  readonly clock: ZoneClock;
  /** Closed days, as epoch days. */
  readonly closures: ReadonlySet<number>;
  /** Opening windows per ISO weekday (1–7), local minutes. */
  readonly opening: readonly (readonly [number, number][])[];
  /** First and past-last epoch day of the planning window. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Per day of the window (from `windowStart`): 1 when the clinic does not open that day. */
  readonly closedDays: Uint8Array;
}

/** The clinic of `program` for a window of `weeks` weeks from `from`. @internal */
export function clinicOf(program: Program, from: string, weeks: number): Clinic {
  const opening: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const w of program.operatingHours)
    opening[w.weekday]?.push([toMinutes(w.open), toMinutes(w.close)]);
  const windowStart = toEpochDay(from);
  const closures = new Set(program.closures.map(toEpochDay));
  const closedDays = new Uint8Array(weeks * 7);
  for (let d = 0; d < closedDays.length; d++)
    closedDays[d] =
      closures.has(windowStart + d) ||
      (opening[weekdayOfEpochDay(windowStart + d)] ?? []).length === 0
        ? 1
        : 0;
  return {
    program,
    clock: createZoneClock(program.timeZone),
    closures,
    opening,
    windowStart,
    windowEnd: windowStart + weeks * 7,
    closedDays,
  };
}

/** True when [start, end) local minutes on `day` lies inside one opening window and the day is not closed. @internal */
export function isOpen(clinic: Clinic, day: number, startMin: number, endMin: number): boolean {
  if (clinic.closures.has(day)) return false;
  const windows = clinic.opening[weekdayOfEpochDay(day)] ?? [];
  for (let i = 0; i < windows.length; i++) {
    const w = windows[i];
    if (w !== undefined && w[0] <= startMin && endMin <= w[1]) return true;
  }
  return false;
}

/** True when the clinic does not open on the day (no window that weekday, or a closure). @internal */
export function isClosedDay(clinic: Clinic, day: number): boolean {
  const closed = clinic.closedDays[day - clinic.windowStart];
  return closed === undefined
    ? clinic.closures.has(day) || (clinic.opening[weekdayOfEpochDay(day)] ?? []).length === 0
    : closed === 1;
}

/** Local end of a session starting on `day`, in minutes of that day (past 1440 when it crosses midnight). @internal */
export function localEnd(clinic: Clinic, day: number, endMs: number): number {
  return (clinic.clock.localDayOf(endMs) - day) * 1440 + clinic.clock.localMinuteOf(endMs);
}
