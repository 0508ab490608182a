/**
 * The ledger of a planning call: every session planned so far, as integers (when, what, who, for
 * which group, phase and pattern entry), and each participant's calendar (their sessions by day,
 * weekly clinical minutes, usual times, latest one-to-ones and preferred staff) in flat tables
 * indexed by person. The result stage writes the sessions' records from it. Internal to
 * `planSchedule`.
 *
 * Flat tables instead of an object per session and a list per person and day: a 10,000-person
 * plan files about 280,000 sessions and a million attendances, and objects that live until the
 * plan is returned are what the garbage collector spends its time copying; the records are made
 * once, at the end, in start order.
 * @internal
 */
import { mondayOfEpochDay, weekdayOfEpochDay } from "../core/calendar";
import type { ParticipantId } from "../core/ids";
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

/** The code of each session type, and whether it counts toward clinical hours, by code. */
const CODES: ReadonlyMap<SessionTypeId, number> = /* @__PURE__ */ pure(
  () => new Map(TYPE_CODES.map((t, i) => [t, i])),
);
const CLINICAL: readonly boolean[] = /* @__PURE__ */ pure(() =>
  TYPE_CODES.map((t) => sessionTypes[t].countsTowardClinicalHours),
);

/** The code of a session type (its position in {@link TYPE_CODES}). @internal */
export function typeCode(type: SessionTypeId): number {
  return CODES.get(type) ?? -1;
}

/** How a filed session came about: its record's shape and id follow from it. @internal */
export const SessionKind = { group: 0, makeUp: 1, solo: 2, kept: 3 } as const;
/** A {@link SessionKind} value. @internal */
export type SessionKind = (typeof SessionKind)[keyof typeof SessionKind];

/**
 * The integer fields of a filed session, at `Ledger.ints[session × SESSION_INTS + field]`: its
 * local day, local start and end minute, type code, {@link SessionKind}, staff member (or −1),
 * group index in `PlanState.groups` (group sessions and make-ups, or −1), phase index (or −1),
 * pattern entry (or −1), origin (a make-up's lost day, a one-person session's person index,
 * or −1), delivery mode ({@link ModeCode}) and room (index in the program's rooms, or −1). @internal
 */
export const Field = {
  day: 0,
  startMin: 1,
  endMin: 2,
  type: 3,
  kind: 4,
  staff: 5,
  group: 6,
  phase: 7,
  entry: 8,
  origin: 9,
  mode: 10,
  room: 11,
} as const;
/** Integers per session in `Ledger.ints`. @internal */
export const SESSION_INTS = 12;

/** A session's delivery mode as an integer, in the order of `sessionDeliveryModes`. @internal */
export const ModeCode = { inPerson: 0, video: 1, phone: 2, hybrid: 3 } as const;

/** The ledger: see the module's description. Every field is written only through this module's functions. @internal */
export interface Ledger {
  /** How many sessions are filed. */
  count: number;
  /** Per session, in the order planned: its {@link Field}s, `SESSION_INTS` apiece (grown as needed). */
  ints: Int32Array;
  /** Per session: start and end, epoch ms, at `2 × session` and `2 × session + 1`. */
  times: Float64Array;
  /** Per session: the ids of its participants (group sessions and make-ups; lists shared between sessions, never changed). */
  readonly members: (readonly ParticipantId[] | undefined)[];
  /** Hybrid sessions: the ids of the participants who join by video. */
  readonly remote: Map<number, readonly ParticipantId[]>;
  /** Per attendance: 1 when it is remote (video or phone), once any is; `undefined` while none is. */
  away: Uint8Array | undefined;
  /** The kept sessions (a re-plan), by session index. */
  readonly kept: Map<number, ScheduledSession>;
  /** The window's first epoch day and its length in days. */
  readonly day0: number;
  readonly days: number;
  /** The Monday of the window's first ISO week, and the number of ISO weeks the window touches. */
  readonly monday0: number;
  readonly weeks: number;
  /** Per person and day of the window (`person × days + day − day0`): their first attendance, or −1. */
  readonly head: Int32Array;
  /** How many attendances are filed. */
  attendances: number;
  /** Per attendance: the session attended, and the person's next attendance that day (or −1), at `2 × attendance` and `2 × attendance + 1`. */
  links: Int32Array;
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
    busy: Int32Array;
    gaps: Int32Array;
    readonly slot: ScratchSlot;
  };
}

