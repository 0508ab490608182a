/**
 * The planner's working state: the zone clock, closures and opening windows as integers, staff
 * calendars and participants' days. Internal to `planSchedule`.
 * @internal
 */
import { mondayOfEpochDay, toEpochDay, weekdayOfEpochDay } from "../core/calendar";
import { toMinutes } from "../core/wall-time";
import { createZoneClock, type ZoneClock } from "../core/zone";
import type { Program, SessionTypeId, StaffRole } from "../program/index";
import type { ScheduledSession, Staff } from "./records";

/** A session being planned; turned into a `ScheduledSession` at the end. */
export interface Draft {
  id: string;
  type: SessionTypeId;
  day: number;
  startMin: number;
  /** Local end, minutes from the start of `day`. */
  endMin: number;
  startMs: number;
  endMs: number;
  /** Indexes of the participants (a list shared between drafts; never mutated). */
  participants: readonly number[];
  /** Index of the staff member, or -1. */
  staff: number;
  // Always present (possibly undefined), so every draft has one shape.
  groupId: string | undefined;
  phaseId: string | undefined;
  track: string | undefined;
  patternEntry: number | undefined;
  makeUp: boolean;
  topic: string | undefined;
  /** The session a re-plan keeps (`PlanScheduleOptions.keep`), written out as it is. */
  kept: ScheduledSession | undefined;
}

/** A staff member's calendar. */
export interface StaffState {
  readonly index: number;
  readonly staff: Staff;
  readonly roles: ReadonlySet<StaffRole>;
  /** Availability windows per ISO weekday (1–7), local minutes. */
  readonly availability: readonly (readonly [number, number][])[];
  /** Busy intervals per local day (index: day − `firstDay`): flat [startMs, endMs, …]. */
  readonly busy: (number[] | undefined)[];
  /** The epoch day of `busy[0]` (the planning window's first day). */
  readonly firstDay: number;
  /** Group sessions per ISO week (key: Monday's epoch day). */
  readonly groupLoad: Map<number, number>;
  /** Sessions assigned so far, to spread work. */
  load: number;
}

/** Everything about the clinic's clock the planner needs, as integers. */
export interface Clinic {
  readonly program: Program;
  readonly clock: ZoneClock;
  readonly closures: ReadonlySet<number>;
  /** Opening windows per ISO weekday (1–7), local minutes. */
  readonly opening: readonly (readonly [number, number][])[];
  /** First and past-last epoch day of the planning window. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Formatted instants, memoised by epoch ms. */
  readonly formatted: Map<number, string>;
}

export function clinicOf(program: Program, from: string, weeks: number): Clinic {
  const opening: [number, number][][] = Array.from({ length: 8 }, () => []);
  for (const w of program.operatingHours)
    opening[w.weekday]?.push([toMinutes(w.open), toMinutes(w.close)]);
  const windowStart = toEpochDay(from);
  return {
    program,
    clock: createZoneClock(program.timeZone),
    closures: new Set(program.closures.map(toEpochDay)),
    opening,
    windowStart,
    windowEnd: windowStart + weeks * 7,
    formatted: new Map(),
  };
}

/** True when [start, end) local minutes on `day` lies inside one opening window and the day is not closed. */
export function isOpen(clinic: Clinic, day: number, startMin: number, endMin: number): boolean {
  if (clinic.closures.has(day)) return false;
  const windows = clinic.opening[weekdayOfEpochDay(day)] ?? [];
  for (const [open, close] of windows) if (open <= startMin && endMin <= close) return true;
  return false;
}

/** True when the clinic does not open on the day (no window that weekday, or a closure). */
export function isClosedDay(clinic: Clinic, day: number): boolean {
  return clinic.closures.has(day) || (clinic.opening[weekdayOfEpochDay(day)] ?? []).length === 0;
}

/** Local [start, end) of a draft in minutes of its day (end may pass 1440 when it crosses midnight). */
export function localEnd(clinic: Clinic, day: number, endMs: number): number {
  return (clinic.clock.localDayOf(endMs) - day) * 1440 + clinic.clock.localMinuteOf(endMs);
}

