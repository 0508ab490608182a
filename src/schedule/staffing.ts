/**
 * Staff calendars and the search for a free staff member of a role (S2). Internal to
 * `planSchedule`: every stage that plans a session books its staff member here.
 * @internal
 */
import { mondayOfEpochDay, weekdayOfEpochDay } from "../core/calendar";
import { toMinutes } from "../core/wall-time";
import type { StaffRole } from "../program/index";
import type { Slot } from "./clinic";
import type { Staff } from "./records";

/** A staff member's calendar. @internal */
export interface StaffState {
  /** Position in the staff list (and in `StaffDesk.staff`). */
  readonly index: number;
  readonly staff: Staff;
  readonly roles: ReadonlySet<StaffRole>;
  /** Availability windows per ISO weekday (1–7), local minutes. */
  readonly availability: readonly (readonly [number, number][])[];
  /** Busy intervals per local day (index: day − `firstDay`): flat [startMs, endMs, …], sorted by start. */
  readonly busy: (number[] | undefined)[];
  /** The epoch day of `busy[0]` (the planning window's first day). */
  readonly firstDay: number;
  /** Group sessions per ISO week (key: Monday's epoch day). */
  readonly groupLoad: Map<number, number>;
  /** Sessions assigned so far. */
  load: number;
  /** True when the member has a limit on hours or breaks (S15); the search then checks them. */
  readonly limited: boolean;
  /** Their break, ms (0 without one). */
  readonly breakMs: number;
  /** Minutes of sessions booked per local day (index: day − `firstDay`), when limited. */
  readonly dayMinutes: number[];
  /** Minutes of sessions booked per ISO week (key: Monday's epoch day), when limited. */
  readonly weekMinutes: Map<number, number>;
}

/** The staff limit that kept a member from a session (S15): see `shortfallCodes`. @internal */
export type StaffLimitCode = "staff-daily-hours" | "staff-weekly-hours" | "staff-break";

/** Each staff limit as people read it, for messages. @internal */
export const LIMIT_NAMES: Readonly<Record<StaffLimitCode, string>> = {
  "staff-daily-hours": "maximum hours a day",
  "staff-weekly-hours": "maximum hours a week",
  "staff-break": "minimum break between sessions",
};

/**
 * The staff of a planning call: their calendars, the members of each role in list order, and
 * the search memo. @internal
 */
export interface StaffDesk {
  /** False when the call has no staff list: sessions are then planned without staff. */
  readonly hasStaff: boolean;
  /** Calendars, in the order of the staff list. */
  readonly staff: readonly StaffState[];
  /** Members of each role, in the order of the staff list. */
  readonly byRole: ReadonlyMap<StaffRole, readonly StaffState[]>;
  /**
   * Per role and interval (see {@link slotKey}), where the search for a free member resumes: for
   * one-person sessions, and for group sessions (which also count against a weekly group load).
   * Staff only ever get busier (and their weekly group load only grows), so a member found busy
   * for an interval stays busy for it: every member is checked at most once per interval.
   */
  readonly resumeAt: Map<StaffRole, Map<number, number>>;
  readonly groupResumeAt: Map<StaffRole, Map<number, number>>;
  /** The minute (since the epoch) slot keys count from: two days before the window's first day. */
  readonly baseMinute: number;
  /**
   * Per staff member and ISO weekday (`staff × 8 + weekday`), their working window as local minutes
   * [from, to) at `2 × cell`, when they have exactly one that day; [0, 0) when none. In one flat
   * array so the search reads it without visiting each member's objects.
   */
  readonly window: Int32Array;
  /** Per staff member and weekday: 1 when they have several windows that day (read from their calendar). */
  readonly several: Uint8Array;
}

const MIN = 60_000;

/** Staff calendars for a planning window starting on epoch day `firstDay`. @internal */
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
      limited:
        s.maxHoursPerDay !== undefined ||
        s.maxHoursPerWeek !== undefined ||
        (s.minBreakMinutes ?? 0) > 0,
      breakMs: (s.minBreakMinutes ?? 0) * MIN,
      dayMinutes: [],
      weekMinutes: new Map(),
    };
  });
}

