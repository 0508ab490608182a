// Stage 4, group sessions (src/schedule/stages/group-sessions.ts): weekly patterns → dated group
// sessions at their wall-clock time, with a facilitator; closed days set aside for make-ups.
import { describe, expect, it } from "vitest";
import { fromEpochDay, type PlanScheduleOptions } from "iopkit";
import { lostToClosure } from "../../../src/schedule/ledger";
import { planGroupSessions } from "../../../src/schedule/stages/group-sessions";
import { enrol, stateBefore, tinyProgram, worker, records } from "./helpers";

const run = (options: PlanScheduleOptions) => {
  const state = stateBefore(options, "Group sessions");
  planGroupSessions(state);
  return state;
};

describe("planGroupSessions", () => {
  it("dates each pattern entry at its wall-clock time across a DST change (S10), with ids and pattern entries", () => {
    const state = run({
      program: tinyProgram("America/New_York"),
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 2,
      seed: 1,
    });
    expect(
      records(state).map((r) => [r.id, r.start, r.end, r.patternEntry, r.participantIds]),
    ).toEqual([
      [
        "only.all.g1.20260302.0",
        "2026-03-02T09:00:00.000-05:00",
        "2026-03-02T12:00:00.000-05:00",
        0,
        ["p-1"],
      ],
      [
        "only.all.g1.20260304.1",
        "2026-03-04T09:00:00.000-05:00",
        "2026-03-04T12:00:00.000-05:00",
        1,
        ["p-1"],
      ],
      [
        "only.all.g1.20260309.0",
        "2026-03-09T09:00:00.000-04:00",
        "2026-03-09T12:00:00.000-04:00",
        0,
        ["p-1"],
      ],
      [
        "only.all.g1.20260311.1",
        "2026-03-11T09:00:00.000-04:00",
        "2026-03-11T12:00:00.000-04:00",
        1,
        ["p-1"],
      ],
    ]);
    expect(state.ledger.weekMinutes[0]).toBe(360);
  });

  it("sets a closed day's sessions aside as lost, for the members present, and plans none that day (S4)", () => {
    const state = run({
      program: tinyProgram("America/Chicago", { closures: ["2026-03-04"] }),
      enrollments: [enrol("p-1", "2026-03-02"), enrol("p-2", "2026-03-03")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(records(state).map((r) => [r.start, r.participantIds])).toEqual([
      ["2026-03-02T09:00:00.000-06:00", ["p-1"]],
    ]);
    expect(
      state.lost.map((l) => [fromEpochDay(l.day), l.entryIndex, l.attendees.map((p) => p.id)]),
    ).toEqual([["2026-03-04", 1, ["p-1", "p-2"]]]);
    expect(lostToClosure(state.ledger, 1, state.ledger.monday0)).toBe(true);
  });

  it("keeps the group's facilitator, and reports a session no one of its roles can take (S2)", () => {
    const state = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-02")],
      staff: [worker("t-1", ["therapist"], { maxGroupSessionsPerWeek: 1 })],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
    });
    expect(records(state).map((r) => r.staffIds)).toEqual([["t-1"], []]);
    expect(state.groups[0]?.facilitator).toBe(0);
    expect(state.shortfalls).toEqual([
      {
        invariant: "staffing",
        code: "no-free-staff",
        participantId: "p-1",
        isoWeek: "2026-W10",
        phaseId: "only",
        message:
          "group-therapy on 2026-03-04 is planned without staff: no therapist or counsellor was free",
      },
    ]);
  });

  it("plans nothing before keep.before", () => {
    const state = run({
      program: tinyProgram(),
      enrollments: [enrol("p-1", "2026-03-02")],
      from: "2026-03-02",
      weeks: 1,
      seed: 1,
      keep: { before: "2026-03-03", sessions: [] },
    });
    expect(records(state).map((r) => r.start)).toEqual(["2026-03-04T09:00:00.000-06:00"]);
  });
});
