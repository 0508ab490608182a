/**
 * Stage 1, people: each enrolment becomes a person with their path through the phases, clipped to
 * the window, and a track in each phase that fits their unavailability. Anyone who cannot be
 * placed is reported with a reason instead.
 * @internal
 */
import { fromEpochDay } from "../../core/calendar";
import { toMinutes } from "../../core/wall-time";
import type { PhaseId } from "../../core/ids";
import {
  entriesForTrack,
  sessionTypes,
  type SessionTypeId,
  type StaffRole,
} from "../../program/index";
import { phaseSpans } from "../path";
import { oneToOnes } from "../requirements";
import type { UnschedulableCode } from "../records";
import type { Person, PersonSpan, PlanState } from "../state";
import { chooseTrack, unavailableByWeekday } from "../tracks";
import { trackAttendable } from "../delivery";

/** Roles a participant's plan needs, with the session type that needs each. */
function rolesNeeded(
  state: PlanState,
  person: Omit<Person, "index" | "id" | "unavailable">,
): Map<SessionTypeId, readonly StaffRole[]> {
  const out = new Map<SessionTypeId, readonly StaffRole[]>();
  for (const span of person.spans) {
    const phase = state.program.phases[span.phaseIndex];
    if (phase === undefined) continue;
    for (const e of entriesForTrack(phase.pattern, span.track))
      out.set(e.sessionType, sessionTypes[e.sessionType].staffRoles);
    for (const o of oneToOnes(phase, person)) out.set(o.type, sessionTypes[o.type].staffRoles);
    if (phase.drugTestsPerWeek.max > 0) out.set("drug-test", sessionTypes["drug-test"].staffRoles);
  }
  return out;
}

/** True when the staff list has a member for every session type the program can plan. */
function coversEveryRole(state: PlanState): boolean {
  const types = new Set<SessionTypeId>(["individual-therapy"]);
  for (const phase of state.program.phases) {
    for (const e of phase.pattern) types.add(e.sessionType);
    for (const o of phase.oneToOne) types.add(o.sessionType);
    if (phase.drugTestsPerWeek.max > 0) types.add("drug-test");
  }
  for (const type of types) {
    const roles = sessionTypes[type].staffRoles;
    if (roles.length > 0 && !roles.some((r) => state.desk.byRole.has(r))) return false;
  }
  return true;
}

/**
 * Turns the enrolments into `state.people`, in enrolment order. Responsible for S13 at the door:
 * a duplicate enrolment, an unknown phase, a track that does not exist or does not fit, no day in
 * the window, or (with a staff list) no staff member of a needed role puts the participant in
 * `state.unschedulable` with a code and a message. The paths it builds follow the phases in order
 * (S6) for their planned weeks (S7); the tracks it picks avoid the participant's unavailability (S9).
 * @internal
 */
export function admitPeople(state: PlanState): void {
  const { program, clinic, desk } = state;
  const minutesOf = state.memo.trackMinutes;
  /** The missing-role message for a plan shape (phase, track, family, medication), memoised. */
  const missingRoles = new Map<string, string | null>();
  const seen = new Set<string>();
  const phaseIds = new Set<string>(program.phases.map((p) => p.id));
  const phaseIndexById = new Map(program.phases.map((p, i) => [p.id as string, i]));
  // Wall times repeat from person to person ("08:00", "17:00"): read each once.
  const minutes = new Map<string, number>();
  const minutesOfTime = (time: string): number => {
    let m = minutes.get(time);
    if (m === undefined) {
      m = toMinutes(time);
      minutes.set(time, m);
    }
    return m;
  };
  // With staff of every role the program's sessions can need, nobody lacks one: skip the check.
  const checkRoles = desk.hasStaff && !coversEveryRole(state);
  for (const enrollment of state.input.enrollments) {
    const id = enrollment.participant.id;
    const refuse = (code: UnschedulableCode, message: string): void => {
      state.unschedulable.push({ participantId: id, code, message });
    };
    if (seen.has(id)) {
      refuse(
        "duplicate-participant",
        `participant ${id} is enrolled more than once; only the first enrolment is planned`,
      );
      continue;
    }
    seen.add(id);
    const unknown = [
      enrollment.startPhase,
      ...(enrollment.path ?? []).map((s) => s.phaseId),
    ].filter((p): p is PhaseId => p !== undefined && !phaseIds.has(p));
    if (unknown.length > 0) {
      refuse(
        "unknown-phase",
        `the program has no phase ${unknown.map((u) => `"${u}"`).join(", ")}`,
      );
      continue;
    }
    const unavailable = unavailableByWeekday(enrollment, minutesOfTime);
    const spans: PersonSpan[] = [];
    let previousTrack: string | undefined;
    let refused = false;
    for (const span of phaseSpans(program, enrollment, phaseIndexById)) {
      const startDay = Math.max(span.startDay, clinic.windowStart);
      const endDay = Math.min(span.endDay, clinic.windowEnd);
      if (startDay >= endDay) continue;
      const phase = program.phases[span.phaseIndex];
      if (phase === undefined) continue;
      const choice = chooseTrack(
        phase,
        enrollment,
        previousTrack,
        unavailable,
        minutesOf,
        state.venue.modes
          ? (t) => trackAttendable(phase, t, enrollment.participant.telehealth)
          : undefined,
      );
      if (!choice.ok) {
        refuse(choice.code, choice.message);
        refused = true;
        break;
      }
      previousTrack = choice.track;
      // One literal (not a spread): every span has the same shape, made quickly.
      spans.push({
        phaseId: span.phaseId,
        phaseIndex: span.phaseIndex,
        startDay,
        endDay,
        reason: span.reason,
        phaseStart: span.startDay,
        phaseEnd: span.endDay,
        track: choice.track,
      });
    }
    if (refused) continue;
    if (spans.length === 0) {
      refuse(
        "outside-window",
        `the enrolment has no day between ${state.input.from} and ${fromEpochDay(clinic.windowEnd - 1)}`,
      );
      continue;
    }
    const onMedication = enrollment.participant.medications.some((m) => m.purpose !== "other");
    if (checkRoles) {
      const shape = `${spans.map((s) => `${s.phaseIndex}:${s.track ?? ""}`).join(",")}|${enrollment.participant.familyInvolved}|${onMedication}`;
      let missing = missingRoles.get(shape);
      if (missing === undefined) {
        missing = null;
        for (const [type, roles] of rolesNeeded(state, { enrollment, spans, onMedication })) {
          if (roles.length > 0 && !roles.some((r) => desk.byRole.has(r))) {
            missing = `no staff member can deliver ${type} (needs a ${roles.join(" or ")})`;
            break;
          }
        }
        missingRoles.set(shape, missing);
      }
      if (missing !== null) {
        refuse("no-staff-role", missing);
        continue;
      }
    }
    state.people.push({
      index: state.people.length,
      id,
      enrollment,
      spans,
      unavailable,
      onMedication,
    });
  }
}
