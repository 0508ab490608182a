// Hand-made clinics for the attendance and episode tests: the adult substance-use template
// (morning track) in New York, and sessions built at given local dates and times.
import {
  addDays,
  programTemplates,
  zonedInstant,
  type AttendanceRecord,
  type AttendanceStatus,
  type ParticipantId,
  type PhaseId,
  type Schedule,
  type ScheduledSession,
  type SessionId,
  type SessionTypeId,
} from "iopkit";

/** Intensive (Mon–Thu, 12–16 h), step-down (Mon, Wed, Thu, 9–12 h), transition (Mon, Thu, 3–8 h). */
export const program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  tracks: ["morning"],
});

export function session(
  id: string,
  date: string,
  start: string,
  minutes: number,
  participants: readonly string[],
  extra: { type?: SessionTypeId; phaseId?: string; makeUp?: boolean } = {},
): ScheduledSession {
  const from = zonedInstant(date, start, program.timeZone);
  const [h, m] = start.split(":").map(Number);
  const endMinute = (h ?? 0) * 60 + (m ?? 0) + minutes;
  const endTime = `${String(Math.floor(endMinute / 60)).padStart(2, "0")}:${String(endMinute % 60).padStart(2, "0")}`;
  return {
    formatVersion: 2,
    id: id as SessionId,
    sessionType: extra.type ?? "group-therapy",
    start: from,
    end: zonedInstant(date, endTime, program.timeZone),
    participantIds: participants.map((p) => p as ParticipantId),
    staffIds: [],
    ...(extra.phaseId === undefined ? {} : { phaseId: extra.phaseId as PhaseId }),
    ...(extra.makeUp === true ? { makeUp: true } : {}),
  };
}

/** A template day: 2 h group at 09:00 and 1 h psychoeducation at 11:15 (3 clinical hours). */
export function templateDay(
  date: string,
  participants: readonly string[],
  phaseId = "intensive",
): ScheduledSession[] {
  return [
    session(`g-${date}`, date, "09:00", 120, participants, { phaseId }),
    session(`e-${date}`, date, "11:15", 60, participants, { type: "psychoeducation", phaseId }),
  ];
}

/** The template days of a week starting on `monday`, on the given ISO weekdays. */
export function templateWeek(
  monday: string,
  weekdays: readonly number[],
  participants: readonly string[],
  phaseId = "intensive",
): ScheduledSession[] {
  return weekdays.flatMap((wd) => templateDay(addDays(monday, wd - 1), participants, phaseId));
}

export function scheduleOf(sessions: ScheduledSession[], from: string, weeks: number): Schedule {
  return {
    formatVersion: 2,
    window: { from, weeks },
    sessions,
    groups: [],
    unschedulable: [],
    shortfalls: [],
  };
}

/** Whole-session minutes of a session. */
export function lengthOf(s: ScheduledSession): number {
  return (Date.parse(s.end) - Date.parse(s.start)) / 60_000;
}

/** One record per seat of the sessions, with `status` (full minutes when attended). */
export function recordAll(
  sessions: readonly ScheduledSession[],
  status: AttendanceStatus = "present",
): AttendanceRecord[] {
  return sessions.flatMap((s) =>
    s.participantIds.map((participantId) => ({
      formatVersion: 2 as const,
      sessionId: s.id,
      participantId,
      status,
      minutesAttended: status.startsWith("absent") ? 0 : lengthOf(s),
    })),
  );
}
