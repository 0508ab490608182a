// A hand-built clinic for the FHIR tests: the adult substance-use template (morning track) in New
// York, two participants planned for two weeks with a staff member, attendance of every kind,
// drug tests of every outcome, one score per instrument, episodes in three states, and consents
// active, revoked, expired and incomplete.
import {
  parseConsent,
  parseEnrollment,
  parseParticipant,
  parseStaff,
  planSchedule,
  programTemplates,
  replayEpisodeOrThrow,
  scoreAdministration,
  scoreAuditC,
  scoreDast10,
  scoreGad7,
  scorePhq9,
  type AttendanceRecord,
  type DrugTestResult,
  type EpisodeEvent,
  type EpisodeState,
  type FhirExportInput,
  type ParticipantId,
  type ParticipantInput,
  type ProgramId,
  type ScheduledSession,
  type ScoredMeasure,
} from "iopkit";
import { person } from "../people";
import { eligibilityDecisionFor, measureAdministration } from "iopkit/testing";
import fc from "fast-check";
import { admittedLog } from "../episode/admitted-log";

export const program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  tracks: ["morning"],
});
export const alexId = "p-001" as ParticipantId;
export const blakeId = "p-002" as ParticipantId;

const profile = (id: string, extra: Partial<ParticipantInput> = {}): ParticipantInput =>
  person(id, {
    dateOfBirth: "1988-04-12",
    history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 1, residentialCompleted: false },
    ...extra,
  });

const complete = {
  patientName: "Alex Rivera",
  discloser: "Riverside IOP",
  recipients: [{ kind: "named", name: "Dr. Sam Lee" }],
  purposes: ["treatment"],
  information: ["attendance", "drug-tests"],
  signedBy: "patient",
  signedOn: "2026-03-01",
  statesRightToRevoke: true,
  expiry: { kind: "date", date: "2026-12-31" },
} as const;

const { signedBy: _by, signedOn: _on, ...unsignedFields } = complete;

export const consents = {
  /** A single TPO consent to a class of recipients, no expiry (2024 rule). */
  tpo: parseConsent({
    ...complete,
    id: "c-tpo",
    recipients: [{ kind: "class", description: "treating-provider" }],
    purposes: [],
    coversAllTpo: true,
    statements: [
      "how-to-revoke",
      "hipaa-redisclosure",
      "redisclosure-risk",
      "consequences-of-refusal",
    ],
    amount: "attendance and drug-test results since admission",
    expiry: { kind: "none" },
  }),
  /** To a named doctor, for treatment and an audit; revoked on 2026-03-20. */
  revoked: parseConsent({
    ...complete,
    id: "c-revoked",
    purposes: ["treatment", "audit"],
    revokedOn: "2026-03-20",
  }),
  /** Expired on 2026-03-15. */
  expired: parseConsent({
    ...complete,
    id: "c-expired",
    purposes: ["research", "legal-proceedings", "other"],
    expiry: { kind: "date", date: "2026-03-15" },
  }),
  /** Not signed yet: a draft. Ends at discharge. */
  unsigned: parseConsent({
    ...unsignedFields,
    id: "c-unsigned",
    expiry: { kind: "event", event: "discharge from the program" },
  }),
  /** Signed by a guardian; ended by an event that occurred. */
  guardian: parseConsent({
    ...complete,
    id: "c-guardian",
    signedBy: "guardian",
    expiry: { kind: "event", event: "discharge from the program", occurredOn: "2026-03-18" },
  }),
};

export const alex = parseParticipant(
  profile(alexId, {
    name: "Alex Rivera",
    phone: "+1 555 0100",
    email: "alex@example.org",
    address: "12 Main St, Springfield",
    sex: "female",
    consents: Object.values(consents),
  }),
);
export const blake = parseParticipant(profile(blakeId));

export const staff = [
  parseStaff({
    id: "s-lee",
    roles: ["therapist", "counsellor", "collector", "prescriber", "case-manager"],
    availability: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "08:00", to: "20:00" })),
  }),
];
export const enrollments = [alex, blake].map((p) =>
  parseEnrollment({ participant: p, start: "2026-03-09" }),
);
export const schedule = planSchedule({
  program,
  enrollments,
  staff,
  from: "2026-03-09",
  weeks: 2,
  seed: 1,
});

const sessionsOf = (pid: string, type: ScheduledSession["sessionType"]): ScheduledSession[] =>
  schedule.sessions.filter(
    (s) => s.sessionType === type && s.participantIds.includes(pid as ParticipantId),
  );
export const alexGroups = sessionsOf(alexId, "group-therapy");
export const alexTests = sessionsOf(alexId, "drug-test");
export const blakeOnly = schedule.sessions.find(
  (s) => s.participantIds.length === 1 && s.participantIds[0] === blakeId,
) as ScheduledSession;

const minutes = (s: ScheduledSession): number => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;
const at = (i: number): ScheduledSession => alexGroups[i] as ScheduledSession;

