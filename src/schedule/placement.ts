/**
 * Placing a one-person session (a one-to-one or a drug-test collection) in a participant's week:
 * inside opening hours, outside their unavailability and other sessions, with a free staff member
 * of the right role. Shared by the one-to-ones and drug-test stages. Internal to `planSchedule`.
 * @internal
 */
import { weekdayOfEpochDay } from "../core/calendar";
import { sessionTypes, type SessionTypeId, type StaffRole } from "../program/index";
import { isClosedDay, isOpen } from "./clinic";
import {
  endsAt,
  fileSession,
  freeGaps,
  lastEndOn,
  noteSolo,
  onSite,
  personFree,
  preferStaff,
  preferredStaff,
  SessionKind,
  startsAt,
  typeCode,
  usualTime,
} from "./ledger";
import { assignStaff, limitThatBit, saturated, type StaffLimitCode } from "./staffing";
import type { Person, PlanState } from "./state";
import { modeOf, reportUnusable } from "./venue";

const MIN = 60_000;

/**
 * Why a one-person session could not be placed: no time the participant is free, no staff member
 * free when they are, or a staff limit (S15) that kept the only free ones away. @internal
 */
export type SoloFailure = "no-participant-slot" | "no-staff-slot" | StaffLimitCode;

/** One placement attempt's fixed facts, and whether staff ever blocked it. */
interface Attempt {
  readonly state: PlanState;
  readonly person: Person;
  readonly type: SessionTypeId;
  readonly code: number;
  readonly roles: readonly StaffRole[];
  readonly staffed: boolean;
  readonly minutes: number;
  /** The phase's index, or −1. */
  readonly phase: number;
  /** The session's delivery mode (a `ModeCode`). */
  readonly mode: number;
  /** True when the participant can use none of the modes offered (they are planned in person). */
  readonly unusable: boolean;
  staffBlocked: boolean;
  /** The staff limit that last kept a free member away, if one did. */
  limit: StaffLimitCode | undefined;
}

/**
 * Places the session at `startMin` on `day` if it fits; `checked` when the gap search already
 * knows the participant is free then. Returns true when placed.
 */
function tryAt(a: Attempt, day: number, startMin: number, checked: boolean): boolean {
  const { state, person } = a;
  const { clinic, ledger, desk } = state;
  const endMin = startMin + a.minutes;
  const startMs = clinic.clock.localToEpochMs(day, startMin);
  const endMs = startMs + a.minutes * MIN;
  // On a day with a DST change inside the session, skip: its wall-clock length would differ.
  if (clinic.clock.localToEpochMs(day, endMin) !== endMs) return false;
  const { slot } = ledger.scratch;
  slot.day = day;
  slot.startMin = startMin;
  slot.endMin = endMin;
  slot.startMs = startMs;
  slot.endMs = endMs;
  if (a.staffed && saturated(desk, a.roles, slot, false)) {
    a.staffBlocked = true;
    return false;
  }
  if (
    !checked &&
    (!isOpen(clinic, day, startMin, endMin) ||
      !personFree(ledger, person.index, person.unavailable, slot))
  )
    return false;
  let who: number | undefined;
  if (a.staffed) {
    const preferred = preferredStaff(ledger, person.index, a.code);
    who = assignStaff(desk, a.roles, slot, preferred < 0 ? undefined : preferred, false);
    if (who === undefined) {
      a.staffBlocked = true;
      a.limit = limitThatBit(desk, a.roles, slot, false) ?? a.limit;
      return false;
    }
    preferStaff(ledger, person.index, a.code, who);
  }
  noteSolo(ledger, person.index, a.code, day, startMin);
  const what = {
    kind: SessionKind.solo,
    type: a.type,
    staff: who ?? -1,
    group: -1,
    phase: a.phase,
    entry: -1,
    origin: person.index,
    members: undefined,
    mode: a.mode,
  };
  fileSession(ledger, what, slot, person.index);
  if (a.unusable)
    reportUnusable(state, person, a.type, day, state.program.phases[a.phase], undefined);
  return true;
}

