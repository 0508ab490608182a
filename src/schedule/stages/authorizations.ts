/**
 * The result's S17 step: with `authorizations`, the planned sessions no authorisation covers, as
 * `"S17"` shortfalls — one per participant, ISO week and cause, listing the sessions. Nothing is
 * removed from the schedule: care the payer has not authorised is planned and reported.
 * @internal
 */
import { isoWeekKeyOfEpochDay } from "../../core/calendar";
import type { ParticipantId, SessionId } from "../../core/ids";
import type { Authorization } from "../../participant/index";
import type { Program } from "../../program/index";
import { uncoveredMessage, uncoveredSeats, type UncoveredCode } from "../authorization-cover";
import type { ScheduledSession, Shortfall } from "../records";

/**
 * The `"S17"` shortfalls of `sessions` (in start order): for each participant with an
 * authorisation, ISO week and cause (`not-authorized`, `level-not-authorized`,
 * `units-exhausted`), the sessions not covered, in start order.
 * @internal
 */
export function authorizationShortfalls(
  program: Program,
  sessions: readonly ScheduledSession[],
  authorizations: readonly Authorization[],
): Shortfall[] {
  const out: (Shortfall & { sessionIds: SessionId[] })[] = [];
  const open = new Map<string, Shortfall & { sessionIds: SessionId[] }>();
  for (const u of uncoveredSeats(program, sessions, authorizations)) {
    const isoWeek = isoWeekKeyOfEpochDay(u.day);
    const key = `${u.participantId}\u0000${isoWeek}\u0000${u.code}`;
    const session = sessions[u.session] as ScheduledSession;
    let shortfall = open.get(key);
    if (shortfall === undefined) {
      shortfall = {
        invariant: "S17",
        code: u.code,
        participantId: u.participantId as ParticipantId,
        isoWeek,
        ...(session.phaseId === undefined ? {} : { phaseId: session.phaseId }),
        message: "",
        sessionIds: [],
      };
      open.set(key, shortfall);
      out.push(shortfall);
    }
    shortfall.sessionIds.push(session.id);
  }
  for (const s of out)
    s.message = messageOf(s.code as UncoveredCode, s.sessionIds.length, s.isoWeek);
  return out;
}

function messageOf(code: UncoveredCode, n: number, isoWeek: string): string {
  return `${n} session${n === 1 ? "" : "s"} in ${isoWeek} planned but not authorised: ${uncoveredMessage[code]}`;
}
