/**
 * The checks of S14 (rooms), S15 (staff limits and travel) and S16 (delivery modes) for
 * `checkSchedule`: recomputed from the records, sharing no placement code with the planner.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay, mondayOfEpochDay } from "../core/calendar";
import type { ParticipantId, StaffId } from "../core/ids";
import { usableModes } from "../participant/telehealth";
import { roomKindFor, type DeliveryMode, type Program } from "../program/index";
import { offeredModes } from "./delivery";
import type { Enrollment, ScheduledSession, Staff, Violation } from "./records";

/** A session with its times (epoch ms) and its local day, as `checkSchedule` reads it. @internal */
export interface TimedSession {
  readonly s: ScheduledSession;
  readonly startMs: number;
  readonly endMs: number;
  readonly day: number;
}

const MIN = 60_000;
const round = (h: number): number => Math.round(h * 100) / 100;

/** True when the session is attended in a room: in person or hybrid (absent mode: in person). */
function inRoom(s: ScheduledSession): boolean {
  return (
    s.deliveryMode === undefined || s.deliveryMode === "in-person" || s.deliveryMode === "hybrid"
  );
}

/**
 * S14: with rooms in the program, every in-person or hybrid session that needs a room
 * (`roomKindFor`) names one of the program's rooms (a session without one is reported with its
 * first participant and ISO week, as the planner's shortfall names it), of its kind, big enough for the participants
 * attending in person and its staff; and no room holds two sessions at once.
 * @internal
 */
export function checkRooms(
  program: Program,
  timed: readonly TimedSession[],
  out: Violation[],
): void {
  const rooms = program.rooms ?? [];
  if (rooms.length === 0) return;
  const byId = new Map(rooms.map((r) => [r.id, r]));
  const inRooms = new Map<string, TimedSession[]>();
  for (const t of timed) {
    const { s } = t;
    const kind = roomKindFor(s.sessionType);
    if (kind === undefined || !inRoom(s)) continue;
    if (s.roomId === undefined) {
      const first = s.participantIds[0];
      out.push({
        code: "S14",
        message: `${s.sessionType} on ${s.start} is held in person but has no room`,
        sessionIds: [s.id],
        ...(first === undefined ? {} : { participantId: first }),
        isoWeek: isoWeekKeyOfEpochDay(t.day),
      });
      continue;
    }
    const room = byId.get(s.roomId);
    const roomId = s.roomId;
    if (room === undefined) {
      out.push({
        code: "S14",
        message: `${s.sessionType} on ${s.start} names room "${roomId}", which the program does not have`,
        sessionIds: [s.id],
        roomId,
      });
      continue;
    }
    const people =
      s.participantIds.length - (s.remoteParticipantIds?.length ?? 0) + s.staffIds.length;
    if (room.kind !== kind)
      out.push({
        code: "S14",
        message: `${s.sessionType} on ${s.start} is in ${room.kind} "${roomId}"; it needs a ${kind}`,
        sessionIds: [s.id],
        roomId,
      });
    if (people > room.capacity)
      out.push({
        code: "S14",
        message: `${s.sessionType} on ${s.start} puts ${people} people in "${roomId}", which holds ${room.capacity}`,
        sessionIds: [s.id],
        roomId,
      });
    inRooms.set(roomId, [...(inRooms.get(roomId) ?? []), t]);
  }
  for (const [roomId, list] of inRooms) {
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    let reach: TimedSession | undefined;
    for (const t of sorted) {
      if (reach !== undefined && t.startMs < reach.endMs)
        out.push({
          code: "S14",
          message: `room "${roomId}" holds two sessions at once (${reach.s.start} and ${t.s.start})`,
          sessionIds: [reach.s.id, t.s.id],
          roomId,
        });
      if (reach === undefined || t.endMs > reach.endMs) reach = t;
    }
  }
}

/**
 * S15: each staff member with limits runs at most `maxHoursPerDay` hours of sessions in a local
 * day and `maxHoursPerWeek` in an ISO week, with at least `minBreakMinutes` between two sessions;
 * and between two in-room sessions in rooms at different sites, at least the program's
 * `siteTravelMinutes`.
 * @internal
 */
