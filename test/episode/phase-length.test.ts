// A phase held past its maximum length is something the clinic must see (iopkit's choice: a due
// review in episodeDueDates, `phaseLength`, not a planner error). The maximum is the phase's own
// `weeks.max`: the adult template's intensive phase is 3–6 weeks (the template's design).
import { describe, expect, it } from "vitest";
import {
  enrollmentPathFromEpisode,
  episodeDueDates,
  replayEpisodeOrThrow,
  type EpisodeEvent,
} from "iopkit";
import { admittedLog, program } from "../aftercare/fixtures";

// The intensive phase starts on Monday 2026-03-09; 6 weeks end on Sunday 2026-04-19.
const inIntensive = replayEpisodeOrThrow(admittedLog, program);
const due = (asOf: string) => episodeDueDates(inIntensive, { program, asOf }).phaseLength;

describe("episodeDueDates: phaseLength", () => {
  it("the intensive phase allows 6 weeks: due on its last day, 2026-04-19", () => {
    expect(program.phases[0]!.weeks.max).toBe(6);
    expect(due("2026-03-09")).toEqual({
      phaseId: "intensive",
      maxWeeks: 6,
      weeksInPhase: 0,
      since: "2026-03-09",
      due: "2026-04-19",
      daysLeft: 41,
      overdue: false,
    });
  });

  it("boundaries: the day before the last day, the last day, the day after (held past the maximum)", () => {
    expect(due("2026-04-18")).toMatchObject({ daysLeft: 1, overdue: false, weeksInPhase: 5 });
    expect(due("2026-04-19")).toMatchObject({ daysLeft: 0, overdue: false, weeksInPhase: 5 });
    expect(due("2026-04-20")).toMatchObject({ daysLeft: -1, overdue: true, weeksInPhase: 6 });
    expect(due("2026-06-01")).toMatchObject({ overdue: true, weeksInPhase: 12 });
  });

  it("an extension does not hide it: the path keeps the participant in the phase, the review is overdue", () => {
    const path = enrollmentPathFromEpisode(inIntensive, { extendOn: "2026-04-13" });
    expect(path.at(-1)).toMatchObject({ phaseId: "intensive", reason: "extension" });
    expect(due("2026-05-04")?.overdue).toBe(true);
  });

  it("restarts in the next phase, from its own start and maximum", () => {
    const stepped: EpisodeEvent[] = [
      ...admittedLog,
      { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
    ];
    const s = replayEpisodeOrThrow(stepped, program);
    expect(episodeDueDates(s, { program, asOf: "2026-04-06" }).phaseLength).toMatchObject({
      phaseId: "step-down",
      since: "2026-04-06",
      due: "2026-05-17",
      maxWeeks: 6,
      weeksInPhase: 0,
    });
  });

  it("is null before the phase starts and after discharge", () => {
    const admittedOnly = replayEpisodeOrThrow(admittedLog.slice(0, 3), program);
    expect(episodeDueDates(admittedOnly, { program, asOf: "2026-03-07" }).phaseLength).toBeNull();
    const out = replayEpisodeOrThrow(
      [
        ...admittedLog,
        {
          formatVersion: 2,
          kind: "discharged",
          on: "2026-03-20",
          type: "not-completed",
          reason: "moved",
        },
      ],
      program,
    );
    expect(episodeDueDates(out, { program, asOf: "2026-06-01" }).phaseLength).toBeNull();
  });
});
