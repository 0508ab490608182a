// Sample data the TSDoc `@example` blocks name without defining (`program`, `schedule`, `logs`, …):
// a small clinic of the adult substance-use template, so that every example runs as written
// (test/docs-snippets.test.ts). An example that needs something else defines it itself.
import fc from "fast-check";
import {
  type AttendanceRow,
  type Encounter,
  type LengthOfStayOptions,
  type MeasureRow,
  type StoredEventRow,
  type TedsProfile,
} from "iopkit/analytics";
import {
  assessEligibility,
  parseAttendanceRecord,
  parseCheckInOutcome,
  parseDisclosureRequest,
  parseEnrollment,
  parseParticipant,
  phaseId,
  planAftercare,
  planSchedule,
  programTemplates,
  replayEpisodeOrThrow,
  type AttendanceRecord,
  type DrugTestResult,
  type EpisodeEvent,
  type PlanScheduleOptions,
} from "iopkit";
import { syntheticClinic } from "iopkit/testing";

export { fc };

export const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
export const asOf = "2026-04-05";
export const participant = parseParticipant({
  id: "p-001",
  dateOfBirth: "1988-04-02",
  assessedOn: "2026-03-04",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
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
  responsibilities: [],
  unavailable: [],
  familyInvolved: false,
  medications: [],
  consents: [
    {
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
    },
  ],
});
export const admittedOn = "2026-03-09";
export const enrollment = parseEnrollment({ participant, start: admittedOn });
export const enrollments = [enrollment];
export const staff = [];
export const options: PlanScheduleOptions = {
  program,
  enrollments,
  from: admittedOn,
  weeks: 4,
  seed: 1,
};
export const schedule = planSchedule(options);
export const previous = schedule;
export const updated = enrollments;
const firstSession = schedule.sessions[0];
if (firstSession === undefined) throw new Error("the sample schedule has sessions");
export const session = firstSession;
/** Present at every session before `asOf`. */
export const attendance: AttendanceRecord[] = schedule.sessions
  .filter((s) => s.sessionType !== "drug-test" && s.start < asOf)
  .map((s) =>
    parseAttendanceRecord({
      sessionId: s.id,
      participantId: participant.id,
      status: "present",
      minutesAttended: (Date.parse(s.end) - Date.parse(s.start)) / 60_000,
    }),
  );
export const results: DrugTestResult[] = [];
export const drugTests = results;

const events: EpisodeEvent[] = [
  {
    formatVersion: 2,
    kind: "referred",
    on: "2026-03-02",
    participantId: participant.id,
    programId: program.id,
  },
  {
    formatVersion: 2,
    kind: "assessed",
    on: "2026-03-04",
    decision: assessEligibility(participant, program),
  },
  {
    formatVersion: 2,
    kind: "admitted",
    on: "2026-03-06",
    programId: program.id,
    phaseId: phaseId("intensive"),
  },
  { formatVersion: 2, kind: "phase-started", on: admittedOn, phaseId: phaseId("intensive") },
];
/** An episode in its first phase. */
export const state = replayEpisodeOrThrow(events, program);
export const episodes = [state];
export const participants = [participant];
/** The episode's log as stored JSON. */
export const storedEvents: unknown = JSON.parse(JSON.stringify(events));
/** The same episode, completed and in aftercare. */
const completed = replayEpisodeOrThrow(
  [
    ...events,
    { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
    { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
    {
      formatVersion: 2,
      kind: "discharged",
      on: "2026-06-01",
      type: "completed",
      reason: "treatment-completed",
    },
    { formatVersion: 2, kind: "aftercare-started", on: "2026-06-01" },
  ],
  program,
);
if (completed.status !== "aftercare") throw new Error("the sample episode is in aftercare");
export const episode = completed;
export const plan = planAftercare({ participant, episode, program, from: "2026-06-02" });
export const outcomes = [
  parseCheckInOutcome({ due: "2026-06-04", status: "completed" }),
  parseCheckInOutcome({ due: "2026-06-08", status: "missed" }),
];

const firstConsent = participant.consents[0];
if (firstConsent === undefined) throw new Error("the sample participant has a consent");
export const consent = firstConsent;
export const request = parseDisclosureRequest({
  patient: { id: participant.id, name: "Alex Rivera" },
  discloser: "Riverside IOP",
  recipient: { name: "Dr. Sam Lee" },
  purpose: "treatment",
  information: ["attendance"],
  on: "2026-03-09",
});

// Analytics rows: a seeded synthetic clinic.
const clinic = syntheticClinic({ seed: 1, episodes: 20 });
export const logs = [...clinic.episodes()];
export const rows: AttendanceRow[] = [...clinic.attendance()];
export const scores: MeasureRow[] = [...clinic.measures()];
export const encounters: Encounter[] = [...clinic.encounters()];
export const profiles: TedsProfile[] = [...clinic.profiles()];
export const opts: LengthOfStayOptions = { method: "plain" };
export const part1 = { episodes: logs.slice(0, 10) };
export const part2 = { episodes: logs.slice(10) };
/** A database cursor over stored episode logs. */
export const cursor: AsyncIterable<EpisodeEvent[]> = {
  async *[Symbol.asyncIterator]() {
    for (const l of logs) yield await Promise.resolve(l);
  },
};
/** Stored event rows, as an app's SQL query returns them. */
export const eventRows: StoredEventRow[] = logs.flatMap((log, i) =>
  log.map((event) => ({ episodeId: `ep-${String(i)}`, event })),
);

// An app's own I/O, as the examples call it.
export const records = { attendance };
export const send = (..._args: unknown[]): void => undefined;
export const store = (..._args: unknown[]): void => undefined;
export const log = (..._args: unknown[]): void => undefined;
export const writeFile = (..._args: unknown[]): void => undefined;
export const fhirBase = "https://fhir.example.org/r4";
export const measures: unknown[] = [];
/** A FHIR R4 Bundle an EHR sent. */
export const bundle: unknown = { resourceType: "Bundle", type: "collection", entry: [] };
/** A Bulk Data NDJSON file's text. */
export const text = "";
/** A relapse-prevention plan as the app stored it. */
export const stored = {
  triggers: [{ text: "payday", source: "participant" }],
  warningSigns: [],
  copingStrategies: [{ text: "call my sponsor", source: "participant" }],
  afterALapse: [],
  contacts: [],
};
/** A stored record's JSON, as a database row holds it. */
export const row = JSON.stringify(participant);
