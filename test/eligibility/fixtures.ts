// Shared participants of the eligibility tests.
import type { ParticipantInput } from "iopkit";

/** An adult who fits the adult IOP profile (relapse likely, an environment they can cope with). */
export function fit(overrides: Partial<ParticipantInput> = {}): ParticipantInput {
  return {
    id: "p-1",
    dateOfBirth: "1990-05-17",
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: {
      withdrawal: 1,
      biomedical: 1,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 2,
    },
    detox: "not-needed",
    history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: true,
    medications: [],
    ...overrides,
  };
}