/** Tries the free gaps of one day: next to their sessions first, then a gap's edges, then (with staff) a 15-minute grid. */
function tryGaps(a: Attempt, day: number): boolean {
  const { state, person, minutes } = a;
  const { ledger } = state;
  const p = person.index;
  const n = freeGaps(
    state.clinic,
    ledger,
    p,
    day,
    person.unavailable[weekdayOfEpochDay(day)],
    minutes,
  );
  if (n === 0) return false;
  // The gaps stay put while times are tried: no other search runs before this one returns.
  const gaps = ledger.scratch.gaps;
  for (let i = 0; i < n; i += 2) {
    const from = gaps[i] ?? 0;
    if (endsAt(ledger, p, day, from) && tryAt(a, day, from, true)) return true;
  }
  for (let i = 0; i < n; i += 2) {
    const from = gaps[i] ?? 0;
    const to = gaps[i + 1] ?? 0;
    if (
      startsAt(ledger, p, day, to) &&
      !endsAt(ledger, p, day, from) &&
      tryAt(a, day, to - minutes, true)
    )
      return true;
  }
  for (let i = 0; i < n; i += 2) {
    const from = gaps[i] ?? 0;
    const to = gaps[i + 1] ?? 0;
    if (
      (!endsAt(ledger, p, day, from) && tryAt(a, day, from, true)) ||
      (to - minutes !== from && !startsAt(ledger, p, day, to) && tryAt(a, day, to - minutes, true))
    )
      return true;
  }
  if (state.desk.hasStaff)
    for (let i = 0; i < n; i += 2) {
      const from = gaps[i] ?? 0;
      const to = gaps[i + 1] ?? 0;
      for (let m = from + 15; m + minutes <= to; m += 15) if (tryAt(a, day, m, true)) return true;
    }
  return false;
}

/**
 * Places a one-person session of `minutes` for `person` on one of the days [from, to): on-site
 * days (with a session of theirs) first; on each, their usual time for it first (weeks repeat, so
 * it is usually free again), then right after their last session, then in the free gaps of their
 * day (opening hours minus their sessions and unavailability), right after or before one of their
 * sessions when possible, then at a window's edges, then on a 15-minute grid. The staff member
 * who took their first session of the type is asked first. Files the session in the ledger.
 * Returns why it failed, or undefined on success.
 * @internal
 */
export function placeSolo(
  state: PlanState,
  person: Person,
  type: SessionTypeId,
  minutes: number,
  from: number,
  to: number,
  phase: number,
): SoloFailure | undefined {
  const { clinic, ledger } = state;
  const roles = sessionTypes[type].staffRoles;
  const a: Attempt = {
    state,
    person,
    type,
    code: typeCode(type),
    roles,
    staffed: state.desk.hasStaff && roles.length > 0,
    minutes,
    phase,
    ...modeOf(state, state.program.phases[phase], undefined, type, [person], undefined),
    staffBlocked: false,
    limit: undefined,
  };
  const p = person.index;
  let onSiteCount = 0;
  for (let d = from; d < to; d++)
    if (!isClosedDay(clinic, d) && onSite(ledger, p, d)) onSiteCount++;
  for (let day = from; day < to; day++) {
    if (isClosedDay(clinic, day) || onSite(ledger, p, day) !== onSiteCount > 0) continue;
    const usual = usualTime(ledger, p, a.code, day);
    if (usual >= 0 && tryAt(a, day, usual, false)) return undefined;
  }
  for (let day = from; day < to && onSiteCount > 0; day++) {
    if (isClosedDay(clinic, day) || !onSite(ledger, p, day)) continue;
    if (tryAt(a, day, lastEndOn(ledger, p, day), false)) return undefined;
  }
  for (let pass = 0; pass < 2; pass++)
    for (let day = from; day < to; day++) {
      if (isClosedDay(clinic, day) || onSite(ledger, p, day) !== (pass === 0)) continue;
      if (tryGaps(a, day)) return undefined;
    }
  return a.staffBlocked ? (a.limit ?? "no-staff-slot") : "no-participant-slot";
}
