// toFhirBundle, by example, on a hand-built clinic (fhir-clinic.ts): every resource passes the
// @medplum/core R4 validator one by one, every code is in its code system, references resolve;
// then each mapping rule of DOMAIN.md "FHIR R4 mapping" and "42 CFR Part 2", one test each.
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  canonicalBaseUrl,
  fhirCodeSystems,
  fhirExtensions,
  fhirIdentifierSystems,
  fhirIdNamespace,
  fhirResourceId,
  IopError,
  parseDrugTestResult,
  programTemplates,
  toFhirBundle,
  toICalendar,
  type FhirExportResource,
  type ParticipantId,
  type ToFhirBundleOptions,
} from "iopkit";
import type { Appointment, Bundle, Extension } from "@medplum/fhirtypes";
import {
  bundleProblems,
  fhirProblems,
  loadR4,
  referencesIn,
  resourcesOf,
  terminologyProblems,
} from "./fhir-check";
import {
  alex,
  alexGroups,
  alexId,
  alexTests,
  blakeId,
  clinic,
  consents,
  now,
  program,
} from "./fhir-clinic";

beforeAll(loadR4);

const { bundle, omitted } = toFhirBundle(clinic, { now });
const byUrl = new Map((bundle.entry ?? []).map((e) => [e.fullUrl, e.resource]));
const V3 = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

/** The resource whose first identifier has this value. */
function find<T extends FhirExportResource["resourceType"]>(
  type: T,
  value: string,
  b: Bundle<FhirExportResource> = bundle,
): Extract<FhirExportResource, { resourceType: T }> {
  const r = resourcesOf(b, type).find((x) => x.identifier?.[0]?.value === value);
  if (r === undefined) throw new Error(`no ${type} ${value}`);
  return r;
}
const part = (ext: Extension | undefined, name: string): Extension | undefined =>
  ext?.extension?.find((e) => e.url === name);
const ext = (r: { extension?: Extension[] }, url: string): Extension | undefined =>
  r.extension?.find((e) => e.url === url);
const seat = (sessionId: string, pid: string) => `${sessionId}/${pid}`;

describe("record formats stay out of the exports", () => {
  it("no FHIR resource and no calendar carries iopkit's formatVersion (FHIR and RFC 5545 are their own formats)", () => {
    expect(JSON.stringify(bundle)).not.toContain("formatVersion");
    const ics = toICalendar(clinic.schedule?.sessions ?? [], {
      timeZone: clinic.program.timeZone,
      now,
    });
    expect(ics).not.toContain("formatVersion");
    expect(ics).toContain("BEGIN:VEVENT");
  });
});