/** The desk of a staff list (`undefined`: the call has none) for a window from epoch day `firstDay`. @internal */
export function staffDesk(list: readonly Staff[] | undefined, firstDay: number): StaffDesk {
  const staff = staffStates(list ?? [], firstDay);
  const byRole = new Map<StaffRole, StaffState[]>();
  for (const s of staff) for (const r of s.roles) byRole.set(r, [...(byRole.get(r) ?? []), s]);
  const window = new Int32Array(staff.length * 16);
  const several = new Uint8Array(staff.length * 8);
  for (const s of staff)
    for (let weekday = 1; weekday <= 7; weekday++) {
      const windows = s.availability[weekday] ?? [];
      const cell = s.index * 8 + weekday;
      if (windows.length > 1) several[cell] = 1;
      else if (windows[0] !== undefined) {
        window[cell * 2] = windows[0][0];
        window[cell * 2 + 1] = windows[0][1];
      }
    }
  return {
    hasStaff: list !== undefined,
    staff,
    byRole,
    resumeAt: new Map(),
    groupResumeAt: new Map(),
    baseMinute: (firstDay - 2) * 1440,
    window,
    several,
  };
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
function freeIn(list: readonly number[] | undefined, startMs: number, endMs: number): boolean {
  if (list === undefined || list.length === 0) return true;
  const i = lowerBound(list, startMs);
  if (i < list.length / 2 && (list[i * 2] ?? 0) < endMs) return false;
  return !(i > 0 && (list[i * 2 - 1] ?? 0) > startMs);
}

/** The first of the member's limits (S15) the slot would break, or undefined. */
function limitBroken(s: StaffState, slot: Slot): StaffLimitCode | undefined {
  const minutes = (slot.endMs - slot.startMs) / MIN;
  const { maxHoursPerDay, maxHoursPerWeek } = s.staff;
  if (
    maxHoursPerDay !== undefined &&
    (s.dayMinutes[slot.day - s.firstDay] ?? 0) + minutes > maxHoursPerDay * 60 + 1e-9
  )
    return "staff-daily-hours";
  if (
    maxHoursPerWeek !== undefined &&
    (s.weekMinutes.get(mondayOfEpochDay(slot.day)) ?? 0) + minutes > maxHoursPerWeek * 60 + 1e-9
  )
    return "staff-weekly-hours";
  // A break on either side: the slot widened by it must meet none of their sessions.
  if (s.breakMs > 0) {
    const before = s.busy[slot.day - s.firstDay];
    if (!freeIn(before, slot.startMs - s.breakMs, slot.endMs + s.breakMs)) return "staff-break";
  }
  return undefined;
}

/** True when a staff member works over the slot and is not busy then. */
function staffFree(desk: StaffDesk, s: StaffState, slot: Slot): boolean {
  const cell = s.index * 8 + weekdayOfEpochDay(slot.day);
  let inside = false;
  if (desk.several[cell] === 1) {
    for (const [from, to] of s.availability[weekdayOfEpochDay(slot.day)] ?? [])
      if (from <= slot.startMin && slot.endMin <= to) inside = true;
  } else
    inside =
      (desk.window[cell * 2] ?? 0) <= slot.startMin &&
      slot.endMin <= (desk.window[cell * 2 + 1] ?? 0);
  return inside && freeIn(s.busy[slot.day - s.firstDay], slot.startMs, slot.endMs);
}

/**
 * Books an interval into a staff member's day, keeping the list sorted by start; a group session
 * also counts toward their weekly group load. @internal
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
  if (s.limited) {
    const minutes = (endMs - startMs) / MIN;
    s.dayMinutes[day - s.firstDay] = (s.dayMinutes[day - s.firstDay] ?? 0) + minutes;
    const monday = mondayOfEpochDay(day);
    s.weekMinutes.set(monday, (s.weekMinutes.get(monday) ?? 0) + minutes);
  }
  if (group) {
    const monday = mondayOfEpochDay(day);
    s.groupLoad.set(monday, (s.groupLoad.get(monday) ?? 0) + 1);
  }
}

/**
 * A slot's key in the staff search: its start (minutes from the desk's base) × 1024 + its length in
 * minutes (at most 720), a small integer (a map key V8 need not box). A start off the minute (a zone
 * offset with seconds, before 1900) keys by its epoch minute instead, far outside that range.
 */
function slotKey(desk: StaffDesk, slot: Slot): number {
  const start = slot.startMs / MIN - desk.baseMinute;
  const length = (slot.endMs - slot.startMs) / MIN;
  return Number.isInteger(start) ? start * 1024 + length : (slot.startMs / MIN) * 2048 + length;
}

/** True when a staff member works over the slot, is not busy, and (for a group) is under their weekly group load. */
function canTake(
  desk: StaffDesk,
  s: StaffState,
  slot: Slot,
  group: boolean,
  monday: number,
): boolean {
  return (
    staffFree(desk, s, slot) &&
    (!group || (s.groupLoad.get(monday) ?? 0) < s.staff.maxGroupSessionsPerWeek) &&
    (!s.limited || limitBroken(s, slot) === undefined)
  );
}

/**
 * Why no member of the roles could take a slot when a limit is to blame (S15): the limit that
 * kept the first member who works then, is not busy and is under their group load; undefined when
 * no limit bit (everyone was busy or off).
 * @internal
 */
export function limitThatBit(
  desk: StaffDesk,
  roles: readonly StaffRole[],
  slot: Slot,
  group: boolean,
): StaffLimitCode | undefined {
  const monday = mondayOfEpochDay(slot.day);
  for (const role of roles)
    for (const s of desk.byRole.get(role) ?? []) {
      if (
        !s.limited ||
        !staffFree(desk, s, slot) ||
        (group && (s.groupLoad.get(monday) ?? 0) >= s.staff.maxGroupSessionsPerWeek)
      )
        continue;
      const code = limitBroken(s, slot);
      if (code !== undefined) return code;
    }
  return undefined;
}

/**
 * Finds a free staff member of one of the roles (tried in order) for a local interval, the
 * preferred one first, and books them; returns their index, or undefined when no one is free
 * (or the call has no staff list, or the session type needs no role).
 * @internal
 */
export function assignStaff(
  desk: StaffDesk,
  roles: readonly StaffRole[],
  slot: Slot,
  preferred: number | undefined,
  group: boolean,
): number | undefined {
  if (!desk.hasStaff || roles.length === 0) return undefined;
  const monday = mondayOfEpochDay(slot.day);
  let chosen: StaffState | undefined = preferred === undefined ? undefined : desk.staff[preferred];
  if (
    chosen !== undefined &&
    (!roles.some((r) => chosen?.roles.has(r)) || !canTake(desk, chosen, slot, group, monday))
  )
    chosen = undefined;
  const key = slotKey(desk, slot);
  const memo = group ? desk.groupResumeAt : desk.resumeAt;
  for (const role of roles) {
    if (chosen !== undefined) break;
    const pool = desk.byRole.get(role) ?? [];
    let resume = memo.get(role);
    if (resume === undefined) {
      resume = new Map();
      memo.set(role, resume);
    }
    let k = resume.get(key) ?? 0;
    while (k < pool.length && !canTake(desk, pool[k] as StaffState, slot, group, monday)) k++;
    chosen = pool[k];
    resume.set(key, chosen === undefined ? k : k + 1);
  }
  if (chosen === undefined) return undefined;
  book(chosen, slot.day, slot.startMs, slot.endMs, group);
  return chosen.index;
}

/** True when every member of the roles is known to be busy for the interval (a cheap pre-check). @internal */
export function saturated(
  desk: StaffDesk,
  roles: readonly StaffRole[],
  slot: Slot,
  group: boolean,
): boolean {
  const key = slotKey(desk, slot);
  const memo = group ? desk.groupResumeAt : desk.resumeAt;
  for (const role of roles)
    if ((memo.get(role)?.get(key) ?? 0) < (desk.byRole.get(role)?.length ?? 0)) return false;
  return true;
}
