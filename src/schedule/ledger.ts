/**
 * The ledger of a planning call: every session planned so far, as its final record and as
 * integers, and each participant's calendar (their sessions by day, weekly clinical minutes,
 * usual times, latest one-to-ones and preferred staff) in flat typed tables indexed by person.
 * Internal to `planSchedule`.
 *
 * Flat tables instead of an object per session and a list per person and day: a 10,000-person
 * plan files about 280,000 sessions and a million attendances, and objects that live until the
 * plan is returned are what the garbage collector spends its time copying.
 * @internal
 */
import { mondayOfEpochDay, weekdayOfEpochDay } from "../core/calendar";
import type { GroupId, ParticipantId, PhaseId, SessionId, StaffId } from "../core/ids";
import { pure } from "../core/pure";
import { sessionTypes, type SessionTypeId } from "../program/index";
import type { Clinic, ScratchSlot, Slot } from "./clinic";
import type { ScheduledSession } from "./records";
import { overlapsAny, type WeeklyBlocks } from "./tracks";

/** Session types in a fixed order: a type's code is its position. @internal */
export const TYPE_CODES: readonly SessionTypeId[] = /* @__PURE__ */ pure(
  () => Object.keys(sessionTypes) as SessionTypeId[],
);
const TYPES = 16; // room for every type code in per-type tables

/** The code of a session type (its position in {@link TYPE_CODES}). @internal */
export function typeCode(type: SessionTypeId): number {
  return TYPE_CODES.indexOf(type);
}

/** The ledger: see the module's description. Every field is written only through this module's functions. @internal */
export interface Ledger {
  /** The planned sessions' records, in the order they were planned (the result sorts them). */
  readonly records: ScheduledSession[];
  /** Per record: start and end (epoch ms), local start and end minute, type code. */
  readonly startMs: number[];
  readonly endMs: number[];
  readonly startMin: number[];
  readonly endMin: number[];
  readonly type: number[];
  /** The window's first epoch day and its length in days. */
  readonly day0: number;
  readonly days: number;
  /** The Monday of the window's first ISO week, and the number of ISO weeks the window touches. */
  readonly monday0: number;
  readonly weeks: number;
  /** Per person and day of the window (`person × days + day − day0`): their first attendance, or −1. */
  readonly head: Int32Array;
  /** Per attendance: the record attended and the person's next attendance that day (or −1). */
  readonly attended: number[];
  readonly next: number[];
  /** Per person and ISO week of the window: clinical minutes planned. */
  readonly weekMinutes: Float64Array;
  /** Per person and ISO week: 1 when a group session of theirs was lost to a closure that week. */
  readonly closedWeek: Uint8Array;
  /** Per person, type code and weekday: their usual start minute for a one-person session, or −1. */
  readonly usualTime: Int32Array;
  /** Per person and type code: the day of their latest one-person session of the type, or −∞. */
  readonly lastOneToOne: Float64Array;
  /** Per person and type code: the staff member who first took their one-person session of the type, or −1. */
  readonly preferredStaff: Int32Array;
  /** Scratch space: the lists of {@link freeGaps} and the slot a placement tries (their contents mean nothing between calls). */
  readonly scratch: {
    readonly busy: number[];
    readonly gaps: number[];
    readonly slot: ScratchSlot;
  };
}

/** An empty ledger for up to `people` persons over the clinic's window. @internal */
export function createLedger(clinic: Clinic, people: number): Ledger {
  const day0 = clinic.windowStart;
  const days = clinic.windowEnd - day0;
  const monday0 = mondayOfEpochDay(day0);
  const weeks = (mondayOfEpochDay(clinic.windowEnd - 1) - monday0) / 7 + 1;
  return {
    records: [],
    startMs: [],
    endMs: [],
    startMin: [],
    endMin: [],
    type: [],
    day0,
    days,
    monday0,
    weeks,
    head: new Int32Array(people * days).fill(-1),
    attended: [],
    next: [],
    weekMinutes: new Float64Array(people * weeks),
    closedWeek: new Uint8Array(people * weeks),
    usualTime: new Int32Array(people * TYPES * 8).fill(-1),
    lastOneToOne: new Float64Array(people * TYPES).fill(Number.NEGATIVE_INFINITY),
    preferredStaff: new Int32Array(people * TYPES).fill(-1),
    scratch: {
      busy: [],
      gaps: [],
      slot: { day: 0, startMin: 0, endMin: 0, startMs: 0, endMs: 0 },
    },
  };
}