describe("toFhirBundle: a valid R4 Bundle", () => {
  it("every resource passes the R4 validator, every code is in its system, every reference resolves", () => {
    expect(bundle.resourceType).toBe("Bundle");
    expect(bundle.type).toBe("collection");
    expect(bundle.timestamp).toBe("2026-03-19T16:00:00.000+00:00");
    expect(bundleProblems(bundle)).toEqual([]);
    const types = new Set(bundle.entry?.map((e) => e.resource?.resourceType));
    expect([...types].sort()).toEqual(
      [
        "Appointment",
        "CarePlan",
        "Consent",
        "Encounter",
        "EpisodeOfCare",
        "Group",
        "Observation",
        "Patient",
        "PlanDefinition",
      ].sort(),
    );
  });

  it("the validator does catch broken output (it is not a check that cannot fail)", () => {
    const appointment = resourcesOf(bundle, "Appointment")[0] as Appointment;
    expect(fhirProblems({ ...appointment, participant: [] }).join("\n")).toMatch(/participant/);
    const { start: _s, ...noStart } = appointment;
    expect(fhirProblems(noStart).join("\n")).toMatch(/app-3|start/);
    expect(fhirProblems({ ...appointment, start: "2026-03-09" }).join("\n")).toMatch(/instant/i);
    // What the validator lets through, the terminology check catches.
    const resolve = (urn: string) => byUrl.get(urn)?.resourceType;
    expect(fhirProblems({ ...appointment, status: "whatever" as "booked" }, resolve)).toEqual([]);
    expect(terminologyProblems({ ...appointment, status: "whatever" as "booked" })).toEqual([
      'Appointment.status: "whatever" is not in http://hl7.org/fhir/appointmentstatus',
    ]);
    const plan = resourcesOf(bundle, "PlanDefinition")[0];
    const wrongLevel = JSON.parse(
      JSON.stringify(plan).replace('"code":"2.1"', '"code":"2.2"'),
    ) as typeof plan;
    expect(terminologyProblems(wrongLevel!).join("\n")).toMatch(
      /code "2\.2" is not in .*level-of-care v3/,
    );
    // Outpatient is "1" in the 3rd edition but 1.5 or 1.7 in the 4th: the version matters.
    const wrongEdition = JSON.parse(
      JSON.stringify(plan).replaceAll('"version":"3"', '"version":"4"'),
    ) as typeof plan;
    expect(terminologyProblems(wrongEdition!).join("\n")).toMatch(
      /code "1" is not in .*level-of-care v4/,
    );
    // A urn:uuid reference to the wrong type of resource is reported.
    const encounter = resourcesOf(bundle, "Encounter")[0];
    const misdirected = {
      ...bundle,
      entry: (bundle.entry ?? []).map((e) =>
        e.resource === encounter
          ? {
              ...e,
              resource: {
                ...encounter!,
                subject: { reference: encounter!.appointment?.[0]?.reference ?? "" },
              },
            }
          : e,
      ),
    };
    expect(bundleProblems(misdirected).join("\n")).toMatch(/Encounter.subject: Invalid reference/);
  });

  it("reports the records it could not map, with their paths (nothing dropped silently)", () => {
    expect(omitted.map((o) => [o.code, o.path.join(".")])).toEqual([
      ["other-program", "episodes.2"],
      ["unknown-session", "attendance.5"],
      ["not-on-roster", "attendance.6"],
      ["duplicate", "attendance.7"],
    ]);
    for (const o of omitted) expect(o.participantId).toBe(alexId);
  });

  it("is JSON, and the same input and now give the same bundle (deep-equal, same order)", () => {
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle);
    const again = toFhirBundle(structuredClone(clinic), { now });
    expect(again.bundle).toEqual(bundle);
    expect(again.omitted).toEqual(omitted);
    expect(toFhirBundle(clinic, { now: "2026-03-20T16:00:00Z" }).bundle).not.toEqual(bundle);
  });

  it("does not change its input", () => {
    const before = JSON.stringify(clinic);
    toFhirBundle(clinic, { now, type: "transaction", includePersonalData: true });
    expect(JSON.stringify(clinic)).toBe(before);
  });
});

describe("ids, full URLs and identifiers", () => {
  it("id = UUID v5 of `Type|system|value` in iopkit's namespace, fullUrl urn:uuid:<id>", () => {
    const v5 = (ns: string, name: string): string => {
      const h = createHash("sha1")
        .update(Buffer.concat([Buffer.from(ns.replace(/-/g, ""), "hex"), Buffer.from(name)]))
        .digest();
      h[6] = ((h[6] ?? 0) & 0x0f) | 0x50;
      h[8] = ((h[8] ?? 0) & 0x3f) | 0x80;
      const x = h.subarray(0, 16).toString("hex");
      return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
    };
    expect(fhirIdNamespace).toBe(
      v5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://iopkit.dev/fhir"),
    );
    for (const e of bundle.entry ?? []) {
      const r = e.resource as FhirExportResource;
      const id = r.identifier?.[0];
      expect(r.id).toBe(v5(fhirIdNamespace, `${r.resourceType}|${id?.system}|${id?.value}`));
      expect(e.fullUrl).toBe(`urn:uuid:${r.id}`);
      expect(r.id).toBe(fhirResourceId(r.resourceType, id?.system ?? "", id?.value ?? ""));
    }
    // Non-ASCII names hash their UTF-8 bytes, as every UUID library does.
    expect(fhirResourceId("Patient", "urn:x", "Zoë-🙂")).toBe(
      v5(fhirIdNamespace, "Patient|urn:x|Zoë-🙂"),
    );
  });

  it("identifiers use one system per kind under the canonical base, or the app's", () => {
    expect(fhirIdentifierSystems.participant).toBe(
      `${canonicalBaseUrl}/fhir/identifier/participant`,
    );
    const patient = find("Patient", alexId);
    expect(patient.identifier).toEqual([
      { system: fhirIdentifierSystems.participant, value: alexId },
    ]);
    const mrn = "https://riverside.example/fhir/mrn";
    const own = toFhirBundle(clinic, { now, identifierSystems: { participant: mrn } }).bundle;
    const mine = find("Patient", alexId, own);
    expect(mine.identifier).toEqual([{ system: mrn, value: alexId }]);
    expect(mine.id).toBe(fhirResourceId("Patient", mrn, alexId));
    expect(mine.id).not.toBe(patient.id);
    // References follow the new id.
    const episode = find("EpisodeOfCare", `${alexId}/${program.id}/2026-03-02`, own);
    expect(episode.patient.reference).toBe(`urn:uuid:${mine.id}`);
    expect(bundleProblems(own)).toEqual([]);
  });

  it("a transaction: PUT conditional updates on the identifier, no resource ids", () => {
    const t = toFhirBundle(clinic, { now, type: "transaction" }).bundle;
    expect(t.type).toBe("transaction");
    expect(bundleProblems(t)).toEqual([]);
    for (const e of t.entry ?? []) {
      const r = e.resource as FhirExportResource;
      const id = r.identifier?.[0];
      expect(r.id).toBeUndefined();
      expect(e.request).toEqual({
        method: "PUT",
        url: `${r.resourceType}?identifier=${encodeURIComponent(id?.system ?? "")}|${encodeURIComponent(id?.value ?? "")}`,
      });
    }
    expect(t.entry?.map((e) => e.fullUrl)).toEqual(bundle.entry?.map((e) => e.fullUrl));
    expect(t.entry?.find((e) => e.resource?.resourceType === "Patient")?.request?.url).toBe(
      "Patient?identifier=https%3A%2F%2Fiopkit.dev%2Ffhir%2Fidentifier%2Fparticipant|p-001",
    );
  });
});

