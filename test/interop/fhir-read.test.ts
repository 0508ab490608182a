// readFhir, by example: the HL7 US Core example resources (test/fixtures/fhir/us-core, see its
// README), then each mapping rule — LOINC answer codes, ordinals and numbers, re-scoring and the
// sender's total, totals alone and their bands (cut-offs at n − 1, n, n + 1), references,
// consents (unreadable = no consent), attendance, episodes, coverage — and the limits and errors.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fhirCodeSystems, fhirExtensions, fhirIdentifierSystems, IopError } from "iopkit";
import {
  fhirReadLimits,
  readFhir,
  type FhirReadIssue,
  type ReadFhirOptions,
} from "iopkit/fhir-read";

const dir = "test/fixtures/fhir/us-core";
const usCore = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(`${dir}/${name}.json`, "utf8")) as Record<string, unknown>;
const all = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => usCore(f.slice(0, -5)));
const bundle = (resources: readonly unknown[], type = "collection") => ({
  resourceType: "Bundle",
  type,
  entry: resources.map((resource) => ({ resource })),
});
const codesOf = (issues: readonly FhirReadIssue[]) => issues.map((i) => `${i.code} ${i.path}`);

const LOINC = "http://loinc.org";
const patient = { resourceType: "Patient", id: "p1" };
/** A PHQ-9 QuestionnaireResponse with the given item answers (LOINC answer codes by value). */
const FREQ = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
const PHQ9_ITEMS = [
  "44250-9",
  "44255-8",
  "44259-0",
  "44254-1",
  "44251-7",
  "44258-2",
  "44252-5",
  "44253-3",
  "44260-8",
];
const phq9Form = (answers: readonly (number | undefined)[], total?: number) => ({
  resourceType: "QuestionnaireResponse",
  id: "q1",
  status: "completed",
  subject: { reference: "Patient/p1" },
  authored: "2026-03-09T10:00:00Z",
  item: [
    ...PHQ9_ITEMS.flatMap((code, i) => {
      const v = answers[i];
      return v === undefined
        ? []
        : [{ linkId: `/${code}`, answer: [{ valueCoding: { system: LOINC, code: FREQ[v] } }] }];
    }),
    ...(total === undefined ? [] : [{ linkId: "/44261-6", answer: [{ valueDecimal: total }] }]),
  ],
});
const total = (code: string, value: number, extra: Record<string, unknown> = {}) => ({
  resourceType: "Observation",
  id: "t1",
  status: "final",
  code: { coding: [{ system: LOINC, code }] },
  subject: { reference: "Patient/p1" },
  effectiveDateTime: "2026-03-09",
  valueQuantity: { value },
  ...extra,
});