export function checkStaffLimits(
  program: Program,
  staff: readonly Staff[] | undefined,
  byStaff: ReadonlyMap<string, readonly TimedSession[]>,
  out: Violation[],
): void {
  const members = new Map((staff ?? []).map((s) => [s.id as string, s]));
  const siteOf = new Map((program.rooms ?? []).map((r) => [r.id, r.site]));
  const travel = (program.siteTravelMinutes ?? 0) * MIN;
  for (const [id, list] of byStaff) {
    const staffId = id as StaffId;
    const member = members.get(id);
    const sorted = [...list].sort((a, b) => a.startMs - b.startMs);
    const hours = (ts: readonly TimedSession[]): number =>
      ts.reduce((h, t) => h + (t.endMs - t.startMs) / 3_600_000, 0);
    const over = (
      groups: Map<number, TimedSession[]>,
      max: number | undefined,
      what: (key: number) => string,
      isoWeek: (key: number) => string,
    ): void => {
      if (max === undefined) return;
      for (const [key, ts] of groups) {
        const h = hours(ts);
        if (h > max + 1e-9)
          out.push({
            code: "S15",
            message: `staff member ${id} runs ${round(h)} h of sessions ${what(key)}, more than their ${max} h`,
            sessionIds: ts.map((t) => t.s.id),
            staffId,
            isoWeek: isoWeek(key),
          });
      }
    };
    const byDay = new Map<number, TimedSession[]>();
    const byWeek = new Map<number, TimedSession[]>();
    for (const t of sorted) {
      byDay.set(t.day, [...(byDay.get(t.day) ?? []), t]);
      const monday = mondayOfEpochDay(t.day);
      byWeek.set(monday, [...(byWeek.get(monday) ?? []), t]);
    }
    over(byDay, member?.maxHoursPerDay, (d) => `on ${fromEpochDay(d)}`, isoWeekKeyOfEpochDay);
    over(
      byWeek,
      member?.maxHoursPerWeek,
      (m) => `in ${isoWeekKeyOfEpochDay(m)}`,
      isoWeekKeyOfEpochDay,
    );
    const gapMs = (member?.minBreakMinutes ?? 0) * MIN;
    let lastInRoom: TimedSession | undefined;
    for (let k = 0; k < sorted.length; k++) {
      const b = sorted[k] as TimedSession;
      if (b.s.roomId !== undefined && inRoom(b.s)) {
        if (lastInRoom !== undefined) travelled(lastInRoom, b);
        lastInRoom = b;
      }
      if (k === 0) continue;
      const a = sorted[k - 1] as TimedSession;
      const gap = b.startMs - a.endMs;
      if (gap < 0) continue; // an overlap: S2
      if (gap < gapMs)
        out.push({
          code: "S15",
          message: `staff member ${id} has ${gap / MIN} minutes between sessions at ${a.s.end} and ${b.s.start}, less than their ${member?.minBreakMinutes ?? 0}-minute break`,
          sessionIds: [a.s.id, b.s.id],
          staffId,
          isoWeek: isoWeekKeyOfEpochDay(b.day),
        });
    }
    /** Two in-room sessions in a row: rooms at different sites need the travel time between them. */
    function travelled(a: TimedSession, b: TimedSession): void {
      const gap = b.startMs - a.endMs;
      const siteA = siteOf.get(a.s.roomId ?? "");
      const siteB = siteOf.get(b.s.roomId ?? "");
      if (gap >= 0 && siteA !== siteB && gap < travel)
        out.push({
          code: "S15",
          message: `staff member ${id} has ${gap / MIN} minutes to get from ${siteA ?? "the main site"} to ${siteB ?? "the main site"}; the program allows ${travel / MIN}`,
          sessionIds: [a.s.id, b.s.id],
          staffId,
          isoWeek: isoWeekKeyOfEpochDay(b.day),
        });
    }
  }
}

/**
 * S16: a session's delivery mode is one its session type and its phase (or pattern entry) allow;
 * each participant's own mode (remote in a video or phone session, or listed remote in a hybrid
 * one; in person otherwise) is one the session offers and they can use; only a hybrid session
 * lists remote participants, and they are its participants.
 * @internal
 */
export function checkModes(
  program: Program,
  enrolled: ReadonlyMap<string, Enrollment>,
  timed: readonly TimedSession[],
  out: Violation[],
): void {
  const phaseById = new Map(program.phases.map((p) => [p.id as string, p]));
  for (const { s, day } of timed) {
    const isoWeek = isoWeekKeyOfEpochDay(day);
    const mode = s.deliveryMode ?? "in-person";
    const phase = s.phaseId === undefined ? undefined : phaseById.get(s.phaseId);
    const entry = s.patternEntry === undefined ? undefined : phase?.pattern[s.patternEntry];
    const offered = offeredModes(phase, entry, s.sessionType);
    const remote = new Set<string>(s.remoteParticipantIds ?? []);
    if (mode !== "hybrid" && remote.size > 0)
      out.push({
        code: "S16",
        message: `${s.sessionType} on ${s.start} is ${mode} but lists remote participants (only a hybrid session does)`,
        sessionIds: [s.id],
      });
    for (const r of remote)
      if (!s.participantIds.includes(r as ParticipantId))
        out.push({
          code: "S16",
          message: `${s.sessionType} on ${s.start} lists ${r} as remote, who is not one of its participants`,
          sessionIds: [s.id],
          participantId: r as ParticipantId,
        });
    for (const p of s.participantIds) {
      const own: DeliveryMode = mode === "hybrid" ? (remote.has(p) ? "video" : "in-person") : mode;
      const usable = usableModes(enrolled.get(p)?.participant.telehealth);
      const why = !offered.includes(own)
        ? `${s.sessionType} there is offered ${offered.join(" or ") || "in no mode"}`
        : !usable.includes(own)
          ? `they can use only ${usable.join(" or ")}`
          : undefined;
      if (why !== undefined)
        out.push({
          code: "S16",
          message: `participant ${p} attends ${s.sessionType} on ${s.start} ${own === "in-person" ? "in person" : `by ${own}`}, but ${why}`,
          sessionIds: [s.id],
          participantId: p,
          isoWeek,
        });
    }
  }
}
