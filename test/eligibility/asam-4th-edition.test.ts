// ASAM Criteria, 4th edition (2023): its six dimensions are named and keyed differently, and its
// risk ratings are not the 3rd edition's 0–4 table (unverified: the book is licensed; several
// independent implementations agree on the names). iopkit has no public 4th-edition rating table,
// so a program on edition 4 is not placed by 3rd-edition dimension ratings: the decision says so.
// Level 2.7 is its own concept (medically managed, not IOP); 4th-edition IOP exports 2.1.
import { describe, expect, it } from "vitest";
import {
  asamDimensions,
  assessEligibility,
  fhirCodeSystems,
  hoursBandOf,
  levelOfCareRank,
  levelsOfCare,
  parseParticipant,
  programTemplates,
  toFhirBundle,
  type ParticipantInput,
  type Program,
} from "iopkit";
import { person } from "../people";

const zone = "America/New_York";
const third = programTemplates.substanceUseAdult({ timeZone: zone });
const fourth: Program = { ...third, asamEdition: 4 };
const asOf = "2026-03-09";
const fit: ParticipantInput = person("p-1");

describe("asamDimensions", () => {
  it("names each edition's six dimensions with its own keys; only the 3rd edition's read ratings", () => {
    expect(asamDimensions[3].map((d) => [d.number, d.key, d.ratingKey])).toEqual([
      [1, "withdrawal", "withdrawal"],
      [2, "biomedical", "biomedical"],
      [3, "emotionalBehavioral", "emotionalBehavioral"],
      [4, "readiness", "readiness"],
      [5, "relapsePotential", "relapsePotential"],
      [6, "recoveryEnvironment", "recoveryEnvironment"],
    ]);
    expect(asamDimensions[4].map((d) => [d.number, d.key, d.name, d.ratingKey])).toEqual([
      [
        1,
        "intoxicationWithdrawalMedications",
        "Intoxication, Withdrawal, and Addiction Medications",
        null,
      ],
      [2, "biomedicalConditions", "Biomedical Conditions", null],
      [3, "psychiatricCognitiveConditions", "Psychiatric and Cognitive Conditions", null],
      [4, "substanceUseRelatedRisks", "Substance Use-Related Risks", null],
      [5, "recoveryEnvironmentInteractions", "Recovery Environment Interactions", null],
      [6, "personCenteredConsiderations", "Person-Centered Considerations", null],
    ]);
    for (const d of asamDimensions[4])
      expect(d.sources[0]).toEqual({
        source: "asam-criteria-4th-2023",
        section: `dimension ${d.number}`,
      });
  });
});

describe("placement on a 4th-edition program", () => {
  it("the 3rd edition places this participant at IOP (admit); the 4th edition is needs-assessment, saying why", () => {
    expect(assessEligibility(parseParticipant(fit), third, { asOf }).outcome).toBe("admit");
    const d = assessEligibility(parseParticipant(fit), fourth, { asOf });
    expect(d.outcome).toBe("needs-assessment");
    expect(d.asamEdition).toBe(4);
    expect(d.reasons.filter((r) => r.code === "asam-4th-edition-placement")).toEqual([
      {
        code: "asam-4th-edition-placement",
        ruleId: "dimension-levels",
        message:
          "this program places by the ASAM Criteria, 4th edition, whose dimensions and risk ratings differ from the 3rd edition's (asamDimensions[4]); iopkit has no public 4th-edition rating table, so it does not place by dimension ratings: the clinician decides the level (override)",
        evidence: { asamEdition: 4 },
      },
    ]);
    expect(d.reasons.map((r) => r.code)).not.toContain("highest-risk-dimension");
  });

  it("does not ask for 3rd-edition ratings, and a clinician's override admits", () => {
    const unrated = parseParticipant({ ...fit, dimensions: {} });
    const d = assessEligibility(unrated, fourth, { asOf });
    expect(d.reasons.map((r) => r.code)).not.toContain("missing-dimension");
    const o = assessEligibility(unrated, fourth, {
      asOf,
      override: {
        outcome: "admit",
        reason: "4th-edition assessment: level 2.1",
        clinician: "Dr. O",
      },
    });
    expect([o.outcome, o.recommendedLevel, o.computed.outcome]).toEqual([
      "admit",
      "intensive-outpatient",
      "needs-assessment",
    ]);
  });

  it("rules that do not read dimension ratings still act: detox needed refers higher", () => {
    const detox = parseParticipant({ ...fit, detox: "needed", dimensions: {} });
    const d = assessEligibility(detox, fourth, { asOf });
    expect([d.outcome, d.recommendedLevel]).toEqual(["refer-higher", "withdrawal-management"]);
  });
});

describe("level 2.7 and 4th-edition IOP", () => {
  it("2.7 is medically-managed-intensive-outpatient, with no hours band (unverified), ranked between 2.5 and residential", () => {
    const l27 = levelsOfCare.filter((l) => l.code === "2.7");
    expect(l27.map((l) => [l.id, l.edition, l.hours])).toEqual([
      ["medically-managed-intensive-outpatient", 4, null],
    ]);
    expect(l27[0]?.sources.some((s) => "unverified" in s)).toBe(true);
    expect(hoursBandOf("medically-managed-intensive-outpatient", "adult")).toBeNull();
    const r = levelOfCareRank;
    expect(r["partial-hospitalization"]).toBeLessThan(r["medically-managed-intensive-outpatient"]);
    expect(r["medically-managed-intensive-outpatient"]).toBeLessThan(r.residential);
    expect(
      levelsOfCare
        .filter((l) => l.id === "intensive-outpatient" && l.edition === 4)
        .map((l) => l.code),
    ).toEqual(["2.1"]);
  });

  it("a 4th-edition IOP exports ASAM 2.1 (version 4)", () => {
    const { bundle } = toFhirBundle({ program: fourth }, { now: "2026-03-02T12:00:00Z" });
    const plan = bundle.entry
      ?.map((e) => e.resource)
      .find((x) => x?.resourceType === "PlanDefinition");
    if (plan?.resourceType !== "PlanDefinition") throw new Error("no PlanDefinition");
    expect(plan.topic?.[0]?.coding?.find((c) => c.system === fhirCodeSystems.levelOfCare)).toEqual({
      system: fhirCodeSystems.levelOfCare,
      version: "4",
      code: "2.1",
      display: "Intensive Outpatient Treatment",
    });
  });
});
