// The tutorial's program (docs/guides/tutorial.md): one participant through an adult IOP, end to
// end. Run it with `npx tsx examples/tutorial.ts`.
import {
  admissionTracks,
  assessEligibility,
  defineProgram,
  parseAttendanceRecord,
  parseEnrollment,
  parseParticipant,
  phaseId,
  planSchedule,
  programTemplates,
  replayEpisodeOrThrow,
  toFhirBundle,
  toICalendar,
  weeklyCompliance,
  type EpisodeEvent,
} from "iopkit";

// 1. Define the program: a template, changed where this clinic differs, validated.
const template = programTemplates.substanceUseAdult({ timeZone: "America/Chicago" });
const program = defineProgram({
  ...template,
  name: "Lakeside Adult IOP",
  closures: ["2026-11-26"],
});
console.log(program.name, "—", program.phases.map((p) => p.name).join(" → "));

// 2. Check eligibility: a referral, parsed, then an explained decision.
const jordan = parseParticipant({
  id: "p-jordan",
  dateOfBirth: "1987-02-11",
  assessedOn: "2026-11-02",
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
  responsibilities: ["work"],
  unavailable: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: "08:00", to: "16:30" })),
  familyInvolved: true,
  medications: [],
});
const decision = assessEligibility(jordan, program);
console.log("decision:", decision.outcome, "at", decision.recommendedLevel);
for (const r of decision.reasons.slice(0, 3)) console.log("  because", r.code);
const track = admissionTracks(decision)?.[0];
if (track === undefined) throw new Error("no track fits Jordan's week");
console.log("track:", track);

// 3. Admit: the episode is a log of events; replaying it gives its state.
const log: EpisodeEvent[] = [
  {
    formatVersion: 2,
    kind: "referred",
    on: "2026-11-02",
    participantId: jordan.id,
    programId: program.id,
  },
  { formatVersion: 2, kind: "assessed", on: "2026-11-04", decision },
  {
    formatVersion: 2,
    kind: "admitted",
    on: "2026-11-06",
    programId: program.id,
    phaseId: phaseId("intensive"),
  },
  { formatVersion: 2, kind: "phase-started", on: "2026-11-09", phaseId: phaseId("intensive") },
];
const episode = replayEpisodeOrThrow(log, program);
console.log("episode:", episode.status);

// 4. Plan the weeks: dated sessions at the clinic's wall-clock time.
const enrollment = parseEnrollment({ participant: jordan, start: "2026-11-09", track });
const schedule = planSchedule({
  program,
  enrollments: [enrollment],
  from: "2026-11-09",
  weeks: 3,
  seed: 1,
});
const mine = schedule.sessions.filter((s) => s.participantIds.includes(jordan.id));
console.log("sessions in 3 weeks:", mine.length, "first:", mine[0]?.sessionType, mine[0]?.start);

// 5. Record attendance: Jordan comes to everything in week 1 but misses Wednesday evening.
const week1 = mine.filter((s) => s.sessionType !== "drug-test" && s.start < "2026-11-16");
const attendance = week1.map((s) =>
  parseAttendanceRecord({
    sessionId: s.id,
    participantId: jordan.id,
    ...(s.start.startsWith("2026-11-11")
      ? { status: "absent-unexcused", minutesAttended: 0 }
      : { status: "present", minutesAttended: (Date.parse(s.end) - Date.parse(s.start)) / 60_000 }),
  }),
);

// 6. See compliance: the hours attended against the phase's band, week by week.
for (const w of weeklyCompliance({ program, schedule, attendance, asOf: "2026-11-15" }))
  console.log("week", w.isoWeek, w.attendedHours, "h:", w.status);

// 7. Export: Jordan's calendar file, and a FHIR R4 bundle for the EHR.
const ics = toICalendar(schedule.sessions, {
  timeZone: program.timeZone,
  now: "2026-11-06T12:00:00Z",
  for: { participantId: jordan.id },
  calendarName: "My IOP sessions",
});
console.log("calendar:", ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT").length, "events");
const { bundle, omitted } = toFhirBundle(
  { program, participants: [jordan], schedule, attendance, episodes: [episode] },
  { now: "2026-11-16T12:00:00Z" },
);
const types = [...new Set(bundle.entry?.map((e) => e.resource?.resourceType))];
console.log(
  "FHIR bundle:",
  bundle.entry?.length,
  "resources:",
  types.join(", "),
  "| omitted:",
  omitted.length,
);
