/**
 * The last stage, the result: the ledger's sessions in start order, the group rosters as records,
 * and what could not be done.
 * @internal
 */
import { fromEpochDay } from "../../core/calendar";
import type { GroupId, PhaseId, StaffId } from "../../core/ids";
import type { Group, Schedule, ScheduledSession, Shortfall } from "../records";
import type { PlanState } from "../state";

const MIN = 60_000;
const INDEX = 8_388_608; // 2²³: more than the most sessions a schedule may hold

/** The planned sessions in start order, ties in the order they were planned. */
function sessionsInOrder(state: PlanState): ScheduledSession[] {
  const { records, startMs } = state.ledger;
  // One numeric key per session (start minute × 2²³ + index, exact in a double for any schedule
  // within the record limit), sorted natively.
  const keys = new Float64Array(records.length);
  const base = state.clinic.windowStart * 1440 - 2880; // every session starts after this minute
  for (let i = 0; i < records.length; i++) keys[i] = ((startMs[i] ?? 0) / MIN - base) * INDEX + i;
  keys.sort();
  const sessions: ScheduledSession[] = new Array<ScheduledSession>(records.length);
  for (let i = 0; i < keys.length; i++)
    sessions[i] = records[(keys[i] ?? 0) % INDEX] as ScheduledSession;
  return sessions;
}

/** The rosters as records. */
function groupRecords(state: PlanState): Group[] {
  return state.groups.map((g) => ({
    id: g.id as GroupId,
    phaseId: (state.program.phases[g.phaseIndex]?.id ?? "") as PhaseId,
    ...(g.track === undefined ? {} : { track: g.track }),
    ...(g.facilitator === undefined
      ? {}
      : { facilitatorId: state.desk.staff[g.facilitator]?.staff.id as StaffId }),
    members: g.members.map((m) => ({
      participantId: m.person.id,
      from: fromEpochDay(m.startDay),
      to: fromEpochDay(m.endDay - 1),
    })),
  }));
}

/** Shortfalls by participant, then ISO week, then invariant. */
function byParticipant(a: Shortfall, b: Shortfall): number {
  return a.participantId < b.participantId
    ? -1
    : a.participantId > b.participantId
      ? 1
      : a.isoWeek.localeCompare(b.isoWeek) || a.invariant.localeCompare(b.invariant);
}

/**
 * The schedule of a planned state. Responsible for S11's last step: the same state gives the same
 * output, sessions in start order with ties in planning order, shortfalls in a fixed order.
 * @internal
 */
export function scheduleOf(state: PlanState): Schedule {
  return {
    window: { from: state.input.from, weeks: state.input.weeks },
    sessions: sessionsInOrder(state),
    groups: groupRecords(state),
    unschedulable: state.unschedulable,
    shortfalls: state.shortfalls.sort(byParticipant),
  };
}