export const attendance: AttendanceRecord[] = [
  {
    formatVersion: 2,
    sessionId: at(0).id,
    participantId: alexId,
    status: "present",
    minutesAttended: minutes(at(0)),
  },
  {
    formatVersion: 2,
    sessionId: at(1).id,
    participantId: alexId,
    status: "late",
    minutesAttended: minutes(at(1)) - 20,
    lateMinutes: 20,
  },
  {
    formatVersion: 2,
    sessionId: at(2).id,
    participantId: alexId,
    status: "absent-excused",
    minutesAttended: 0,
    note: "Court date",
  },
  {
    formatVersion: 2,
    sessionId: at(3).id,
    participantId: alexId,
    status: "absent-unexcused",
    minutesAttended: 0,
  },
  {
    formatVersion: 2,
    sessionId: at(4).id,
    participantId: alexId,
    status: "left-early",
    minutesAttended: 60,
  },
  // Omitted: a session not in the schedule, a participant not on the roster, a second record.
  {
    formatVersion: 2,
    sessionId: "nope" as ScheduledSession["id"],
    participantId: alexId,
    status: "present",
    minutesAttended: 10,
  },
  {
    formatVersion: 2,
    sessionId: blakeOnly.id,
    participantId: alexId,
    status: "present",
    minutesAttended: 10,
  },
  {
    formatVersion: 2,
    sessionId: at(0).id,
    participantId: alexId,
    status: "late",
    minutesAttended: 5,
  },
];

const test0 = alexTests[0] as ScheduledSession;
const test1 = alexTests[1] as ScheduledSession;
export const drugTests: DrugTestResult[] = [
  {
    formatVersion: 3,
    expected: [],
    participantId: alexId,
    collectedAt: test0.start,
    result: "missed",
    sessionId: test0.id,
  },
  {
    formatVersion: 3,
    expected: [],
    participantId: alexId,
    collectedAt: test1.start,
    result: "positive",
    substances: ["opioids", "cannabis"],
    confirmed: true,
    observed: true,
    sessionId: test1.id,
  },
  {
    formatVersion: 3,
    expected: [],
    participantId: alexId,
    collectedAt: "2026-03-11T09:05:00-04:00",
    result: "negative",
  },
  {
    formatVersion: 3,
    expected: [],
    participantId: alexId,
    collectedAt: "2026-03-13T09:05:00-04:00",
    result: "refused",
  },
  {
    formatVersion: 3,
    expected: [],
    participantId: blakeId,
    collectedAt: "2026-03-13T09:05:00-04:00",
    result: "dilute",
  },
];

const [bamAdmin] = fc.sample(measureAdministration("bam", { from: "2026-03-10", spanDays: 0 }), {
  numRuns: 1,
  seed: 7,
});
export const measures: ScoredMeasure[] = [
  {
    participantId: alexId,
    score: scorePhq9([2, 2, 2, 1, 1, 1, 1, 1, 1], { administeredOn: "2026-03-09" }),
  },
  {
    participantId: alexId,
    score: scoreGad7([1, 1, 1, 1, 1, 1, 1], { administeredOn: "2026-03-09" }),
  },
  {
    participantId: alexId,
    score: scoreAuditC([2, 1, 0], { sex: "female", administeredOn: "2026-03-09" }),
  },
  {
    participantId: alexId,
    score: scoreDast10([true, false, true, false, false, false, false, false, false, false], {
      licence: "non-commercial",
      administeredOn: "2026-03-09",
    }),
    id: "m-dast-1",
  },
  { participantId: blakeId, score: scoreAdministration(bamAdmin as NonNullable<typeof bamAdmin>) },
];

const alexLog: EpisodeEvent[] = [
  ...admittedLog(program, alexId),
  { formatVersion: 2, kind: "stepped-down", on: "2026-03-16" },
];
const blakeLog: EpisodeEvent[] = [
  {
    formatVersion: 2,
    kind: "referred",
    on: "2026-03-02",
    participantId: blakeId,
    programId: program.id,
  },
  {
    formatVersion: 2,
    kind: "assessed",
    on: "2026-03-04",
    decision: eligibilityDecisionFor(program, "refer-higher"),
  },
  {
    formatVersion: 2,
    kind: "discharged",
    on: "2026-03-05",
    type: "transferred-higher",
    reason: "clinical-need",
    referredTo: "residential",
  },
];
export const episodes: EpisodeState[] = [
  replayEpisodeOrThrow(alexLog, program),
  replayEpisodeOrThrow(blakeLog, program),
  // Another program's episode: reported, not exported.
  {
    ...replayEpisodeOrThrow(alexLog, program),
    programId: "other-program" as ProgramId,
  },
];

export const clinic: FhirExportInput = {
  program,
  participants: [alex, blake],
  enrollments,
  schedule,
  attendance,
  drugTests,
  measures,
  episodes,
};

export const now = "2026-03-19T16:00:00Z";
