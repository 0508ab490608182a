// The page "FHIR code systems and extensions" (generated at docs build time from the code's own
// tables) covers every code system and extension toFhirBundle writes, and every code it lists is
// one the export can write.
import { describe, expect, it } from "vitest";
import {
  drugTestOutcomes,
  fhirCodeSystems,
  fhirExtensions,
  instruments,
  levelsOfCare,
  sessionTypes,
} from "iopkit";
import {
  codeSystemPages,
  codeSystemsMarkdown,
  extensionPages,
} from "../../src/interop/fhir/code-systems";

describe("the iopkit.dev code systems page", () => {
  it("has a section for every code system and every extension, under its URL", () => {
    expect(codeSystemPages().map((c) => [c.key, c.url])).toEqual(Object.entries(fhirCodeSystems));
    expect(extensionPages().map((e) => [e.key, e.url])).toEqual(Object.entries(fhirExtensions));
    const md = codeSystemsMarkdown();
    for (const url of [...Object.values(fhirCodeSystems), ...Object.values(fhirExtensions)])
      expect(md).toContain(`\`${url}\``);
  });

  it("lists exactly the codes of the tables the export reads", () => {
    const codes = (key: keyof typeof fhirCodeSystems) =>
      codeSystemPages()
        .find((c) => c.key === key)
        ?.concepts.map((k) => k.code);
    expect(codes("sessionType")).toEqual(Object.keys(sessionTypes));
    expect(codes("levelOfCare")).toEqual(levelsOfCare.map((l) => l.code));
    expect(codes("instrument")).toEqual(Object.keys(instruments));
    expect(codes("drugTestResult")).toEqual(
      drugTestOutcomes.filter((o) => o !== "refused" && o !== "missed"),
    );
    expect(codes("bamComposite")).toEqual(["use", "risk", "protective"]);
    // The purposes with no v3-ActReason code, every one the Consent writer can put under this system.
    expect(codes("disclosurePurpose")).toEqual(["audit", "patient-request", "other"]);
    expect(codeSystemsMarkdown()).toMatch(/\| `82667-7`|LOINC total 82667-7/);
    for (const c of codeSystemPages()) expect(c.concepts.length, c.key).toBeGreaterThan(0);
  });
});
