/**
 * Stage 8, rooms: every in-person (or hybrid) session gets a room of its kind (office, group
 * room, collection restroom) that is free then and holds everyone attending in person and its
 * staff; a staff member moving between sites gets the program's travel time. Runs once every
 * session is filed, in start order.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay } from "../../core/calendar";
import { roomKindFor, type Room, type SessionTypeId } from "../../program/index";
import {
  endMsOf,
  field,
  Field,
  ModeCode,
  SessionKind,
  setRoom,
  startMsOf,
  TYPE_CODES,
} from "../ledger";
import type { PlanState } from "../state";
import { startOrder } from "./result";

const MIN = 60_000;

/** Where each staff member's latest in-person session was: its room's site and its end. */
interface Whereabouts {
  readonly site: (string | undefined)[];
  readonly end: Float64Array;
}

/** How many people session `i` puts in its room: participants attending in person, and its staff. */
function peopleInRoom(state: PlanState, i: number): number {
  const { ledger } = state;
  const kept = ledger.kept.get(i);
  const participants =
    kept?.participantIds.length ??
    (field(ledger, i, Field.kind) === SessionKind.solo ? 1 : (ledger.members[i]?.length ?? 0));
  const remote = kept?.remoteParticipantIds?.length ?? ledger.remote.get(i)?.length ?? 0;
  const staff = kept?.staffIds.length ?? (field(ledger, i, Field.staff) >= 0 ? 1 : 0);
  return participants - remote + staff;
}

/** True when staff member `s` can reach `room` for a session starting at `startMs`. */
function reachable(
  state: PlanState,
  at: Whereabouts,
  s: number,
  room: Room,
  startMs: number,
): boolean {
  const travel = (state.program.siteTravelMinutes ?? 0) * MIN;
  const last = at.end[s] ?? Number.NEGATIVE_INFINITY;
  return travel === 0 || at.site[s] === room.site || startMs - last >= travel;
}

/** Reports session `i`, which got no room (S14): `"staff-travel"` when one was free but out of reach (S15), else `"no-free-room"`. */
function noRoom(state: PlanState, i: number, kind: string, people: number, travel: boolean): void {
  const { ledger } = state;
  const day = field(ledger, i, Field.day);
  const type = TYPE_CODES[field(ledger, i, Field.type)] as SessionTypeId;
  const person = state.people[field(ledger, i, Field.origin)];
  const first = ledger.members[i]?.[0] ?? person?.id;
  const phase = state.program.phases[field(ledger, i, Field.phase)];
  if (first === undefined) return;
  state.shortfalls.push({
    invariant: "S14",
    code: travel ? "staff-travel" : "no-free-room",
    participantId: first,
    isoWeek: isoWeekKeyOfEpochDay(day),
    ...(phase === undefined ? {} : { phaseId: phase.id }),
    message: travel
      ? `${type} on ${fromEpochDay(day)} has no room: the free ones are at a site its staff member cannot reach in ${state.program.siteTravelMinutes ?? 0} minutes`
      : `${type} on ${fromEpochDay(day)} has no room: no ${kind} for ${people} people is free then`,
  });
}

/**
 * Gives each in-person and hybrid session a room, in start order (ties in planning order): the
 * first room of the program's list of the session type's kind (`roomKindFor`) that is free then,
 * holds the participants attending in person and the staff (S14), and is at the site of its staff
 * member's previous session that day or far enough in time from it (`siteTravelMinutes`, S15).
 * Kept sessions keep their room. Video and phone sessions, and sessions attended elsewhere, get
 * none. A session no room fits is planned without one and reported as an `"S14"` shortfall:
 * `"no-free-room"`, or `"staff-travel"` when a room was free but only at a site out of reach. Responsible for
 * S14 and the travel part of S15. Does nothing for a program without rooms.
 * @internal
 */
export function assignRooms(state: PlanState): void {
  const rooms = state.venue.rooms;
  if (rooms === undefined) return;
  const { ledger } = state;
  const byId = new Map(rooms.map((r, k) => [r.id, k]));
  const freeAt = new Float64Array(rooms.length).fill(Number.NEGATIVE_INFINITY);
  const at: Whereabouts = {
    site: [],
    end: new Float64Array(state.desk.staff.length).fill(Number.NEGATIVE_INFINITY),
  };
  const order = startOrder(ledger, state.clinic.windowStart * 1440 - 2880);
  for (const i of order) {
    const mode = field(ledger, i, Field.mode);
    const type = TYPE_CODES[field(ledger, i, Field.type)] as SessionTypeId;
    const kind = roomKindFor(type);
    const kept = ledger.kept.get(i);
    const remote =
      kept === undefined
        ? mode === ModeCode.video || mode === ModeCode.phone
        : kept.deliveryMode === "video" || kept.deliveryMode === "phone";
    if (kind === undefined || remote) continue;
    const startMs = startMsOf(ledger, i);
    const endMs = endMsOf(ledger, i);
    const staff = field(ledger, i, Field.staff);
    const place = (k: number): void => {
      setRoom(ledger, i, k);
      freeAt[k] = Math.max(freeAt[k] ?? 0, endMs);
      if (staff >= 0) {
        at.site[staff] = rooms[k]?.site;
        at.end[staff] = endMs;
      }
    };
    if (kept !== undefined) {
      const k = kept.roomId === undefined ? undefined : byId.get(kept.roomId);
      if (k !== undefined) place(k);
      continue;
    }
    const people = peopleInRoom(state, i);
    let found = -1;
    let outOfReach = false;
    for (let k = 0; k < rooms.length && found < 0; k++) {
      const room = rooms[k] as Room;
      if (room.kind !== kind || room.capacity < people || (freeAt[k] ?? 0) > startMs) continue;
      if (staff >= 0 && !reachable(state, at, staff, room, startMs)) outOfReach = true;
      else found = k;
    }
    if (found >= 0) place(found);
    else noRoom(state, i, kind, people, outOfReach);
  }
}
