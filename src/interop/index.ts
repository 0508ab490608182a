/**
 * Data exchange with other systems and with storage: FHIR R4 bundles (`toFhirBundle`), FHIR R4
 * read back into iopkit's records with an import report (`readFhir`, and `readFhirNdjson` for
 * Bulk Data NDJSON), iCalendar
 * export of schedules (`toICalendar`), JSON Schemas of the stored records (`jsonSchemas`) under
 * iopkit's canonical URLs, and the stored records' formats and migrations (`recordFormats`,
 * `migrateRecord`).
 * @module interop
 */
export { canonicalBaseUrl, schemaBaseUrl } from "./canonical";
export type { ExportAudience } from "./audience";
export {
  toICalendar,
  type CalendarAudience,
  type SessionText,
  type ToICalendarOptions,
} from "./icalendar/to-icalendar";
export {
  jsonSchema,
  jsonSchemaNames,
  jsonSchemas,
  type JsonSchemaDocument,
  type JsonSchemaName,
} from "./json-schema/json-schemas";
export {
  recordFormats,
  recordKinds,
  type RecordInputOf,
  type RecordKind,
  type RecordOf,
} from "./records/record-kinds";
export {
  migrateRecord,
  parseRecord,
  safeMigrateRecord,
  safeParseRecord,
} from "./records/migrate-record";
export {
  toFhirBundle,
  type FhirBundleType,
  type FhirExport,
  type FhirExportInput,
  type FhirExportResource,
  type FhirScheduleInput,
  type ToFhirBundleOptions,
} from "./fhir/to-fhir-bundle";
export { fhirOmissionCodes, type FhirOmission, type FhirOmissionCode } from "./fhir/fhir-omission";
export { type ScoredMeasure } from "./fhir/observation";
export { fhirIdNamespace, fhirResourceId } from "./fhir/fhir-resource-id";
export {
  fhirCodeSystems,
  fhirExtensions,
  fhirIdentifierKinds,
  fhirIdentifierSystems,
  type FhirIdentifierKind,
} from "./fhir/fhir-urls";
export { readFhir, type FhirRead, type FhirRecords } from "./fhir/read/read-fhir";
export {
  readFhirNdjson,
  readFhirNdjsonSync,
  type FhirNdjsonLine,
  type FhirNdjsonSource,
  type ReadFhirNdjsonOptions,
} from "./fhir/read/ndjson";
export type { ReadFhirOptions } from "./fhir/read/context";
export { fhirReadLimits, type FhirReadLimits } from "./fhir/read/limits";
export {
  fhirReadIssueCodes,
  type FhirReadEntry,
  type FhirReadIssue,
  type FhirReadIssueCode,
  type FhirReadReport,
  type FhirRecordKind,
} from "./fhir/read/report";
export type { FhirIdentifier, FhirPatient } from "./fhir/read/patient";
export type { FhirMeasure } from "./fhir/read/measures";
export type { FhirAttendance } from "./fhir/read/attendance";
export type { FhirEpisode } from "./fhir/read/episode";
export type { FhirConsent } from "./fhir/read/consent";
export type { FhirCoverage } from "./fhir/read/coverage";