/**
 * An empty ledger for up to `people` persons over the clinic's window, with room for a clinic's
 * usual load (about three sessions and twelve attendances a person a week; it grows past that).
 * @internal
 */
export function createLedger(clinic: Clinic, people: number): Ledger {
  const day0 = clinic.windowStart;
  const days = clinic.windowEnd - day0;
  const monday0 = mondayOfEpochDay(day0);
  const weeks = (mondayOfEpochDay(clinic.windowEnd - 1) - monday0) / 7 + 1;
  const sessions = 64 + people * weeks * 3;
  return {
    count: 0,
    ints: new Int32Array(sessions * SESSION_INTS),
    times: new Float64Array(sessions * 2),
    members: [],
    remote: new Map(),
    away: undefined,
    kept: new Map(),
    day0,
    days,
    monday0,
    weeks,
    head: new Int32Array(people * days).fill(-1),
    attendances: 0,
    links: new Int32Array(sessions * 8),
    weekMinutes: new Float64Array(people * weeks),
    closedWeek: new Uint8Array(people * weeks),
    usualTime: new Int32Array(people * TYPES * 8).fill(-1),
    lastOneToOne: new Float64Array(people * TYPES).fill(Number.NEGATIVE_INFINITY),
    preferredStaff: new Int32Array(people * TYPES).fill(-1),
    scratch: {
      busy: new Int32Array(64),
      gaps: new Int32Array(64),
      slot: { day: 0, startMin: 0, endMin: 0, startMs: 0, endMs: 0 },
    },
  };
}

/** The index of the ISO week of `day` in the ledger's weekly tables. @internal */
export function weekIndex(ledger: Ledger, day: number): number {
  return (mondayOfEpochDay(day) - ledger.monday0) / 7;
}

/** Integer field `f` of session `i`. @internal */
export function field(ledger: Ledger, i: number, f: number): number {
  return ledger.ints[i * SESSION_INTS + f] ?? 0;
}

/** Puts session `i` in room `room` (its index in the program's rooms). @internal */
export function setRoom(ledger: Ledger, i: number, room: number): void {
  ledger.ints[i * SESSION_INTS + Field.room] = room;
}

/** Start of session `i`, epoch ms. @internal */
export function startMsOf(ledger: Ledger, i: number): number {
  return ledger.times[2 * i] ?? 0;
}

/** End of session `i`, epoch ms. @internal */
export function endMsOf(ledger: Ledger, i: number): number {
  return ledger.times[2 * i + 1] ?? 0;
}

/** What a filed session is, besides where it is: see {@link Field}. @internal */
export interface Filing {
  readonly kind: SessionKind;
  readonly type: SessionTypeId;
  readonly staff: number;
  readonly group: number;
  readonly phase: number;
  readonly entry: number;
  readonly origin: number;
  readonly members: readonly ParticipantId[] | undefined;
  /** Its delivery mode ({@link ModeCode}). @defaultValue ModeCode.inPerson */
  readonly mode?: number;
  /** A hybrid session's remote attendees: their person indexes and ids. */
  readonly remote?: { readonly people: readonly number[]; readonly ids: readonly ParticipantId[] };
}

