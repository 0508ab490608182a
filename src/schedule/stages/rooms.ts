/**
 * Stage 8, rooms: every in-person (or hybrid) session gets a room of its kind (office, group
 * room, collection restroom) that is free then and holds everyone attending in person and its
 * staff; a staff member moving between sites gets the program's travel time. Runs once every
 * session is filed, in start order.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay } from "../../core/calendar";
import { roomKindFor, type Room, type RoomKind, type SessionTypeId } from "../../program/index";
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
import { heapPop, heapPush } from "../heap";
import { startOrder } from "./result";

const MIN = 60_000;
/** The multiplier of a busy room's key: more than the most rooms a program may list. */
const ROOM_KEY = 2048;

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
  const desk = roomDesk(rooms);
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
      occupy(desk, k, endMs);
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
    let outOfReach = false;
    const found = firstFree(desk, kind, startMs, (room) => {
      if (room.capacity < people) return false;
      if (staff >= 0 && !reachable(state, at, staff, room, startMs)) {
        outOfReach = true;
        return false;
      }
      return true;
    });
    if (found >= 0) place(found);
    else noRoom(state, i, kind, people, outOfReach);
  }
}

/**
 * The rooms' calendars while sessions are placed in start order: when each room is next free, and
 * per kind a min-heap of the free rooms' indexes (list order) and one of the busy rooms by the
 * time they free up (`freeAt × 2048 + index`: the program has at most 2,000 rooms, and an epoch
 * ms before the year 2100 times 2048 is still an exact integer in a double).
 */
interface RoomDesk {
  readonly rooms: readonly Room[];
  readonly freeAt: Float64Array;
  readonly inFree: Uint8Array;
  readonly pools: ReadonlyMap<RoomKind, { readonly free: number[]; readonly busy: number[] }>;
}

function roomDesk(rooms: readonly Room[]): RoomDesk {
  const pools = new Map<RoomKind, { free: number[]; busy: number[] }>();
  rooms.forEach((room, k) => {
    let pool = pools.get(room.kind);
    if (pool === undefined) {
      pool = { free: [], busy: [] };
      pools.set(room.kind, pool);
    }
    heapPush(pool.free, k);
  });
  return {
    rooms,
    freeAt: new Float64Array(rooms.length).fill(Number.NEGATIVE_INFINITY),
    inFree: new Uint8Array(rooms.length).fill(1),
    pools,
  };
}

/** Books room `k` until `endMs`. */
function occupy(desk: RoomDesk, k: number, endMs: number): void {
  const freeAt = Math.max(desk.freeAt[k] ?? 0, endMs);
  desk.freeAt[k] = freeAt;
  const kind = desk.rooms[k]?.kind;
  const pool = kind === undefined ? undefined : desk.pools.get(kind);
  if (pool !== undefined) heapPush(pool.busy, freeAt * ROOM_KEY + k);
}

/**
 * The first room of the kind in list order that is free at `startMs` and `fits`, or −1: the same
 * answer as scanning the list, from the heaps.
 */
function firstFree(
  desk: RoomDesk,
  kind: RoomKind,
  startMs: number,
  fits: (room: Room) => boolean,
): number {
  const pool = desk.pools.get(kind);
  if (pool === undefined) return -1;
  // Rooms whose sessions have ended by now are free again.
  while (pool.busy.length > 0 && Math.floor((pool.busy[0] ?? 0) / ROOM_KEY) <= startMs) {
    const key = heapPop(pool.busy) ?? 0;
    const k = key - Math.floor(key / ROOM_KEY) * ROOM_KEY;
    if ((desk.freeAt[k] ?? 0) <= startMs && desk.inFree[k] === 0) {
      desk.inFree[k] = 1;
      heapPush(pool.free, k);
    }
  }
  const skipped: number[] = [];
  let found = -1;
  while (found < 0 && pool.free.length > 0) {
    const k = heapPop(pool.free) ?? 0;
    if ((desk.freeAt[k] ?? 0) > startMs)
      desk.inFree[k] = 0; // booked since (a kept session)
    else if (fits(desk.rooms[k] as Room)) found = k;
    else skipped.push(k);
  }
  for (const k of skipped) heapPush(pool.free, k);
  if (found >= 0) desk.inFree[found] = 0;
  return found;
}
