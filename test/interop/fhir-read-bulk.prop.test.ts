// readFhirNdjson's bulk path (readBulkTotal) duplicates the checks of the general reader for a
// total-score Observation alone on its line, so here the two read the same arbitrary line — built
// from a valid total and broken anywhere the readers look: wrong JSON types, panels, members,
// forms, other codes and systems, contained Patients, urn: and #-references, bad dates and totals,
// band extensions, identifiers — and must give the same records and the same report. The bulk
// path must also answer for the common lines (else the comparison proves nothing).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fhirIdentifierSystems, fhirExtensions, hl7 } from "../../src/interop/fhir/fhir-urls";
import { readBulkTotal } from "../../src/interop/fhir/read/bulk-total";
import { fhirReadLimits } from "../../src/interop/fhir/read/limits";
import { readLineResource } from "../../src/interop/fhir/read/ndjson";
import { emptyRecords } from "../../src/interop/fhir/read/read-fhir";
import { Reporter } from "../../src/interop/fhir/read/report";

const ABSENT = Symbol("absent");
type Slot = unknown;

/** A JSON value of the wrong kind for most elements. */
const wrong = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -2, max: 30 }),
  fc.constantFrom("", "x", "7"),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  fc.constant(["x"]),
);

/** Mostly a good value; sometimes absent, sometimes of a wrong kind. */
const slot = (good: fc.Arbitrary<unknown>, absent = 1): fc.Arbitrary<Slot> =>
  fc.oneof(
    { weight: 8, arbitrary: good },
    { weight: absent, arbitrary: fc.constant(ABSENT) },
    { weight: 1, arbitrary: wrong },
  );

const loinc = (code: string) => ({ system: hl7.loinc, code });
const coding = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("44261-6", "70274-6", "75626-2", "82667-7").map(loinc) },
  {
    weight: 2,
    arbitrary: fc.constantFrom("44249-1", "44250-9", "69722-7", "1234-5", "72109-2").map(loinc),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      system: fc.constantFrom("https://iopkit.dev/fhir/CodeSystem/instrument", "http://other"),
      code: fc.constantFrom("phq-9", "bam", "audit-c", "44261-6"),
    }),
  },
  { weight: 1, arbitrary: fc.record({ system: wrong, code: wrong }) },
  { weight: 1, arbitrary: wrong },
);
const code = fc.oneof(
  { weight: 4, arbitrary: fc.record({ coding: fc.array(coding, { minLength: 1, maxLength: 3 }) }) },
  fc.record({ coding: wrong }),
);

const reference = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "Patient/p1",
      "Patient/p-2.x",
      "http://example.org/fhir/Patient/p3/_history/2",
    ),
  },
  fc.constantFrom(
    "#p1",
    "#c/Patient/p1",
    "#nobody",
    "urn:uuid:9f7c9e0a-1b1a-4b8e-9a55-0a1d2b3c4d5e",
    "Observation/obs-1",
    "Patient/bad id",
    "Practitioner/d1",
    "p1",
  ),
);
const subject = fc.oneof(
  { weight: 6, arbitrary: fc.record({ reference }) },
  {
    weight: 1,
    arbitrary: fc.record({
      identifier: fc.record({
        system: fc.constantFrom(fhirIdentifierSystems.participant, "http://other"),
        value: fc.constantFrom("p9", "bad id", ""),
      }),
    }),
  },
);

/** A contained Patient `p1`, with or without a sex the AUDIT-C bands need. */
const contained = fc.constantFrom(
  [{ resourceType: "Patient", id: "p1" }],
  [
    {
      resourceType: "Patient",
      id: "p1",
      extension: [
        { url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex", valueCode: "M" },
      ],
    },
  ],
  [{ resourceType: "Observation", id: "p1" }],
  [{ resourceType: "Observation", id: "c/Patient/p1" }],
);

const date = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom("2026-03-09", "2026-03-09T10:00:00Z") },
  fc.constantFrom("2026-02-30", "2026-03", "2026", " 2026-03-09"),
);

const value = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 12 }) },
  fc.integer({ min: -1, max: 30 }),
  fc.constantFrom(1.5, -0, Number.MAX_SAFE_INTEGER + 2),
  wrong,
);

const extension = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      url: fc.constant(fhirExtensions.scoreBand),
      valueCoding: slot(
        fc.record({ code: slot(fc.constantFrom("positive", "negative", "minimal", "severe")) }),
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ url: fc.constantFrom("http://other/ext", 5) }) },
  { weight: 1, arbitrary: wrong },
);

const identifier = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      system: fc.constantFrom(fhirIdentifierSystems.measure, "http://other"),
      value: fc.oneof(fc.constantFrom("m1", "m-2"), wrong),
    }),
  },
  wrong,
);

