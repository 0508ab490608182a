// Hand-made cases for the aftercare tests: the adult substance-use template in New York (open
// Monday to Friday), a participant profile to edit one field at a time, and episode logs that end
// in each kind of discharge.
import {
  parseParticipant,
  planAftercare,
  programTemplates,
  replayEpisodeOrThrow,
  reviewAftercare,
  type AftercareEpisode,
  type AftercarePlan,
  type AftercareReview,
  type CheckInOutcome,
  type DischargeReason,
  type DischargeType,
  type DischargedEpisode,
  type EpisodeEvent,
  type LevelOfCareId,
  type Participant,
  type ParticipantId,
  type ParticipantInput,
  type Program,
} from "iopkit";
import { admittedLog as admittedLogOf } from "../episode/admitted-log";

/** Intensive (ASAM 2.1) → step-down (2.1) → transition (outpatient); open Monday–Friday. */
export const program: Program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  tracks: ["morning"],
});

export const pid = "p-1" as ParticipantId;

/** A participant with nothing that triggers a profile-based component; edit one field per test. */
export function person(edit: Partial<ParticipantInput> = {}): Participant {
  return parseParticipant({
    id: pid,
    dateOfBirth: "1988-04-02",
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: { withdrawal: 1, recoveryEnvironment: 1 },
    detox: "completed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: false,
    medications: [],
    ...edit,
  });
}

/** Referral to the start of the first phase (Monday 2026-03-09). */
export const admittedLog: EpisodeEvent[] = admittedLogOf(program, pid);

/** Through all three phases to the last (transition) phase, entered on 2026-05-04. */
export const lastPhaseLog: EpisodeEvent[] = [
  ...admittedLog,
  { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
  { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
];

export type Ended = DischargedEpisode | AftercareEpisode;

/** The state a whole log gives, which must end discharged or in aftercare. */
export function ended(events: EpisodeEvent[]): Ended {
  const s = replayEpisodeOrThrow(events, program);
  if (s.status !== "discharged" && s.status !== "aftercare") throw new Error(s.status);
  return s;
}

/** Completed on Monday 2026-06-01 after the whole course; `extra` events go before the discharge. */
export function completed(extra: EpisodeEvent[] = [], aftercare = true): Ended {
  return ended([
    ...lastPhaseLog,
    ...extra,
    {
      formatVersion: 2,
      kind: "discharged",
      on: "2026-06-01",
      type: "completed",
      reason: "treatment-completed",
    },
    ...(aftercare
      ? [{ formatVersion: 2 as const, kind: "aftercare-started" as const, on: "2026-06-01" }]
      : []),
  ]);
}

/** Discharged on 2026-04-15 from the step-down phase with a type and reason. */
export function dischargedAs(
  type: DischargeType,
  reason: DischargeReason,
  referredTo?: LevelOfCareId,
): Ended {
  return ended([
    ...admittedLog,
    { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
    {
      formatVersion: 2,
      kind: "discharged",
      on: "2026-04-15",
      type,
      reason,
      ...(referredTo === undefined ? {} : { referredTo }),
    },
  ]);
}

/** The component kinds of a plan, in order. */
export const kinds = (plan: { components: readonly { kind: string }[] }): string[] =>
  plan.components.map((c) => c.kind);

/** A completed episode's plan from 2026-06-01: monitoring check-ins on Mondays 06-08, 06-15, 06-22, 06-29, then every two weeks. */
export const mondayPlan: AftercarePlan = planAftercare({
  participant: person(),
  episode: completed(),
  program,
  from: "2026-06-01",
});

/** `reviewAftercare` of a plan (the Monday plan unless given) on `asOf`. */
export const reviewOn = (
  outcomes: CheckInOutcome[],
  asOf: string,
  plan: AftercarePlan = mondayPlan,
): AftercareReview => reviewAftercare(plan, { program, outcomes, asOf });
