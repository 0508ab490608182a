/**
 * Recording attendance and stepping down: plan a small clinic, record four weeks of attendance and
 * drug tests, compute weekly compliance, evaluate the phase exit for each participant, step the
 * ready ones down, and re-plan from their episodes.
 *
 * Run: `npx tsx examples/attendance-and-step-down.ts`
 */
import {
  addDays,
  applyEvent,
  assessEligibility,
  createRng,
  enrollmentPathFromEpisode,
  episodeDueDates,
  evaluatePhaseExit,
  parseEnrollment,
  parseParticipant,
  planSchedule,
  programTemplates,
  replayEpisodeOrThrow,
  toEpochMs,
  weeklyCompliance,
  type AttendanceRecord,
  type DrugTestResult,
  type EpisodeEvent,
  type EpisodeState,
  type Participant,
} from "iopkit";

const program = programTemplates.substanceUseAdult({
  timeZone: "America/Chicago",
  tracks: ["morning"],
});
const start = "2026-03-02"; // a Monday
const asOf = "2026-03-29"; // four weeks later, a Sunday

// Three participants, each with a different month ahead of them.
const profiles: { id: string; attends: number; positiveWeek?: number }[] = [
  { id: "p-ana", attends: 0.97 },
  { id: "p-ben", attends: 0.7 },
  { id: "p-cy", attends: 0.95, positiveWeek: 3 },
];
const participants: Participant[] = profiles.map(({ id }) =>
  parseParticipant({
    id,
    dateOfBirth: "1988-04-12",
    assessedOn: "2026-02-26",
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
  }),
);

// Each episode: referral, assessment, admission into the first phase, the phase starts.
const intensive = program.phases[0]!;
const episodes = new Map<string, EpisodeState>();
for (const participant of participants) {
  const log: EpisodeEvent[] = [
    {
      formatVersion: 2,
      kind: "referred",
      on: "2026-02-23",
      participantId: participant.id,
      programId: program.id,
    },
    {
      formatVersion: 2,
      kind: "assessed",
      on: "2026-02-26",
      decision: assessEligibility(participant, program),
    },
    {
      formatVersion: 2,
      kind: "admitted",
      on: "2026-02-27",
      programId: program.id,
      phaseId: intensive.id,
    },
    { formatVersion: 2, kind: "phase-started", on: start, phaseId: intensive.id },
  ];
  episodes.set(participant.id, replayEpisodeOrThrow(log, program));
}

// Plan the clinic's next six weeks.
const enrollments = participants.map((participant) =>
  parseEnrollment({ participant, start, track: "morning" }),
);
const schedule = planSchedule({ program, enrollments, from: start, weeks: 6, seed: 7 });
console.log(
  `Planned ${schedule.sessions.length} sessions for ${participants.length} participants, ${start} to ${addDays(start, 41)}.`,
);

// Record four weeks of attendance and drug tests (simulated, seeded).
const rng = createRng(2026);
const attendance: AttendanceRecord[] = [];
const drugTests: DrugTestResult[] = [];
const cutoff = toEpochMs(`${asOf}T23:59:59Z`);
for (const session of schedule.sessions) {
  if (toEpochMs(session.start) > cutoff) continue;
  const minutes = (toEpochMs(session.end) - toEpochMs(session.start)) / 60_000;
  for (const id of session.participantIds) {
    const profile = profiles.find((p) => p.id === id);
    if (profile === undefined) continue;
    if (session.sessionType === "drug-test") {
      const week =
        Math.floor((toEpochMs(session.start) - toEpochMs(`${start}T00:00:00Z`)) / 6.048e8) + 1;
      const positive = profile.positiveWeek === week;
      drugTests.push({
        formatVersion: 3,
        expected: [],
        participantId: id,
        collectedAt: session.start,
        sessionId: session.id,
        result: positive ? "positive" : "negative",
        ...(positive ? { substances: ["alcohol"], confirmed: true } : {}),
      });
      continue;
    }
    const came = rng.next() < profile.attends;
    const late = came && rng.next() < 0.1;
    attendance.push({
      formatVersion: 2,
      sessionId: session.id,
      participantId: id,
      status: !came
        ? rng.next() < 0.3
          ? "absent-excused"
          : "absent-unexcused"
        : late
          ? "late"
          : "present",
      minutesAttended: !came ? 0 : late ? minutes - 20 : minutes,
    });
  }
}

