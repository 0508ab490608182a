/**
 * The participant most unit tests start from: an adult with moderate substance use whose ASAM
 * dimensions fit IOP, no responsibilities, no medication, no family involved. Tests override the
 * one field they are about.
 */
import type { ParticipantInput } from "iopkit";

/** A participant input with id `id`, edited by `extra` (a shallow spread: give whole fields). */
export function person(id: string, extra: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    id,
    dateOfBirth: "1990-01-01",
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 1,
    },
    detox: "not-needed",
    history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: false,
    medications: [],
    ...extra,
  };
}
