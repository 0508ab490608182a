/**
 * The last stage, the result: the ledger's sessions as records in start order, the group rosters
 * as records, and what could not be done.
 * @internal
 */
import { fromEpochDay } from "../../core/calendar";
import type { GroupId, ParticipantId, PhaseId, SessionId, StaffId } from "../../core/ids";
import type { SessionTypeId } from "../../program/index";
import { fitId, safeId, soloPrefix } from "../ids";
import { endMsOf, field, Field, SessionKind, startMsOf, TYPE_CODES, type Ledger } from "../ledger";
import {
  scheduledSessionFormat,
  scheduleFormat,
  type Group,
  type Schedule,
  type ScheduledSession,
  type Shortfall,
} from "../records";
import { instantOf, type Person, type PlanState } from "../state";
import { sessionDeliveryModes } from "../../program/index";
import { sessionPlaceOfService } from "../delivery";
import { authorizationShortfalls } from "./authorizations";

const MIN = 60_000;

/** The format every session the planner writes carries. */
const SESSION_FORMAT = scheduledSessionFormat.version;

/** The record of one-person session `i` (a one-to-one or a drug test). */
function soloRecord(state: PlanState, i: number, start: string, end: string): ScheduledSession {
  const { ledger } = state;
  const type = TYPE_CODES[field(ledger, i, Field.type)] as SessionTypeId;
  const person = state.people[field(ledger, i, Field.origin)];
  const participantIds: ParticipantId[] = person === undefined ? [] : [person.id];
  const staffIds = staffIdsOf(state, i);
  const id = fitId(
    `${soloPrefix(type)}.${person?.id ?? ""}.${state.memo.compactDate(field(ledger, i, Field.day))}`,
  ) as SessionId;
  const phase = state.program.phases[field(ledger, i, Field.phase)];
  const formatVersion = SESSION_FORMAT;
  if (phase === undefined)
    return { formatVersion, id, sessionType: type, start, end, participantIds, staffIds };
  return {
    formatVersion,
    id,
    sessionType: type,
    start,
    end,
    participantIds,
    staffIds,
    phaseId: phase.id,
  };
}

/** The record of group session or make-up `i`: its group, phase, track, pattern entry and topic. */
function groupRecord(state: PlanState, i: number, start: string, end: string): ScheduledSession {
  const { ledger, memo } = state;
  const group = state.groups[field(ledger, i, Field.group)];
  const phase = state.program.phases[field(ledger, i, Field.phase)];
  const patternEntry = field(ledger, i, Field.entry);
  const day = field(ledger, i, Field.day);
  const makeUp = field(ledger, i, Field.kind) === SessionKind.makeUp;
  const groupId = group?.id ?? "";
  const id = makeUp
    ? safeId(
        `${groupId}.${memo.compactDate(field(ledger, i, Field.origin))}.${patternEntry}.makeup.${memo.compactDate(day)}`,
      )
    : fitId(`${groupId}.${memo.compactDate(day)}.${patternEntry}`);
  const session: ScheduledSession = {
    formatVersion: SESSION_FORMAT,
    id: id as SessionId,
    sessionType: TYPE_CODES[field(ledger, i, Field.type)] as SessionTypeId,
    start,
    end,
    participantIds: [...(ledger.members[i] ?? [])],
    staffIds: staffIdsOf(state, i),
    groupId: groupId as GroupId,
    phaseId: (phase?.id ?? "") as PhaseId,
  };
  if (group?.track !== undefined) session.track = group.track;
  session.patternEntry = patternEntry;
  if (makeUp) session.makeUp = true;
  const topic = phase?.pattern[patternEntry]?.topic;
  if (topic !== undefined) session.topic = topic;
  return session;
}

/** The staff ids of session `i`: its staff member, if it has one. */
function staffIdsOf(state: PlanState, i: number): StaffId[] {
  const member = state.desk.staff[field(state.ledger, i, Field.staff)];
  return member === undefined ? [] : [member.staff.id];
}