/** Staff calendars for a planning window starting on epoch day `firstDay`. */
export function staffStates(staff: readonly Staff[], firstDay: number): StaffState[] {
  return staff.map((s, index) => {
    const availability: [number, number][][] = Array.from({ length: 8 }, () => []);
    for (const a of s.availability)
      availability[a.weekday]?.push([toMinutes(a.from), toMinutes(a.to)]);
    return {
      index,
      staff: s,
      roles: new Set(s.roles),
      availability,
      busy: [],
      firstDay,
      groupLoad: new Map(),
      load: 0,
    };
  });
}

/** Index of the first interval in a flat sorted [start, end, …] list that starts at or after `startMs`. */
function lowerBound(list: readonly number[], startMs: number): number {
  let lo = 0;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid * 2] ?? 0) < startMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * True when [startMs, endMs) overlaps no interval of a flat list of disjoint intervals sorted by
 * start: only the neighbours of the insertion point can overlap, so this is a binary search.
 */
export function freeIn(
  list: readonly number[] | undefined,
  startMs: number,
  endMs: number,
): boolean {
  if (list === undefined || list.length === 0) return true;
  const i = lowerBound(list, startMs);
  if (i < list.length / 2 && (list[i * 2] ?? 0) < endMs) return false;
  return !(i > 0 && (list[i * 2 - 1] ?? 0) > startMs);
}

/** True when a staff member works over the local interval and is not busy. */
export function staffFree(
  s: StaffState,
  day: number,
  startMin: number,
  endMin: number,
  startMs: number,
  endMs: number,
): boolean {
  const windows = s.availability[weekdayOfEpochDay(day)] ?? [];
  let inside = false;
  for (const [from, to] of windows) if (from <= startMin && endMin <= to) inside = true;
  return inside && freeIn(s.busy[day - s.firstDay], startMs, endMs);
}

/**
 * Books an interval into a staff member's day, keeping the list sorted by start; a group session
 * also counts toward their weekly group load.
 */
export function book(
  s: StaffState,
  day: number,
  startMs: number,
  endMs: number,
  group: boolean,
): void {
  const list = s.busy[day - s.firstDay];
  if (list === undefined) s.busy[day - s.firstDay] = [startMs, endMs];
  else list.splice(lowerBound(list, startMs) * 2, 0, startMs, endMs);
  s.load += 1;
  if (group) {
    const monday = mondayOfEpochDay(day);
    s.groupLoad.set(monday, (s.groupLoad.get(monday) ?? 0) + 1);
  }
}

/**
 * The free stretches of a participant's day, in local minutes: the day's opening windows minus
 * their sessions and their unavailable blocks, keeping only stretches of at least `minutes`.
 * Returns a flat [start, end, …] list.
 */
export function freeGaps(
  clinic: Clinic,
  day: number,
  sessions: readonly Draft[] | undefined,
  unavailable: readonly (readonly [number, number])[] | undefined,
  minutes: number,
): number[] {
  // Busy intervals as a flat [from, to, …] list, insertion-sorted by start (a day holds a few).
  const busy: number[] = [];
  const add = (from: number, to: number): void => {
    let i = busy.length;
    busy.push(from, to);
    while (i > 0 && (busy[i - 2] ?? 0) > from) {
      busy[i] = busy[i - 2] ?? 0;
      busy[i + 1] = busy[i - 1] ?? 0;
      i -= 2;
    }
    busy[i] = from;
    busy[i + 1] = to;
  };
  if (sessions !== undefined) for (const d of sessions) add(d.startMin, d.endMin);
  if (unavailable !== undefined) for (const u of unavailable) add(u[0], u[1]);
  const out: number[] = [];
  for (const [open, close] of clinic.opening[weekdayOfEpochDay(day)] ?? []) {
    let cursor = open;
    for (let i = 0; i < busy.length; i += 2) {
      const from = busy[i] ?? 0;
      const to = busy[i + 1] ?? 0;
      if (to <= cursor) continue;
      if (from >= close) break;
      if (from - cursor >= minutes) out.push(cursor, from);
      cursor = Math.max(cursor, to);
    }
    if (close - cursor >= minutes) out.push(cursor, close);
  }
  return out;
}
