/**
 * Reading from an EHR (`npx tsx examples/fhir-import.ts`): the HL7 US Core example Patient, PHQ-9
 * and AUDIT-C forms and Coverage (test/fixtures/fhir/us-core, CC0) go through `readFhir`; the
 * Patient's fields plus the clinician's ASAM assessment make a participant that
 * `assessEligibility` places; then a FHIR Bulk Data NDJSON export of follow-up PHQ-9 forms is
 * streamed through `readFhirNdjson` and `measurementBasedCare` shows the change from the
 * baseline. It prints what was read, the import report's issues (each with its FHIR path), the
 * decision and the measurement-based-care view.
 */
import { readFileSync, readdirSync } from "node:fs";
import { Readable } from "node:stream";
import { assessEligibility, parseParticipant, programTemplates } from "iopkit";
import { readFhir, readFhirNdjson, type FhirMeasure } from "iopkit/fhir-read";
import { measurementBasedCare } from "iopkit/analytics";

// 1. One Bundle of what the EHR holds today (here: the US Core examples, as a collection).
const dir = "test/fixtures/fhir/us-core";
const entry = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ resource: JSON.parse(readFileSync(`${dir}/${f}`, "utf8")) as unknown }));
const { records, report } = readFhir({ resourceType: "Bundle", type: "collection", entry });

const patient = records.patients[0];
if (patient === undefined) throw new Error("the Bundle has no Patient");
console.log(
  `Patient ${patient.participantId}: ${patient.name ?? "?"}, born ${patient.birthDate ?? "?"}, sex ${patient.sex ?? "?"}, ${patient.addressState ?? "?"}`,
);
for (const m of records.measures)
  console.log(
    `  ${m.instrument} on ${m.administeredOn}: ${m.total ?? "?"} (${m.band?.label ?? "no band"}), from ${m.basis}`,
  );
for (const c of records.coverages) console.log(`  coverage: ${c.payer ?? "?"}, ${c.plan ?? "?"}`);
console.log(`Import report: ${report.read.length} resources read, ${report.issues.length} issues`);
for (const i of report.issues) console.log(`  ${i.code.padEnd(18)} ${i.path}: ${i.message}`);

// 2. The Patient gives who; the clinician's assessment gives the clinical profile FHIR does not hold.
const program = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
const participant = parseParticipant({
  id: patient.participantId,
  dateOfBirth: patient.dateOfBirth,
  ...(patient.sex === undefined ? {} : { sex: patient.sex }),
  ...(patient.name === undefined ? {} : { name: patient.name }),
  assessedOn: "2022-11-29",
  conditions: [
    { kind: "substance-use", severity: "moderate", code: "F10.20" },
    { kind: "depression", severity: "moderate" },
  ],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 2,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 1,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: [],
  unavailable: [],
  familyInvolved: true,
  medications: [],
});
const decision = assessEligibility(participant, program);
console.log(`\nEligibility: ${decision.outcome}, level ${decision.recommendedLevel ?? "—"}`);
for (const r of decision.reasons) console.log(`  ${r.code}: ${r.message}`);

// 3. A Bulk Data export of follow-up PHQ-9 forms, one QuestionnaireResponse per line, read as a
//    stream (here from memory; in an app, fs.createReadStream or a fetch body).
const FREQ = ["LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"];
const ITEMS = [
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
const form = (id: string, on: string, answers: number[]) =>
  JSON.stringify({
    resourceType: "QuestionnaireResponse",
    id,
    status: "completed",
    subject: { reference: `Patient/${patient.participantId}` },
    authored: `${on}T15:00:00Z`,
    item: ITEMS.map((code, i) => ({
      linkId: `/${code}`,
      answer: [{ valueCoding: { system: "http://loinc.org", code: FREQ[answers[i] ?? 0] } }],
    })),
  });
const ndjson = [
  form("phq-w4", "2022-12-27", [1, 2, 1, 2, 1, 1, 1, 0, 0]),
  form("phq-w8", "2023-01-24", [1, 1, 1, 1, 0, 0, 1, 0, 0]),
  "{ truncated line",
  form("phq-w12", "2023-02-21", [0, 1, 0, 1, 0, 0, 1, 0, 0]),
].join("\n");
const followUps: FhirMeasure[] = [];
for await (const { line, records: r, report: lineReport } of readFhirNdjson(
  Readable.from([Buffer.from(ndjson)]),
)) {
  followUps.push(...r.measures);
  for (const i of lineReport.issues) console.log(`NDJSON line ${line}: ${i.code} — ${i.message}`);
}

// 4. Measurement-based care: the baseline from the EHR, the follow-ups from the export.
const scored = [...records.measures, ...followUps].flatMap((m) =>
  m.score === undefined ? [] : [{ participantId: m.participantId, score: m.score }],
);
const mbc = measurementBasedCare({ measures: scored }, { asOf: "2023-02-28" });
const phq = mbc.participants[0]?.instruments.find((t) => t.instrument === "phq-9");
if (phq !== undefined)
  console.log(
    `\nPHQ-9: baseline ${phq.baseline.value} (${phq.baseline.band.label}) → latest ${phq.latest.value} (${phq.latest.band.label}); response ${phq.response?.met ?? "n/a"}, remission ${phq.remission?.met ?? "n/a"}`,
  );
