/**
 * Writes the record fixtures of the current version: `test/fixtures/records/<version>/<Kind>.json`,
 * an array of records of each stored kind, exactly as this version writes them (templates, the
 * outputs of its functions, and samples of iopkit/testing's arbitraries with fixed seeds, so the
 * option space is covered). Run it once per release, before the next release changes a shape:
 *
 *   npx tsx scripts/capture-record-fixtures.ts
 *
 * (`--out <dir>` writes to another folder instead: the test that keeps this script working.)
 * It refuses to overwrite a version that already has fixtures: those are what that version wrote,
 * and later versions must keep reading them (test/records/fixtures.test.ts).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import * as iop from "../src/index";
import * as kit from "../src/testing/index";
import { parseWaitlistEntry } from "../src/capacity/index";
import { disclosureCase } from "../test/privacy/arbitraries";

const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
// `--out <dir>` writes elsewhere (test/records/capture.test.ts checks the script still runs).
const outAt = process.argv.indexOf("--out");
const dir =
  outAt > 0 ? (process.argv[outAt + 1] ?? "") : join("test", "fixtures", "records", version);
if (existsSync(dir) && outAt < 0 && !process.argv.includes("--force")) {
  console.error(`${dir} exists: fixtures of a released version are never rewritten`);
  process.exit(2);
}

const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, seed: number): T[] =>
  fc.sample(arb, { numRuns, seed });
/** A JSON round trip: what an app stores is JSON, not the objects in memory. */
const stored = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const zone = "America/New_York";
const templates = [
  iop.programTemplates.substanceUseAdult({ timeZone: zone }),
  iop.programTemplates.mentalHealthAdult({ timeZone: "America/Chicago" }),
  iop.programTemplates.adolescent({ timeZone: "America/Los_Angeles" }),
  iop.programTemplates.eatingDisorder({ timeZone: "Europe/London" }),
];
const adult = templates[0] as iop.Program;
const programs = [...templates, ...sample(kit.program(), 6, 101).map((p) => iop.defineProgram(p))];

