// Shared participants of the eligibility tests.
import { programTemplates, type ParticipantInput } from "iopkit";

/** The adult substance-use and adolescent templates, and the decision day of the examples. */
export const sud = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
export const teen = programTemplates.adolescent({ timeZone: "America/New_York" });
export const asOf = "2026-03-09";

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
