import { describe, expect, it } from "vitest";
import { eligibilityRuleIds, eligibilityRules } from "iopkit";
import { formatCitation } from "iopkit/sources";
import { provenanceProblems } from "../program/provenance";

describe("eligibility rules cite public sources", () => {
  it("every rule's sources resolve in the registry and render", () => {
    expect(
      eligibilityRuleIds.flatMap((id) => provenanceProblems(id, eligibilityRules[id].sources)),
    ).toEqual([]);
  });

  it("only iopkit's own design rule (never guess on contradictions) cites nothing", () => {
    const empty = eligibilityRuleIds.filter((id) => eligibilityRules[id].sources.length === 0);
    expect(empty).toEqual(["information-consistent"]);
  });

  it("renders the sources a clinician reads next to each rule", () => {
    const rendered = Object.fromEntries(
      eligibilityRuleIds.map((id) => [id, eligibilityRules[id].sources.map(formatCitation)]),
    );
    expect(rendered["dimension-levels"]).toEqual([
      "ASAM Criteria, 3rd ed. (2013), dimensional admission criteria, level 2.1",
      "unverified: the rating-to-level table is iopkit's simplification, not ASAM's matrix; configure it per clinic",
    ]);
    expect(rendered["withdrawal-first"]).toEqual([
      "McCarty et al. (2014)",
      "ASAM Criteria, 3rd ed. (2013), dimension 1 and withdrawal management levels",
    ]);
    expect(rendered["frequent-relapses-indicate-iop"]).toEqual([
      "SAMHSA Advisory on IOP (2021)",
      "unverified: the threshold of 2 relapses is a common program rule; configure per clinic",
    ]);
    expect(rendered["change-of-environment"]?.[0]).toBe(
      "ASAM Criteria, 3rd ed. (2013), dimension 6",
    );
    expect(rendered["population-age"]).toEqual([
      "ASAM Criteria, 3rd ed. (2013), adolescent criteria",
      "42 CFR Part 2 (2024), § 2.14",
      "unverified: the ages 12–17 are not an ASAM figure (state law defines a minor); configure per program",
    ]);
    expect(rendered["medication-continuity"]).toEqual(["SAMHSA Advisory on IOP (2021)"]);
  });

  it("every threshold a rule uses is either cited or marked unverified next to it", () => {
    const withParams = eligibilityRuleIds.filter(
      (id) => Object.keys(eligibilityRules[id].params).length > 0,
    );
    expect(withParams).toEqual([
      "dimension-levels",
      "frequent-relapses-indicate-iop",
      "change-of-environment",
      "population-age",
    ]);
    for (const id of withParams)
      expect(
        eligibilityRules[id].sources.some((p) => "unverified" in p),
        id,
      ).toBe(true);
  });

  it("a decision's reasons lead to their rule's public sources", () => {
    for (const id of eligibilityRuleIds)
      for (const p of eligibilityRules[id].sources)
        expect(formatCitation(p)).not.toMatch(/DOMAIN|DESIGN|seed/);
  });
});
