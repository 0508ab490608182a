/**
 * The demo clinic's rooms, its telehealth evening, and who can join by video: what the planner
 * needs for rooms (S14), delivery modes (S16) and staff limits (S15, in `staff.ts`).
 */
import {
  defineProgram,
  fromEpochDay,
  mondayOfEpochDay,
  parseParticipant,
  toEpochDay,
  type Participant,
  type Program,
  type Room,
  type Schedule,
} from "iopkit";

/**
 * The program with rooms for `n` participants (a group room and an office per 5, two
 * restrooms for observed collection), billed as a non-residential substance use treatment
 * facility (CMS place of service 57), and a telehealth evening: the evening track's Thursday
 * groups are hybrid (by video for those who can and want to, in the room for the others), so
 * everyone is still on site on other days for drug tests. The sizes are the demo's choice.
 */
export function withClinicVenues(program: Program, n: number): Program {
  const rooms: Room[] = [
    ...Array.from({ length: Math.max(3, Math.ceil(n / 5)) }, (_, i) => ({
      id: `group-${i + 1}`,
      name: `Group room ${i + 1}`,
      kind: "group-room" as const,
      capacity: program.groupCapacity + 2,
    })),
    ...Array.from({ length: Math.max(3, Math.ceil(n / 5)) }, (_, i) => ({
      id: `office-${i + 1}`,
      name: `Office ${i + 1}`,
      kind: "office" as const,
      capacity: 4,
    })),
    ...[1, 2].map((i) => ({
      id: `restroom-${i}`,
      name: `Collection restroom ${i}`,
      kind: "collection-restroom" as const,
      capacity: 2,
    })),
  ];
  return defineProgram({
    ...program,
    rooms,
    placeOfService: "57",
    phases: program.phases.map((phase) => ({
      ...phase,
      pattern: phase.pattern.map((e) =>
        e.track === "evening" && e.weekday === 4
          ? { ...e, deliveryModes: ["video", "in-person"] }
          : e,
      ),
    })),
  });
}

/**
 * The participant, able to join by video from home (a camera and a private room) and preferring
 * it: every referral with a job, school or care duties (the evening track's people) but every
 * fourth, and every fifth of the rest.
 */
export function withTelehealth(participant: Participant, i: number): Participant {
  const busy = participant.responsibilities.length > 0;
  if (!(busy ? i % 4 !== 3 : i % 5 === 0)) return participant;
  return parseParticipant({
    ...participant,
    telehealth: { device: "video", privateSpace: true, location: "home", preferred: "video" },
  });
}

/** Hours booked per room and day of one ISO week (the first full week of the schedule). */
export interface RoomDay {
  readonly room: string;
  /** Hours booked per day, Monday first. */
  readonly hours: readonly number[];
  /** Sessions per day, Monday first. */
  readonly sessions: readonly number[];
}

/** Room use per day in the ISO week starting `monday`: every room of the program, in its order. */
export function roomUse(program: Program, schedule: Schedule, monday: string): RoomDay[] {
  const first = toEpochDay(monday);
  const rows = new Map<string, { hours: number[]; sessions: number[] }>(
    (program.rooms ?? []).map((r) => [
      r.id,
      { hours: [0, 0, 0, 0, 0, 0, 0], sessions: [0, 0, 0, 0, 0, 0, 0] },
    ]),
  );
  for (const s of schedule.sessions) {
    const row = s.roomId === undefined ? undefined : rows.get(s.roomId);
    const day = toEpochDay(s.start.slice(0, 10)) - first;
    if (row === undefined || day < 0 || day > 6) continue;
    row.hours[day] = (row.hours[day] ?? 0) + (Date.parse(s.end) - Date.parse(s.start)) / 3_600_000;
    row.sessions[day] = (row.sessions[day] ?? 0) + 1;
  }
  return [...rows].map(([room, r]) => ({ room, ...r }));
}

/** The Monday on or after the date. */
export function mondayFrom(date: string): string {
  const day = toEpochDay(date);
  const monday = mondayOfEpochDay(day);
  return fromEpochDay(monday === day ? day : monday + 7);
}
