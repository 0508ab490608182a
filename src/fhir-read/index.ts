/**
 * FHIR R4 read into iopkit's records, with an import report naming the FHIR path of everything
 * that could not be mapped: `readFhir` for resources and Bundles (collection, searchset,
 * transaction; references resolved), `readFhirNdjson` / `readFhirNdjsonSync` for FHIR Bulk Data
 * NDJSON streamed line by line. Ingestion code for back ends and import jobs, so a subpath only:
 * the main entry, and an app's or a portal's bundle, do not carry it.
 * @module fhir-read
 */
export { readFhir, type FhirRead, type FhirRecords } from "../interop/fhir/read/read-fhir";
export {
  readFhirNdjson,
  readFhirNdjsonSync,
  type FhirNdjsonLine,
  type FhirNdjsonSource,
  type ReadFhirNdjsonOptions,
} from "../interop/fhir/read/ndjson";
export type { ReadFhirOptions } from "../interop/fhir/read/context";
export { fhirReadLimits, type FhirReadLimits } from "../interop/fhir/read/limits";
export {
  fhirReadIssueCodes,
  type FhirReadEntry,
  type FhirReadIssue,
  type FhirReadIssueCode,
  type FhirReadReport,
  type FhirRecordKind,
} from "../interop/fhir/read/report";
export type { FhirIdentifier, FhirPatient } from "../interop/fhir/read/patient";
export type { FhirMeasure } from "../interop/fhir/read/measures";
export type { FhirAttendance } from "../interop/fhir/read/attendance";
export type { FhirEpisode } from "../interop/fhir/read/episode";
export type { FhirConsent } from "../interop/fhir/read/consent";
export type { FhirCoverage } from "../interop/fhir/read/coverage";
