/**
 * Aftercare, end to end (`npx tsx examples/aftercare.ts`): a participant completes the adult
 * substance-use IOP after a relapse in its last phase; the program plans aftercare; check-ins are
 * recorded — one missed, one with a lapse — and reviewed; then two other discharges (lost to
 * contact, a transfer to a higher level) get the plans that fit them.
 */
import {
  assessEligibility,
  parseCheckInOutcome,
  parseParticipant,
  phaseId,
  planAftercare,
  programTemplates,
  replayEpisodeOrThrow,
  reviewAftercare,
  type EpisodeEvent,
} from "iopkit";
import { heading } from "./clinic/print";
import { formatAftercarePlan, formatAftercareReview } from "./clinic/print-aftercare";

// The clinic is open Monday to Friday and closed on Independence Day (observed) and Labor Day.
const program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  closures: ["2026-07-03", "2026-09-07"],
});
const participant = parseParticipant({
  id: "p-0042",
  dateOfBirth: "1988-04-02",
  conditions: [
    { kind: "substance-use", severity: "moderate" },
    { kind: "depression", severity: "mild" },
  ],
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
  living: "unsupportive-home",
  responsibilities: ["work"],
  unavailable: [],
  familyInvolved: true,
  medications: [
    { name: "naltrexone", purpose: "addiction" },
    { name: "sertraline", purpose: "psychiatric" },
  ],
});

// Referral to completion: three phases stepping down, a relapse in the last one.
const start: EpisodeEvent[] = [
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
  { formatVersion: 2, kind: "phase-started", on: "2026-03-09", phaseId: phaseId("intensive") },
];
const episode = replayEpisodeOrThrow(
  [
    ...start,
    { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
    { formatVersion: 2, kind: "stepped-down", on: "2026-05-04" },
    { formatVersion: 2, kind: "relapse-reported", on: "2026-05-20", substances: ["alcohol"] },
    { formatVersion: 2, kind: "clinical-review-held", on: "2026-05-21", outcome: "continue" },
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
if (episode.status !== "aftercare") throw new Error(`expected aftercare, got ${episode.status}`);

const plan = planAftercare({ participant, episode, program, from: "2026-06-01" });
console.log(heading("The plan"));
console.log(formatAftercarePlan(plan));

// Check-ins as the app records them (validated at the edge): one done a day late, one missed, one
// with a lapse, an unscheduled call in which the participant reported another, then a missed one.
const outcomes = [
  {
    due: "2026-06-04",
    status: "completed",
    on: "2026-06-05",
    mutualSupport: { meetings: 1, verification: "self-reported" },
  },
  { due: "2026-06-08", status: "missed" },
  { due: "2026-06-12", status: "completed", lapse: true, substances: ["alcohol"] },
  { due: "2026-06-16", status: "completed", lapse: true },
  { due: "2026-06-19", status: "missed" },
].map(parseCheckInOutcome);

console.log(heading("Check-ins so far"));
console.log(
  formatAftercareReview(reviewAftercare(plan, { program, outcomes, asOf: "2026-06-22" })),
);

// Other endings get plans that fit them.
for (const [type, reason, referredTo] of [
  ["not-completed", "lost-to-contact", undefined],
  ["transferred-higher", "clinical-need", "residential"],
] as const) {
  const other = replayEpisodeOrThrow(
    [
      ...start,
      {
        formatVersion: 2,
        kind: "discharged",
        on: "2026-04-15",
        type,
        reason,
        ...(referredTo === undefined ? {} : { referredTo }),
      },
    ],
    program,
  );
  if (other.status !== "discharged") throw new Error(`expected discharged, got ${other.status}`);
  console.log(heading(`Discharged ${type} (${reason})`));
  console.log(
    formatAftercarePlan(
      planAftercare({ participant, episode: other, program, from: "2026-04-15" }),
    ),
  );
}
