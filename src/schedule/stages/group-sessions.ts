/**
 * Stage 4, group sessions: each group's weekly pattern becomes dated sessions for the members
 * present that day, at the pattern's wall-clock time in the program's zone, with a facilitator.
 * Sessions on closed days are set aside for the make-ups stage.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay, weekdayOfEpochDay } from "../../core/calendar";
import type { ParticipantId, PhaseId } from "../../core/ids";
import { toMinutes } from "../../core/wall-time";
import {
  entriesForTrack,
  sessionTypes,
  type PatternEntry,
  type StaffRole,
} from "../../program/index";
import { localEnd } from "../clinic";
import { gapDropped, isShortDay } from "../dst";
import { fileSession, noteClosure, SessionKind } from "../ledger";
import { assignStaff, LIMIT_NAMES, limitThatBit } from "../staffing";
import type { Slot } from "../clinic";
import type { GroupState, Person, PlanState } from "../state";
import { modeOf, type ModeFiling } from "../venue";

const MIN = 60_000;

/** A pattern entry of a group's track, with its index in the phase's pattern and its start minute. */
interface DayEntry {
  readonly entry: PatternEntry;
  readonly index: number;
  readonly startMin: number;
}

/** The group's pattern entries by ISO weekday. */
function entriesByWeekday(
  pattern: readonly PatternEntry[],
  track: string | undefined,
): DayEntry[][] {
  const byWeekday: DayEntry[][] = Array.from({ length: 8 }, () => []);
  for (const entry of entriesForTrack(pattern, track))
    byWeekday[entry.weekday]?.push({
      entry,
      index: pattern.indexOf(entry),
      startMin: toMinutes(entry.start),
    });
  return byWeekday;
}

/** Plans one group's sessions from `state.keepDay` on. */
function planGroup(state: PlanState, g: GroupState, groupIndex: number): void {
  const { clinic, ledger, desk } = state;
  const phase = state.program.phases[g.phaseIndex];
  if (phase === undefined) return;
  const byWeekday = entriesByWeekday(phase.pattern, g.track);
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const m of g.members) {
    first = Math.min(first, m.startDay);
    last = Math.max(last, m.endDay);
  }
  // The members present, updated as people join and leave; new lists only when that changes.
  const joins = [...g.members].sort((a, b) => a.startDay - b.startDay);
  let nextJoin = 0;
  let active: { person: Person; endDay: number }[] = [];
  let attendees: Person[] = [];
  let indexes: number[] = [];
  let ids: ParticipantId[] = [];
  // The delivery mode of each entry for the members present (recomputed when they change).
  let modes: (ModeFiling | undefined)[] = [];
  for (let day = first; day < last; day++) {
    let changed = false;
    if (active.some((m) => m.endDay <= day)) {
      active = active.filter((m) => m.endDay > day);
      changed = true;
    }
    while (
      nextJoin < joins.length &&
      (joins[nextJoin]?.startDay ?? Number.POSITIVE_INFINITY) <= day
    ) {
      const m = joins[nextJoin++];
      if (m !== undefined && m.endDay > day) active.push({ person: m.person, endDay: m.endDay });
      changed = true;
    }
    if (changed) {
      attendees = active.map((m) => m.person);
      indexes = attendees.map((p) => p.index);
      ids = attendees.map((p) => p.id);
      modes = [];
    }
    const today = byWeekday[weekdayOfEpochDay(day)] ?? [];
    if (today.length === 0 || attendees.length === 0 || day < state.keepDay) continue;
    const gapped =
      today.length > 1 && isShortDay(clinic.clock, day)
        ? gapDropped(
            clinic.clock,
            day,
            today.map((t) => ({ ...t, durationMinutes: t.entry.durationMinutes })),
          )
        : undefined;
    for (const { entry, index, startMin } of today) {
      if (clinic.closures.has(day)) {
        state.lost.push({ group: g, groupIndex, entry, entryIndex: index, day, attendees });
        for (const p of indexes) noteClosure(ledger, p, day);
        continue;
      }
      if (gapped?.has(index) === true) {
        for (const p of attendees) dstGap(state, entry, day, p, phase.id);
        continue;
      }
      const startMs = clinic.clock.localToEpochMs(day, startMin);
      const endMs = startMs + entry.durationMinutes * MIN;
      const endMin = localEnd(clinic, day, endMs);
      const roles = sessionTypes[entry.sessionType].staffRoles;
      const slot = { day, startMin, endMin, startMs, endMs };
      const who = assignStaff(desk, roles, slot, g.facilitator, true);
      if (who !== undefined) g.facilitator ??= who;
      else if (desk.hasStaff && roles.length > 0)
        staffingGap(state, entry.sessionType, slot, attendees[0], phase.id, roles);
      let mode = modes[index];
      if (mode === undefined) {
        mode = modeOf(state, phase, entry, entry.sessionType, attendees, day);
        modes[index] = mode;
      }
      const what = {
        kind: SessionKind.group,
        type: entry.sessionType,
        staff: who ?? -1,
        group: groupIndex,
        phase: g.phaseIndex,
        entry: index,
        origin: -1,
        members: ids,
        ...mode,
      };
      fileSession(ledger, what, slot, indexes);
    }
  }
}

/** Reports a pattern session not held because its time fell in a DST gap onto another session. */
function dstGap(
  state: PlanState,
  entry: PatternEntry,
  day: number,
  who: Person,
  phaseId: string,
): void {
  state.shortfalls.push({
    invariant: "S5",
    code: "dst-gap",
    participantId: who.id,
    isoWeek: isoWeekKeyOfEpochDay(day),
    phaseId: phaseId as PhaseId,
    message: `${entry.sessionType} at ${entry.start} on ${fromEpochDay(day)} falls in the daylight-saving gap; moved forward it would overlap another session of the day, so it is not held`,
  });
}

/**
 * Reports a group session planned without staff because no one of its roles was free: a
 * `"staffing"` shortfall, its code `"no-free-staff"` or the staff limit that kept a free member
 * away (S15).
 */
function staffingGap(
  state: PlanState,
  type: string,
  slot: Slot,
  who: Person | undefined,
  phaseId: string,
  roles: readonly StaffRole[],
): void {
  const limit = limitThatBit(state.desk, roles, slot, true);
  const { day } = slot;
  state.shortfalls.push({
    invariant: "staffing",
    code: limit ?? "no-free-staff",
    participantId: who?.id ?? ("" as ParticipantId),
    isoWeek: isoWeekKeyOfEpochDay(day),
    phaseId: phaseId as PhaseId,
    message: `${type} on ${fromEpochDay(day)} is planned without staff: no ${roles.join(" or ")} was free${limit === undefined ? "" : ` within their limits (${LIMIT_NAMES[limit]})`}`,
  });
}

/**
 * Plans every group's sessions, group by group. Responsible for S3 (sessions hold the roster of
 * the day, which the rosters stage kept within capacity), S4 (pattern times are inside opening
 * hours, closed days are dropped into `state.lost`), S10 (the pattern's wall-clock time on every
 * date, by the zone clock's DST rule) and S2 for facilitators (a free staff member of the session
 * type's roles, the group's usual facilitator first, within their weekly group load; a session no
 * one can take is planned without staff and reported as a `"staffing"` shortfall).
 * @internal
 */
export function planGroupSessions(state: PlanState): void {
  state.groups.forEach((g, i) => planGroup(state, g, i));
}
