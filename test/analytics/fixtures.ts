// Hand-built episodes and rows for the analytics examples: the adult substance-use template in
// America/New_York (phases intensive → step-down → transition), logs replayEpisode accepts.
import {
  addDays,
  IopError,
  programTemplates,
  replayEpisode,
  zonedInstant,
  type DischargeReason,
  type DischargeType,
  type EpisodeEvent,
  type EpisodeId,
  type IsoDate,
  type ParticipantId,
  type PhaseId,
} from "iopkit";
import {
  type AttendanceRow,
  type Encounter,
  type EncounterKind,
  type SeatStatus,
} from "iopkit/analytics";
import { eligibilityDecisionFor } from "iopkit/testing";

export const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
export const zone = program.timeZone;
const [intensive, stepDown, transition] = program.phases.map((p) => p.id);
export const phases = {
  intensive: intensive as PhaseId,
  stepDown: stepDown as PhaseId,
  transition: transition as PhaseId,
};

/** What an episode does after its referral. */
export interface EpisodeSpec {
  readonly participantId: string;
  readonly episodeId?: string;
  readonly referred: IsoDate;
  /** First day of treatment; absent: never started. */
  readonly start?: IsoDate;
  /** Steps down (to the next phase) on these dates. */
  readonly stepDowns?: readonly IsoDate[];
  /** A relapse, a review deciding step-up, and the step-up, on this date (from step-down). */
  readonly stepUp?: IsoDate;
  readonly discharge?: { on: IsoDate; type: DischargeType; reason: DischargeReason };
  readonly programId?: string;
}

/** A log replayEpisode accepts (checked). */
export function episode(spec: EpisodeSpec): EpisodeEvent[] {
  const pid = spec.participantId as ParticipantId;
  const events: EpisodeEvent[] = [
    {
      formatVersion: 2,
      kind: "referred",
      on: spec.referred,
      participantId: pid,
      programId: program.id,
      ...(spec.episodeId === undefined ? {} : { episodeId: spec.episodeId as EpisodeId }),
    },
    {
      formatVersion: 2,
      kind: "assessed",
      on: spec.referred,
      decision: eligibilityDecisionFor(program, "admit"),
    },
  ];
  if (spec.start !== undefined) {
    events.push(
      {
        formatVersion: 2,
        kind: "admitted",
        on: spec.start,
        programId: program.id,
        phaseId: phases.intensive,
      },
      { formatVersion: 2, kind: "phase-started", on: spec.start, phaseId: phases.intensive },
    );
    const steps = [...(spec.stepDowns ?? [])];
    for (const [i, on] of steps.entries()) {
      events.push({ formatVersion: 2, kind: "stepped-down", on });
      if (i === 0 && spec.stepUp !== undefined && (steps[1] ?? "9999") > spec.stepUp)
        events.push(
          { formatVersion: 2, kind: "relapse-reported", on: spec.stepUp, substances: ["alcohol"] },
          { formatVersion: 2, kind: "clinical-review-held", on: spec.stepUp, outcome: "step-up" },
          { formatVersion: 2, kind: "stepped-up", on: spec.stepUp },
          { formatVersion: 2, kind: "stepped-down", on: spec.stepUp },
        );
    }
  }
  if (spec.discharge !== undefined)
    events.push({ formatVersion: 2, kind: "discharged", ...spec.discharge });
  const replay = replayEpisode(events, program);
  if (!replay.ok) throw new Error(`fixture episode rejected: ${replay.error.message}`);
  if (spec.programId !== undefined) {
    const first = events[0];
    if (first?.kind === "referred") events[0] = { ...first, programId: spec.programId as never };
  }
  return events;
}

/** A seat at a session starting at a local date and time in the program's zone. */
export function seat(
  participantId: string,
  date: IsoDate,
  status: SeatStatus | null,
  extra: Partial<AttendanceRow> = {},
  time = "09:00",
): AttendanceRow {
  const came = status === "present" || status === "late" || status === "left-early";
  return {
    participantId,
    start: zonedInstant(date, time, zone),
    status,
    minutesAttended: came ? 120 : 0,
    ...extra,
  };
}

/**
 * The issues `parsePartial` finds in a partial whose state is changed by `state` (`[]` when it
 * parses): each as `[code, path, message]`.
 */
export function partialIssues(
  parsePartial: (input: unknown) => unknown,
  partial: { readonly state: object },
  state: object,
): [string, readonly (string | number)[], string][] {
  try {
    parsePartial({ ...partial, state: { ...partial.state, ...state } });
    return [];
  } catch (e) {
    if (!(e instanceof IopError)) throw e;
    return e.issues.map((i) => [i.code, i.path, i.message]);
  }
}

/** Day 0 of the follow-up examples: Monday 2026-03-02. */
export const followUpDay0: IsoDate = "2026-03-02";

/** An encounter `days` after {@link followUpDay0}. */
export const encounterAt = (days: number, kind: EncounterKind, participantId = "p"): Encounter => ({
  participantId,
  on: addDays(followUpDay0, days),
  kind,
});
