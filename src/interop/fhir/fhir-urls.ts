/**
 * The URLs `toFhirBundle` writes: iopkit's own code systems, extensions and default identifier
 * systems, all under {@link canonicalBaseUrl} (`https://iopkit.dev/fhir/…`), and the HL7 and LOINC
 * systems it uses. Canonical URLs are identifiers: nothing has to answer at them.
 */
import { canonicalBaseUrl } from "../canonical";

const fhirBase = `${canonicalBaseUrl}/fhir`;

/**
 * iopkit's FHIR code systems, for codes HL7 and LOINC have no concept for:
 * - `levelOfCare` — `https://iopkit.dev/fhir/CodeSystem/level-of-care`: ASAM levels of care by
 *   their ASAM code (`"2.1"`, `"3.7"`, `"1-WM"`, `"1.0"`), with the **ASAM edition as
 *   `Coding.version`** (`"3"` = 3rd ed. 2013, `"4"` = 4th ed. 2023). No HL7 code system for ASAM
 *   levels was found (unverified: a negative claim); one state's FHIR guide also uses a local code
 *   system for them (Colorado BHA FHIR IG (2025)).
 * - `levelOfCareConcept` — `…/level-of-care-concept`: iopkit's edition-independent level concepts
 *   (`LevelOfCareId`, e.g. `"intensive-outpatient"`), unversioned. Every level-of-care
 *   CodeableConcept carries this coding, plus a `levelOfCare` coding when the concept names exactly
 *   one ASAM level in the edition (e.g. IOP is 2.1 in the 3rd edition, but 2.1 or 2.7 in the 4th).
 * - `sessionType` — `…/session-type`: `SessionTypeId` (`"group-therapy"`, `"drug-test"`, …).
 * - `drugTest` — `…/drug-test`: the test itself, code `"drug-screen"` (iopkit uses a local code;
 *   `loinc` has many panel and analyte codes, and a program may supply its own).
 * - `drugTestResult` — `…/drug-test-result`: `"negative"`, `"positive"`, and the specimen outcomes
 *   `"dilute"`, `"adulterated"`, `"substituted"`, `"invalid"` (`hhs-mandatory-guidelines-urine-2017`
 *   terms; a refused or missed test has no value but a `dataAbsentReason`).
 * - `instrument` — `…/instrument`: `InstrumentId` (`"phq-9"`, `"dast-10"`, `"bam"`, …), beside
 *   the LOINC code where one exists.
 * - `scoreBand` — `…/score-band`: a score's band id (`"moderately-severe"`, `"positive"`, …).
 * - `bamComposite` — `…/bam-composite`: `"use"`, `"risk"`, `"protective"`.
 * - `informationKind` — `…/information-kind`: `InformationKind` (a consent's `provision.class`).
 * - `disclosurePurpose` — `…/disclosure-purpose`: `"audit"`, `"patient-request"` and `"other"`, the purposes with no
 *   v3-ActReason code (the others use `TREAT`, `HPAYMT`, `HOPERAT`, `HRESCH`, `HLEGAL`).
 */
export const fhirCodeSystems = {
  levelOfCare: `${fhirBase}/CodeSystem/level-of-care`,
  levelOfCareConcept: `${fhirBase}/CodeSystem/level-of-care-concept`,
  sessionType: `${fhirBase}/CodeSystem/session-type`,
  drugTest: `${fhirBase}/CodeSystem/drug-test`,
  drugTestResult: `${fhirBase}/CodeSystem/drug-test-result`,
  instrument: `${fhirBase}/CodeSystem/instrument`,
  scoreBand: `${fhirBase}/CodeSystem/score-band`,
  bamComposite: `${fhirBase}/CodeSystem/bam-composite`,
  informationKind: `${fhirBase}/CodeSystem/information-kind`,
  disclosurePurpose: `${fhirBase}/CodeSystem/disclosure-purpose`,
} as const;

