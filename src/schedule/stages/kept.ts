/**
 * Stage 3, kept sessions (a re-plan with `keep`): the sessions held or booked before `keep.before`
 * go into the result as they are, and count as planned from here on — for their participants'
 * calendars, hours and one-to-one blocks, and for their staff.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay } from "../../core/calendar";
import type { ParticipantId } from "../../core/ids";
import { toEpochMs } from "../../core/instant";
import { sessionTypes } from "../../program/index";
import type { ScheduledSession } from "../records";
import { localEnd } from "../clinic";
import { spanOn } from "../path";
import { fileSession, noteSolo, SessionKind, typeCode } from "../ledger";
import { book, type StaffState } from "../staffing";
import type { GroupState, Person, PlanState } from "../state";

/**
 * Files the kept sessions of `state.input.keep` (those starting on a local day from the window's
 * first day up to `keep.before`) in the ledger, books their staff, and gives a group that still
 * exists its kept facilitator. Responsible for keeping the past exactly as it was; the invariants
 * of what it keeps are reported, not repaired, by the later stages (shortfall code `"kept-sessions"`).
 *
 * One repair it does make, because the enrolments are the newer truth: a kept session that lists
 * someone outside their enrolment on its day (a discharge or step-down dated back before
 * `keep.before`, or a person no longer enrolled) loses them from its roster, so the result keeps
 * S6 and S13; a session left with no one on it is not kept. Each removal is reported as an S6
 * shortfall with code `"kept-outside-enrolment"`, naming the session.
 * @internal
 */
export function bookKeptSessions(state: PlanState): void {
  const { input, clinic, ledger } = state;
  if (input.keep === undefined || state.keepDay <= clinic.windowStart) return;
  const personById = new Map<string, Person>(state.people.map((p) => [p.id, p]));
  const staffById = new Map<string, StaffState>(state.desk.staff.map((s) => [s.staff.id, s]));
  const groupById = new Map<string, GroupState>(state.groups.map((g) => [g.id, g]));
  for (const session of input.keep.sessions) {
    const startMs = toEpochMs(session.start);
    const endMs = toEpochMs(session.end);
    const day = clinic.clock.localDayOf(startMs);
    if (day < clinic.windowStart || day >= state.keepDay) continue;
    const attendees: number[] = [];
    const roster: ParticipantId[] = [];
    for (const id of session.participantIds) {
      const person = personById.get(id);
      const span = person === undefined ? undefined : spanOn(person.spans, day);
      if (person === undefined || span === undefined) {
        offRoster(state, session, day, id, "outside their enrolment");
      } else if (session.phaseId !== undefined && span.phaseId !== session.phaseId) {
        offRoster(state, session, day, id, `in phase "${span.phaseId}" by their enrolment`);
      } else {
        attendees.push(person.index);
        roster.push(id);
      }
    }
    if (roster.length === 0) continue;
    const crew: StaffState[] = [];
    for (const id of session.staffIds) {
      const member = staffById.get(id);
      if (member !== undefined) crew.push(member);
    }
    const startMin = clinic.clock.localMinuteOf(startMs);
    const isGroup = sessionTypes[session.sessionType].format === "group";
    const what = {
      kind: SessionKind.kept,
      type: session.sessionType,
      staff: crew[0]?.index ?? -1,
      group: -1,
      phase: -1,
      entry: -1,
      origin: -1,
      members: undefined,
    };
    const slot = { day, startMin, endMin: localEnd(clinic, day, endMs), startMs, endMs };
    const kept =
      roster.length === session.participantIds.length
        ? session
        : { ...session, participantIds: roster };
    ledger.kept.set(fileSession(ledger, what, slot, attendees), kept);
    for (const member of crew) book(member, day, startMs, endMs, isGroup);
    const group = session.groupId === undefined ? undefined : groupById.get(session.groupId);
    if (group !== undefined && group.facilitator === undefined) group.facilitator = crew[0]?.index;
    if (isGroup) continue;
    // One-to-ones and tests: the block they meet (S8) and the time the participant is used to.
    const code = typeCode(session.sessionType);
    for (const p of attendees) noteSolo(ledger, p, code, day, startMin);
  }
}

/** Reports `id` taken off kept `session` on epoch day `day` (S6, `"kept-outside-enrolment"`). */
function offRoster(
  state: PlanState,
  session: ScheduledSession,
  day: number,
  id: ParticipantId,
  why: string,
): void {
  const phase = session.phaseId === undefined ? "" : ` of phase "${session.phaseId}"`;
  state.shortfalls.push({
    invariant: "S6",
    code: "kept-outside-enrolment",
    participantId: id,
    isoWeek: isoWeekKeyOfEpochDay(day),
    ...(session.phaseId === undefined ? {} : { phaseId: session.phaseId }),
    message: `kept session ${session.id}${phase} on ${fromEpochDay(day)} listed them while they were ${why}: they are taken off its roster`,
  });
}