describe("the mapping table (DOMAIN.md 'FHIR R4 mapping')", () => {
  it("program → PlanDefinition: active clinical protocol, a phase per action in order, weekly sessions as sub-actions", () => {
    const plan = find("PlanDefinition", program.id);
    expect(plan.status).toBe("active");
    expect(plan.title).toBe(program.name);
    expect(plan.type?.coding?.[0]?.code).toBe("clinical-protocol");
    expect(plan.action?.map((a) => a.id)).toEqual(program.phases.map((p) => p.id));
    expect(plan.action?.[1]?.relatedAction).toEqual([
      { actionId: program.phases[0]?.id, relationship: "after-end" },
    ]);
    const intensive = plan.action?.[0];
    expect(intensive?.code?.[0]?.coding?.[1]).toEqual({
      system: fhirCodeSystems.levelOfCare,
      version: "3",
      code: "2.1",
      display: "Intensive Outpatient Services",
    });
    const group = intensive?.action?.find(
      (a) => a.code?.[0]?.coding?.[0]?.code === "group-therapy",
    );
    expect(group?.timingTiming?.repeat).toMatchObject({
      frequency: 1,
      period: 1,
      periodUnit: "wk",
      dayOfWeek: ["mon"],
      timeOfDay: ["09:00:00"],
      durationUnit: "min",
    });
    expect(intensive?.description).toMatch(/clinical hours a week/);
    expect(plan.useContext?.[0]?.valueRange?.low?.value).toBe(18);
    expect(plan.meta?.security).toBeUndefined(); // a template holds no one's information
  });

  it("participant → Patient: identifier and birth year only, unless personal data is asked for", () => {
    const patient = find("Patient", alexId);
    expect(Object.keys(patient).sort()).toEqual([
      "birthDate",
      "id",
      "identifier",
      "meta",
      "resourceType",
    ]);
    expect(patient.birthDate).toBe("1988");
    const personal = find(
      "Patient",
      alexId,
      toFhirBundle(clinic, { now, includePersonalData: true }).bundle,
    );
    expect(personal.birthDate).toBe("1988-04-12");
    expect(personal.name).toEqual([{ text: "Alex Rivera" }]);
    expect(personal.telecom).toEqual([
      { system: "phone", value: "+1 555 0100" },
      { system: "email", value: "alex@example.org" },
    ]);
    expect(personal.address).toEqual([{ text: "12 Main St, Springfield" }]);
    expect(fhirProblems(personal)).toEqual([]); // a Patient references nothing
    // A participant named only by a record gets a Patient with the identifier alone.
    const bare = toFhirBundle({ program, drugTests: clinic.drugTests ?? [] }, { now }).bundle;
    expect(resourcesOf(bare, "Patient").map((p) => Object.keys(p).sort())).toEqual([
      ["id", "identifier", "meta", "resourceType"],
      ["id", "identifier", "meta", "resourceType"],
    ]);
  });

  it("episode → EpisodeOfCare: referred/assessed planned, admitted/in-phase active, discharged finished (cancelled before admission); statusHistory per phase", () => {
    const a = find("EpisodeOfCare", `${alexId}/${program.id}/2026-03-02`);
    expect(a.status).toBe("active");
    expect(a.period).toEqual({ start: "2026-03-02" });
    expect(a.statusHistory?.map((h) => [h.status, h.period.start, h.period.end])).toEqual([
      ["planned", "2026-03-02", "2026-03-06"],
      ["active", "2026-03-06", "2026-03-09"],
      ["active", "2026-03-09", "2026-03-16"],
      ["active", "2026-03-16", undefined],
    ]);
    const phases = a.statusHistory?.map((h) => {
      const e = ext(h, fhirExtensions.phase);
      return [part(e, "id")?.valueString, part(e, "reason")?.valueCode];
    });
    expect(phases).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ["intensive", "admission"],
      ["step-down", "step-down"],
    ]);
    expect(a.type?.[0]?.coding?.map((c) => c.code)).toEqual(["intensive-outpatient", "2.1"]);
    const b = find("EpisodeOfCare", `${blakeId}/${program.id}/2026-03-02`);
    expect(b.status).toBe("cancelled");
    expect(b.statusHistory?.map((h) => h.status)).toEqual(["planned", "cancelled"]);
    const d = ext(b, fhirExtensions.discharge);
    expect(part(d, "type")?.valueCode).toBe("transferred-higher");
    expect(part(d, "reason")?.valueCode).toBe("clinical-need");
    expect(part(d, "referredTo")?.valueCodeableConcept?.coding?.[0]?.code).toBe("residential");
    // Residential is 3.1–3.7 in the 3rd edition: no single ASAM code, the concept only.
    expect(part(d, "referredTo")?.valueCodeableConcept?.coding).toHaveLength(1);
  });

  it("treatment plan → CarePlan: from the episode once admitted, else from the enrolment's planned path", () => {
    const a = find("CarePlan", `${alexId}/${program.id}/2026-03-02`);
    expect([a.status, a.intent]).toEqual(["active", "plan"]);
    expect(a.subject.reference).toBe(`urn:uuid:${find("Patient", alexId).id}`);
    expect(a.activity?.map((x) => [x.detail?.description, x.detail?.status])).toEqual([
      ["Intensive", "completed"],
      ["Step-down", "in-progress"],
      ["Transition", "not-started"],
    ]);
    expect(a.activity?.[0]?.detail?.scheduledTiming?.repeat?.boundsPeriod).toEqual({
      start: "2026-03-09",
      end: "2026-03-16",
    });
    const b = find("CarePlan", `${blakeId}/${program.id}/2026-03-09`);
    expect(b.status).toBe("active");
    expect(b.activity?.map((x) => x.detail?.status)).toEqual([
      "in-progress",
      "not-started",
      "not-started",
    ]);
    expect(b.activity?.[0]?.detail?.scheduledTiming?.repeat).toMatchObject({
      boundsPeriod: { start: "2026-03-09" },
      frequency: 8,
      period: 1,
      periodUnit: "wk",
    });
  });

  it("scheduled session → an Appointment per participant, status from attendance or the drug test", () => {
    const status = (sessionId: string, pid = alexId): Appointment =>
      find("Appointment", seat(sessionId, pid));
    const g = alexGroups;
    expect(status(g[0]!.id).status).toBe("fulfilled"); // present
    expect(status(g[1]!.id).status).toBe("fulfilled"); // late
    const excused = status(g[2]!.id);
    expect(excused.status).toBe("cancelled");
    expect(excused.cancelationReason?.coding?.[0]?.code).toBe("pat");
    expect(excused.comment).toBe("Court date");
    expect(excused.participant[0]?.status).toBe("declined");
    expect(status(g[3]!.id).status).toBe("noshow"); // absent without excuse
    expect(status(g[4]!.id).status).toBe("fulfilled"); // left early
    expect(status(g[5]!.id).status).toBe("booked"); // no record
    expect(status(g[0]!.id, blakeId).status).toBe("booked");
    expect(status(alexTests[0]!.id).status).toBe("noshow"); // drug test missed
    expect(status(alexTests[1]!.id).status).toBe("fulfilled"); // drug test positive
    const late = status(g[1]!.id);
    const attendance = ext(late, fhirExtensions.attendance);
    expect(part(attendance, "status")?.valueCode).toBe("late");
    expect(part(attendance, "lateMinutes")?.valueInteger).toBe(20);
    expect(late.identifier?.[1]).toEqual({
      system: fhirIdentifierSystems.session,
      value: g[1]!.id,
    });
    expect(late.serviceType?.[0]?.coding?.[0]).toMatchObject({
      system: fhirCodeSystems.sessionType,
      code: "group-therapy",
    });
    expect(late.participant.map((p) => p.actor)).toEqual([
      { reference: `urn:uuid:${find("Patient", alexId).id}` },
      { type: "Practitioner", identifier: { system: fhirIdentifierSystems.staff, value: "s-lee" } },
    ]);
    expect(late.supportingInformation).toEqual([
      { type: "Group", identifier: { system: fhirIdentifierSystems.group, value: g[1]!.groupId } },
    ]);
    expect(late.minutesDuration).toBe(120);
  });

  it("attended session → Encounter: finished, class AMB, length = minutes attended, linked to the appointment and the episode", () => {
    const encounters = resourcesOf(bundle, "Encounter");
    expect(encounters.map((e) => e.identifier?.[0]?.value).sort()).toEqual(
      [0, 1, 4].map((i) => seat(alexGroups[i]!.id, alexId)).sort(),
    );
    const late = find("Encounter", seat(alexGroups[1]!.id, alexId));
    expect(late.status).toBe("finished");
    expect(late.class).toEqual({ system: V3, code: "AMB", display: "ambulatory" });
    expect(late.length).toEqual({
      value: 100,
      unit: "min",
      system: "http://unitsofmeasure.org",
      code: "min",
    });
    const appointment = find("Appointment", seat(alexGroups[1]!.id, alexId));
    expect(late.appointment).toEqual([{ reference: `urn:uuid:${appointment.id}` }]);
    const episode = find("EpisodeOfCare", `${alexId}/${program.id}/2026-03-02`);
    expect(late.episodeOfCare).toEqual([{ reference: `urn:uuid:${episode.id}` }]);
  });

  it("therapy group → Group: person, actual, members with the days they belong", () => {
    const [group] = resourcesOf(bundle, "Group");
    expect(group).toMatchObject({
      type: "person",
      actual: true,
      name: "Intensive, morning track",
      quantity: 2,
    });
    expect(
      group?.member?.map((m) => [
        byUrl.get(m.entity.reference ?? "")?.identifier?.[0]?.value,
        m.period,
      ]),
    ).toEqual([
      [alexId, { start: "2026-03-09", end: "2026-03-22" }],
      [blakeId, { start: "2026-03-09", end: "2026-03-22" }],
    ]);
  });

  it("drug test → Observation (laboratory): value negative/positive/dilute; refused and missed as dataAbsentReason; substances as components", () => {
    const tests = resourcesOf(bundle, "Observation").filter(
      (o) => o.category?.[0]?.coding?.[0]?.code === "laboratory",
    );
    expect(tests).toHaveLength(5);
    for (const t of tests) {
      expect(t.status).toBe("final");
      expect(t.code.coding?.[0]).toMatchObject({
        system: fhirCodeSystems.drugTest,
        code: "drug-screen",
      });
    }
    const of = (result: string) =>
      tests.filter(
        (t) =>
          t.valueCodeableConcept?.coding?.[0]?.code === result ||
          t.dataAbsentReason?.coding?.[0]?.code === result,
      );
    expect(of("negative")[0]?.interpretation?.[0]?.coding?.[0]?.code).toBe("NEG");
    const positive = of("positive")[0];
    expect(positive?.interpretation?.[0]?.coding?.[0]?.code).toBe("POS");
    expect(positive?.component?.map((c) => c.code.text)).toEqual(["opioids", "cannabis"]);
    const flags = ext(positive ?? {}, fhirExtensions.drugTest);
    expect([part(flags, "observed")?.valueBoolean, part(flags, "confirmed")?.valueBoolean]).toEqual(
      [true, true],
    );
    expect(of("dilute")).toHaveLength(1);
    expect(of("asked-declined")).toHaveLength(1); // refused
    expect(of("not-performed")).toHaveLength(1); // missed
    expect(of("asked-declined")[0]?.valueCodeableConcept).toBeUndefined();
    expect(positive?.effectiveDateTime).toBe(alexTests[1]!.start);
  });

  it("drug test with expected (prescribed) substances: found ones interpreted EXP, missing ones UNE, the result NEG when nothing unexpected; specimen outcomes as values; all valid R4", () => {
    const at = "2026-03-11T09:05:00-04:00";
    const drugTests = [
      parseDrugTestResult({
        participantId: alexId,
        collectedAt: at,
        result: "positive",
        substances: ["buprenorphine"],
        expected: ["buprenorphine"],
      }),
      parseDrugTestResult({
        participantId: alexId,
        collectedAt: "2026-03-12T09:05:00-04:00",
        result: "negative",
        expected: ["methadone"],
      }),
      parseDrugTestResult({
        participantId: alexId,
        collectedAt: "2026-03-13T09:05:00-04:00",
        result: "positive",
        substances: ["alcohol", "buprenorphine"],
        expected: ["buprenorphine"],
      }),
      ...(["adulterated", "substituted", "invalid"] as const).map((result, i) =>
        parseDrugTestResult({
          participantId: alexId,
          collectedAt: `2026-03-1${4 + i}T09:05:00-04:00`,
          result,
        }),
      ),
    ];
    const out = toFhirBundle({ program, drugTests }, { now }).bundle;
    expect(bundleProblems(out)).toEqual([]);
    const tests = resourcesOf(out, "Observation");
    const view = tests.map((t) => ({
      value: t.valueCodeableConcept?.coding?.[0]?.code,
      interpretation: t.interpretation?.[0]?.coding?.[0]?.code,
      components: t.component?.map((c) => [
        c.code.text,
        c.valueCodeableConcept?.coding?.[0]?.code,
        c.interpretation?.[0]?.coding?.[0]?.code,
      ]),
    }));
    expect(view).toEqual([
      {
        value: "positive",
        interpretation: "NEG",
        components: [["buprenorphine", "positive", "EXP"]],
      },
      { value: "negative", interpretation: "NEG", components: [["methadone", "negative", "UNE"]] },
      {
        value: "positive",
        interpretation: "POS",
        components: [
          ["alcohol", "positive", "POS"],
          ["buprenorphine", "positive", "EXP"],
        ],
      },
      { value: "adulterated", interpretation: undefined, components: undefined },
      { value: "substituted", interpretation: undefined, components: undefined },
      { value: "invalid", interpretation: undefined, components: undefined },
    ]);
  });

  it("measure score → Observation (survey) as US Core shapes scores: LOINC totals with displays (PHQ-9 44261-6, GAD-7 70274-6, AUDIT-C 75626-2, DAST-10 82667-7), valueQuantity in UCUM {score}, the band in the score-band extension, not interpretation", () => {
    const surveys = resourcesOf(bundle, "Observation").filter(
      (o) => o.category?.[0]?.coding?.[0]?.code === "survey",
    );
    const code = (instrument: string) =>
      surveys.find((o) => o.code.coding?.some((c) => c.code === instrument));
    expect(code("phq-9")?.code.coding?.[0]).toEqual({
      system: "http://loinc.org",
      code: "44261-6",
      display: "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]",
    });
    expect(code("phq-9")?.valueQuantity).toEqual({
      value: 12,
      unit: "{score}",
      system: "http://unitsofmeasure.org",
      code: "{score}",
    });
    expect(code("phq-9")?.valueInteger).toBeUndefined();
    expect(code("phq-9")?.interpretation).toBeUndefined();
    expect(code("phq-9")?.extension).toEqual([
      {
        url: fhirExtensions.scoreBand,
        valueCoding: { system: fhirCodeSystems.scoreBand, code: "moderate", display: "Moderate" },
      },
    ]);
    expect(code("phq-9")?.effectiveDateTime).toBe("2026-03-09");
    expect(code("gad-7")?.code.coding?.[0]?.code).toBe("70274-6");
    expect(code("audit-c")?.code.coding?.[0]).toEqual({
      system: "http://loinc.org",
      code: "75626-2",
      display: "Total score [AUDIT-C]",
    });
    expect(code("dast-10")?.code.coding).toEqual([
      { system: "http://loinc.org", code: "82667-7", display: "Total score [DAST-10]" },
      { system: fhirCodeSystems.instrument, code: "dast-10", display: "DAST-10" },
    ]);
    expect(code("dast-10")?.identifier?.[0]?.value).toBe("m-dast-1");
    const bam = code("bam");
    expect(bam?.valueQuantity).toBeUndefined();
    expect(
      bam?.component?.map((c) => [
        c.code.coding?.[0]?.code,
        c.valueQuantity?.code,
        c.extension?.[0]?.valueCoding?.system,
      ]),
    ).toEqual(["use", "risk", "protective"].map((c) => [c, "{score}", fhirCodeSystems.scoreBand]));
  });

  it("Part 2 consent → Consent: patient-privacy, Part 2 policy, status active/inactive/draft on now's date", () => {
    const consent = (c: { id: string }) => find("Consent", `${alexId}/${c.id}`);
    expect(consent(consents.tpo).status).toBe("active");
    expect(consent(consents.revoked).status).toBe("active"); // revoked from 2026-03-20: see below
    expect(consent(consents.expired).status).toBe("inactive");
    expect(consent(consents.unsigned).status).toBe("draft");
    expect(consent(consents.guardian).status).toBe("inactive"); // its expiry event occurred
    const tpo = consent(consents.tpo);
    expect(tpo.scope.coding?.[0]?.code).toBe("patient-privacy");
    expect(tpo.category.map((c) => c.coding?.[0]?.code)).toEqual(["59284-0", "IDSCL"]);
    expect(tpo.policy).toEqual([
      {
        authority: "https://www.ecfr.gov",
        uri: "https://www.ecfr.gov/current/title-42/chapter-I/subchapter-A/part-2",
      },
    ]);
    expect(tpo.policyRule?.coding?.[0]?.code).toBe("42CFRPart2");
    expect(tpo.provision?.purpose?.map((p) => p.code)).toEqual(["TREAT", "HPAYMT", "HOPERAT"]);
    expect(tpo.provision?.action?.[0]?.coding?.[0]?.code).toBe("disclose");
    expect(tpo.provision?.class?.map((c) => c.code)).toEqual(["attendance", "drug-tests"]);
    expect(tpo.provision?.actor?.[0]).toMatchObject({
      role: { coding: [{ code: "IRCP" }] },
      reference: { display: "treating-provider" },
      extension: [{ url: fhirExtensions.recipientClass, valueBoolean: true }],
    });
    expect(tpo.provision?.period).toEqual({ start: "2026-03-01" });
    const p2 = ext(tpo, fhirExtensions.part2Consent);
    expect(part(p2, "coversAllTpo")?.valueBoolean).toBe(true);
    expect(part(p2, "noExpiry")?.valueBoolean).toBe(true);
    expect(part(p2, "amount")?.valueString).toMatch(/drug-test results/);
    expect(tpo.performer).toEqual([{ reference: `urn:uuid:${find("Patient", alexId).id}` }]);
    expect(tpo.organization).toEqual([{ display: "Riverside IOP" }]);
    const audit = consent(consents.revoked);
    expect(audit.provision?.purpose?.map((p) => [p.system, p.code])).toEqual([
      ["http://terminology.hl7.org/CodeSystem/v3-ActReason", "TREAT"],
      [fhirCodeSystems.disclosurePurpose, "audit"],
    ]);
    expect(part(ext(audit, fhirExtensions.part2Consent), "revokedOn")?.valueDate).toBe(
      "2026-03-20",
    );
    expect(consent(consents.expired).provision?.purpose?.map((p) => p.code)).toEqual([
      "HRESCH",
      "HLEGAL",
      "other",
    ]);
    expect(consent(consents.guardian).performer).toEqual([
      { type: "RelatedPerson", display: "Guardian" },
    ]);
    expect(consent(consents.guardian).provision?.period).toEqual({
      start: "2026-03-01",
      end: "2026-03-18",
    });
  });

  it("revocation takes effect on its date: a consent revoked on 2026-03-20 is active on the 19th", () => {
    // `now` is 2026-03-19 in New York; the revocation is the next day.
    expect(find("Consent", `${alexId}/${consents.revoked.id}`).status).toBe("active");
    const later = toFhirBundle(clinic, { now: "2026-03-20T16:00:00Z" }).bundle;
    expect(find("Consent", `${alexId}/${consents.revoked.id}`, later).status).toBe("inactive");
  });
});

