/**
 * Data exchange with other systems and with storage: FHIR R4 bundles (`toFhirBundle`; to read
 * FHIR back into iopkit's records, see `iopkit/fhir-read`), iCalendar export of schedules
 * (`toICalendar`), JSON Schemas of the stored records (`jsonSchemas`) under
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
