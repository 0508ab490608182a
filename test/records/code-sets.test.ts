// Closed code sets: each is a union of string literals and a `const` array, so an app can switch
// exhaustively and list the codes. The compiler proves the code produces no code outside its set
// (every producer is typed by the union); this test proves the other half — every code in a set is
// one the code can produce (it appears in the source that produces it, or the table it comes
// from) — and that each set's schema accepts exactly its codes.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as iop from "iopkit";

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });

/**
 * The string literals in `paths`, leaving out the array literals that declare a code set (an
 * `export const x = [ … ] as const`): what the code itself writes.
 */
function literalsIn(paths: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    const sf = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (
        ts.isVariableDeclaration(n) &&
        n.initializer !== undefined &&
        ts.isAsExpression(n.initializer) &&
        ts.isArrayLiteralExpression(n.initializer.expression)
      )
        return;
      if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.add(n.text);
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

const src = (...parts: string[]): string[] =>
  parts.flatMap((p) => (p.endsWith(".ts") ? [join("src", p)] : files(join("src", p))));

/** Each code set produced by iopkit's own logic, and the sources that produce it. */
const produced: readonly [string, readonly string[], readonly string[]][] = [
  ["eligibilityReasonCodes", iop.eligibilityReasonCodes, src("eligibility/assess.ts")],
  ["eligibilityConditionCodes", iop.eligibilityConditionCodes, src("eligibility/assess.ts")],
  ["eligibilityOutcomes", iop.eligibilityOutcomes, src("eligibility/assess.ts")],
  ["shortfallCodes", iop.shortfallCodes, src("schedule").filter((f) => !f.endsWith("records.ts"))],
  [
    "shortfallInvariants",
    iop.shortfallInvariants,
    src("schedule").filter((f) => !f.endsWith("records.ts")),
  ],
  [
    "unschedulableCodes",
    iop.unschedulableCodes,
    src("schedule").filter((f) => !f.endsWith("records.ts")),
  ],
  [
    "invariantCodes",
    iop.invariantCodes.filter((c) => c !== "S11"),
    src("schedule/check.ts", "schedule/check-venues.ts"),
  ],
  ["disclosureReasonCodes", iop.disclosureReasonCodes, src("privacy/can-disclose.ts")],
  ["part2Elements", iop.part2Elements, src("privacy/can-disclose.ts")],
  [
    "aftercareReasonCodes",
    iop.aftercareReasonCodes,
    src("aftercare/plan-aftercare.ts", "aftercare/review-aftercare.ts"),
  ],
  ["aftercareComponentKinds", iop.aftercareComponentKinds, src("aftercare/plan-aftercare.ts")],
  ["aftercareSituations", iop.aftercareSituations, src("aftercare/situation.ts")],
  ["recommendationCodes", iop.recommendationCodes, src("aftercare/review-aftercare.ts")],
  ["contactStatuses", iop.contactStatuses, src("aftercare/review-aftercare.ts")],
  ["episodeErrorCodes", iop.episodeErrorCodes, src("episode/apply-event.ts")],
  ["complianceStatuses", iop.complianceStatuses, src("attendance/weekly-compliance.ts")],
  ["fhirOmissionCodes", iop.fhirOmissionCodes, src("interop/fhir")],
];

describe("closed code sets", () => {
  it.each(produced)("%s: every code is one the code produces", (_name, codes, sources) => {
    const written = literalsIn(sources);
    expect(sources.length).toBeGreaterThan(0);
    expect(codes.filter((c) => !written.has(c))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("IopIssueCode: zod's codes in kebab case, and every other code is one iopkit reports", () => {
    const zodCodes = [
      "invalid-type",
      "too-small",
      "too-big",
      "invalid-format",
      "not-multiple-of",
      "unrecognized-keys",
      "invalid-union",
      "invalid-key",
      "invalid-element",
      "invalid-value",
      "custom",
    ];
    const written = literalsIn(files("src").filter((f) => !f.endsWith("issue-codes.ts")));
    expect(iop.iopIssueCodes.slice(0, zodCodes.length)).toEqual(zodCodes);
    expect(iop.iopIssueCodes.slice(zodCodes.length).filter((c) => !written.has(c))).toEqual([]);
    expect(new Set(iop.iopIssueCodes).size).toBe(iop.iopIssueCodes.length);
    // An episode log that cannot be replayed is reported with the episode's own codes.
    expect(iop.episodeErrorCodes.filter((c) => !iop.iopIssueCodes.includes(c))).toEqual([]);
  });

  it("tables keyed by a code set have exactly its codes", () => {
    expect(Object.keys(iop.sessionTypes)).toEqual([...iop.sessionTypeIds]);
    expect(Object.keys(iop.instruments).sort()).toEqual([...iop.instrumentIds].sort());
    expect(Object.keys(iop.eligibilityRules)).toEqual([...iop.eligibilityRuleIds]);
    expect(Object.keys(iop.levelOfCareRank)).toEqual([...iop.levelOfCareIds]);
    expect(Object.keys(iop.aftercareComponentsBySituation).sort()).toEqual(
      [...iop.aftercareSituations].sort(),
    );
    expect([...new Set(Object.values(iop.aftercareComponentsBySituation).flat())].sort()).toEqual(
      [...iop.aftercareComponentKinds].sort(),
    );
  });

  /** Each code set that has a schema: the schema accepts exactly the set. */
  const schemas: readonly [
    string,
    readonly unknown[],
    { safeParse(x: unknown): { success: boolean } },
  ][] = [
    ["sessionTypeIds", iop.sessionTypeIds, iop.SessionTypeId],
    ["staffRoles", iop.staffRoles, iop.StaffRole],
    ["modalities", iop.modalities, iop.Modality],
    ["levelOfCareIds", iop.levelOfCareIds, iop.LevelOfCareId],
    ["asamEditions", iop.asamEditions, iop.AsamEdition],
    ["populations", iop.populations, iop.Population],
    ["conditionKinds", iop.conditionKinds, iop.ConditionKind],
    ["oneToOneAppliesTo", iop.oneToOneAppliesTo, iop.OneToOneAppliesTo],
    ["instrumentIds", iop.instrumentIds, iop.InstrumentId],
    ["sexes", iop.sexes, iop.Sex],
    ["bamSubstances", iop.bamSubstances, iop.BamSubstance],
    ["bamCompositeIds", iop.bamCompositeIds, iop.BamCompositeId],
    ["changeDirections", iop.changeDirections, iop.ChangeDirection],
    ["riskRatings", iop.riskRatings, iop.Risk],
    ["disclosurePurposes", iop.disclosurePurposes, iop.DisclosurePurpose],
    ["informationKinds", iop.informationKinds, iop.InformationKind],
    ["eligibilityOutcomes", iop.eligibilityOutcomes, iop.EligibilityOutcome],
    ["pathReasons", iop.pathReasons, iop.PathReason],
    ["invariantCodes", iop.invariantCodes, iop.InvariantCode],
    ["part2Elements", iop.part2Elements, iop.Part2Element],
    ["attendanceStatuses", iop.attendanceStatuses, iop.AttendanceStatus],
    ["drugTestOutcomes", iop.drugTestOutcomes, iop.DrugTestOutcome],
    ["complianceStatuses", iop.complianceStatuses, iop.ComplianceStatus],
    ["reviewOutcomes", iop.reviewOutcomes, iop.ReviewOutcome],
    ["dischargeTypes", iop.dischargeTypes, iop.DischargeType],
    ["dischargeReasons", iop.dischargeReasons, iop.DischargeReason],
    ["aftercareSituations", iop.aftercareSituations, iop.AftercareSituation],
    ["mutualSupportGroups", iop.mutualSupportGroups, iop.MutualSupportGroup],
    ["handoffDestinations", iop.handoffDestinations, iop.HandoffDestination],
    ["planEntrySources", iop.planEntrySources, iop.PlanEntrySource],
  ];
  it.each(schemas)("%s: its schema accepts each code and nothing else", (_name, codes, schema) => {
    for (const c of codes) expect(schema.safeParse(c).success, String(c)).toBe(true);
    expect(schema.safeParse("not-a-code").success).toBe(false);
    expect(schema.safeParse(99).success).toBe(false);
  });

  it("episode events, aftercare components and decisions are told apart by the codes of their sets", () => {
    const kinds = iop.jsonSchema("EpisodeEvent")["oneOf"] as {
      properties: { kind: { const: string } };
    }[];
    expect(kinds.map((k) => k.properties.kind.const)).toEqual([...iop.episodeEventKinds]);
    const plan = iop.jsonSchema("AftercarePlan") as unknown as {
      properties: {
        components: { items: { oneOf: { properties: { kind: { const: string } } }[] } };
      };
    };
    expect(plan.properties.components.items.oneOf.map((c) => c.properties.kind.const)).toEqual([
      ...iop.aftercareComponentKinds,
    ]);
  });
});