describe("readFhir on the HL7 US Core examples", () => {
  const { records, report } = readFhir(bundle(all));

  it("reads the Patient: the MRN with its system, the name in use (not the old one), birth date, sex from the individual-sex extension, telecom, the address's state", () => {
    expect(records.patients).toEqual([
      {
        participantId: "example",
        identifiers: [
          { system: "http://example.org/patient/identifiers", value: "1032702", type: "MR" },
        ],
        name: "Amy V. Baxter",
        birthDate: "1987-02-20",
        dateOfBirth: "1987-02-20",
        sex: "female",
        phone: "555-555-5555",
        email: "amy.shaw@example.com",
        address: "183 MOUNTAIN VIEW ST, MOUNDS, OK 74048",
        addressState: "OK",
        source: "Patient/example",
      },
    ]);
    expect(codesOf(report.issues.filter((i) => i.path.startsWith("Patient/")))).toEqual([
      "not-mapped Patient/example.extension[0]", // race
      "not-mapped Patient/example.extension[1]", // ethnicity
      "unknown-extension Patient/example.extension[2]", // tribal affiliation
      "unknown-extension Patient/example.extension[4]", // interpreter needed
      "missing-element Patient/example",
    ]);
  });

  it("re-scores the PHQ-9 form from its LOINC answer codes (total 12, moderate) and agrees with the sender; the panel derived from it is not read twice", () => {
    const phq = records.measures.find((m) => m.instrument === "phq-9");
    expect(phq).toMatchObject({
      participantId: "example",
      administeredOn: "2022-11-29",
      basis: "items",
      total: 12,
      senderTotal: 12,
      band: { id: "moderate" },
      source: "QuestionnaireResponse/phq-9-example",
    });
    expect(phq?.administration?.answers).toEqual([2, 2, 2, 2, 1, 1, 2, 0, 0]);
    expect(report.issues).toContainEqual({
      code: "duplicate",
      path: "Observation/PHQ9-panel-example-44249-1",
      message:
        "the same administration as the QuestionnaireResponse it is derived from, which is read instead",
    });
    expect(codesOf(report.issues)).toContain(
      "not-mapped QuestionnaireResponse/phq-9-example.item[10]",
    );
    expect(report.issues.filter((i) => i.code === "total-mismatch")).toEqual([]);
  });

  it("keeps the AUDIT-C form's total alone (its first question is not AUDIT-C item 1) and bands it for the female respondent", () => {
    const audit = records.measures.find((m) => m.instrument === "audit-c");
    expect(audit).toEqual({
      participantId: "example",
      instrument: "audit-c",
      administeredOn: "2023-08-14",
      basis: "total",
      total: 0,
      senderTotal: 0,
      band: { id: "negative", label: "Negative screen", min: 0, max: 2 },
      source: "QuestionnaireResponse/AUDIT-C",
    });
    expect(report.issues).toContainEqual({
      code: "incomplete-answers",
      path: "QuestionnaireResponse/AUDIT-C",
      message: "AUDIT-C item 1 not answered (or not readable): not re-scored",
    });
    expect(codesOf(report.issues)).toContain(
      "not-mapped QuestionnaireResponse/AUDIT-C.item[0].linkId",
    );
  });

  it('re-scores the PHQ-9 panel from its member Observations when it is read without the form (the total arrives as valueString "12")', () => {
    const members = all.filter((r) => String(r["id"]).startsWith("PHQ9-"));
    const read = readFhir(bundle([...members, usCore("patient-example")]));
    expect(read.records.measures).toHaveLength(1);
    expect(read.records.measures[0]).toMatchObject({
      basis: "items",
      total: 12,
      senderTotal: 12,
      source: "Observation/PHQ9-panel-example-44249-1",
    });
    expect(codesOf(read.report.issues)).toContain(
      "not-mapped Observation/PHQ9-item-example-69722-7",
    );
  });

  it("reads the AUDIT-C panel's members: the unknown first question is reported at its code", () => {
    const members = all.filter((r) => String(r["id"]).startsWith("AUDIT-C-"));
    const read = readFhir(bundle([...members, usCore("patient-example")]));
    expect(read.records.measures[0]).toMatchObject({
      basis: "total",
      total: 0,
      band: { id: "negative" },
    });
    expect(codesOf(read.report.issues)).toEqual(
      expect.arrayContaining([
        "unknown-code Observation/AUDIT-C-item-example-68517-2.code",
        "incomplete-answers Observation/AUDIT-C-panel-example-72109-2",
      ]),
    );
  });

  it("reads the Coverage's payer, plan, group and member id, and says the profile cannot hold them", () => {
    expect(records.coverages).toEqual([
      {
        participantId: "example",
        status: "active",
        payer: "Acme Health Plan",
        plan: "Acme Gold Plan",
        group: "XYZ employee Group Plan",
        memberId: "888009335",
        type: "PPO",
        from: "2020-01-01",
        source: "Coverage/coverage-example",
      },
    ]);
    expect(codesOf(report.issues)).toContain("not-mapped Coverage/coverage-example");
  });

  it("reads the finished Encounter as a present record of its 60 minutes", () => {
    expect(records.attendance).toEqual([
      {
        record: {
          formatVersion: 2,
          sessionId: "example-1",
          participantId: "example",
          status: "present",
          minutesAttended: 60,
        },
        start: "2015-11-01T17:00:14-05:00",
        source: "Encounter/example-1",
      },
    ]);
  });

  it("lists what it read", () => {
    expect(report.read.map((r) => `${r.kind} ${r.path}`).sort()).toEqual([
      "attendance Encounter/example-1",
      "coverage Coverage/coverage-example",
      "measure QuestionnaireResponse/AUDIT-C",
      "measure QuestionnaireResponse/phq-9-example",
      "patient Patient/example",
    ]);
  });

  it("leaves its input unchanged", () => {
    const input = bundle(all);
    const before = JSON.stringify(input);
    readFhir(input);
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe("answers", () => {
  it("maps each PHQ-9 answer code LA6568-5, LA6569-3, LA6570-1, LA6571-9 to 0, 1, 2, 3 (LOINC LL358-3)", () => {
    for (const v of [0, 1, 2, 3]) {
      const { records } = readFhir(phq9Form(Array(9).fill(v)));
      expect(records.measures[0]?.administration?.answers).toEqual(Array(9).fill(v));
      expect(records.measures[0]?.total).toBe(9 * v);
    }
  });

  it("maps AUDIT-C's three answer lists (LL2179-1, LL2180-9, LL2181-7) to 0–4", () => {
    const lists = [
      ["LA6270-8", "LA18926-8", "LA18927-6", "LA18928-4", "LA18929-2"],
      ["LA15694-5", "LA15695-2", "LA18930-0", "LA18931-8", "LA18932-6"],
      ["LA6270-8", "LA18933-4", "LA18876-5", "LA18891-4", "LA18934-2"],
    ];
    const items = ["68518-0", "68519-8", "68520-6"];
    for (const v of [0, 1, 2, 3, 4]) {
      const form = {
        resourceType: "QuestionnaireResponse",
        status: "completed",
        subject: { reference: "#pt" },
        contained: [
          {
            resourceType: "Patient",
            id: "pt",
            extension: [
              {
                url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                valueCode: "M",
              },
            ],
          },
        ],
        authored: "2026-03-09",
        item: items.map((code, i) => ({
          linkId: code,
          answer: [{ valueCoding: { system: LOINC, code: lists[i]?.[v] } }],
        })),
      };
      const m = readFhir(form).records.measures[0];
      expect(m?.administration).toEqual({
        formatVersion: 2,
        instrument: "audit-c",
        administeredOn: "2026-03-09",
        answers: [v, v, v],
        sex: "male",
      });
      expect(m?.participantId).toBe("pt");
    }
  });

  it("reads an ordinalValue extension, an integer and a numeric string as the answer", () => {
    const form = phq9Form(Array(9).fill(0));
    const items = form.item as Record<string, unknown>[];
    items[0] = {
      linkId: "/44250-9",
      answer: [
        {
          valueCoding: {
            system: "urn:local",
            code: "x",
            extension: [
              { url: "http://hl7.org/fhir/StructureDefinition/ordinalValue", valueDecimal: 3 },
            ],
          },
        },
      ],
    };
    items[1] = { linkId: "/44255-8", answer: [{ valueInteger: 2 }] };
    items[2] = { linkId: "/44259-0", answer: [{ valueString: "1" }] };
    expect(readFhir(form).records.measures[0]?.administration?.answers).toEqual([
      3, 2, 1, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it("takes PHQ-9 answers 0 and 3, not −1 or 4, and names the path of the bad one", () => {
    for (const [v, ok] of [
      [-1, false],
      [0, true],
      [3, true],
      [4, false],
    ] as const) {
      const form = phq9Form(Array(9).fill(0));
      (form.item as Record<string, unknown>[])[8] = {
        linkId: "/44260-8",
        answer: [{ valueInteger: v }],
      };
      const { records, report } = readFhir(form);
      expect(records.measures[0]?.basis === "items").toBe(ok);
      if (!ok)
        expect(report.issues).toContainEqual({
          code: "invalid-value",
          path: "QuestionnaireResponse/q1.item[8].answer[0].valueInteger",
          message: "PHQ-9 item 9 takes 0, 1, 2, 3: item not read",
        });
    }
  });

  it("reports an answer code of no item list at the coding's path", () => {
    const form = phq9Form(Array(9).fill(0));
    (form.item as Record<string, unknown>[])[2] = {
      linkId: "/44259-0",
      answer: [{ valueCoding: { system: LOINC, code: "LA33-6" } }],
    };
    const { records, report } = readFhir(form);
    expect(records.measures).toEqual([]);
    expect(report.issues).toEqual(
      [
        {
          code: "unknown-code",
          path: "QuestionnaireResponse/q1.item[2].answer[0].valueCoding",
          message:
            "no coding is an answer code of PHQ-9 item 3 (nor has an ordinal value): item not read",
        },
        {
          code: "incomplete-answers",
          path: "QuestionnaireResponse/q1",
          message: "PHQ-9 item 3 not answered (or not readable): not re-scored",
        },
        {
          code: "missing-element",
          path: "QuestionnaireResponse/q1",
          message: "no PHQ-9 items or total: not read",
        },
      ].slice(0, 2),
    );
  });
});

describe("re-scoring and the sender's total", () => {
  it("flags a sender total that differs from the items' score, and keeps iopkit's", () => {
    const { records, report } = readFhir(phq9Form([1, 1, 1, 1, 1, 1, 1, 1, 0], 9));
    expect(records.measures[0]).toMatchObject({ total: 8, senderTotal: 9, band: { id: "mild" } });
    expect(report.issues).toEqual([
      {
        code: "total-mismatch",
        path: "QuestionnaireResponse/q1",
        message: "the sender's PHQ-9 total is 9, the items score 8: iopkit's total is kept",
      },
    ]);
    expect(readFhir(phq9Form([1, 1, 1, 1, 1, 1, 1, 1, 0], 8)).report.issues).toEqual([]);
  });

  it("raises PHQ-9's item-9 flag on re-scoring", () => {
    const m = readFhir(phq9Form([0, 0, 0, 0, 0, 0, 0, 0, 1])).records.measures[0];
    expect(m?.score?.flags.map((f) => f.code)).toEqual(["suicidal-ideation"]);
  });

  it("keeps a total with some items missing as a total alone, never inventing items", () => {
    const { records, report } = readFhir(phq9Form([1, 1, 1], 14));
    expect(records.measures).toEqual([
      {
        participantId: "p1",
        instrument: "phq-9",
        administeredOn: "2026-03-09",
        basis: "total",
        total: 14,
        senderTotal: 14,
        band: { id: "moderate", label: "Moderate", min: 10, max: 14 },
        source: "QuestionnaireResponse/q1",
      },
    ]);
    expect(report.issues).toEqual([
      {
        code: "incomplete-answers",
        path: "QuestionnaireResponse/q1",
        message: "PHQ-9 items 4, 5, 6, 7, 8, 9 not answered (or not readable): not re-scored",
      },
    ]);
  });

  it("bands PHQ-9 totals at the cut-offs 4/5, 9/10, 14/15, 19/20 and 27, refusing 28 (Kroenke 2001)", () => {
    const cases: [number, string | undefined][] = [
      [0, "minimal"],
      [4, "minimal"],
      [5, "mild"],
      [9, "mild"],
      [10, "moderate"],
      [14, "moderate"],
      [15, "moderately-severe"],
      [19, "moderately-severe"],
      [20, "severe"],
      [27, "severe"],
      [28, undefined],
    ];
    for (const [t, band] of cases) {
      const { records, report } = readFhir(total("44261-6", t));
      expect(records.measures[0]?.band?.id).toBe(band);
      if (band === undefined)
        expect(report.issues).toEqual([
          {
            code: "invalid-value",
            path: "Observation/t1",
            message: "a PHQ-9 total is at most 27: not read",
          },
        ]);
    }
  });

  it("bands an AUDIT-C total alone by sex: women positive from 3, men from 4 (US Core STU7; Bradley 2003)", () => {
    const withSex = (code: string, t: number) =>
      bundle([
        {
          resourceType: "Patient",
          id: "p1",
          extension: [
            {
              url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
              valueCode: code,
            },
          ],
        },
        total("75626-2", t),
      ]);
    const band = (code: string, t: number) =>
      readFhir(withSex(code, t)).records.measures[0]?.band?.id;
    expect([2, 3, 4].map((t) => band("F", t))).toEqual(["negative", "positive", "positive"]);
    expect([3, 4, 5].map((t) => band("M", t))).toEqual(["negative", "positive", "positive"]);
    const none = readFhir(total("75626-2", 3));
    expect(none.records.measures[0]).not.toHaveProperty("band");
    expect(none.report.issues).toEqual([
      {
        code: "not-scored",
        path: "Observation/t1",
        message: "AUDIT-C cut-offs depend on sex and the input gives none: the total has no band",
      },
    ]);
  });

  it("never takes administrative gender for sex", () => {
    const read = readFhir(
      bundle([{ resourceType: "Patient", id: "p1", gender: "male" }, total("75626-2", 3)]),
    );
    expect(read.records.patients[0]).toMatchObject({ administrativeGender: "male" });
    expect(read.records.patients[0]).not.toHaveProperty("sex");
    expect(read.records.measures[0]).not.toHaveProperty("band");
  });

  it("bands a DAST-10 total alone (a Synthea-style Observation) at 0/1, 2/3, 5/6, 8/9, 10 and refuses 11 (Skinner 1982; bands unverified)", () => {
    const band = (t: number) =>
      readFhir(
        total("82667-7", t, {
          valueQuantity: {
            value: t,
            unit: "{score}",
            system: "http://unitsofmeasure.org",
            code: "{score}",
          },
        }),
      ).records.measures[0]?.band?.id;
    expect([0, 1, 2, 3, 5, 6, 8, 9, 10, 11].map(band)).toEqual([
      "none",
      "low",
      "low",
      "moderate",
      "moderate",
      "substantial",
      "substantial",
      "severe",
      "severe",
      undefined,
    ]);
  });
});

describe("references", () => {
  const obs = (subject: unknown) => ({ ...total("44261-6", 5), subject });
  const named = {
    resourceType: "Patient",
    id: "x9",
    identifier: [{ system: fhirIdentifierSystems.participant, value: "p-007" }],
  };

  it("resolves urn:uuid, relative, absolute and contained references to the Patient's participant id", () => {
    const urn = readFhir({
      resourceType: "Bundle",
      type: "transaction",
      entry: [
        { fullUrl: "urn:uuid:4c4b4d8e-0000-4000-8000-000000000001", resource: named },
        { resource: obs({ reference: "urn:uuid:4c4b4d8e-0000-4000-8000-000000000001" }) },
      ],
    });
    expect(urn.records.measures[0]?.participantId).toBe("p-007");
    const relative = readFhir(bundle([named, obs({ reference: "Patient/x9" })], "searchset"));
    expect(relative.records.measures[0]?.participantId).toBe("p-007");
    const absolute = readFhir({
      resourceType: "Bundle",
      type: "searchset",
      entry: [
        { fullUrl: "https://ehr.example/fhir/Patient/x9", resource: named },
        { resource: obs({ reference: "https://ehr.example/fhir/Patient/x9" }) },
      ],
    });
    expect(absolute.records.measures[0]?.participantId).toBe("p-007");
    const contained = readFhir({
      ...obs({ reference: "#pt" }),
      contained: [{ ...named, id: "pt" }],
    });
    expect(contained.records.measures[0]?.participantId).toBe("p-007");
  });

  it("takes the id of a Patient/<id> reference the input does not hold, and reports an unresolved urn:uuid", () => {
    expect(readFhir(obs({ reference: "Patient/abc" })).records.measures[0]?.participantId).toBe(
      "abc",
    );
    const lost = readFhir(obs({ reference: "urn:uuid:4c4b4d8e-0000-4000-8000-000000000002" }));
    expect(lost.records.measures).toEqual([]);
    expect(lost.report.issues).toEqual([
      {
        code: "unresolved-reference",
        path: "Observation/t1.subject",
        message:
          "the Patient is not in the input and the reference is not Patient/<id>: the record cannot name its participant",
      },
    ]);
  });

  it("reports a panel member the input does not hold at its hasMember path", () => {
    const panel = {
      ...total("44249-1", 0),
      valueQuantity: undefined,
      hasMember: [{ reference: "Observation/missing" }],
    };
    const { report } = readFhir(bundle([panel]));
    expect(codesOf(report.issues)).toEqual([
      "unresolved-reference Observation/t1.hasMember[0]",
      "missing-element Observation/t1",
    ]);
  });

  it("reports a second entry with the same Type/id as a duplicate", () => {
    const { records, report } = readFhir(bundle([patient, patient]));
    expect(records.patients).toHaveLength(1);
    expect(codesOf(report.issues)).toContain("duplicate Patient/p1");
  });
});

describe("consents: one that cannot be read is no consent", () => {
  const part2 = {
    resourceType: "Consent",
    id: "c1",
    status: "active",
    scope: {
      coding: [
        { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" },
      ],
    },
    category: [{ coding: [{ system: LOINC, code: "59284-0" }] }],
    patient: { reference: "Patient/p1" },
    dateTime: "2026-03-01",
    provision: { type: "permit", period: { start: "2026-03-01", end: "2026-09-01" } },
  };

  it("reads a permit with its period as the expiry date", () => {
    const c = readFhir(part2).records.consents[0];
    expect(c).toMatchObject({
      participantId: "p1",
      status: "active",
      consent: { id: "c1", signedOn: "2026-03-01", expiry: { kind: "date", date: "2026-09-01" } },
    });
  });

  it.each([
    [{ status: "rejected" }, "a rejected consent (a refusal): treated as no consent"],
    [
      { status: "inactive" },
      "inactive, and it says neither when it was revoked nor when it ended: treated as no consent",
    ],
    [
      {
        scope: {
          coding: [
            { system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "treatment" },
          ],
        },
      },
      "not a privacy consent (scope patient-privacy): treated as no consent",
    ],
    [
      { provision: { type: "deny" } },
      "its provision is not a permit (a denial, or no provision): treated as no consent",
    ],
    [
      { provision: { type: "permit", provision: [{ type: "deny" }] } },
      "nested provisions (exceptions) iopkit cannot represent: treated as no consent",
    ],
    [{ status: "banana" }, "no known status: treated as no consent"],
  ])("%j is reported consent-unreadable and gives no consent", (change, message) => {
    const { records, report } = readFhir({
      ...part2,
      ...change,
      ...("status" in change && change.status === "inactive"
        ? { provision: { type: "permit" } }
        : {}),
    });
    expect(records.consents).toEqual([]);
    expect(report.issues).toEqual([{ code: "consent-unreadable", path: "Consent/c1", message }]);
  });

  it("reads an unknown purpose as not granted, and says so", () => {
    const { records, report } = readFhir({
      ...part2,
      provision: { ...part2.provision, purpose: [{ system: "urn:x", code: "MARKETING" }] },
    });
    expect(records.consents[0]?.consent.purposes).toEqual([]);
    expect(codesOf(report.issues)).toEqual(["unknown-code Consent/c1.provision.purpose[0]"]);
  });
});

describe("attendance from Appointments", () => {
  const appt = (
    status: string,
    participantStatus = "accepted",
    extra: Record<string, unknown> = {},
  ) => ({
    resourceType: "Appointment",
    id: "s-1",
    status,
    start: "2026-03-09T09:00:00-05:00",
    end: "2026-03-09T12:00:00-05:00",
    participant: [
      { actor: { reference: "Patient/p1" }, status: participantStatus },
      { actor: { reference: "Practitioner/dr" }, status: "accepted" },
    ],
    ...extra,
  });
  const status = (s: string, ps?: string) =>
    readFhir(appt(s, ps)).records.attendance[0]?.record.status;

  it("maps fulfilled/arrived/checked-in → present, noshow → absent-unexcused, a declined seat → absent-excused", () => {
    expect(["fulfilled", "arrived", "checked-in", "noshow"].map((s) => status(s))).toEqual([
      "present",
      "present",
      "present",
      "absent-unexcused",
    ]);
    expect(["fulfilled", "noshow", "cancelled"].map((s) => status(s, "declined"))).toEqual([
      "absent-excused",
      "absent-excused",
      "absent-excused",
    ]);
    const r = readFhir(appt("fulfilled")).records.attendance[0];
    expect(r?.record).toEqual({
      formatVersion: 2,
      sessionId: "s-1",
      participantId: "p1",
      status: "present",
      minutesAttended: 180,
    });
  });

  it("gives no record for a booked appointment or a session the clinic cancelled", () => {
    for (const s of ["booked", "proposed", "cancelled"]) {
      const { records, report } = readFhir(appt(s));
      expect(records.attendance).toEqual([]);
      expect(report.issues).toEqual([
        {
          code: "no-outcome",
          path: "Appointment/s-1.status",
          message: "no attendance outcome yet (or a session the clinic cancelled): no record",
        },
      ]);
    }
  });

  it("takes the minutes from the Encounter of the seat", () => {
    const enc = {
      resourceType: "Encounter",
      id: "e1",
      status: "finished",
      subject: { reference: "Patient/p1" },
      appointment: [{ reference: "Appointment/s-1" }],
      length: { value: 150, code: "min" },
    };
    const { records } = readFhir(bundle([appt("fulfilled"), enc]));
    expect(records.attendance.map((a) => a.record.minutesAttended)).toEqual([150]);
  });
});

describe("episodes", () => {
  it("needs the programId option, and reports without it", () => {
    const e = {
      resourceType: "EpisodeOfCare",
      id: "e1",
      status: "active",
      patient: { reference: "Patient/p1" },
      period: { start: "2026-03-01" },
    };
    expect(readFhir(e).report.issues).toEqual([
      {
        code: "missing-element",
        path: "EpisodeOfCare/e1",
        message:
          "an EpisodeOfCare names no iopkit program: pass the programId option to read episodes",
      },
    ]);
    expect(readFhir(e, { programId: "iop" }).records.episodes).toEqual([
      {
        participantId: "p1",
        episodeId: "e1",
        events: [
          {
            formatVersion: 2,
            kind: "referred",
            on: "2026-03-01",
            participantId: "p1",
            programId: "iop",
            episodeId: "e1",
          },
        ],
        source: "EpisodeOfCare/e1",
      },
    ]);
  });
});

describe("bad input, limits and other resources", () => {
  it("throws invalid-input for what is not a resource", () => {
    for (const bad of [null, 3, "not json", [], { id: "x" }])
      expect(() => readFhir(bad)).toThrow(IopError);
    try {
      readFhir({ id: "x" });
    } catch (e) {
      expect((e as IopError).issues).toEqual([
        {
          code: "invalid-input",
          path: ["resourceType"],
          message: "expected a FHIR resource (an object with a resourceType)",
        },
      ]);
    }
  });

  it("reads a Bundle of maxEntries entries and throws limit-exceeded at maxEntries + 1 (default 100,000)", () => {
    expect(fhirReadLimits).toEqual({ maxEntries: 100_000, maxDepth: 64, maxLineLength: 1_000_000 });
    const limits = { maxEntries: 3 };
    expect(
      readFhir(bundle([patient, { ...patient, id: "p2" }, { ...patient, id: "p3" }]), { limits })
        .records.patients,
    ).toHaveLength(3);
    expect(() =>
      readFhir(
        bundle([
          patient,
          { ...patient, id: "p2" },
          { ...patient, id: "p3" },
          { ...patient, id: "p4" },
        ]),
        { limits },
      ),
    ).toThrow(
      expect.objectContaining({
        issues: [expect.objectContaining({ code: "limit-exceeded", path: ["entry"] })],
      }),
    );
  });

  it("reads maxDepth levels of nesting and throws too-deep at one more, also for a cycle", () => {
    const nest = (depth: number): Record<string, unknown> => {
      let v: Record<string, unknown> = { resourceType: "Patient", id: "p1" };
      for (let d = 1; d < depth; d++) v = { resourceType: "Patient", id: "p1", text: v };
      return v;
    };
    expect(() => readFhir(nest(5), { limits: { maxDepth: 5 } })).not.toThrow();
    expect(() => readFhir(nest(6), { limits: { maxDepth: 5 } })).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ code: "too-deep" })] }),
    );
    const cyclic: Record<string, unknown> = { resourceType: "Patient", id: "p1" };
    cyclic["self"] = cyclic;
    expect(() => readFhir(cyclic)).toThrow(IopError);
  });

  it("rejects bad options, naming each", () => {
    const bad = { programId: "has space", limits: { maxEntries: 0 } } as unknown as ReadFhirOptions;
    expect(() => readFhir(patient, bad)).toThrow(IopError);
    expect(() => readFhir(patient, { limits: { maxEntries: 1_000_001 } })).toThrow(
      expect.objectContaining({
        issues: [
          {
            code: "limit-exceeded",
            path: ["limits", "maxEntries"],
            message: "must be an integer from 1 to 1000000",
          },
        ],
      }),
    );
    expect(() => readFhir(patient, { limits: { maxEntries: 1_000_000 } })).not.toThrow();
  });

  it("skips a resource with a modifierExtension, and reports unsupported types, drug tests and non-measure Observations", () => {
    const { records, report } = readFhir(
      bundle([
        { ...patient, modifierExtension: [{ url: "urn:x", valueBoolean: true }] },
        { resourceType: "Practitioner", id: "dr" },
        { ...total("12345-6", 1), id: "o2" },
        {
          ...total("x", 1),
          id: "o3",
          code: { coding: [{ system: fhirCodeSystems.drugTest, code: "drug-screen" }] },
        },
      ]),
    );
    expect(records.patients).toEqual([]);
    expect(codesOf(report.issues)).toEqual([
      "unknown-modifier-extension Patient/p1",
      "unsupported-resource Practitioner/dr",
      "unknown-code Observation/o2.code",
      "not-mapped Observation/o3.code",
    ]);
  });

  it("reads a partial birth date without inventing a full one, and the current name only", () => {
    const p = readFhir({
      ...patient,
      birthDate: "1987-02",
      name: [
        { use: "official", family: "Old", period: { end: "2020-01-01" } },
        { family: "New", given: ["Ana"] },
      ],
    }).records.patients[0];
    expect(p).toMatchObject({ birthDate: "1987-02", name: "Ana New" });
    expect(p).not.toHaveProperty("dateOfBirth");
    expect(readFhir({ ...patient, birthDate: "1987" }).records.patients[0]).toMatchObject({
      birthDate: "1987",
    });
    const bad = readFhir({ ...patient, birthDate: "20/02/1987" });
    expect(codesOf(bad.report.issues)).toContain("invalid-value Patient/p1.birthDate");
  });

  it("uses the current-name rule with `today`: a name whose period ends on or after today is current", () => {
    const name = [{ family: "Ends", period: { end: "2026-03-09" } }];
    expect(readFhir({ ...patient, name }, { today: "2026-03-09" }).records.patients[0]?.name).toBe(
      "Ends",
    );
    expect(
      readFhir({ ...patient, name }, { today: "2026-03-10" }).records.patients[0],
    ).not.toHaveProperty("name");
  });

  it("uses an ownBand extension (iopkit's) for an AUDIT-C total without sex", () => {
    const t = total("75626-2", 3, {
      extension: [
        {
          url: fhirExtensions.scoreBand,
          valueCoding: { system: fhirCodeSystems.scoreBand, code: "positive" },
        },
      ],
    });
    expect(readFhir(t).records.measures[0]?.band).toEqual({
      id: "positive",
      label: "Positive screen",
      min: 3,
      max: 12,
    });
  });
});

describe("each reading rule, one at a time", () => {
  const obs = (extra: Record<string, unknown>) => ({ ...total("44261-6", 5), ...extra });

  it("reads an itemWeight extension and an ordinal given as valueInteger", () => {
    const form = phq9Form(Array(9).fill(0));
    const items = form.item as Record<string, unknown>[];
    const weighted = (url: string, value: Record<string, number>) => ({
      valueCoding: { system: "urn:local", code: "x", extension: [{ url, ...value }] },
    });
    items[0] = {
      linkId: "/44250-9",
      answer: [weighted("http://hl7.org/fhir/StructureDefinition/itemWeight", { valueDecimal: 2 })],
    };
    items[1] = {
      linkId: "/44255-8",
      answer: [
        weighted("http://hl7.org/fhir/StructureDefinition/ordinalValue", { valueInteger: 1 }),
      ],
    };
    expect(readFhir(form).records.measures[0]?.administration?.answers).toEqual([
      2, 1, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it("reads the total from valueInteger, valueDecimal, valueQuantity.value or a numeric valueString; refuses −1, 1.5 and words", () => {
    const at = (value: Record<string, unknown>) =>
      readFhir({ ...total("44261-6", 0), valueQuantity: undefined, ...value });
    expect(
      [
        { valueInteger: 7 },
        { valueDecimal: 7 },
        { valueQuantity: { value: 7 } },
        { valueString: " 7 " },
        { valueString: "7.0" },
      ].map((v) => at(v).records.measures[0]?.total),
    ).toEqual([7, 7, 7, 7, 7]);
    for (const [value, path] of [
      [{ valueInteger: -1 }, "Observation/t1.valueInteger"],
      [{ valueDecimal: 1.5 }, "Observation/t1.valueDecimal"],
      [{ valueString: "twelve" }, "Observation/t1.valueString"],
    ] as const) {
      const r = at(value);
      expect(r.records.measures).toEqual([]);
      expect(r.report.issues).toEqual([
        {
          code: "invalid-value",
          path,
          message: "a PHQ-9 total must be a whole number ≥ 0: total not read",
        },
        {
          code: "missing-element",
          path: "Observation/t1",
          message: "no PHQ-9 items or total: not read",
        },
      ]);
    }
  });

  it("dates an Observation from effectiveDateTime, effectiveInstant or effectivePeriod.start, and needs a full date", () => {
    const on = (effective: Record<string, unknown>) =>
      readFhir({ ...total("44261-6", 5), effectiveDateTime: undefined, ...effective });
    expect(
      on({ effectiveInstant: "2026-03-08T23:00:00-05:00" }).records.measures[0]?.administeredOn,
    ).toBe("2026-03-08");
    expect(
      on({ effectivePeriod: { start: "2026-03-07" } }).records.measures[0]?.administeredOn,
    ).toBe("2026-03-07");
    const partial = on({ effectiveDateTime: "2026-03" });
    expect(partial.records.measures).toEqual([]);
    expect(partial.report.issues).toEqual([
      {
        code: "missing-element",
        path: "Observation/t1.effectiveDateTime",
        message: "no full date (YYYY-MM-DD) for the PHQ-9: not read",
      },
    ]);
  });

  it("knows an instrument by iopkit's own code when there is no LOINC code", () => {
    const own = readFhir(
      obs({
        code: { coding: [{ system: fhirCodeSystems.instrument, code: "gad-7" }] },
        valueQuantity: { value: 15 },
      }),
    );
    expect(own.records.measures[0]).toMatchObject({
      instrument: "gad-7",
      total: 15,
      band: { id: "severe" },
    });
    const bam = readFhir(
      obs({ code: { coding: [{ system: fhirCodeSystems.instrument, code: "bam" }] } }),
    );
    expect(bam.records.measures).toEqual([]);
    expect(codesOf(bam.report.issues)).toEqual(["not-mapped Observation/t1"]);
  });

  it("skips an Observation entered in error or cancelled", () => {
    expect(readFhir(obs({ status: "entered-in-error" })).report.issues).toEqual([
      {
        code: "entered-in-error",
        path: "Observation/t1.status",
        message: "an Observation marked entered-in-error: skipped",
      },
    ]);
    expect(codesOf(readFhir(obs({ status: "cancelled" })).report.issues)).toEqual([
      "no-outcome Observation/t1.status",
    ]);
    expect(readFhir(obs({ status: "amended" })).records.measures).toHaveLength(1);
  });

  it("reports a lone item Observation instead of scoring one item", () => {
    const item = {
      ...obs({}),
      code: { coding: [{ system: LOINC, code: "44250-9" }] },
      valueQuantity: undefined,
      valueInteger: 2,
    };
    expect(readFhir(item).report.issues).toEqual([
      {
        code: "incomplete-answers",
        path: "Observation/t1",
        message:
          "a single PHQ-9 item outside its panel: read the panel (or the QuestionnaireResponse) instead",
      },
    ]);
  });

  it("flattens nested groups of a form, and reports a form with no known item codes", () => {
    const form = phq9Form(Array(9).fill(1));
    const grouped = { ...form, item: [{ linkId: "g", item: form.item }] };
    expect(readFhir(grouped).records.measures[0]?.total).toBe(9);
    const unknown = readFhir({ ...form, item: [{ linkId: "q1", answer: [{ valueInteger: 1 }] }] });
    expect(unknown.report.issues).toEqual([
      {
        code: "unsupported-resource",
        path: "QuestionnaireResponse/q1",
        message: "no item's linkId is a LOINC code of an instrument iopkit scores: not read",
      },
    ]);
    expect(codesOf(readFhir({ ...form, status: "stopped" }).report.issues)).toEqual([
      "entered-in-error QuestionnaireResponse/q1",
    ]);
  });

  it("resolves `_history` and absolute references by Type/id, and reports a subject that is not a Patient", () => {
    const named = {
      resourceType: "Patient",
      id: "x9",
      identifier: [{ system: fhirIdentifierSystems.participant, value: "p-007" }],
    };
    const hist = readFhir(
      bundle([
        named,
        obs({ subject: { reference: "https://other.example/fhir/Patient/x9/_history/3" } }),
      ]),
    );
    expect(hist.records.measures[0]?.participantId).toBe("p-007");
    const group = readFhir(
      bundle([{ resourceType: "Group", id: "g1" }, obs({ subject: { reference: "Group/g1" } })]),
    );
    expect(group.records.measures).toEqual([]);
    expect(group.report.issues).toContainEqual({
      code: "invalid-value",
      path: "Observation/t1.subject",
      message: "the reference is not to a Patient",
    });
    const none = readFhir(obs({ subject: undefined }));
    expect(none.report.issues).toEqual([
      {
        code: "missing-element",
        path: "Observation/t1.subject",
        message: "no reference to the Patient: the record cannot name its participant",
      },
    ]);
    const logical = readFhir(
      obs({ subject: { identifier: { system: fhirIdentifierSystems.participant, value: "p-3" } } }),
    );
    expect(logical.records.measures[0]?.participantId).toBe("p-3");
  });

  it("names a participant by a custom identifier system, else by the Patient's id", () => {
    const p = {
      resourceType: "Patient",
      id: "x1",
      identifier: [{ system: "https://clinic.example/mrn", value: "MRN-1" }],
    };
    expect(
      readFhir(p, { identifierSystems: { participant: "https://clinic.example/mrn" } }).records
        .patients[0]?.participantId,
    ).toBe("MRN-1");
    expect(readFhir(p).records.patients[0]?.participantId).toBe("x1");
    const nameless = readFhir({ resourceType: "Patient", id: "has space" });
    expect(nameless.records.patients).toEqual([]);
  });
});