/** The elements of an Observation: each a good value (of some variety) and a broken one. */
const elements = {
  resourceType: [
    fc.constant("Observation"),
    fc.constantFrom("Patient", "QuestionnaireResponse", "Encounter"),
  ],
  id: [fc.constantFrom("obs-1", "obs-2", "p1"), fc.constantFrom("bad id!", "x".repeat(65))],
  status: [fc.constantFrom("final", "amended"), fc.constantFrom("entered-in-error", "cancelled")],
  modifierExtension: [fc.constant([]), fc.constant([{ url: "http://other/modifier" }])],
  code: [code, wrong],
  subject: [subject, wrong],
  effectiveDateTime: [date, wrong],
  effectiveInstant: [fc.constant(ABSENT), fc.constant("2026-03-09T10:00:00Z")],
  effectivePeriod: [fc.constant(ABSENT), fc.constant({ start: "2026-03-09" })],
  valueInteger: [fc.constant(ABSENT), value],
  valueDecimal: [fc.constant(ABSENT), value],
  valueQuantity: [fc.record({ value }), wrong],
  valueString: [fc.constant(ABSENT), fc.constantFrom("7", " 7 ", "7.0", "x")],
  extension: [fc.array(extension, { maxLength: 2 }), wrong],
  identifier: [fc.array(identifier, { maxLength: 2 }), wrong],
  hasMember: [fc.constant(ABSENT), fc.constant([{ reference: "Observation/m1" }])],
  derivedFrom: [fc.constant(ABSENT), fc.constant([{ reference: "QuestionnaireResponse/q1" }])],
  component: [
    fc.constant(ABSENT),
    fc.constant([{ code: { coding: [loinc("44250-9")] }, valueInteger: 1 }]),
  ],
  contained: [fc.constant(ABSENT), contained],
} as const;
type Key = keyof typeof elements;
const keys = Object.keys(elements) as Key[];

/** Each element good; an optional one sometimes absent. */
const required: readonly Key[] = [
  "resourceType",
  "code",
  "subject",
  "effectiveDateTime",
  "valueQuantity",
];
const good = fc.record(
  Object.fromEntries(
    keys.map((k) => [
      k,
      required.includes(k)
        ? elements[k][0]
        : fc.oneof({ weight: 4, arbitrary: elements[k][0] }, fc.constant(ABSENT)),
    ]),
  ) as Record<Key, fc.Arbitrary<unknown>>,
);

/** An Observation: a total score with a few of its elements broken (absent, wrong, or another form). */
const observation = fc
  .tuple(
    good,
    fc.array(
      fc
        .constantFrom(...keys)
        .chain((k) =>
          fc.tuple(fc.constant(k), fc.oneof(elements[k][1], wrong, fc.constant(ABSENT))),
        ),
      { maxLength: 3 },
    ),
  )
  .map(([base, broken]) => {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of broken) out[k] = v;
    return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== ABSENT));
  });

/** One line's records and report, on the bulk path when it applies or on the general reader. */
const read = (value: Record<string, unknown>, bulk: boolean) => {
  const reporter = new Reporter();
  const records = emptyRecords();
  readLineResource(value, "line 1", {}, fhirReadLimits, reporter, records, bulk);
  return { records, report: reporter.report() };
};

describe("readFhirNdjson's bulk path", () => {
  it("gives the general reader's records and report for any Observation on a line", () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(observation, (value) => {
        const before = JSON.stringify(value);
        runs++;
        if (readBulkTotal(value, "line 1", fhirIdentifierSystems.measure, new Reporter()))
          answered++;
        expect(read(value, true)).toStrictEqual(read(value, false));
        expect(JSON.stringify(value)).toBe(before);
      }),
      { numRuns: 3_000 },
    );
    // Not vacuous: the bulk path answered for a good share of the lines, and declined the rest.
    expect(answered).toBeGreaterThan(runs / 20);
    expect(answered).toBeLessThan(runs / 2);
  });

  const total = (code: string, value: number, extra: Record<string, unknown> = {}) => ({
    resourceType: "Observation",
    id: "obs-1",
    status: "final",
    code: { coding: [{ system: "http://other", code: "x" }, loinc(code)] },
    subject: { reference: "Patient/p1" },
    effectiveDateTime: "2026-03-09T10:00:00Z",
    valueQuantity: { value, unit: "{score}" },
    ...extra,
  });

  it("answers for a PHQ-9 total, and for an AUDIT-C total whose band needs sex (reported not-scored)", () => {
    const reporter = new Reporter();
    expect(readBulkTotal(total("44261-6", 12), "Observation/obs-1", "s", reporter)).toStrictEqual({
      participantId: "p1",
      instrument: "phq-9",
      administeredOn: "2026-03-09",
      senderTotal: 12,
      source: "Observation/obs-1",
      basis: "total",
      total: 12,
      band: { id: "moderate", label: "Moderate", min: 10, max: 14 },
    });
    expect(reporter.issues).toEqual([]);
    const audit = readBulkTotal(total("75626-2", 5), "Observation/obs-1", "s", reporter);
    expect(audit?.band).toBeUndefined();
    expect(audit?.total).toBe(5);
    expect(reporter.issues).toEqual([
      {
        code: "not-scored",
        path: "Observation/obs-1",
        message: "AUDIT-C cut-offs depend on sex and the input gives none: the total has no band",
      },
    ]);
    expect(read(total("75626-2", 5), true)).toStrictEqual(read(total("75626-2", 5), false));
  });

  it("declines, reporting nothing, where the general reader reports or resolves", () => {
    const cases = [
      total("44261-6", 28), // above PHQ-9's 27
      total("44261-6", 3, { subject: { reference: "#p1" } }),
      // A contained resource whose id looks like a path: the general reader resolves it.
      total("44261-6", 3, {
        subject: { reference: "#c/Patient/p1" },
        contained: [{ resourceType: "Observation", id: "c/Patient/p1" }],
      }),
      total("44261-6", 3, { effectiveDateTime: "2026-02-30" }),
      total("44261-6", 3, { extension: "x" }),
      total("44249-1", 3), // the PHQ-9 panel code
      total("44261-6", 3, { status: "entered-in-error" }),
    ];
    for (const c of cases) {
      const reporter = new Reporter();
      expect(readBulkTotal(c, "Observation/obs-1", "s", reporter)).toBeUndefined();
      expect(reporter.issues).toEqual([]);
      expect(read(c, true)).toStrictEqual(read(c, false));
    }
  });
});
