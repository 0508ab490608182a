import { expectTypeOf, test } from "vitest";
import type { AttendanceRecord, Consent, MeasureScore, ParticipantId } from "iopkit";
import {
  readFhir,
  readFhirNdjson,
  readFhirNdjsonSync,
  type FhirNdjsonLine,
  type FhirRead,
  type FhirReadIssueCode,
} from "iopkit/fhir-read";

test("readFhir takes unknown JSON and returns records by kind and a report", () => {
  const r = readFhir({});
  expectTypeOf(r).toEqualTypeOf<FhirRead>();
  expectTypeOf(r.records.patients[0]?.participantId).toEqualTypeOf<ParticipantId | undefined>();
  expectTypeOf(r.records.measures[0]?.score).toEqualTypeOf<MeasureScore | undefined>();
  expectTypeOf(r.records.attendance[0]?.record).toEqualTypeOf<AttendanceRecord | undefined>();
  expectTypeOf(r.records.consents[0]?.consent).toEqualTypeOf<Consent | undefined>();
  expectTypeOf(r.report.issues[0]?.code).toEqualTypeOf<FhirReadIssueCode | undefined>();
  expectTypeOf(r.report.issues[0]?.path).toEqualTypeOf<string | undefined>();
  // @ts-expect-error - limits are numbers
  readFhir({}, { limits: { maxEntries: "10" } });
});

test("readFhirNdjson is an async generator of lines; the sync one a generator", () => {
  expectTypeOf(readFhirNdjson(["a"])).toEqualTypeOf<
    AsyncGenerator<FhirNdjsonLine, void, undefined>
  >();
  expectTypeOf(readFhirNdjsonSync([new Uint8Array()])).toEqualTypeOf<
    Generator<FhirNdjsonLine, void, undefined>
  >();
  // @ts-expect-error - the sync reader needs a synchronous iterable
  readFhirNdjsonSync((async function* () {})());
});
