// The facts analytics read from an episode log (internal): the phases entered, steps that do not
// name their phase resolved by the program's order, and the phase in force on a day.
import { describe, expect, it } from "vitest";
import type { EpisodeEvent } from "iopkit";
import { epochDayOf } from "../../src/analytics/local-day";
import { episodeFacts, phaseOn } from "../../src/analytics/episode-facts";
import { episode, phases } from "./fixtures";

const order = [phases.intensive, phases.stepDown, phases.transition];
const day = epochDayOf;
const entries = (log: readonly EpisodeEvent[]) =>
  episodeFacts(log, order)?.phases.map((p) => [p.phaseId, p.from, p.how]);

describe("episodeFacts", () => {
  const log = episode({
    participantId: "p1",
    episodeId: "e1",
    referred: "2026-03-02",
    start: "2026-03-09",
    stepDowns: ["2026-04-06", "2026-05-04"],
    stepUp: "2026-04-20",
    discharge: { on: "2026-06-01", type: "completed", reason: "treatment-completed" },
  });

  it("follows steps without a named phase along the program's order, down and up", () => {
    expect(entries(log)).toEqual([
      [phases.intensive, day("2026-03-09"), "admission"],
      [phases.stepDown, day("2026-04-06"), "step-down"],
      [phases.intensive, day("2026-04-20"), "step-up"],
      [phases.stepDown, day("2026-04-20"), "step-down"],
      [phases.transition, day("2026-05-04"), "step-down"],
    ]);
    const f = episodeFacts(log, order);
    expect(f).toMatchObject({
      key: "e1",
      participantId: "p1",
      referredOn: day("2026-03-02"),
      firstDay: day("2026-03-09"),
      discharge: { on: day("2026-06-01"), type: "completed", reason: "treatment-completed" },
    });
  });

  it("leaves a step's phase unknown without the program's order, past its ends, and after an unknown phase", () => {
    // Without the order only the admission phase is known.
    expect(episodeFacts(log)?.phases.map((p) => p.phaseId)).toEqual([
      phases.intensive,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // Stepping down past the last phase is unknown; stepping up from there stays unknown (not
    // the first phase of the order), and so does stepping down again.
    const past = [
      ...log.filter((e) => e.kind !== "discharged"),
      { formatVersion: 2, kind: "stepped-down", on: "2026-05-11" },
      { formatVersion: 2, kind: "stepped-up", on: "2026-05-12" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-05-13" },
    ] as EpisodeEvent[];
    expect(entries(past)?.slice(-3)).toEqual([
      [undefined, day("2026-05-11"), "step-down"],
      [undefined, day("2026-05-12"), "step-up"],
      [undefined, day("2026-05-13"), "step-down"],
    ]);
    // Stepping up from the first phase is unknown too; a named phase is taken as named.
    const up = [
      ...log.slice(0, 4),
      { formatVersion: 2, kind: "stepped-up", on: "2026-03-16" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-23", toPhaseId: phases.transition },
    ] as EpisodeEvent[];
    expect(entries(up)?.slice(1)).toEqual([
      [undefined, day("2026-03-16"), "step-up"],
      [phases.transition, day("2026-03-23"), "step-down"],
    ]);
  });

  it("counts the first phase-started only, and reads logs that are not whole without throwing", () => {
    const twice = [
      ...log.slice(0, 4),
      { formatVersion: 2, kind: "phase-started", on: "2026-03-20", phaseId: phases.stepDown },
    ] as EpisodeEvent[];
    expect(episodeFacts(twice, order)?.firstDay).toBe(day("2026-03-09"));
    expect(entries(twice)).toEqual([[phases.intensive, day("2026-03-09"), "admission"]]);
    // A step before any phase started (a log replayEpisode refuses): its phase is unknown.
    const early = [log[0], { formatVersion: 2, kind: "stepped-down", on: "2026-03-05" }];
    expect(entries(early as EpisodeEvent[])).toEqual([[undefined, day("2026-03-05"), "step-down"]]);
    expect(episodeFacts([], order)).toBeUndefined();
    expect(episodeFacts(log.slice(1), order)).toBeUndefined();
  });
});

describe("phaseOn", () => {
  it("gives the phase entered on or before a day: the new phase from the day of a step", () => {
    const f = episodeFacts(
      episode({
        participantId: "p1",
        referred: "2026-03-02",
        start: "2026-03-09",
        stepDowns: ["2026-04-06"],
      }),
      order,
    );
    if (f === undefined) throw new Error("no facts");
    expect(phaseOn(f, day("2026-03-08"))).toBeUndefined();
    expect(phaseOn(f, day("2026-03-09"))?.phaseId).toBe(phases.intensive);
    expect(phaseOn(f, day("2026-04-05"))?.phaseId).toBe(phases.intensive);
    expect(phaseOn(f, day("2026-04-06"))?.phaseId).toBe(phases.stepDown);
    expect(phaseOn(f, day("2026-09-01"))?.phaseId).toBe(phases.stepDown);
  });
});