/** The record of session `i` (its index in the ledger). @internal */
export function recordOf(state: PlanState, i: number): ScheduledSession {
  const { ledger } = state;
  const kept = ledger.kept.get(i);
  if (kept !== undefined)
    return { ...kept, participantIds: [...kept.participantIds], staffIds: [...kept.staffIds] };
  const start = state.clinic.clock.instantAt(
    field(ledger, i, Field.day),
    field(ledger, i, Field.startMin),
  );
  const end = instantOf(state, endMsOf(ledger, i));
  const session =
    field(ledger, i, Field.kind) === SessionKind.solo
      ? soloRecord(state, i, start, end)
      : groupRecord(state, i, start, end);
  if (state.venue.rooms !== undefined) {
    const room = state.venue.rooms[field(ledger, i, Field.room)];
    if (room !== undefined) session.roomId = room.id;
  }
  if (state.venue.modes) addMode(state, i, session);
  return session;
}

/** The people by id (made once, on first use). */
function personById(state: PlanState): ReadonlyMap<string, Person> {
  const { memo } = state;
  if (memo.personById.size === 0) for (const p of state.people) memo.personById.set(p.id, p);
  return memo.personById;
}

/** The delivery mode, remote attendees and place of service of session `i`, on its record. */
function addMode(state: PlanState, i: number, session: ScheduledSession): void {
  const mode = sessionDeliveryModes[field(state.ledger, i, Field.mode)] ?? "in-person";
  session.deliveryMode = mode;
  const remote = state.ledger.remote.get(i);
  if (remote !== undefined) session.remoteParticipantIds = [...remote];
  session.placeOfService = sessionPlaceOfService(
    mode,
    session.participantIds,
    (id) => personById(state).get(id)?.enrollment.participant.telehealth,
    state.program,
  );
}

/**
 * The order of the sessions: by start, ties in the order they were planned. A counting sort by
 * start minute (sessions start on whole minutes after `base`), or a comparison sort when one does
 * not (a kept session off the minute). Shared with the rooms stage.
 * @internal
 */
export function startOrder(ledger: Ledger, base: number): Int32Array {
  const n = ledger.count;
  const order = new Int32Array(n);
  let last = 0;
  for (let i = 0; i < n; i++) {
    const minute = startMsOf(ledger, i) / MIN - base;
    if (!Number.isInteger(minute) || minute < 0) {
      const byStart = Array.from({ length: n }, (_, k) => k).sort(
        (a, b) => startMsOf(ledger, a) - startMsOf(ledger, b) || a - b,
      );
      return Int32Array.from(byStart);
    }
    last = Math.max(last, minute);
  }
  const next = new Int32Array(last + 2); // next[m]: where the next session starting at minute m goes
  for (let i = 0; i < n; i++) {
    const m = startMsOf(ledger, i) / MIN - base + 1;
    next[m] = (next[m] ?? 0) + 1;
  }
  for (let m = 1; m < next.length; m++) next[m] = (next[m] ?? 0) + (next[m - 1] ?? 0);
  for (let i = 0; i < n; i++) {
    const m = startMsOf(ledger, i) / MIN - base;
    order[next[m] ?? 0] = i;
    next[m] = (next[m] ?? 0) + 1;
  }
  return order;
}

/** The planned sessions' records in start order, ties in the order they were planned. */
function sessionsInOrder(state: PlanState): ScheduledSession[] {
  // Every session starts after this minute (two days before the window's first day).
  const order = startOrder(state.ledger, state.clinic.windowStart * 1440 - 2880);
  // Records made in planning order (the ledger's columns read front to back), then put in order.
  const records: ScheduledSession[] = [];
  for (let i = 0; i < order.length; i++) records.push(recordOf(state, i));
  const sessions: ScheduledSession[] = [];
  for (let k = 0; k < order.length; k++) sessions.push(records[order[k] ?? 0] as ScheduledSession);
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
 * output, sessions in start order with ties in planning order, shortfalls in a fixed order; and
 * for S17: with `authorizations`, the sessions none covers are reported as `"S17"` shortfalls.
 * @internal
 */
export function scheduleOf(state: PlanState): Schedule {
  const sessions = sessionsInOrder(state);
  const authorizations = state.input.authorizations;
  if (authorizations !== undefined)
    state.shortfalls.push(...authorizationShortfalls(state.program, sessions, authorizations));
  return {
    formatVersion: scheduleFormat.version,
    window: { from: state.input.from, weeks: state.input.weeks },
    sessions,
    groups: groupRecords(state),
    unschedulable: state.unschedulable,
    shortfalls: state.shortfalls.sort(byParticipant),
  };
}
