import { describe, expect, it } from "vitest";
import {
  ageOn,
  IopError,
  parseParticipant,
  safeParseParticipant,
  type ParticipantInput,
} from "iopkit";

export function alex(): ParticipantInput {
  return {
    id: "p-alex",
    dateOfBirth: "1990-05-17",
    name: "Alex Rivera",
    conditions: [{ kind: "substance-use", severity: "moderate", code: "F10.20" }],
    dimensions: {
      withdrawal: 1,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 2,
    },
    detox: "completed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
    living: "unsupportive-home",
    responsibilities: ["work"],
    unavailable: [{ weekday: 1, from: "08:00", to: "17:00", reason: "work" }],
    familyInvolved: true,
    medications: [{ name: "naltrexone", purpose: "addiction" }],
  };
}

describe("parseParticipant", () => {
  it("accepts a complete profile and defaults consents to []", () => {
    const p = parseParticipant(alex());
    expect(p.consents).toEqual([]);
    expect(p.dimensions.readiness).toBe(2);
  });

  it("reports every problem with its path", () => {
    const input = {
      ...alex(),
      dateOfBirth: "1990-02-30",
      dimensions: { ...alex().dimensions, readiness: 5 },
      unavailable: [{ weekday: 1, from: "17:00", to: "08:00" }],
      favouriteColour: "blue",
    };
    const r = safeParseParticipant(input);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.error.issues.map((i) => [i.code, i.path.join(".")])).toEqual([
      ["invalid-date", "dateOfBirth"],
      ["invalid-value", "dimensions.readiness"],
      ["unavailability-ends-before-start", "unavailable.0"],
      ["unrecognized-keys", "favouriteColour"],
    ]);
    expect(() => parseParticipant(input)).toThrow(IopError);
  });

  it("leaves unrated dimensions out rather than guessing", () => {
    const input = alex();
    const { readiness: _r, ...rest } = input.dimensions;
    expect(parseParticipant({ ...input, dimensions: rest }).dimensions.readiness).toBeUndefined();
  });

  it("does not mutate its input", () => {
    const input = alex();
    const copy = structuredClone(input);
    parseParticipant(input);
    expect(input).toEqual(copy);
  });
});

describe("ageOn", () => {
  it("counts whole years, turning a year older on the birthday", () => {
    expect(ageOn("2008-03-10", "2026-03-09")).toBe(17);
    expect(ageOn("2008-03-09", "2026-03-09")).toBe(18);
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
  });
});
