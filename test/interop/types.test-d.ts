import { expectTypeOf, test } from "vitest";
import { participantId, programTemplates, scorePhq9, type ScheduledSession } from "iopkit";
import type { Appointment, Bundle } from "@medplum/fhirtypes";
import {
  fhirIdentifierSystems,
  fhirResourceId,
  jsonSchema,
  jsonSchemas,
  toFhirBundle,
  toICalendar,
  type FhirBundleType,
  type FhirExport,
  type FhirExportResource,
  type FhirIdentifierKind,
  type FhirOmission,
  type FhirOmissionCode,
  type ScoredMeasure,
  type ToFhirBundleOptions,
  type CalendarAudience,
  type JsonSchemaDocument,
  type JsonSchemaName,
  type ToICalendarOptions,
} from "iopkit/interop";

declare const sessions: ScheduledSession[];
const base = { timeZone: "America/New_York", now: "2026-03-01T12:00:00Z" };

test("toICalendar returns the calendar text; timeZone and now are required", () => {
  expectTypeOf(toICalendar(sessions, base)).toEqualTypeOf<string>();
  // @ts-expect-error - `now` is required: iopkit reads no clock
  toICalendar(sessions, { timeZone: "UTC" });
  // @ts-expect-error - sessions are typed records, not unknown input
  toICalendar([{}], base);
});

test("the audience names one branded id; text options take the session", () => {
  const who: CalendarAudience = { participantId: participantId("p-1") };
  expectTypeOf(toICalendar(sessions, { ...base, for: who })).toEqualTypeOf<string>();
  // @ts-expect-error - a plain string is not a ParticipantId
  toICalendar(sessions, { ...base, for: { participantId: "p-1" } });
  const options: ToICalendarOptions = {
    ...base,
    summary: (s) => {
      expectTypeOf(s).toEqualTypeOf<ScheduledSession>();
      return "Appointment";
    },
    location: "Clinic",
    description: (s) => s.id,
  };
  expectTypeOf(options.uid).toEqualTypeOf<((session: ScheduledSession) => string) | undefined>();
  // @ts-expect-error - only METHOD:PUBLISH is offered
  toICalendar(sessions, { ...base, method: "REQUEST" });
});

test("jsonSchema takes a record name", () => {
  expectTypeOf(jsonSchema("Program")).toEqualTypeOf<JsonSchemaDocument>();
  expectTypeOf(jsonSchemas.Participant.$id).toEqualTypeOf<string>();
  expectTypeOf<"Program">().toExtend<JsonSchemaName>();
  // @ts-expect-error - not a record with a JSON Schema
  jsonSchema("Nope");
  // @ts-expect-error - the map is read-only
  jsonSchemas.Program = jsonSchema("Program");
});

test("toFhirBundle: typed records in, a typed R4 Bundle and the omissions out", () => {
  const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
  const out = toFhirBundle({ program }, { now: "2026-03-01T12:00:00Z" });
  expectTypeOf(out).toEqualTypeOf<FhirExport>();
  expectTypeOf(out.bundle).toEqualTypeOf<Bundle<FhirExportResource>>();
  expectTypeOf(out.omitted).toEqualTypeOf<readonly FhirOmission[]>();
  const first = out.bundle.entry?.[0]?.resource;
  if (first?.resourceType === "Appointment") expectTypeOf(first).toEqualTypeOf<Appointment>();
  expectTypeOf<FhirOmission["code"]>().toEqualTypeOf<FhirOmissionCode>();
  // @ts-expect-error - `now` is required: iopkit reads no clock
  toFhirBundle({ program }, {});
  // @ts-expect-error - the program is required
  toFhirBundle({}, { now: "2026-03-01T12:00:00Z" });
  // @ts-expect-error - a plain string is not a ParticipantId
  toFhirBundle({ program }, { now: "2026-03-01T12:00:00Z", scope: { participantId: "p-1" } });
  // @ts-expect-error - only collection and transaction bundles
  toFhirBundle({ program }, { now: "2026-03-01T12:00:00Z", type: "batch" });
  // @ts-expect-error - identifier systems by known kind only
  toFhirBundle({ program }, { now: "2026-03-01T12:00:00Z", identifierSystems: { nurse: "urn:x" } });
  const options: ToFhirBundleOptions = {
    now: "2026-03-01T12:00:00Z",
    identifierSystems: { participant: "https://clinic.example/mrn" },
    scope: { participantId: participantId("p-1") },
  };
  expectTypeOf(options.type).toEqualTypeOf<FhirBundleType | undefined>();
  expectTypeOf(
    fhirResourceId("Patient", fhirIdentifierSystems.participant, "p-1"),
  ).toEqualTypeOf<string>();
  expectTypeOf<FhirIdentifierKind>().toExtend<keyof typeof fhirIdentifierSystems>();
  const measure: ScoredMeasure = {
    participantId: participantId("p-1"),
    score: scorePhq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
  };
  expectTypeOf(toFhirBundle({ program, measures: [measure] }, options)).toEqualTypeOf<FhirExport>();
});