describe("42 CFR Part 2 security labels and privacy", () => {
  const labels = ["R", "ETH", "42CFRPart2", "NORDSCLCD"];
  it("a substance-use program: every participant resource carries R, ETH, 42CFRPart2, NORDSCLCD", () => {
    for (const e of bundle.entry ?? []) {
      const r = e.resource as FhirExportResource;
      const codes = r.meta?.security?.map((c) => c.code) ?? [];
      expect(codes, r.resourceType).toEqual(r.resourceType === "PlanDefinition" ? [] : labels);
    }
  });

  it("a mental-health program: only drug tests, drug-test sessions, SUD instruments and Part 2 consents", () => {
    const mh = programTemplates.mentalHealthAdult({ timeZone: "America/New_York" });
    const b = toFhirBundle(
      {
        ...clinic,
        program: mh,
        episodes: [],
        enrollments: [],
        schedule: { sessions: clinic.schedule?.sessions ?? [] },
      },
      { now },
    ).bundle;
    expect(bundleProblems(b)).toEqual([]);
    const labelled = (b.entry ?? [])
      .map((e) => e.resource as FhirExportResource)
      .filter((r) => (r.meta?.security?.length ?? 0) > 0)
      .map((r) =>
        r.resourceType === "Observation"
          ? `Observation ${r.code.coding?.map((c) => c.code).join("+")}`
          : r.resourceType === "Appointment"
            ? `Appointment ${r.serviceType?.[0]?.coding?.[0]?.code}`
            : r.resourceType,
      );
    expect(new Set(labelled)).toEqual(
      new Set([
        "Consent",
        "Appointment drug-test",
        "Observation drug-screen",
        "Observation 75626-2+audit-c",
        "Observation 82667-7+dast-10",
        "Observation bam",
      ]),
    );
    expect(labelled).not.toContain("Patient");
  });

  it("one participant's bundle holds only their resources (and the program's), no shared Groups", () => {
    const mine = toFhirBundle(clinic, { now, scope: { participantId: blakeId } });
    expect(bundleProblems(mine.bundle)).toEqual([]);
    const text = JSON.stringify(mine);
    expect(text).not.toContain(`"${alexId}"`);
    expect(text).not.toContain(`/${alexId}"`);
    expect(text).not.toContain(`"${alexId}/`);
    expect(text).not.toContain(find("Patient", alexId).id);
    expect(resourcesOf(mine.bundle, "Group")).toEqual([]);
    expect(resourcesOf(mine.bundle, "Patient").map((p) => p.identifier?.[0]?.value)).toEqual([
      blakeId,
    ]);
    // Each of its resources is the full bundle's resource of the same full URL.
    for (const e of mine.bundle.entry ?? []) expect(e.resource).toEqual(byUrl.get(e.fullUrl));
    expect(mine.omitted).toEqual([]);
    expect(toFhirBundle(clinic, { now, scope: { participantId: alexId } }).omitted).toEqual(
      omitted,
    );
  });
});