// Weekly clinical hours against the phase band (ASAM adult IOP: 9–19 h; this phase: 12–16 h).
console.log("\nWeekly compliance (clinical hours attended, phase band):");
for (const w of weeklyCompliance({ program, schedule, attendance, enrollments, asOf })) {
  const hours = w.attendedHours.toFixed(1).padStart(5);
  const band = `${w.expectedBand.min}–${w.expectedBand.max} h`;
  console.log(
    `  ${w.participantId.padEnd(6)} ${w.isoWeek}  ${hours} h  ${band.padEnd(9)} ${w.status}${w.partial ? " (partial)" : ""}`,
  );
}

// A positive test is recorded in the episode: it opens a review, it does not discharge.
for (const t of drugTests.filter((t) => t.result === "positive")) {
  const state = episodes.get(t.participantId)!;
  const on = t.collectedAt.slice(0, 10);
  const r = applyEvent(state, {
    formatVersion: 2,
    kind: "positive-test-recorded",
    on,
    substances: t.substances ?? [],
    confirmed: true,
  });
  if (r.ok) {
    episodes.set(t.participantId, r.state);
    console.log(
      `\n${t.participantId}: positive test on ${on} → review opened, still ${r.state.status}.`,
    );
  }
}

// End of week 4: a clinical review for everyone, then the phase exit.
console.log(`\nPhase exit on ${asOf}:`);
const stepped: string[] = [];
for (const participant of participants) {
  let state = episodes.get(participant.id)!;
  if (state.status !== "in-phase") continue;
  // The clinician signs off (review outcome "step-down") unless a review is open for a relapse.
  const outcome = state.treatment.openReviews.length > 0 ? "continue" : "step-down";
  const reviewed = applyEvent(state, {
    formatVersion: 2,
    kind: "clinical-review-held",
    on: "2026-03-27",
    outcome,
  });
  if (reviewed.ok && reviewed.state.status === "in-phase") state = reviewed.state;
  if (state.status !== "in-phase") continue;
  const report = evaluatePhaseExit(state, { program, schedule, attendance, drugTests, asOf });
  console.log(
    `  ${participant.id}: ${report.ready ? "ready" : "not yet"} to leave ${report.phaseId}`,
  );
  for (const c of report.criteria)
    console.log(`    ${c.met ? "✓" : "✗"} ${c.criterion}: ${c.message}`);
  if (report.ready && report.nextPhaseId !== null) {
    const down = applyEvent(state, { formatVersion: 2, kind: "stepped-down", on: "2026-03-30" });
    if (down.ok) {
      state = down.state;
      stepped.push(participant.id);
    }
  }
  episodes.set(participant.id, state);
}
console.log(`\nStepped down on 2026-03-30: ${stepped.length > 0 ? stepped.join(", ") : "nobody"}`);

// Re-plan from the episodes: each enrolment follows its participant's real phase path; those not
// ready stay in their phase (an extension step) instead of stepping down on the planned date.
const replanned = participants.map((participant) =>
  parseEnrollment({
    participant,
    start,
    track: "morning",
    path: enrollmentPathFromEpisode(episodes.get(participant.id)!, { extendOn: "2026-03-30" }),
  }),
);
const next = planSchedule({
  program,
  enrollments: replanned,
  from: "2026-03-30",
  weeks: 2,
  seed: 7,
});
console.log("\nRe-planned from 2026-03-30:");
for (const participant of participants) {
  const phases = new Set(
    next.sessions.filter((s) => s.participantIds.includes(participant.id)).map((s) => s.phaseId),
  );
  const due = episodeDueDates(episodes.get(participant.id)!, { program, asOf: "2026-03-30" });
  const review = due.treatmentPlanReview;
  console.log(
    `  ${participant.id}: ${[...phases].join(", ")}; treatment-plan review due ${review?.due ?? "—"}${review?.overdue === true ? " (overdue)" : ""}, recertification due ${due.recertification?.due ?? "—"}`,
  );
}