/** A copy of `a` twice as long. */
function doubledInts(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Files a planned session, and an attendance in the calendar of each person of `attendees`
 * (person indexes); clinical sessions add to their week's minutes. Returns the session's index.
 * @internal
 */
export function fileSession(
  ledger: Ledger,
  what: Filing,
  slot: Slot,
  attendees: readonly number[] | number,
): number {
  const index = ledger.count++;
  if (index * 2 + 2 > ledger.times.length) {
    ledger.ints = doubledInts(ledger.ints);
    const times = new Float64Array(ledger.times.length * 2);
    times.set(ledger.times);
    ledger.times = times;
  }
  const { ints } = ledger;
  const at = index * SESSION_INTS;
  ints[at + Field.day] = slot.day;
  ints[at + Field.startMin] = slot.startMin;
  ints[at + Field.endMin] = slot.endMin;
  const code = typeCode(what.type);
  ints[at + Field.type] = code;
  ints[at + Field.kind] = what.kind;
  ints[at + Field.staff] = what.staff;
  ints[at + Field.group] = what.group;
  ints[at + Field.phase] = what.phase;
  ints[at + Field.entry] = what.entry;
  ints[at + Field.origin] = what.origin;
  const mode = what.mode ?? ModeCode.inPerson;
  ints[at + Field.mode] = mode;
  ints[at + Field.room] = -1;
  if (what.remote !== undefined) ledger.remote.set(index, what.remote.ids);
  ledger.times[index * 2] = slot.startMs;
  ledger.times[index * 2 + 1] = slot.endMs;
  ledger.members.push(what.members);
  // Clinical minutes count toward the week (0 for other sessions).
  const minutes = CLINICAL[code] === true ? (slot.endMs - slot.startMs) / 60_000 : 0;
  const d = slot.day - ledger.day0;
  const w = weekIndex(ledger, slot.day);
  const allAway = mode === ModeCode.video || mode === ModeCode.phone;
  if (typeof attendees === "number") attend(ledger, index, attendees, d, w, minutes, allAway);
  else
    for (const p of attendees)
      attend(
        ledger,
        index,
        p,
        d,
        w,
        minutes,
        allAway || (what.remote?.people.includes(p) ?? false),
      );
  return index;
}

/** Files person `p`'s attendance of session `index` on day `d` of the window, in its week `w`. */
function attend(
  ledger: Ledger,
  index: number,
  p: number,
  d: number,
  w: number,
  minutes: number,
  away: boolean,
): void {
  const a = ledger.attendances++;
  if (a * 2 + 2 > ledger.links.length) ledger.links = doubledInts(ledger.links);
  if (away || ledger.away !== undefined) markAway(ledger, a, away);
  const cell = p * ledger.days + d;
  ledger.links[a * 2] = index;
  ledger.links[a * 2 + 1] = ledger.head[cell] ?? -1;
  ledger.head[cell] = a;
  if (minutes > 0) {
    const at = p * ledger.weeks + w;
    ledger.weekMinutes[at] = (ledger.weekMinutes[at] ?? 0) + minutes;
  }
}

/** Records whether attendance `a` is remote (the table is made on the first remote one). */
function markAway(ledger: Ledger, a: number, away: boolean): void {
  let table = ledger.away;
  if (table === undefined || a >= table.length) {
    const grown = new Uint8Array(Math.max(ledger.links.length / 2, a + 1));
    if (table !== undefined) grown.set(table);
    table = grown;
    ledger.away = table;
  }
  table[a] = away ? 1 : 0;
}

/** The session of attendance `a`. @internal */
export function sessionOf(ledger: Ledger, a: number): number {
  return ledger.links[a * 2] ?? 0;
}

/** The next attendance after `a` of the same person and day, or −1. @internal */
export function nextOf(ledger: Ledger, a: number): number {
  return ledger.links[a * 2 + 1] ?? -1;
}

/** The person's first attendance on `day` (−1 when none, or outside the window). @internal */
export function firstOn(ledger: Ledger, person: number, day: number): number {
  const d = day - ledger.day0;
  return d < 0 || d >= ledger.days ? -1 : (ledger.head[person * ledger.days + d] ?? -1);
}

/** True when the person attends a session in person on `day` (remote attendance does not count). @internal */
export function onSite(ledger: Ledger, person: number, day: number): boolean {
  const first = firstOn(ledger, person, day);
  const away = ledger.away;
  if (away === undefined || first < 0) return first >= 0;
  for (let a = first; a >= 0; a = nextOf(ledger, a)) if (away[a] !== 1) return true;
  return false;
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
    for (let a = firstOn(ledger, person, day); a >= 0; a = nextOf(ledger, a))
      if (field(ledger, sessionOf(ledger, a), Field.type) === code) return true;
  return false;
}

/** The latest local end minute of the person's sessions on `day` (0 when none). @internal */
export function lastEndOn(ledger: Ledger, person: number, day: number): number {
  let last = 0;
  for (let a = firstOn(ledger, person, day); a >= 0; a = nextOf(ledger, a))
    last = Math.max(last, field(ledger, sessionOf(ledger, a), Field.endMin));
  return last;
}

/** True when one of the person's sessions on `day` ends at local minute `m`. @internal */
export function endsAt(ledger: Ledger, person: number, day: number, m: number): boolean {
  for (let a = firstOn(ledger, person, day); a >= 0; a = nextOf(ledger, a))
    if (field(ledger, sessionOf(ledger, a), Field.endMin) === m) return true;
  return false;
}

/** True when one of the person's sessions on `day` starts at local minute `m`. @internal */
export function startsAt(ledger: Ledger, person: number, day: number, m: number): boolean {
  for (let a = firstOn(ledger, person, day); a >= 0; a = nextOf(ledger, a))
    if (field(ledger, sessionOf(ledger, a), Field.startMin) === m) return true;
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
  for (let a = firstOn(ledger, person, slot.day); a >= 0; a = nextOf(ledger, a)) {
    const s = sessionOf(ledger, a);
    if (slot.startMs < endMsOf(ledger, s) && startMsOf(ledger, s) < slot.endMs) return false;
  }
  return true;
}

/**
 * The free stretches of a person's day, in local minutes: the day's opening windows minus their
 * sessions and their unavailable blocks, keeping only stretches of at least `minutes`.
 * Writes them as a flat [start, end, …] list into `ledger.scratch.gaps` (valid until the next call)
 * and returns how many numbers it wrote.
 * @internal
 */
export function freeGaps(
  clinic: Clinic,
  ledger: Ledger,
  person: number,
  day: number,
  unavailable: readonly (readonly [number, number])[] | undefined,
  minutes: number,
): number {
  // Busy intervals as a flat [from, to, …] list, insertion-sorted by start (a day holds a few).
  const { scratch } = ledger;
  let busy = 0;
  const add = (from: number, to: number): void => {
    if (busy + 2 > scratch.busy.length) scratch.busy = doubledInts(scratch.busy);
    busy = insertSorted(scratch.busy, busy, from, to);
  };
  for (let a = firstOn(ledger, person, day); a >= 0; a = nextOf(ledger, a)) {
    const s = sessionOf(ledger, a);
    add(field(ledger, s, Field.startMin), field(ledger, s, Field.endMin));
  }
  if (unavailable !== undefined) for (const u of unavailable) add(u[0], u[1]);
  let gaps = 0;
  const gap = (from: number, to: number): void => {
    if (gaps + 2 > scratch.gaps.length) scratch.gaps = doubledInts(scratch.gaps);
    scratch.gaps[gaps++] = from;
    scratch.gaps[gaps++] = to;
  };
  const list = scratch.busy;
  const windows = clinic.opening[weekdayOfEpochDay(day)] ?? [];
  for (let w = 0; w < windows.length; w++) {
    const open = windows[w]?.[0] ?? 0;
    const close = windows[w]?.[1] ?? 0;
    let cursor = open;
    for (let i = 0; i < busy; i += 2) {
      const from = list[i] ?? 0;
      const to = list[i + 1] ?? 0;
      if (to <= cursor) continue;
      if (from >= close) break;
      if (from - cursor >= minutes) gap(cursor, from);
      cursor = Math.max(cursor, to);
    }
    if (close - cursor >= minutes) gap(cursor, close);
  }
  return gaps;
}

/** Inserts [from, to) into the first `n` numbers of `list`, a flat [from, to, …] list sorted by start; returns the new count. */
function insertSorted(list: Int32Array, n: number, from: number, to: number): number {
  let i = n;
  while (i > 0 && (list[i - 2] ?? 0) > from) {
    list[i] = list[i - 2] ?? 0;
    list[i + 1] = list[i - 1] ?? 0;
    i -= 2;
  }
  list[i] = from;
  list[i + 1] = to;
  return n + 2;
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

/** Notes that the person lost a group session to a closure on `day` (the weekly-hours stage names the cause). @internal */
export function noteClosure(ledger: Ledger, person: number, day: number): void {
  ledger.closedWeek[person * ledger.weeks + weekIndex(ledger, day)] = 1;
}

/** True when the person lost a group session to a closure in the ISO week starting `monday`. @internal */
export function lostToClosure(ledger: Ledger, person: number, monday: number): boolean {
  return ledger.closedWeek[person * ledger.weeks + (monday - ledger.monday0) / 7] === 1;
}
