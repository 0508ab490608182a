/**
 * How the stages that file sessions give each one its delivery mode (S16): the mode of every
 * attendee of a group session, or of the participant of a one-person session, from what the
 * session offers and what each can use. Internal to `planSchedule`.
 * @internal
 */
import { fromEpochDay, isoWeekKeyOfEpochDay } from "../core/calendar";
import type { ParticipantId } from "../core/ids";
import { pure } from "../core/pure";
import type { DeliveryMode, Phase, PatternEntry, SessionTypeId } from "../program/index";
import { chooseMode, offeredModes } from "./delivery";
import { ModeCode } from "./ledger";
import type { Person, PlanState } from "./state";

/** The mode fields of a session's filing: its mode, and a hybrid session's remote attendees. @internal */
export interface ModeFiling {
  readonly mode: number;
  readonly remote?: { readonly people: readonly number[]; readonly ids: readonly ParticipantId[] };
}

const IN_PERSON = { mode: ModeCode.inPerson, unusable: false } as const;

/**
 * {@link offeredModes} per phase, and per pattern entry (a group session) or session type (a
 * one-person session), computed once each: records are never changed, so a phase object and an
 * entry object always offer the same modes.
 */
const OFFERED = /* @__PURE__ */ pure(
  () => new WeakMap<object, Map<PatternEntry | SessionTypeId, readonly DeliveryMode[]>>(),
);
function offeredOnce(
  phase: Phase | undefined,
  entry: PatternEntry | undefined,
  type: SessionTypeId,
): readonly DeliveryMode[] {
  if (phase === undefined) return offeredModes(phase, entry, type);
  let byKey = OFFERED.get(phase);
  if (byKey === undefined) {
    byKey = new Map();
    OFFERED.set(phase, byKey);
  }
  const key = entry !== undefined && entry.sessionType === type ? entry : type;
  let offered = byKey.get(key);
  if (offered === undefined) {
    offered = offeredModes(phase, key === type ? undefined : entry, type);
    byKey.set(key, offered);
  }
  return offered;
}
const CODE: Readonly<Record<DeliveryMode, number>> = {
  "in-person": ModeCode.inPerson,
  video: ModeCode.video,
  phone: ModeCode.phone,
};

/**
 * The delivery mode of a session of `type` for `attendees` (a group's entry, or a one-person
 * session without `entry`): in person when the program plans no modes. Everyone who can use none
 * of the modes offered attends in person and, unless `day` is undefined (the caller reports it
 * once the day is known, with {@link reportUnusable}), is reported as an `"S16"` shortfall
 * (`"no-usable-mode"`) in the week of `day`. Several modes among the attendees make a hybrid
 * session: in person, with the others by video (a group offers only in person and video).
 * @internal
 */
export function modeOf(
  state: PlanState,
  phase: Phase | undefined,
  entry: PatternEntry | undefined,
  type: SessionTypeId,
  attendees: readonly Person[],
  day: number | undefined,
): ModeFiling & { readonly unusable: boolean } {
  if (!state.venue.modes) return IN_PERSON;
  const offered = offeredOnce(phase, entry, type);
  // In person only (a drug test, a phase without modes): everyone attends in person.
  if (offered.length === 1 && offered[0] === "in-person") return IN_PERSON;
  let first: DeliveryMode | undefined;
  let mixed = false;
  const remotePeople: number[] = [];
  const remoteIds: ParticipantId[] = [];
  let unusable = false;
  for (const p of attendees) {
    let mode = chooseMode(offered, p.enrollment.participant.telehealth);
    if (mode === undefined) {
      unusable = true;
      if (day !== undefined) reportUnusable(state, p, type, day, phase, entry);
      mode = "in-person";
    }
    if (mode !== "in-person") {
      remotePeople.push(p.index);
      remoteIds.push(p.id);
    }
    if (first === undefined) first = mode;
    else if (mode !== first) mixed = true;
  }
  if (!mixed) return first === undefined ? IN_PERSON : { mode: CODE[first], unusable };
  return { mode: ModeCode.hybrid, remote: { people: remotePeople, ids: remoteIds }, unusable };
}

/**
 * Reports a participant who can use none of the modes a session on `day` offers: an `"S16"`
 * shortfall in its ISO week, once per participant and week.
 * @internal
 */
export function reportUnusable(
  state: PlanState,
  p: Person,
  type: SessionTypeId,
  day: number,
  phase: Phase | undefined,
  entry: PatternEntry | undefined,
): void {
  const isoWeek = isoWeekKeyOfEpochDay(day);
  const offered = offeredModes(phase, entry, type);
  const reported = state.shortfalls.some(
    (s) => s.code === "no-usable-mode" && s.participantId === p.id && s.isoWeek === isoWeek,
  );
  if (reported) return;
  state.shortfalls.push({
    invariant: "S16",
    code: "no-usable-mode",
    participantId: p.id,
    isoWeek,
    ...(phase === undefined ? {} : { phaseId: phase.id }),
    message: `${type} on ${fromEpochDay(day)} is offered ${offered.join(" or ")}, which the participant cannot use; planned in person`,
  });
}
