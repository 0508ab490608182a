/**
 * Data exchange with other systems: iCalendar export of schedules (`toICalendar`) and JSON Schemas
 * of the input records (`jsonSchemas`), under iopkit's canonical URLs.
 * @module interop
 */
export { canonicalBaseUrl, schemaBaseUrl } from "./canonical";
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