/**
 * iopkit's FHIR extensions (`https://iopkit.dev/fhir/StructureDefinition/<name>`), for facts a
 * FHIR R4 resource has no element for. Complex extensions carry their parts as nested extensions
 * with the relative URLs in brackets:
 * - `phase` — the treatment phase: `[id]` valueString (the phase id), `[reason]` valueCode
 *   (`admission`, `step-down`, `step-up`). On EpisodeOfCare.statusHistory, CarePlan.activity.detail
 *   and Appointment.
 * - `discharge` — on EpisodeOfCare: `[type]` valueCode (`DischargeType`), `[reason]` valueCode
 *   (`DischargeReason`), `[referredTo]` valueCodeableConcept (a level of care).
 * - `attendance` — on Appointment: `[status]` valueCode (`AttendanceStatus`), `[lateMinutes]`,
 *   `[leftEarlyMinutes]` valueInteger.
 * - `drugTest` — on a drug-test Observation: `[observed]` and `[confirmed]` valueBoolean.
 * - `scoreBand` — on a measure Observation (and each BAM composite component): valueCoding, the
 *   score's band in the `scoreBand` code system (`"moderate"`, `"positive"`, …). A band is the
 *   instrument's severity range, not an HL7 interpretation (high/low/normal), so it is not put in
 *   `Observation.interpretation`.
 * - `part2Consent` — on Consent, the 42 CFR Part 2 elements R4 has no place for:
 *   `[statesRightToRevoke]`, `[coversAllTpo]` valueBoolean, `[amount]` valueString,
 *   `[expiryEvent]` valueString, `[noExpiry]` valueBoolean, `[revokedOn]` valueDate.
 * - `recipientClass` — valueBoolean `true` on a Consent `provision.actor` that is a class of
 *   recipients (e.g. "my treating providers") rather than a named one.
 * - `delivery` — on Appointment and Encounter, how the participant attends a session that records
 *   its delivery mode: `[mode]` valueCode (`in-person`, `video`, `phone`), `[sessionMode]`
 *   valueCode (the session's, e.g. `hybrid`), `[placeOfService]` valueCoding (CMS Place of
 *   Service Code Set, system `https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set`;
 *   the session's code, written for the seats it applies to), `[room]` valueString (the room id).
 */
export const fhirExtensions = {
  phase: `${fhirBase}/StructureDefinition/phase`,
  discharge: `${fhirBase}/StructureDefinition/discharge`,
  attendance: `${fhirBase}/StructureDefinition/attendance`,
  delivery: `${fhirBase}/StructureDefinition/delivery`,
  drugTest: `${fhirBase}/StructureDefinition/drug-test`,
  scoreBand: `${fhirBase}/StructureDefinition/score-band`,
  part2Consent: `${fhirBase}/StructureDefinition/part2-consent`,
  recipientClass: `${fhirBase}/StructureDefinition/recipient-class`,
} as const;

/**
 * The kinds of iopkit record that become a FHIR resource with an `identifier`; each has its own
 * identifier system ({@link fhirIdentifierSystems}, or the app's, see `ToFhirBundleOptions`).
 */
export const fhirIdentifierKinds = [
  "participant",
  "staff",
  "program",
  "episode",
  "care-plan",
  "group",
  "session",
  "appointment",
  "encounter",
  "drug-test",
  "measure",
  "consent",
] as const;

/** A kind of identifier, e.g. `"participant"` (see {@link fhirIdentifierKinds}). */
export type FhirIdentifierKind = (typeof fhirIdentifierKinds)[number];

/**
 * The default identifier system of each kind: `https://iopkit.dev/fhir/identifier/<kind>`. Pass
 * your own (`identifierSystems` option) when several clinics share a FHIR server, or to use your
 * patient identifier system (e.g. your MRN's) for participants.
 */
export const fhirIdentifierSystems: { readonly [K in FhirIdentifierKind]: string } = {
  participant: `${fhirBase}/identifier/participant`,
  staff: `${fhirBase}/identifier/staff`,
  program: `${fhirBase}/identifier/program`,
  episode: `${fhirBase}/identifier/episode`,
  "care-plan": `${fhirBase}/identifier/care-plan`,
  group: `${fhirBase}/identifier/group`,
  session: `${fhirBase}/identifier/session`,
  appointment: `${fhirBase}/identifier/appointment`,
  encounter: `${fhirBase}/identifier/encounter`,
  "drug-test": `${fhirBase}/identifier/drug-test`,
  measure: `${fhirBase}/identifier/measure`,
  consent: `${fhirBase}/identifier/consent`,
};

/** HL7 and other external systems: code systems of HL7 Terminology (THO) (2024) and HL7 FHIR R4 (2019). @internal */
export const hl7 = {
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  confidentiality: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
  actReason: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  interpretation: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation",
  observationCategory: "http://terminology.hl7.org/CodeSystem/observation-category",
  dataAbsentReason: "http://terminology.hl7.org/CodeSystem/data-absent-reason",
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  consentAction: "http://terminology.hl7.org/CodeSystem/consentaction",
  cancellationReason: "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason",
  planDefinitionType: "http://terminology.hl7.org/CodeSystem/plan-definition-type",
  usageContextType: "http://terminology.hl7.org/CodeSystem/usage-context-type",
  loinc: "http://loinc.org",
  ucum: "http://unitsofmeasure.org",
  part2: "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
  placeOfService:
    "https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set",
} as const;