describe("options: validated with every problem reported", () => {
  it("throws IopError listing each bad option", () => {
    const bad = {
      now: "yesterday",
      type: "batch",
      scope: { participantId: "" },
      identifierSystems: { participant: "not a uri", nurse: "https://x.example" },
      includePersonalData: "yes",
      colour: "blue",
    } as unknown as ToFhirBundleOptions;
    try {
      toFhirBundle(clinic, bad);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(IopError);
      const paths = (e as IopError).issues.map((i) => i.path.join("."));
      for (const p of [
        "now",
        "type",
        "scope.participantId",
        "identifierSystems.participant",
        "includePersonalData",
        "colour",
        "identifierSystems.nurse",
      ])
        expect(paths, p).toContain(p);
      expect((e as IopError).message).toMatch(/^toFhirBundle: /);
    }
  });

  it("an identifier kind it does not know is an error, even __proto__", () => {
    const sneaky = JSON.parse('{"__proto__":"urn:x"}') as NonNullable<
      ToFhirBundleOptions["identifierSystems"]
    >;
    expect(() => toFhirBundle(clinic, { now, identifierSystems: sneaky })).toThrow(
      /unrecognized-keys/,
    );
  });

  it("needs a program", () => {
    expect(() => toFhirBundle({} as typeof clinic, { now })).toThrow(IopError);
  });

  it("rejects identifier systems with a '|' (the token separator)", () => {
    expect(() => toFhirBundle(clinic, { now, identifierSystems: { staff: "urn:a|b" } })).toThrow(
      /identifierSystems\.staff/,
    );
  });
});

