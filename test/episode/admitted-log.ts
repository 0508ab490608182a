// The start of an episode most tests need: referred on Monday 2026-03-02, assessed (admit) on the
// 4th, admitted into the program's first phase on the 6th, that phase started on Monday the 9th.
import type { EpisodeEvent, ParticipantId, Program } from "iopkit";
import { eligibilityDecisionFor } from "iopkit/testing";

/** The four events from referral to the first phase's start, for `participantId` in `program`. */
export function admittedLog(program: Program, participantId: string): EpisodeEvent[] {
  const first = program.phases[0];
  if (first === undefined) throw new Error("a program has at least one phase");
  return [
    {
      formatVersion: 2,
      kind: "referred",
      on: "2026-03-02",
      participantId: participantId as ParticipantId,
      programId: program.id,
    },
    {
      formatVersion: 2,
      kind: "assessed",
      on: "2026-03-04",
      decision: eligibilityDecisionFor(program, "admit"),
    },
    {
      formatVersion: 2,
      kind: "admitted",
      on: "2026-03-06",
      programId: program.id,
      phaseId: first.id,
    },
    { formatVersion: 2, kind: "phase-started", on: "2026-03-09", phaseId: first.id },
  ];
}
