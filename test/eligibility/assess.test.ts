import { describe, expect, it } from "vitest";
import {
  admissionTracks,
  assessEligibility,
  eligibilityRules,
  IopError,
  parseParticipant,
  type EligibilityRules,
  type ParticipantInput,
} from "iopkit";
import { asOf, fit, sud, teen } from "./fixtures";

const decide = (input: ParticipantInput, program = sud, options = {}) =>
  assessEligibility(parseParticipant(input), program, { asOf, ...options });
const codes = (d: { reasons: { code: string }[] }) => d.reasons.map((r) => r.code);
const conditionCodes = (d: { conditions: { code: string }[] }) => d.conditions.map((c) => c.code);

describe("assessEligibility (each rule with its source)", () => {
  it("admits someone matching the adult IOP profile (DOMAIN.md: relapse likely, unsupportive environment they can cope with)", () => {
    const d = decide(fit());
    expect(d.outcome).toBe("admit");
    expect(d.recommendedLevel).toBe("intensive-outpatient");
    expect(codes(d)[0]).toBe("highest-risk-dimension");
  });

  it("lets the highest-risk dimension drive the level, never an average (ASAM; DOMAIN.md)", () => {
    // Five dimensions at 0 and biomedical at 3: the average is 0.5, the level is residential.
    const d = decide(
      fit({
        dimensions: {
          withdrawal: 0,
          biomedical: 3,
          emotionalBehavioral: 0,
          readiness: 0,
          relapsePotential: 0,
          recoveryEnvironment: 0,
        },
      }),
    );
    expect(d.outcome).toBe("refer-higher");
    expect(d.recommendedLevel).toBe("residential");
    expect(d.reasons[0]).toMatchObject({
      code: "highest-risk-dimension",
      dimension: "biomedical",
      evidence: { rating: 3, level: "residential" },
    });
  });

  it("sends withdrawal risk to withdrawal management first (seeds 001, 004: needs detox → inpatient)", () => {
    const d = decide(fit({ dimensions: { ...fit().dimensions, withdrawal: 2 } }));
    expect(d.outcome).toBe("refer-higher");
    expect(d.recommendedLevel).toBe("withdrawal-management");
    const detox = decide(fit({ detox: "needed" }));
    expect(detox.recommendedLevel).toBe("withdrawal-management");
    expect(codes(detox)).toContain("detox-needed");
    expect(conditionCodes(detox)).toContain("readmit-after-withdrawal-management");
  });

  it("sends severe addiction without prior residential or detox to residential first (seed 001)", () => {
    const d = decide(fit({ conditions: [{ kind: "substance-use", severity: "severe" }] }));
    expect(d.outcome).toBe("refer-higher");
    expect(d.recommendedLevel).toBe("residential");
    expect(codes(d)).toContain("severe-without-prior-residential");
    const after = decide(
      fit({
        conditions: [{ kind: "substance-use", severity: "severe" }],
        history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: true },
      }),
    );
    expect(after.outcome).toBe("admit");
  });

  it("treats substance use with a severe co-occurring condition like severe addiction (seed 001: significant co-occurring)", () => {
    const d = decide(
      fit({
        conditions: [
          { kind: "substance-use", severity: "moderate" },
          { kind: "depression", severity: "severe" },
        ],
      }),
    );
    expect(d.recommendedLevel).toBe("residential");
  });

  it("makes an unsafe home a condition: change of environment (seeds 001, 004)", () => {
    const d = decide(
      fit({ living: "unsafe-home", dimensions: { ...fit().dimensions, recoveryEnvironment: 3 } }),
    );
    expect(d.outcome).toBe("admit-with-conditions");
    expect(conditionCodes(d)).toEqual(["change-of-environment"]);
    const sober = decide(
      fit({ living: "sober-living", dimensions: { ...fit().dimensions, recoveryEnvironment: 3 } }),
    );
    expect(conditionCodes(sober)).toEqual([]);
    const imminent = decide(
      fit({ living: "unsafe-home", dimensions: { ...fit().dimensions, recoveryEnvironment: 4 } }),
    );
    expect(imminent.recommendedLevel).toBe("residential");
  });

  it("refers someone stable after withdrawal with low risk everywhere to a lower level (seed 004)", () => {
    const d = decide(
      fit({
        detox: "completed",
        dimensions: {
          withdrawal: 0,
          biomedical: 0,
          emotionalBehavioral: 1,
          readiness: 1,
          relapsePotential: 1,
          recoveryEnvironment: 1,
        },
      }),
    );
    expect(d.outcome).toBe("refer-lower");
    expect(d.recommendedLevel).toBe("outpatient");
    expect(codes(d)[0]).toBe("lower-level-suffices");
  });

  it("indicates IOP after frequent relapses despite outpatient care (seed 001)", () => {
    const low = {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 1,
      relapsePotential: 1,
      recoveryEnvironment: 1,
    } as const;
    const d = decide(
      fit({
        dimensions: low,
        history: { outpatientEpisodes: 2, relapsesAfterOutpatient: 2, residentialCompleted: false },
      }),
    );
    expect(d.outcome).toBe("admit");
    // The relapse rule drives the level; the dimension finding it replaced is kept as a reason.
    expect(codes(d)).toEqual(["frequent-relapses", "highest-risk-dimension"]);
  });

  it("separates adolescents and adults (ASAM adolescent criteria: 12–17)", () => {
    expect(decide(fit({ dateOfBirth: "2010-01-01" })).outcome).toBe("refer-other");
    expect(codes(decide(fit({ dateOfBirth: "2010-01-01" })))).toContain("age-outside-population");
    expect(decide(fit({ dateOfBirth: "2010-01-01" }), teen).outcome).toBe("admit");
    expect(decide(fit(), teen).outcome).toBe("refer-other");
  });

  it("sends conditions the program does not serve elsewhere, and coordinates mild ones (seed 002)", () => {
    const d = decide(
      fit({
        conditions: [
          { kind: "substance-use", severity: "moderate" },
          { kind: "eating-disorder", severity: "moderate" },
        ],
      }),
    );
    expect(d.outcome).toBe("refer-other");
    expect(codes(d)).toContain("condition-not-served");
    const mild = decide(
      fit({
        conditions: [
          { kind: "substance-use", severity: "moderate" },
          { kind: "chronic-pain", severity: "mild" },
        ],
      }),
    );
    expect(mild.outcome).toBe("admit-with-conditions");
    expect(conditionCodes(mild)).toEqual(["coordinate-care"]);
  });

  it("answers needs-assessment for missing information, naming it (never a guess)", () => {
    const { readiness: _r, ...fiveDimensions } = fit().dimensions;
    const d = decide(fit({ dimensions: fiveDimensions, conditions: [] }));
    expect(d.outcome).toBe("needs-assessment");
    expect(
      d.reasons.filter((r) => r.code.startsWith("missing")).map((r) => [r.code, r.evidence]),
    ).toEqual([
      ["missing-dimension", { path: "dimensions.readiness" }],
      ["missing-conditions", { path: "conditions" }],
    ]);
  });

  it("answers needs-assessment for contradictory information", () => {
    expect(
      codes(
        decide(
          fit({
            living: "unsafe-home",
            dimensions: { ...fit().dimensions, recoveryEnvironment: 1 },
          }),
        ),
      ),
    ).toContain("contradiction-environment");
    expect(
      decide(
        fit({
          history: {
            outpatientEpisodes: 0,
            relapsesAfterOutpatient: 3,
            residentialCompleted: false,
          },
        }),
      ).outcome,
    ).toBe("needs-assessment");
    expect(decide(fit({ dateOfBirth: "2027-01-01" })).outcome).toBe("needs-assessment");
    // A contradiction beside a known need for more care still refers higher: safety first.
    const both = decide(
      fit({ detox: "not-needed", dimensions: { ...fit().dimensions, withdrawal: 3 } }),
    );
    expect(both.outcome).toBe("refer-higher");
    expect(codes(both)).toContain("contradiction-detox");
  });

  it("makes the evening track a condition for people who work days (seeds 001, 003)", () => {
    const works = ([1, 2, 3, 4, 5] as const).map((weekday) => ({
      weekday,
      from: "08:00",
      to: "17:00",
    }));
    const d = decide(fit({ responsibilities: ["work"], unavailable: works }));
    expect(d.outcome).toBe("admit-with-conditions");
    expect(d.conditions).toEqual([
      expect.objectContaining({ code: "track", evidence: { tracks: ["evening"] } }),
    ]);
    expect(admissionTracks(d)).toEqual(["evening"]);
    expect(admissionTracks(decide(fit()))).toBeUndefined();
    // A stored decision whose evidence is not a list of track names sets no track.
    const odd = (evidence: unknown) =>
      admissionTracks({
        ...d,
        conditions: [{ code: "track", message: "", ruleId: "flexible-track", evidence }],
      });
    expect([odd(undefined), odd({ tracks: [] }), odd({ tracks: [1] }), odd("evening")]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    const never = decide(
      fit({
        unavailable: ([1, 2, 3, 4] as const).map((weekday) => ({
          weekday,
          from: "07:00",
          to: "23:00",
        })),
      }),
    );
    // No track fits: not an admission (see no-track.test.ts).
    expect(never.outcome).toBe("refer-other");
    expect(conditionCodes(never)).toEqual([]);
  });

  it("asks for medication management for addiction or psychiatric medication (seeds 000, 001)", () => {
    expect(
      conditionCodes(
        decide(fit({ medications: [{ name: "buprenorphine", purpose: "addiction" }] })),
      ),
    ).toEqual(["medication-management"]);
    expect(
      conditionCodes(decide(fit({ medications: [{ name: "metformin", purpose: "other" }] }))),
    ).toEqual([]);
  });

  it("asks adolescent programs to engage a family member (seed 001)", () => {
    expect(
      conditionCodes(decide(fit({ dateOfBirth: "2010-01-01", familyInvolved: false }), teen)),
    ).toEqual(["engage-family"]);
  });

  it("keeps every finding: a floor that another replaces stays among the reasons", () => {
    const d = decide(
      fit({ detox: "needed", dimensions: { ...fit().dimensions, emotionalBehavioral: 2 } }),
    );
    expect(d.recommendedLevel).toBe("withdrawal-management");
    expect(codes(d).slice(0, 2)).toEqual(["detox-needed", "highest-risk-dimension"]);
  });

  it("names the highest-rated dimension when several place at the same level", () => {
    const d = decide(
      fit({
        dimensions: {
          withdrawal: 0,
          biomedical: 0,
          emotionalBehavioral: 1,
          readiness: 0,
          relapsePotential: 0,
          recoveryEnvironment: 0,
        },
      }),
    );
    expect(d.reasons.find((r) => r.code === "highest-risk-dimension")?.dimension).toBe(
      "emotionalBehavioral",
    );
  });

  it("flags detox recorded as needed with no withdrawal risk", () => {
    const d = decide(fit({ detox: "needed", dimensions: { ...fit().dimensions, withdrawal: 0 } }));
    expect(codes(d)).toContain("contradiction-detox");
  });

  it("says so when it could not check age", () => {
    const d = assessEligibility(parseParticipant(fit()), sud);
    expect(d.asOf).toBeUndefined();
    expect(codes(d)).toContain("age-unchecked");
  });

  it("keeps the computed decision beside a clinician's override, which needs a reason", () => {
    const d = decide(fit({ conditions: [{ kind: "substance-use", severity: "severe" }] }), sud, {
      override: {
        outcome: "admit",
        reason: "residential unavailable; daily check-ins agreed",
        clinician: "Dr. Okafor",
        date: asOf,
      },
    });
    expect(d.outcome).toBe("admit");
    // Admitting without naming a level means this program's level; the computed one is kept.
    expect(d.recommendedLevel).toBe("intensive-outpatient");
    expect(d.computed).toEqual({ outcome: "refer-higher", recommendedLevel: "residential" });
    const named = decide(fit(), sud, {
      override: {
        outcome: "refer-higher",
        recommendedLevel: "partial-hospitalization",
        reason: "co-occurring psychosis",
        clinician: "Dr. O",
      },
    });
    expect([named.outcome, named.recommendedLevel]).toEqual([
      "refer-higher",
      "partial-hospitalization",
    ]);
    expect(d.override?.clinician).toBe("Dr. Okafor");
    expect(() =>
      decide(fit(), sud, { override: { outcome: "admit", reason: " ", clinician: "Dr. O" } }),
    ).toThrow(IopError);
    expect(() =>
      decide(fit(), sud, { override: { outcome: "admit", reason: " ", clinician: "Dr. O" } }),
    ).toThrow(/override\.reason/);
  });

  it("reads its thresholds and switches from the rule set (rules are data)", () => {
    const low = {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 1,
      relapsePotential: 1,
      recoveryEnvironment: 1,
    } as const;
    const twoRelapses = fit({
      dimensions: low,
      history: { outpatientEpisodes: 2, relapsesAfterOutpatient: 2, residentialCompleted: false },
    });
    const stricter: EligibilityRules = {
      ...eligibilityRules,
      "frequent-relapses-indicate-iop": {
        ...eligibilityRules["frequent-relapses-indicate-iop"],
        params: { minRelapsesAfterOutpatient: 3 },
      },
    };
    expect(decide(twoRelapses, sud, { rules: stricter }).outcome).toBe("refer-lower");
    const noMeds: EligibilityRules = {
      ...eligibilityRules,
      "medication-continuity": { ...eligibilityRules["medication-continuity"], enabled: false },
    };
    const d = decide(fit({ medications: [{ name: "buprenorphine", purpose: "addiction" }] }), sud, {
      rules: noMeds,
    });
    expect(d.outcome).toBe("admit");
    expect(d.rulesApplied).not.toContain("medication-continuity");
    for (const rule of Object.values(eligibilityRules))
      expect(Array.isArray(rule.sources)).toBe(true);
  });
});
