import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assessEligibility,
  dimensionKeys,
  EligibilityDecision,
  levelOfCareRank,
  type Risk,
} from "iopkit";
import { participant, program } from "iopkit/testing";

describe("eligibility laws", () => {
  it("raising any one dimension's risk never lowers the recommended level", () => {
    // Walk the chosen dimension through 0…4 with the others fixed: the levels never fall.
    const anyOrLow = fc.oneof(participant({ riskProfile: "low" }), participant());
    fc.assert(
      fc.property(anyOrLow, program(), fc.constantFrom(...dimensionKeys), (p, prog, key) => {
        const ranks = ([0, 1, 2, 3, 4] as Risk[]).map(
          (rating) =>
            levelOfCareRank[
              assessEligibility({ ...p, dimensions: { ...p.dimensions, [key]: rating } }, prog)
                .recommendedLevel
            ],
        );
        for (let i = 1; i < ranks.length; i++)
          expect(ranks[i]).toBeGreaterThanOrEqual(ranks[i - 1] ?? 0);
      }),
      { numRuns: 300 },
    );
  });

  it("every decision that is not a plain admit has at least one reason; every decision has one", () => {
    fc.assert(
      fc.property(participant({ allowMissingDimensions: true }), program(), (p, prog) => {
        const d = assessEligibility(p, prog);
        expect(d.reasons.length).toBeGreaterThan(0);
        if (d.outcome === "admit-with-conditions") expect(d.conditions.length).toBeGreaterThan(0);
      }),
    );
  });

  it("is deterministic, total, does not mutate, and returns a valid JSON record", () => {
    fc.assert(
      fc.property(participant({ allowMissingDimensions: true }), program(), (p, prog) => {
        const copy = structuredClone(p);
        const a = assessEligibility(p, prog, { asOf: "2026-03-09" });
        expect(assessEligibility(p, prog, { asOf: "2026-03-09" })).toEqual(a);
        expect(p).toEqual(copy);
        expect(EligibilityDecision.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
      }),
    );
  });

  it("low-risk adults meeting the IOP profile are never sent to a more intensive level than IOP", () => {
    fc.assert(
      fc.property(
        participant({ riskProfile: "iop-fit", ageGroup: "adult" }),
        program({ population: "adult" }),
        (p, prog) => {
          fc.pre(p.detox !== "needed" && !p.conditions.some((c) => c.severity === "severe"));
          const d = assessEligibility(p, prog);
          expect(levelOfCareRank[d.recommendedLevel]).toBeLessThanOrEqual(
            levelOfCareRank["partial-hospitalization"],
          );
        },
      ),
    );
  });
});
