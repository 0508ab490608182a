/**
 * Delivery modes and places of service (S16): which modes a session offers, which one each
 * participant attends in, and the CMS place-of-service code that follows.
 */
import type { ParticipantId } from "../core/ids";
import type { Participant } from "../participant/index";
import { usableModes, type TelehealthAccess } from "../participant/telehealth";
import {
  deliveryModesFor,
  entriesForTrack,
  type DeliveryMode,
  type PatternEntry,
  type Phase,
  type PlaceOfService,
  type Program,
  type SessionTypeId,
} from "../program/index";
import type { ScheduledSession } from "./records";

const IN_PERSON: readonly DeliveryMode[] = ["in-person"];

/**
 * The modes a session offers, in order of the planner's choice: the pattern entry's
 * `deliveryModes` (a group session), else the phase's (default in person only), keeping those
 * the session type allows ({@link program!deliveryModesFor | deliveryModesFor}).
 */
export function offeredModes(
  phase: Pick<Phase, "deliveryModes"> | undefined,
  entry: Pick<PatternEntry, "deliveryModes"> | undefined,
  type: SessionTypeId,
): readonly DeliveryMode[] {
  const allowed = deliveryModesFor(type);
  const listed = entry?.deliveryModes ?? phase?.deliveryModes ?? IN_PERSON;
  return listed.filter((m) => allowed.includes(m));
}

/**
 * The mode a participant attends a session in: their preferred mode if the session offers it and
 * they can use it, else the first mode offered that they can use; undefined when they can use
 * none of them.
 */
export function chooseMode(
  offered: readonly DeliveryMode[],
  access: TelehealthAccess | undefined,
): DeliveryMode | undefined {
  const usable = usableModes(access);
  const preferred = access?.preferred;
  if (preferred !== undefined && offered.includes(preferred) && usable.includes(preferred))
    return preferred;
  return offered.find((m) => usable.includes(m));
}

/** True when the participant can attend every session of a phase's track in a mode it offers. @internal */
export function trackAttendable(
  phase: Phase,
  track: string | undefined,
  access: TelehealthAccess | undefined,
): boolean {
  for (const e of entriesForTrack(phase.pattern, track))
    if (chooseMode(offeredModes(phase, e, e.sessionType), access) === undefined) return false;
  return true;
}

/** True when the program plans delivery modes (a phase or entry lists modes, or it names a place of service). @internal */
export function plansModes(program: Program): boolean {
  return (
    program.placeOfService !== undefined ||
    program.phases.some(
      (p) => p.deliveryModes !== undefined || p.pattern.some((e) => e.deliveryModes !== undefined),
    )
  );
}

/**
 * The CMS place-of-service code of one participant's attendance of a session (CMS Place of
 * Service Code Set, 2025): the program's `placeOfService` (default 11, Office) in person; by video
 * or phone, 10 when they join from home and 02 elsewhere.
 * @example
 * ```ts
 * placeOfServiceFor(session, participant, program); // "10" for a video group joined from home
 * ```
 */
export function placeOfServiceFor(
  session: Pick<ScheduledSession, "deliveryMode" | "remoteParticipantIds">,
  participant: Pick<Participant, "id" | "telehealth">,
  program: Pick<Program, "placeOfService">,
): PlaceOfService {
  const remote =
    session.deliveryMode === "video" ||
    session.deliveryMode === "phone" ||
    (session.deliveryMode === "hybrid" &&
      (session.remoteParticipantIds ?? []).includes(participant.id));
  if (!remote) return program.placeOfService ?? "11";
  return (participant.telehealth?.location ?? "home") === "home" ? "10" : "02";
}

/** The session's own code: in person or hybrid, the facility's; remote, 10 when every participant joins from home, else 02. @internal */
export function sessionPlaceOfService(
  mode: "in-person" | "video" | "phone" | "hybrid",
  participants: readonly ParticipantId[],
  accessOf: (id: ParticipantId) => TelehealthAccess | undefined,
  program: Pick<Program, "placeOfService">,
): PlaceOfService {
  if (mode === "in-person" || mode === "hybrid") return program.placeOfService ?? "11";
  return participants.every((p) => (accessOf(p)?.location ?? "home") === "home") ? "10" : "02";
}
