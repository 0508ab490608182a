// iopkit/testing's synthetic clinic: deterministic for a seed, exact seat counts when asked,
// realistic enough to exercise every analytics path (drop-outs, transfers up and down, step-ups, open
// episodes, readmissions), and every log one replayEpisode accepts.
import { describe, expect, it } from "vitest";
import { replayEpisode } from "iopkit";
import { lengthOfStay, retentionCurve } from "iopkit/analytics";
import { syntheticClinic } from "iopkit/testing";

describe("syntheticClinic", () => {
  const clinic = syntheticClinic({ seed: 11, episodes: 300, readmissions: true });

  it("gives the same rows for a seed, other rows for another", () => {
    const again = syntheticClinic({ seed: 11, episodes: 300, readmissions: true });
    expect([...again.attendance()]).toEqual([...clinic.attendance()]);
    expect([...again.episodes()]).toEqual([...clinic.episodes()]);
    const other = syntheticClinic({ seed: 12, episodes: 300, readmissions: true });
    expect(JSON.stringify([...other.episodes()])).not.toBe(JSON.stringify([...clinic.episodes()]));
  });

  it("has every kind of ending, open episodes and readmissions, all replayable", () => {
    const logs = [...clinic.episodes()];
    for (const log of logs) expect(replayEpisode(log, clinic.program).ok).toBe(true);
    const endings = new Set(
      logs.map((l) => {
        const d = l.find((e) => e.kind === "discharged");
        return d?.kind === "discharged" ? `${d.type}/${d.reason}` : "open";
      }),
    );
    expect([...endings].sort()).toEqual(
      expect.arrayContaining([
        "completed/treatment-completed",
        "not-completed/lost-to-contact",
        "not-completed/client-decision",
        "transferred-higher/clinical-need",
        "transferred-lower/clinical-need",
        "open",
      ]),
    );
    expect(logs.some((l) => l.some((e) => e.kind === "stepped-up"))).toBe(true);
    const people = logs.map((l) => (l[0]?.kind === "referred" ? l[0].participantId : ""));
    expect(new Set(people).size).toBeLessThan(people.length);
    const r = retentionCurve({ episodes: logs }, { asOf: clinic.asOf });
    expect(r.events).toBeGreaterThan(0);
    expect(r.censored).toBeGreaterThan(0);
  });

  it("streams exactly seatsPerEpisode seats per episode, inside each stay", () => {
    const exact = syntheticClinic({ seed: 5, episodes: 50, seatsPerEpisode: 20 });
    const seats = [...exact.attendance()];
    const byPerson = new Map<string, number>();
    for (const s of seats) byPerson.set(s.participantId, (byPerson.get(s.participantId) ?? 0) + 1);
    expect(Math.max(...byPerson.values())).toBe(20);
    const los = lengthOfStay(
      { episodes: exact.episodes(), attendance: seats },
      { method: "teds", timeZone: exact.program.timeZone },
    );
    for (const e of los.episodes)
      if (e.lastContactOn !== null) expect(e.lastContactOn <= e.dischargedOn).toBe(true);
  });
});
