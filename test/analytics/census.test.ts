// censusByPhase against hand-counted days and weeks: in treatment from the first day of treatment
// up to (not including) the discharge day; phase = the last entered; weeks count anyone in
// treatment on one of their days, in the phase of their last day in treatment that week.
import { describe, expect, it } from "vitest";
import { type IopError } from "iopkit";
import { censusByPhase } from "iopkit/analytics";
import { episode, phases, program } from "./fixtures";

// Monday 2026-03-02 (2026-W10) … Sunday 2026-03-15 (2026-W11).
const a = episode({
  participantId: "a",
  referred: "2026-02-20",
  start: "2026-03-02", // Monday W10
  stepDowns: ["2026-03-11"], // Wednesday W11
});
const b = episode({
  participantId: "b",
  referred: "2026-02-20",
  start: "2026-03-04", // Wednesday W10
  discharge: { on: "2026-03-09", type: "not-completed", reason: "client-decision" }, // Monday W11
});
const c = episode({
  participantId: "c",
  referred: "2026-02-20",
  start: "2026-02-23", // before the window
  discharge: { on: "2026-03-02", type: "not-completed", reason: "moved" }, // first day of the window
});
const other = episode({
  participantId: "x",
  referred: "2026-02-20",
  start: "2026-03-02",
  programId: "another",
});
const unstarted = episode({ participantId: "y", referred: "2026-03-01" });

const { intensive, stepDown, transition } = phases;

describe("censusByPhase", () => {
  it("per day: in treatment up to the day before discharge, in the phase last entered", () => {
    const r = censusByPhase(
      { episodes: [a, b, c, other, unstarted] },
      { program, from: "2026-03-02", to: "2026-03-12", interval: "day" },
    );
    const at = (date: string) => r.periods.find((p) => p.label === date);
    // 03-02: a starts; c is discharged that day (not counted).
    expect(at("2026-03-02")).toMatchObject({
      byPhase: { [intensive]: 1, [stepDown]: 0, [transition]: 0 },
      inTreatment: 1,
      started: 1,
      discharged: 1,
    });
    expect(at("2026-03-04")?.inTreatment).toBe(2);
    // 03-08 is b's last day; 03-09 b is discharged.
    expect(at("2026-03-08")?.inTreatment).toBe(2);
    expect(at("2026-03-09")).toMatchObject({ inTreatment: 1, discharged: 1 });
    // a steps down on 03-11: that day counts in the step-down phase.
    expect(at("2026-03-10")?.byPhase[intensive]).toBe(1);
    expect(at("2026-03-11")).toMatchObject({
      byPhase: { [intensive]: 0, [stepDown]: 1 },
      steppedDown: 1,
    });
    expect(r.startedBefore).toBe(1);
    expect(r.dischargedBefore).toBe(0);
    expect(r.excluded).toEqual({ "not-started": 1, "other-program": 1 });
    expect(r.periods).toHaveLength(11);
  });

  it("per week: whole ISO weeks, everyone in treatment on one of its days, once", () => {
    const r = censusByPhase(
      { episodes: [a, b, c] },
      { program, from: "2026-03-04", to: "2026-03-12" },
    );
    expect(r.periods.map((p) => [p.label, p.start, p.end])).toEqual([
      ["2026-W10", "2026-03-02", "2026-03-08"],
      ["2026-W11", "2026-03-09", "2026-03-15"],
    ]);
    const [w10, w11] = r.periods;
    // W10: a and b (c's last day was Sunday 03-01, before the week).
    expect(w10).toMatchObject({ inTreatment: 2, byPhase: { [intensive]: 2 }, started: 2 });
    // W11: a (step-down by Sunday); b was discharged on Monday 03-09: not in treatment that week.
    expect(w11).toMatchObject({
      inTreatment: 1,
      byPhase: { [intensive]: 0, [stepDown]: 1 },
      steppedDown: 1,
      discharged: 1,
    });
  });

  it("a step-up counts, and the step back down", () => {
    const up = episode({
      participantId: "u",
      referred: "2026-02-20",
      start: "2026-03-02",
      stepDowns: ["2026-03-09"],
      stepUp: "2026-03-11",
    });
    const r = censusByPhase(
      { episodes: [up] },
      { program, from: "2026-03-09", to: "2026-03-15", interval: "week" },
    );
    expect(r.periods[0]).toMatchObject({ steppedUp: 1, steppedDown: 2 });
  });

  it("refuses a window that ends before it starts", () => {
    try {
      censusByPhase({}, { program, from: "2026-03-02", to: "2026-03-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues).toEqual([
        { code: "window-ends-before-start", path: ["to"], message: "to is before from" },
      ]);
    }
  });
});
