// The result (src/schedule/stages/result.ts): sessions in start order, ties in planning order;
// rosters as records; shortfalls by participant, week and invariant.
import { describe, expect, it } from "vitest";
import { planSchedule, type PlanScheduleOptions } from "iopkit";
import { planningStages } from "../../../src/schedule/pipeline";
import { scheduleOf } from "../../../src/schedule/stages/result";
import { enrol, freshState, tinyProgram, worker } from "./helpers";

const options: PlanScheduleOptions = {
  program: tinyProgram("America/Chicago", { groupCapacity: 2, groupMinimum: 1 }),
  enrollments: ["a", "b", "c"].map((id) => enrol(id, "2026-03-02")),
  staff: [worker("t-1", ["therapist"]), worker("t-2", ["therapist"])],
  from: "2026-03-02",
  weeks: 1,
  seed: 1,
};

describe("scheduleOf", () => {
  it("orders sessions by start, two groups at the same time in the order they were planned", () => {
    const state = freshState(options);
    for (const stage of planningStages) stage.run(state);
    const s = scheduleOf(state);
    expect(s.sessions.map((x) => [x.start.slice(0, 16), x.id])).toEqual([
      ["2026-03-02T09:00", "only.all.g1.20260302.0"],
      ["2026-03-02T09:00", "only.all.g2.20260302.0"],
      ["2026-03-02T12:00", "ind.a.20260302"],
      ["2026-03-02T12:00", "ind.b.20260302"],
      ["2026-03-04T09:00", "only.all.g1.20260304.1"],
      ["2026-03-04T09:00", "only.all.g2.20260304.1"],
      // Both therapists are busy at 12:00 on Monday: c's usual place is after Wednesday's group.
      ["2026-03-04T12:00", "ind.c.20260304"],
    ]);
    expect(
      s.groups.map((g) => [g.id, g.facilitatorId, g.members.map((m) => m.participantId)]),
    ).toEqual([
      ["only.all.g1", "t-1", ["a", "b"]],
      ["only.all.g2", "t-2", ["c"]],
    ]);
    expect(s).toEqual(planSchedule(options));
  });

  it("sorts shortfalls by participant, then ISO week, then invariant", () => {
    const state = freshState(options);
    const at = (participantId: string, isoWeek: string, invariant: "S5" | "S8") =>
      ({ participantId, isoWeek, invariant, code: "x", message: "" }) as never;
    state.shortfalls.push(
      at("b", "2026-W10", "S8"),
      at("a", "2026-W11", "S5"),
      at("b", "2026-W10", "S5"),
      at("a", "2026-W10", "S8"),
    );
    expect(
      scheduleOf(state).shortfalls.map((s) => `${s.participantId} ${s.isoWeek} ${s.invariant}`),
    ).toEqual(["a 2026-W10 S8", "a 2026-W11 S5", "b 2026-W10 S5", "b 2026-W10 S8"]);
  });

  it("orders a kept session that starts off the minute by its instant too", () => {
    const first = planSchedule(options);
    const odd = first.sessions.map((x, i) =>
      i === 1 ? { ...x, start: x.start.replace(":00.000", ":30.000") } : x,
    );
    const state = freshState({ ...options, keep: { before: "2026-03-03", sessions: odd } });
    for (const stage of planningStages) stage.run(state);
    const starts = scheduleOf(state).sessions.map((x) => Date.parse(x.start));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(scheduleOf(state).sessions[1]?.start).toBe(odd[1]?.start);
  });
});
