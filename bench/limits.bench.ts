// The worst case each input limit allows (src/core/limits.ts), timed and its memory measured in
// fresh processes, beside the promise the reliability guide makes for it:
//
// - planSchedule at limits.maxParticipantWeeks two ways: 20,000 enrolments (limits.maxParticipants)
//   × 12 weeks, and 2,307 enrolments × 104 weeks (limits.maxWeeks) with admissions rolling over
//   the whole window, each with a staff team sized to it;
// - checkSchedule of the 20,000 × 12 plan (every session against every invariant);
// - expandPattern at limits.maxParticipantWeeks (20,000 × 12);
// - replayEpisode of a log of limits.maxEvents (100,000) events.
//
// limits.maxRecords (5,000,000 attendance records) is not here: the compliance bench measures
// 1,000,000 (weeklyCompliance), and its per-record cost is linear.
import {
  addDays,
  checkSchedule,
  expandPattern,
  parseEnrollment,
  planSchedule,
  replayEpisode,
  type Enrollment,
  type EpisodeEvent,
} from "iopkit";
import { eligibilityDecisionFor } from "iopkit/testing";
import { enrollmentsFor, staffFor, templateProgram } from "./fixtures/clinic";
import type { Bench, SeriesPoint } from "./harness";

const from = "2026-10-19";
const program = templateProgram;

/** `n` enrolments, admitted in `waves` waves spread evenly over `weeks` weeks from `from`. */
function rolling(n: number, weeks: number, waves: number): Enrollment[] {
  const out: Enrollment[] = [];
  const per = Math.ceil(n / waves);
  for (let k = 0; out.length < n; k++) {
    const start = addDays(from, Math.floor((k * weeks * 7) / waves));
    for (const e of enrollmentsFor(Math.min(per, n - out.length), start, k + 1))
      out.push(
        parseEnrollment({
          participant: { ...e.participant, id: `w${k}-${e.participant.id}` },
          start: e.start,
        }),
      );
  }
  return out;
}

/** A plan's input at `n` enrolments over `weeks` weeks, built before the clock starts. */
function planInput(n: number, weeks: number, enrollments: Enrollment[]) {
  return {
    program,
    enrollments,
    staff: staffFor(n, program, { combined: true }),
    from,
    weeks,
    seed: 7,
  };
}

/** 100,000 events: referral to the first phase's start, then level-of-care authorisations. */
function maxLog(): EpisodeEvent[] {
  const first = program.phases[0]?.id ?? "";
  const head = [
    { kind: "referred", on: "2026-03-02", participantId: "p-1", programId: program.id },
    { kind: "assessed", on: "2026-03-04", decision: eligibilityDecisionFor(program, "admit") },
    { kind: "admitted", on: "2026-03-06", programId: program.id, phaseId: first },
    { kind: "phase-started", on: "2026-03-09", phaseId: first },
  ].map((e) => ({ formatVersion: 2, ...e })) as EpisodeEvent[];
  const tail = Array.from({ length: 100_000 - head.length }, (_, i): EpisodeEvent => ({
    formatVersion: 2,
    kind: "level-of-care-authorised",
    on: "2026-03-10",
    level: "intensive-outpatient",
    from: "2026-03-10",
    to: "2026-04-10",
    reference: `r${i}`,
  }));
  return [...head, ...tail];
}

const points: SeriesPoint[] = [
  {
    label: "plan 20k×12w",
    units: 240_000,
    setup: () => {
      const input = planInput(20_000, 12, enrollmentsFor(20_000, from));
      return () => planSchedule(input).sessions.length;
    },
  },
  {
    label: "plan 2307×104w",
    units: 2_307 * 104,
    setup: () => {
      const input = planInput(2_307, 104, rolling(2_307, 104, 8));
      return () => planSchedule(input).sessions.length;
    },
  },
  {
    label: "check 20k×12w",
    units: 240_000,
    setup: () => {
      const input = planInput(20_000, 12, enrollmentsFor(20_000, from));
      const schedule = planSchedule(input);
      return () => checkSchedule(schedule, input).length;
    },
  },
  {
    label: "expand 20k×12w",
    units: 240_000,
    setup: () => {
      const enrollments = enrollmentsFor(20_000, from);
      return () => expandPattern({ program, enrollments, from, weeks: 12 }).length;
    },
  },
  {
    label: "replay 100k events",
    units: 100_000,
    setup: () => {
      const log = maxLog();
      const run = () => replayEpisode(log, program);
      // A refused log would time the refusal, not the replay.
      if (!run().ok) throw new Error("the 100,000-event log does not replay");
      return () => (run().ok ? 1 : 0);
    },
  },
];

export default {
  name: "limits, worst cases",
  workload:
    "planSchedule at 240,000 participant-weeks (20,000 × 12 and 2,307 × 104), checkSchedule and expandPattern at 20,000 × 12, replayEpisode of 100,000 events",
  units: 100_000,
  unitName: "event",
  repetitions: 2,
  subject: { name: "replay 100k", run: points[4]?.setup() ?? (() => 0) },
  series: { unitName: "participant-week or event", points },
  goals: {},
} satisfies Bench;