describe("sessions without participants and duplicates", () => {
  it("a session with no participants is reported; a second record with the same identifier too", () => {
    const s = clinic.schedule?.sessions[0];
    if (s === undefined) throw new Error("no session");
    const empty = { ...s, id: `${s.id}.empty` as typeof s.id, participantIds: [] };
    const r = toFhirBundle(
      {
        program,
        participants: [alex, alex],
        schedule: { sessions: [s, empty, s] },
        drugTests: [clinic.drugTests![0]!, clinic.drugTests![0]!],
      },
      { now },
    );
    expect(r.omitted.map((o) => [o.code, o.path.join(".")])).toEqual([
      ["duplicate", "participants.1"],
      ["duplicate", "schedule.sessions.2"],
      ["no-participants", "schedule.sessions.1"],
      ["duplicate", "drugTests.1"],
    ]);
    // An omission names the path, never the identifier's value (it may be a medical record number).
    for (const o of r.omitted) expect(o.message).not.toContain("p-001");
    expect(r.omitted[0]?.message).toBe("this participant is listed earlier in the list");
    expect(r.omitted[3]?.message).toBe("another record already has the same drug-test identifier");
    expect(bundleProblems(r.bundle)).toEqual([]);
    expect(referencesIn(r.bundle).length).toBeGreaterThan(0);
  });
});

it("the helper sees participant ids typed as branded strings", () => {
  const id: ParticipantId = alexId;
  expect(find("Patient", id).identifier?.[0]?.value).toBe("p-001");
});