const maya = iop.parseParticipant({
  id: "p-maya",
  dateOfBirth: "1990-05-17",
  assessedOn: "2026-10-12",
  sex: "female",
  name: "Maya Okafor",
  phone: "+1 555 0100",
  email: "maya@example.org",
  conditions: [{ kind: "substance-use", severity: "moderate", code: "F10.20" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 2,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "supportive-home",
  responsibilities: ["work"],
  familyInvolved: true,
  medications: [{ name: "buprenorphine", purpose: "addiction" }],
  unavailable: ([1, 2, 3, 4, 5] as const).map((weekday) => ({
    weekday,
    from: "08:30",
    to: "17:00",
    reason: "work" as const,
  })),
});
const participants = [maya, ...sample(kit.participant(), 14, 102)];
const cases = sample(disclosureCase, 12, 120);
const consents = [
  ...participants.flatMap((p) => p.consents),
  ...sample(kit.consent(), 10, 103),
  ...cases.map((c) => c.consent),
  // A single consent for all future TPO with no expiry, and one signed by a guardian, revoked later.
  // (0.1.0 also wrote a TPO consent listing research and "other": that shape is in the 0.1.0
  // fixtures, which later versions read or report; this version refuses to write it.)
  iop.parseConsent({
    id: "c-tpo",
    patientName: "Maya Okafor",
    discloser: "Riverside IOP",
    recipients: [
      {
        kind: "class",
        description:
          "my treating providers, health plans, third-party payers, and people helping to operate this program",
      },
    ],
    coversAllTpo: true,
    purposes: ["treatment", "payment", "health-care-operations"],
    information: ["attendance", "drug-tests", "diagnosis"],
    signedBy: "patient",
    signedOn: "2026-10-12",
    statesRightToRevoke: true,
    expiry: { kind: "none" },
  }),
  iop.parseConsent({
    id: "c-guardian",
    patientName: "Maya Okafor",
    discloser: "Riverside IOP",
    recipients: [{ kind: "named", name: "Dr. Sam Lee" }],
    purposes: ["treatment"],
    information: ["attendance"],
    signedBy: "guardian",
    signedOn: "2026-10-12",
    statesRightToRevoke: true,
    expiry: { kind: "event", event: "discharge", occurredOn: "2027-01-15" },
    revokedOn: "2026-12-01",
  }),
];

const enrollments = [
  iop.parseEnrollment({ participant: maya, start: "2026-10-19", track: "evening" }),
  ...sample(kit.enrollment({ program: adult, around: "2026-10-19" }), 8, 104),
];
const staff = sample(kit.staffTeam(adult), 1, 105)[0] ?? [];
const planned = iop.planSchedule({
  program: adult,
  enrollments,
  staff,
  from: "2026-10-19",
  weeks: 3,
  seed: 7,
});
const generated = sample(kit.schedule({ maxParticipants: 4, maxWeeks: 2 }), 3, 106);
const schedules = [planned, ...generated.map((g) => g.schedule)];
const sessions = [
  ...planned.sessions.slice(0, 40),
  ...planned.sessions.filter((s) => s.sessionType === "drug-test").slice(0, 5),
];

const attendance = sample(kit.attendanceLog(planned), 1, 107)[0]?.slice(0, 80) ?? [];
const drugTests = sample(kit.drugTestResults(planned), 1, 108)[0]?.slice(0, 40) ?? [];
const measures = iop.instrumentIds.flatMap((instrument, i) =>
  sample(kit.measureAdministration(instrument), 4, 109 + i),
);

const decisions = participants.slice(0, 10).map((p) => iop.assessEligibility(p, adult));
const overrides: iop.ClinicianOverride[] = [
  {
    formatVersion: 2,
    outcome: "admit",
    reason: "Stable on buprenorphine; the team reviewed the risks.",
    clinician: "Dr. Lee",
    date: "2026-10-13",
  },
  {
    formatVersion: 2,
    outcome: "refer-higher",
    recommendedLevel: "residential",
    reason: "Unsafe home.",
    clinician: "J. Ortiz",
  },
];
decisions.push(iop.assessEligibility(maya, adult, { override: overrides[0], asOf: "2026-10-13" }));

const logs = [
  ...sample(kit.episodeEvents(adult, { participantId: "p-log" }), 5, 110),
  ...sample(kit.episodeEvents(templates[1] as iop.Program, { participantId: "p-log-2" }), 3, 111),
];
const aftercarePlans = participants.slice(0, 6).map((participant, i) => {
  const episode = sample(
    kit.dischargedEpisode(adult, { participantId: participant.id }),
    1,
    112 + i,
  )[0];
  if (episode === undefined) throw new Error("no discharged episode");
  return iop.planAftercare({ participant, episode, program: adult, from: episode.discharge.on });
});
const relapsePlans = aftercarePlans.flatMap((plan) =>
  plan.components.flatMap((c) => (c.kind === "relapse-prevention" ? [c.plan] : [])),
);
relapsePlans.push(
  iop.parseRelapsePreventionPlan({
    triggers: [{ text: "Friday paydays", source: "participant" }],
    warningSigns: [{ text: "Skipping meetings", source: "clinician" }],
    copingStrategies: [{ text: "Call my sponsor", source: "participant" }],
    contacts: [
      { role: "sponsor", name: "Sam", phone: "+1 555 0101" },
      { role: "crisis-line", phone: "988" },
    ],
    afterALapse: [{ text: "Tell my counsellor the same day", source: "program" }],
    reviewedOn: "2026-12-01",
  }),
);
const checkIns = aftercarePlans
  .flatMap((plan, i) => sample(kit.checkInOutcomes(plan), 1, 113 + i)[0] ?? [])
  .slice(0, 60);

const requests = [
  ...cases.map((c) => c.request),
  iop.parseDisclosureRequest({
    patient: { id: "p-maya", name: "Maya Okafor" },
    discloser: "Riverside IOP",
    recipient: { name: "Dr. Sam Lee", classes: ["treating-provider"] },
    purpose: "treatment",
    information: ["attendance", "drug-tests"],
    on: "2026-11-09",
  }),
  iop.parseDisclosureRequest({
    patient: { id: "p-maya", name: "Maya Okafor" },
    discloser: "Riverside IOP",
    recipient: { name: "State University" },
    purpose: "research",
    information: ["diagnosis"],
    on: "2027-01-04",
  }),
];
const policies = [
  iop.parseRedactionPolicy({}),
  iop.parseRedactionPolicy({
    mode: "remove",
    dates: "shift",
    shiftDays: -17,
    ids: "pseudonymise",
    salt: "s",
  }),
  iop.parseRedactionPolicy({
    dates: "generalise",
    birthDates: "keep",
    keep: ["medications.*.name"],
  }),
];

const authorizations = [
  ...sample(
    kit.authorizations({
      participantIds: ["p-1", "p-2", "p-3"],
      from: "2026-03-02",
      weeks: 12,
      levels: ["intensive-outpatient", "partial-hospitalization", "outpatient"],
    }),
    8,
    17,
  ).flat(),
  iop.parseAuthorization({
    id: "auth-1",
    participantId: "p-maya",
    payer: "Acme Health",
    level: "intensive-outpatient",
    from: "2026-03-09",
    to: "2026-04-05",
    units: { of: "days", count: 12 },
    reference: "PA-2026-0042",
    nextReviewOn: "2026-03-23",
  }),
];
const waitlist = [
  ...sample(kit.waitlistScenario({ maxEntries: 6 }), 6, 23).flatMap((s) =>
    s.waitlist.map((e) => parseWaitlistEntry(e)),
  ),
  parseWaitlistEntry({
    participantId: "p-7",
    requestedOn: "2026-03-02",
    priority: "pregnant-injecting",
    track: "evening",
    phaseId: "intensive",
    interimGiven: [{ service: "hiv-tb-counselling", on: "2026-03-03" }],
    note: "prefers evenings",
  }),
];

const fixtures: Record<iop.JsonSchemaName, unknown[]> = {
  Program: programs,
  Participant: participants,
  Consent: consents,
  Enrollment: enrollments,
  Staff: staff,
  Schedule: schedules,
  ScheduledSession: sessions,
  MeasureAdministration: measures,
  DisclosureRequest: requests,
  RedactionPolicy: policies,
  ClinicianOverride: overrides,
  EligibilityDecision: decisions,
  AftercarePlan: aftercarePlans,
  RelapsePreventionPlan: relapsePlans,
  CheckInOutcome: checkIns,
  AttendanceRecord: attendance,
  DrugTestResult: drugTests,
  EpisodeEvent: logs.flat().slice(0, 80),
  EpisodeLog: logs,
  Authorization: authorizations,
  WaitlistEntry: waitlist,
};

mkdirSync(dir, { recursive: true });
for (const name of iop.jsonSchemaNames) {
  const records = stored(fixtures[name]);
  if (records.length === 0) throw new Error(`no ${name} records to capture`);
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(records, null, 1)}\n`);
  console.log(`${name.padEnd(22)} ${String(records.length).padStart(4)} records`);
}
