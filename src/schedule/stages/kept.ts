/**
 * Stage 3, kept sessions (a re-plan with `keep`): the sessions held or booked before `keep.before`
 * go into the result as they are, and count as planned from here on — for their participants'
 * calendars, hours and one-to-one blocks, and for their staff.
 * @internal
 */
import { toEpochMs } from "../../core/instant";
import { sessionTypes } from "../../program/index";
import { localEnd } from "../clinic";
import { fileSession, noteSolo, SessionKind, typeCode } from "../ledger";
import { book, type StaffState } from "../staffing";
import type { GroupState, Person, PlanState } from "../state";

/**
 * Files the kept sessions of `state.input.keep` (those starting on a local day from the window's
 * first day up to `keep.before`) in the ledger, books their staff, and gives a group that still
 * exists its kept facilitator. Responsible for keeping the past exactly as it was; the invariants
 * of what it keeps are reported, not repaired, by the later stages (shortfall code `"kept-sessions"`).
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
    for (const id of session.participantIds) {
      const person = personById.get(id);
      if (person !== undefined) attendees.push(person.index);
    }
    const crew: StaffState[] = [];
    for (const id of session.staffIds) {
      const member = staffById.get(id);
      if (member !== undefined) crew.push(member);
    }
    const startMin = clinic.clock.localMinuteOf(startMs);
    const group = sessionTypes[session.sessionType].format === "group";
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
    ledger.kept.set(fileSession(ledger, what, slot, attendees), session);
    for (const member of crew) book(member, day, startMs, endMs, group);
    const kept = session.groupId === undefined ? undefined : groupById.get(session.groupId);
    if (kept !== undefined && kept.facilitator === undefined) kept.facilitator = crew[0]?.index;
    if (group) continue;
    // One-to-ones and tests: the block they meet (S8) and the time the participant is used to.
    const code = typeCode(session.sessionType);
    for (const p of attendees) noteSolo(ledger, p, code, day, startMin);
  }
}
