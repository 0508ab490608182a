/**
 * ajv 8 (draft 2020-12, strict mode, every error) with ajv-formats, in the import form the recipe
 * verified under nodenext and bundler (scratch/interop-probe RECIPE.md §3), and the zod schema of
 * every record that has a JSON Schema.
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsImport, { type FormatsPlugin } from "ajv-formats";
import { WaitlistEntry } from "iopkit/capacity";
import {
  AftercarePlan,
  Authorization,
  CheckInOutcome,
  AttendanceRecord,
  ClinicianOverride,
  Consent,
  DisclosureRequest,
  DrugTestResult,
  EligibilityDecision,
  Enrollment,
  EpisodeEvent,
  EpisodeLog,
  MeasureAdministration,
  Participant,
  Program,
  RedactionPolicy,
  RelapsePreventionPlan,
  Schedule,
  ScheduledSession,
  Staff,
  jsonSchema,
  jsonSchemaNames,
  type JsonSchemaName,
  type Schema,
} from "iopkit";

const addFormats: FormatsPlugin =
  (addFormatsImport as unknown as { default?: FormatsPlugin }).default ?? addFormatsImport;

export function makeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  return ajv;
}

/** The zod schema behind each JSON Schema. */
export const zodSchemas: Record<JsonSchemaName, Schema<unknown, unknown>> = {
  Program,
  Participant,
  Consent,
  Enrollment,
  Staff,
  Schedule,
  ScheduledSession,
  MeasureAdministration,
  DisclosureRequest,
  RedactionPolicy,
  ClinicianOverride,
  EligibilityDecision,
  AftercarePlan,
  RelapsePreventionPlan,
  CheckInOutcome,
  AttendanceRecord,
  DrugTestResult,
  EpisodeEvent,
  EpisodeLog,
  Authorization,
  WaitlistEntry,
};

/** One ajv holding every record's schema; `validate(name, value)` checks a value against one. */
export function schemaValidator(): (name: JsonSchemaName, value: unknown) => boolean {
  const ajv = makeAjv();
  for (const name of jsonSchemaNames) ajv.addSchema(jsonSchema(name));
  return (name, value) => {
    const validate = ajv.getSchema(jsonSchema(name).$id);
    if (validate === undefined) throw new Error(`no schema for ${name}`);
    return validate(value) as boolean;
  };
}
