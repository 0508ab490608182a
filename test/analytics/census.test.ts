// censusByPhase against hand-counted days and weeks: in treatment from the first day of treatment
// up to (not including) the discharge day; phase = the last entered; weeks count anyone in
// treatment on one of their days, in the phase of their last day in treatment that week.
import { describe, expect, it } from "vitest";
import { type IopError } from "iopkit";
import { censusByPhase } from "iopkit/analytics";
import { episode, phases, program, partialIssues } from "./fixtures";

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

describe("censusByPhase, edges", () => {
  it("leaves out an episode in a phase the program does not have, counted as unknown-phase", () => {
    const elsewhere = [
      ...a,
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-13", toPhaseId: "elsewhere" },
    ] as typeof a;
    // Stepping down past the last phase leaves the phase unknown too.
    const past = [
      ...a,
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-12" },
      { formatVersion: 2, kind: "stepped-down", on: "2026-03-13" },
    ] as typeof a;
    const r = censusByPhase(
      { episodes: [elsewhere, past, b] },
      { program, from: "2026-03-02", to: "2026-03-15" },
    );
    expect(r.excluded).toEqual({ "unknown-phase": 2 });
    expect(r.periods.map((p) => [p.started, p.inTreatment])).toEqual([
      [1, 1],
      [0, 0],
    ]);
  });

  it("tallies only days in the window: a start before it, a discharge the day after it", () => {
    const late = episode({
      participantId: "l",
      referred: "2026-02-20",
      start: "2026-02-25",
      discharge: { on: "2026-03-16", type: "not-completed", reason: "client-decision" },
    });
    const options = { program, from: "2026-03-02", to: "2026-03-15" } as const;
    const p = censusByPhase.partial({ episodes: [late] }, options);
    expect(p.state.started).toEqual([0, 0]);
    expect(p.state.discharged).toEqual([0, 0]);
    expect(p.state.startedBefore).toBe(1);
    const r = censusByPhase.finish(p);
    expect(r.periods.map((x) => x.inTreatment)).toEqual([1, 1]);
    // Two partials' counts before the window add up.
    const both = censusByPhase.merge(p, censusByPhase.partial({ episodes: [late, c] }, options));
    expect([both.state.startedBefore, both.state.dischargedBefore]).toEqual([3, 0]);
    const early = censusByPhase.partial(
      { episodes: [c] },
      { program, from: "2026-03-09", to: "2026-03-15" },
    );
    expect(censusByPhase.merge(early, early).state.dischargedBefore).toBe(2);
  });

  it("counts no one in treatment for a stay that ends the day it starts", () => {
    const sameDay = episode({
      participantId: "s",
      referred: "2026-02-20",
      start: "2026-03-04",
      discharge: { on: "2026-03-04", type: "not-completed", reason: "client-decision" },
    });
    const r = censusByPhase(
      { episodes: [sameDay] },
      { program, from: "2026-03-02", to: "2026-03-08" },
    );
    expect(r.periods[0]).toMatchObject({ inTreatment: 0, started: 1, discharged: 1 });
  });

  it("starts days on the day asked for and weeks on their Monday, and states each definition", () => {
    const days = censusByPhase(
      {},
      { program, from: "2026-03-04", to: "2026-03-05", interval: "day" },
    );
    expect(days.periods.map((p) => p.label)).toEqual(["2026-03-04", "2026-03-05"]);
    expect(days.definition).toBe(
      "in treatment on a day: first day of treatment on or before it, not discharged on or before it; phase = the last entered",
    );
    expect(censusByPhase({}, { program, from: "2026-03-04", to: "2026-03-05" }).definition).toBe(
      "in treatment in a week: in treatment on at least one of its days; phase = the one in force on their last day in treatment that week",
    );
  });

  it("takes a window of up to 20 years of 366 days, under its own name", () => {
    const from = "2000-01-03";
    const upTo = (days: number) => {
      const to = new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return () => censusByPhase({}, { program, from, to, interval: "day" });
    };
    expect(upTo(366 * 20)().periods).toHaveLength(366 * 20 + 1);
    try {
      upTo(366 * 20 + 1)();
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).message).toMatch(/^censusByPhase/);
      expect((e as IopError).issues).toEqual([
        { code: "window-too-long", path: ["to"], message: "the window is longer than 20 years" },
      ]);
    }
  });

  it("refuses a partial whose rows do not fit its window and phases", () => {
    const p = censusByPhase.partial(
      { episodes: [a] },
      { program, from: "2026-03-02", to: "2026-03-15" },
    );
    const bad = (state: object) => partialIssues(censusByPhase.parsePartial, p, state);
    expect(bad({})).toEqual([]);
    expect(bad({ discharged: [0, 0, 0] })).toEqual([
      ["wrong-length", ["state", "discharged"], "discharged has 3 periods; the window has 2"],
    ]);
    expect(bad({ inTreatment: [p.state.inTreatment[0]] })).toEqual([
      ["wrong-length", ["state", "inTreatment"], "inTreatment must have 2 periods of 3 phases"],
    ]);
    expect(bad({ inTreatment: [p.state.inTreatment[0], [1, 0]] })).toEqual([
      ["wrong-length", ["state", "inTreatment"], "inTreatment must have 2 periods of 3 phases"],
    ]);
  });
});