/** The index of the ISO week of `day` in the ledger's weekly tables. @internal */
export function weekIndex(ledger: Ledger, day: number): number {
  return (mondayOfEpochDay(day) - ledger.monday0) / 7;
}

/**
 * Files a planned session: its record, and an attendance in the calendar of each person of
 * `attendees` (person indexes); clinical sessions add to their week's minutes. Returns the
 * session's index.
 * @internal
 */
export function fileSession(
  ledger: Ledger,
  record: ScheduledSession,
  slot: Slot,
  attendees: readonly number[],
): number {
  const index = ledger.records.length;
  const code = typeCode(record.sessionType);
  ledger.records.push(record);
  ledger.startMs.push(slot.startMs);
  ledger.endMs.push(slot.endMs);
  ledger.startMin.push(slot.startMin);
  ledger.endMin.push(slot.endMin);
  ledger.type.push(code);
  const d = slot.day - ledger.day0;
  const clinical = sessionTypes[record.sessionType].countsTowardClinicalHours;
  const w = weekIndex(ledger, slot.day);
  const minutes = (slot.endMs - slot.startMs) / 60_000;
  for (const p of attendees) {
    const cell = p * ledger.days + d;
    ledger.next.push(ledger.head[cell] ?? -1);
    ledger.head[cell] = ledger.attended.length;
    ledger.attended.push(index);
    if (clinical) {
      const at = p * ledger.weeks + w;
      ledger.weekMinutes[at] = (ledger.weekMinutes[at] ?? 0) + minutes;
    }
  }
  return index;
}

/** The person's first attendance on `day` (−1 when none, or outside the window). @internal */
export function firstOn(ledger: Ledger, person: number, day: number): number {
  const d = day - ledger.day0;
  return d < 0 || d >= ledger.days ? -1 : (ledger.head[person * ledger.days + d] ?? -1);
}

/** True when the person has a session on `day`. @internal */
export function onSite(ledger: Ledger, person: number, day: number): boolean {
  return firstOn(ledger, person, day) >= 0;
}

/** True when the person has any session in the window. @internal */
export function hasAnySession(ledger: Ledger, person: number): boolean {
  const from = person * ledger.days;
  for (let i = from; i < from + ledger.days; i++) if ((ledger.head[i] ?? -1) >= 0) return true;
  return false;
}

/** True when the person has a session of type code `code` on a day in [from, to). @internal */
export function holds(
  ledger: Ledger,
  person: number,
  code: number,
  from: number,
  to: number,
): boolean {
  for (let day = from; day < to; day++)
    for (let a = firstOn(ledger, person, day); a >= 0; a = ledger.next[a] ?? -1)
      if (ledger.type[ledger.attended[a] ?? 0] === code) return true;
  return false;
}

/** The latest local end minute of the person's sessions on `day` (0 when none). @internal */
export function lastEndOn(ledger: Ledger, person: number, day: number): number {
  let last = 0;
  for (let a = firstOn(ledger, person, day); a >= 0; a = ledger.next[a] ?? -1)
    last = Math.max(last, ledger.endMin[ledger.attended[a] ?? 0] ?? 0);
  return last;
}

/** True when one of the person's sessions on `day` ends at local minute `m`. @internal */
export function endsAt(ledger: Ledger, person: number, day: number, m: number): boolean {
  for (let a = firstOn(ledger, person, day); a >= 0; a = ledger.next[a] ?? -1)
    if (ledger.endMin[ledger.attended[a] ?? 0] === m) return true;
  return false;
}

