// Laws of the episode log over generated programs and valid generated logs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  applyEvent,
  enrollmentPathFromEpisode,
  parseEnrollment,
  parseEpisodeLog,
  replayEpisode,
  type EpisodeState,
} from "iopkit";
import { episodeEvents, participant, program } from "iopkit/testing";

const logs = program().chain((p) => episodeEvents(p).map((log) => ({ p, log })));

describe("replayEpisode laws", () => {
  it("accepts every generated log; replaying it twice gives equal states", () => {
    fc.assert(
      fc.property(logs, ({ p, log }) => {
        const a = replayEpisode(log, p);
        const b = replayEpisode(log, p);
        expect(a.ok).toBe(true);
        expect(a).toEqual(b);
      }),
    );
  });

  it("equals folding applyEvent over the log, and never mutates a state it is given", () => {
    fc.assert(
      fc.property(logs, ({ p, log }) => {
        const first = replayEpisode(log.slice(0, 1), p);
        if (!first.ok) throw new Error(first.error.message);
        let state: EpisodeState = first.state;
        for (const event of log.slice(1)) {
          const before = JSON.stringify(state);
          const r = applyEvent(state, event);
          expect(JSON.stringify(state)).toBe(before);
          if (!r.ok) throw new Error(r.error.message);
          state = r.state;
        }
        expect(replayEpisode(log, p)).toEqual({ ok: true, state });
      }),
    );
  });

  it("a stored log round-trips through JSON and parseEpisodeLog to the same state", () => {
    fc.assert(
      fc.property(logs, ({ p, log }) => {
        const stored = JSON.parse(JSON.stringify(log)) as unknown;
        const parsed = parseEpisodeLog(stored);
        expect(parsed).toEqual(log);
        const r = replayEpisode(parsed, p);
        expect(r.ok && JSON.parse(JSON.stringify(r.state))).toEqual(r.ok && r.state);
      }),
    );
  });

  it("a prefix of a valid log is valid, and a later state never has an earlier lastEventOn", () => {
    fc.assert(
      fc.property(logs, fc.nat(), ({ p, log }, cut) => {
        const prefix = log.slice(0, 1 + (cut % log.length));
        const r = replayEpisode(prefix, p);
        const all = replayEpisode(log, p);
        expect(r.ok && all.ok && r.state.lastEventOn <= all.state.lastEventOn).toBe(true);
      }),
    );
  });

  it("the phase history is a path the planner accepts (Enrollment.path)", () => {
    fc.assert(
      fc.property(logs, participant(), ({ p, log }, person) => {
        const r = replayEpisode(log, p);
        if (!r.ok) throw new Error(r.error.message);
        const path = enrollmentPathFromEpisode(r.state);
        if (path.length === 0) return;
        const enrollment = parseEnrollment({ participant: person, start: path[0]?.from, path });
        expect(enrollment.path).toEqual(path);
      }),
    );
  });
});
