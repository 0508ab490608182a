/**
 * Stage 6, make-ups: a group session lost to a closure is made up, for the members whose week
 * would otherwise fall below their hours band, at the same wall-clock time on another day of that
 * ISO week — the day most of them can come, then the next best for the others.
 * @internal
 */
import { mondayOfEpochDay } from "../../core/calendar";
import { toMinutes } from "../../core/wall-time";
import { sessionTypes } from "../../program/index";
import { isOpen, localEnd, type Slot } from "../clinic";
import { fileSession, personFree, SessionKind, weekHours } from "../ledger";
import { assignStaff } from "../staffing";
import { modeOf } from "../venue";
import type { GroupState, LostSession, Person, PlanState } from "../state";
import { weekBand } from "../weeks";

const MIN = 60_000;

/** True when the person is on the group's roster on `day` (a make-up is a session of the group). */
function onRoster(group: GroupState, person: Person, day: number): boolean {
  return group.members.some((m) => m.person === person && m.startDay <= day && day < m.endDay);
}

/** A day for a make-up, and who of those who need it can come. */
interface MakeUpDay {
  readonly slot: Slot;
  readonly who: Person[];
}

/** The best day for a make-up: the most of `needy` free then (ties to the first of `days`). */
function bestDay(
  state: PlanState,
  lost: LostSession,
  days: readonly number[],
  needy: readonly Person[],
): MakeUpDay | undefined {
  const { clinic, ledger } = state;
  const startMin = toMinutes(lost.entry.start);
  let best: MakeUpDay | undefined;
  for (const day of days) {
    const startMs = clinic.clock.localToEpochMs(day, startMin);
    const endMs = startMs + lost.entry.durationMinutes * MIN;
    const endMin = localEnd(clinic, day, endMs);
    if (!isOpen(clinic, day, startMin, endMin)) continue;
    const slot = { day, startMin, endMin, startMs, endMs };
    const who = needy.filter(
      (p) => onRoster(lost.group, p, day) && personFree(ledger, p.index, p.unavailable, slot),
    );
    if (who.length > (best?.who.length ?? 0)) best = { slot, who };
  }
  return best;
}

/** Makes up one lost session for those who need it. */
function makeUp(state: PlanState, lost: LostSession): void {
  const { clinic, ledger, desk, program } = state;
  const monday = mondayOfEpochDay(lost.day);
  let needy = lost.attendees.filter(
    (p) => weekHours(ledger, p.index, monday) < weekBand(program, p, monday).min,
  );
  const days = Array.from({ length: 7 }, (_, k) => monday + k)
    .filter((d) => d !== lost.day && d >= state.keepDay && d < clinic.windowEnd)
    .sort((a, b) => Math.abs(a - lost.day) - Math.abs(b - lost.day) || b - a);
  const roles = sessionTypes[lost.entry.sessionType].staffRoles;
  while (needy.length > 0) {
    const best = bestDay(state, lost, days, needy);
    if (best === undefined) break;
    const { slot } = best;
    const who = assignStaff(desk, roles, slot, lost.group.facilitator, true);
    if (desk.hasStaff && roles.length > 0 && who === undefined) {
      // No facilitator that day: try the next best day without it.
      days.splice(days.indexOf(slot.day), 1);
      continue;
    }
    const what = {
      kind: SessionKind.makeUp,
      type: lost.entry.sessionType,
      staff: who ?? -1,
      group: lost.groupIndex,
      phase: lost.group.phaseIndex,
      entry: lost.entryIndex,
      origin: lost.day,
      members: best.who.map((p) => p.id),
      ...modeOf(
        state,
        program.phases[lost.group.phaseIndex],
        lost.entry,
        lost.entry.sessionType,
        best.who,
        slot.day,
      ),
    };
    fileSession(
      ledger,
      what,
      slot,
      best.who.map((p) => p.index),
    );
    const served = new Set(best.who);
    needy = needy.filter((p) => !served.has(p));
  }
}

/**
 * Makes up the sessions of `state.lost`, in the order they were lost. Responsible for S5 where a
 * closure would break it (a make-up is placed only for members below their band that week, only
 * when they are free then: S1, S9) and for S4 of the make-up (an open day of the same week, from
 * `keepDay` on); the facilitator comes from the group's staff search (S2). Members it cannot serve
 * are left to the weekly-hours stage, which reports their week with code `"closure"`.
 * @internal
 */
export function placeMakeUps(state: PlanState): void {
  for (const lost of state.lost) makeUp(state, lost);
}