/** True when one of the person's sessions on `day` starts at local minute `m`. @internal */
export function startsAt(ledger: Ledger, person: number, day: number, m: number): boolean {
  for (let a = firstOn(ledger, person, day); a >= 0; a = ledger.next[a] ?? -1)
    if (ledger.startMin[ledger.attended[a] ?? 0] === m) return true;
  return false;
}

/** True when the person is neither unavailable (`unavailable`, theirs) nor in another session over the interval. @internal */
export function personFree(
  ledger: Ledger,
  person: number,
  unavailable: WeeklyBlocks,
  slot: Slot,
): boolean {
  if (overlapsAny(unavailable[weekdayOfEpochDay(slot.day)], slot.startMin, slot.endMin))
    return false;
  for (let a = firstOn(ledger, person, slot.day); a >= 0; a = ledger.next[a] ?? -1) {
    const s = ledger.attended[a] ?? 0;
    if (slot.startMs < (ledger.endMs[s] ?? 0) && (ledger.startMs[s] ?? 0) < slot.endMs)
      return false;
  }
  return true;
}

/**
 * The free stretches of a person's day, in local minutes: the day's opening windows minus their
 * sessions and their unavailable blocks, keeping only stretches of at least `minutes`.
 * Returns a flat [start, end, …] list, valid until the next call (it is the ledger's scratch list).
 * @internal
 */
