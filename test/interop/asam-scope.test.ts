// ASAM level codes only where the ASAM Criteria apply: addiction and co-occurring care (ASAM
// Criteria, 3rd ed. (2013); 4th ed. (2023)). A mental-health-only or eating-disorder program exports
// iopkit's level concept alone; a substance-use or co-occurring program adds the ASAM code.
import { describe, expect, it } from "vitest";
import {
  fhirCodeSystems,
  parseParticipant,
  planAftercare,
  programTemplates,
  replayEpisodeOrThrow,
  toFhirBundle,
  usesAsamLevels,
  type Program,
} from "iopkit";
import type { CodeableConcept, PlanDefinition } from "@medplum/fhirtypes";
import { person } from "../people";

const zone = "America/New_York";
const now = "2026-03-02T12:00:00Z";

function planDefinitionOf(program: Program): PlanDefinition {
  const { bundle } = toFhirBundle({ program }, { now });
  const r = bundle.entry?.map((e) => e.resource).find((x) => x?.resourceType === "PlanDefinition");
  if (r?.resourceType !== "PlanDefinition") throw new Error("no PlanDefinition");
  return r;
}
/** Every level-of-care CodeableConcept of the program's PlanDefinition (topic and actions). */
function levelConcepts(p: PlanDefinition): CodeableConcept[] {
  return [...(p.topic ?? []), ...(p.action ?? []).flatMap((a) => a.code ?? [])].filter((c) =>
    c.coding?.some((x) => x.system === fhirCodeSystems.levelOfCareConcept),
  );
}
const asamCodes = (p: PlanDefinition): string[] =>
  levelConcepts(p).flatMap((c) =>
    (c.coding ?? [])
      .filter((x) => x.system === fhirCodeSystems.levelOfCare)
      .map((x) => x.code ?? ""),
  );

describe("usesAsamLevels", () => {
  it("is true exactly when substance use is served, alone or with other conditions", () => {
    expect(usesAsamLevels({ conditionsServed: ["substance-use"] })).toBe(true);
    expect(usesAsamLevels({ conditionsServed: ["depression", "substance-use"] })).toBe(true);
    expect(usesAsamLevels({ conditionsServed: ["depression", "anxiety", "bipolar", "ptsd"] })).toBe(
      false,
    );
    expect(usesAsamLevels({ conditionsServed: ["eating-disorder", "depression"] })).toBe(false);
  });
});

describe("FHIR exports carry ASAM level codes only for substance-use programs", () => {
  it("substance use (co-occurring): the concept and ASAM 2.1", () => {
    const p = planDefinitionOf(programTemplates.substanceUseAdult({ timeZone: zone }));
    expect(p.topic?.[0]?.coding?.map((c) => [c.system, c.code])).toEqual([
      [fhirCodeSystems.levelOfCareConcept, "intensive-outpatient"],
      [fhirCodeSystems.levelOfCare, "2.1"],
    ]);
    expect(asamCodes(p)).toContain("2.1");
  });

  it("mental health only and eating disorders: the concept only, never an ASAM code", () => {
    for (const program of [
      programTemplates.mentalHealthAdult({ timeZone: zone }),
      programTemplates.eatingDisorder({ timeZone: zone }),
    ]) {
      expect(usesAsamLevels(program)).toBe(false);
      const p = planDefinitionOf(program);
      expect(levelConcepts(p).length).toBeGreaterThan(0);
      expect(asamCodes(p)).toEqual([]);
      expect(p.topic?.[0]).toEqual({
        coding: [
          {
            system: fhirCodeSystems.levelOfCareConcept,
            code: "intensive-outpatient",
            display: "Intensive outpatient",
          },
        ],
        text: "Intensive outpatient",
      });
    }
  });
});

describe("aftercare messages name ASAM codes only for substance-use programs", () => {
  const participant = parseParticipant(
    person("p-1", { conditions: [{ kind: "depression", severity: "moderate" }] }),
  );
  const continuingCare = (program: Program): string => {
    const episode = replayEpisodeOrThrow(
      [
        {
          formatVersion: 2,
          kind: "referred",
          on: "2026-04-01",
          participantId: participant.id,
          programId: program.id,
        },
        {
          formatVersion: 2,
          kind: "discharged",
          on: "2026-04-15",
          type: "not-completed",
          reason: "client-decision",
        },
      ],
      program,
    );
    if (episode.status !== "discharged") throw new Error(episode.status);
    const plan = planAftercare({ participant, episode, program, from: "2026-04-15" });
    return plan.components.find((c) => c.kind === "continuing-care")?.reason.message ?? "";
  };

  it("outpatient (ASAM 1) in a substance-use program, outpatient alone in a mental-health one", () => {
    const sud = programTemplates.substanceUseAdult({ timeZone: zone });
    expect(continuingCare({ ...sud, conditionsServed: ["substance-use", "depression"] })).toContain(
      ": outpatient (ASAM 1), 1 session a week",
    );
    const mh = continuingCare(programTemplates.mentalHealthAdult({ timeZone: zone }));
    expect(mh).toContain(": outpatient, 1 session a week");
    expect(mh).not.toContain("ASAM");
  });
});
