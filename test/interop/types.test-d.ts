import { expectTypeOf, test } from "vitest";
import { participantId, type ScheduledSession } from "iopkit";
import {
  jsonSchema,
  jsonSchemas,
  toICalendar,
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