export function freeGaps(
  clinic: Clinic,
  ledger: Ledger,
  person: number,
  day: number,
  unavailable: readonly (readonly [number, number])[] | undefined,
  minutes: number,
): number[] {
  // Busy intervals as a flat [from, to, …] list, insertion-sorted by start (a day holds a few).
  const { busy, gaps: out } = ledger.scratch;
  busy.length = 0;
  out.length = 0;
  for (let a = firstOn(ledger, person, day); a >= 0; a = ledger.next[a] ?? -1) {
    const s = ledger.attended[a] ?? 0;
    insertSorted(busy, ledger.startMin[s] ?? 0, ledger.endMin[s] ?? 0);
  }
  if (unavailable !== undefined) for (const u of unavailable) insertSorted(busy, u[0], u[1]);
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

/** Inserts [from, to) into a flat [from, to, …] list sorted by start. */
function insertSorted(list: number[], from: number, to: number): void {
  let i = list.length;
  list.push(from, to);
  while (i > 0 && (list[i - 2] ?? 0) > from) {
    list[i] = list[i - 2] ?? 0;
    list[i + 1] = list[i - 1] ?? 0;
    i -= 2;
  }
  list[i] = from;
  list[i + 1] = to;
}

/** Records a one-person session of type `code` on `day` at `startMin`: the person's usual time for it, and their latest of its type. @internal */
export function noteSolo(
  ledger: Ledger,
  person: number,
  code: number,
  day: number,
  startMin: number,
): void {
  ledger.usualTime[(person * TYPES + code) * 8 + weekdayOfEpochDay(day)] = startMin;
  const at = person * TYPES + code;
  ledger.lastOneToOne[at] = Math.max(day, ledger.lastOneToOne[at] ?? day);
}

/** The person's usual start minute for a one-person session of type `code` on `day`'s weekday, or −1. @internal */
export function usualTime(ledger: Ledger, person: number, code: number, day: number): number {
  return ledger.usualTime[(person * TYPES + code) * 8 + weekdayOfEpochDay(day)] ?? -1;
}

/** The day of the person's latest one-person session of type `code` (−∞ when none). @internal */
export function lastOneToOne(ledger: Ledger, person: number, code: number): number {
  return ledger.lastOneToOne[person * TYPES + code] ?? Number.NEGATIVE_INFINITY;
}

/** The staff member preferred for the person's sessions of type `code`, or −1. @internal */
export function preferredStaff(ledger: Ledger, person: number, code: number): number {
  return ledger.preferredStaff[person * TYPES + code] ?? -1;
}

/** Sets the preferred staff member for the person's sessions of type `code` if none is set. @internal */
export function preferStaff(ledger: Ledger, person: number, code: number, staff: number): void {
  const at = person * TYPES + code;
  if ((ledger.preferredStaff[at] ?? -1) < 0) ledger.preferredStaff[at] = staff;
}

/** Clinical hours planned for the person in the ISO week starting `monday`. @internal */
export function weekHours(ledger: Ledger, person: number, monday: number): number {
  return (ledger.weekMinutes[person * ledger.weeks + (monday - ledger.monday0) / 7] ?? 0) / 60;
}

/** The fields of a planned session's record; optional ones are left out of the record when undefined. @internal */
export interface SessionFields {
  readonly id: string;
  readonly type: SessionTypeId;
  readonly start: string;
  readonly end: string;
  readonly participantIds: ParticipantId[];
  readonly staffId: StaffId | undefined;
  readonly groupId: string | undefined;
  readonly phaseId: string | undefined;
  readonly track: string | undefined;
  readonly patternEntry: number | undefined;
  readonly makeUp: boolean;
  readonly topic: string | undefined;
}

/** A planned session's record (the same keys, in the same order, for every session of a shape). @internal */
export function sessionRecord(f: SessionFields): ScheduledSession {
  const staffIds: StaffId[] = f.staffId === undefined ? [] : [f.staffId];
  const id = f.id as SessionId;
  const { type: sessionType, start, end, participantIds } = f;
  if (
    f.groupId === undefined &&
    f.phaseId !== undefined &&
    f.track === undefined &&
    f.patternEntry === undefined &&
    !f.makeUp &&
    f.topic === undefined
  )
    return oneToOneShape(id, sessionType, start, end, participantIds, staffIds, f.phaseId);
  const session: ScheduledSession = { id, sessionType, start, end, participantIds, staffIds };
  if (f.groupId !== undefined) session.groupId = f.groupId as GroupId;
  if (f.phaseId !== undefined) session.phaseId = f.phaseId as PhaseId;
  if (f.track !== undefined) session.track = f.track;
  if (f.patternEntry !== undefined) session.patternEntry = f.patternEntry;
  if (f.makeUp) session.makeUp = true;
  if (f.topic !== undefined) session.topic = f.topic;
  return session;
}

/** Notes that the person lost a group session to a closure on `day` (the weekly-hours stage names the cause). @internal */
export function noteClosure(ledger: Ledger, person: number, day: number): void {
  ledger.closedWeek[person * ledger.weeks + weekIndex(ledger, day)] = 1;
}

/** True when the person lost a group session to a closure in the ISO week starting `monday`. @internal */
export function lostToClosure(ledger: Ledger, person: number, monday: number): boolean {
  return ledger.closedWeek[person * ledger.weeks + (monday - ledger.monday0) / 7] === 1;
}

/** The common one-to-one shape, in one literal (the same keys in the same order as {@link sessionRecord}'s). */
function oneToOneShape(
  id: string,
  sessionType: SessionTypeId,
  start: string,
  end: string,
  participantIds: ParticipantId[],
  staffIds: StaffId[],
  phaseId: string,
): ScheduledSession {
  return {
    id: id as SessionId,
    sessionType,
    start,
    end,
    participantIds,
    staffIds,
    phaseId: phaseId as PhaseId,
  };
}

/** A one-person session's record: {@link sessionRecord} of the same fields, without building them first. @internal */
export function soloRecord(
  id: string,
  sessionType: SessionTypeId,
  start: string,
  end: string,
  participantId: ParticipantId,
  staffId: StaffId | undefined,
  phaseId: string | undefined,
): ScheduledSession {
  const staffIds: StaffId[] = staffId === undefined ? [] : [staffId];
  if (phaseId !== undefined)
    return oneToOneShape(id, sessionType, start, end, [participantId], staffIds, phaseId);
  return {
    id: id as SessionId,
    sessionType,
    start,
    end,
    participantIds: [participantId],
    staffIds,
  };
}
