// retentionCurve against a Kaplan–Meier curve computed by hand (Kaplan & Meier 1958; Greenwood
// 1926; the log–log interval of Kalbfleisch & Prentice), and completion as SAMHSA reports it.
import { describe, expect, it } from "vitest";
import { addDays, type IopError } from "iopkit";
import { kaplanMeier, normalQuantile, retentionCurve } from "iopkit/analytics";
import { episode, partialIssues } from "./fixtures";

const start = "2026-03-02";
const leave = (
  id: string,
  days: number,
  type: "not-completed" | "transferred-higher",
  reason: "lost-to-contact" | "client-decision" | "clinical-need" | "attendance",
) =>
  episode({
    participantId: id,
    referred: "2026-02-20",
    start,
    discharge: { on: addDays(start, days), type, reason },
  });

// Days from the first day: A 10, B 20, C 20 (a transfer), D 35 leave; E is still enrolled on
// asOf (day 40); F starts 10 days later and is still enrolled (followed 30 days).
const logs = [
  leave("A", 10, "not-completed", "lost-to-contact"),
  leave("B", 20, "not-completed", "client-decision"),
  leave("C", 20, "transferred-higher", "clinical-need"),
  leave("D", 35, "not-completed", "attendance"),
  episode({ participantId: "E", referred: "2026-02-20", start }),
  episode({ participantId: "F", referred: "2026-02-20", start: addDays(start, 10) }),
];
const asOf = addDays(start, 40);
const z95 = 1.959963984540054;

describe("retentionCurve", () => {
  it("steps at each event day: Ŝ = Π(1 − d/n), Greenwood SE, numbers at risk", () => {
    const r = retentionCurve({ episodes: logs }, { asOf, days: [0, 30, 36, 41] });
    expect(r).toMatchObject({ episodes: 6, events: 4, censored: 2, medianDays: 20 });
    expect(r.curve.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual([
      [10, 6, 1, 0],
      [20, 5, 2, 0],
      [35, 2, 1, 0],
    ]);
    const [s10, s20, s35] = r.curve;
    expect(s10?.survival).toBeCloseTo(5 / 6, 15);
    expect(s20?.survival).toBeCloseTo(0.5, 15);
    expect(s35?.survival).toBeCloseTo(0.25, 15);
    // Greenwood: Σ d/(n(n−d)) = 1/30, then + 2/15 = 1/6, then + 1/2 = 2/3.
    expect(s10?.standardError).toBeCloseTo((5 / 6) * Math.sqrt(1 / 30), 15);
    expect(s20?.standardError).toBeCloseTo(0.5 * Math.sqrt(1 / 6), 15);
    expect(s35?.standardError).toBeCloseTo(0.25 * Math.sqrt(2 / 3), 15);
    // Log–log 95 % interval at day 20: Ŝ^exp(±z√G/|ln Ŝ|).
    const theta = (z95 * Math.sqrt(1 / 6)) / Math.log(2);
    expect(s20?.lower).toBeCloseTo(0.5 ** Math.exp(theta), 12);
    expect(s20?.upper).toBeCloseTo(0.5 ** Math.exp(-theta), 12);
    // Read at days: before any event 1; day 30: 0.5 with 3 followed (F, D, E).
    expect(r.at.map((a) => [a.day, a.atRisk, a.survival])).toEqual([
      [0, 6, 1],
      [30, 3, 0.5],
      [36, 1, 0.25],
      [41, 0, 0.25],
    ]);
  });

  it("completion and positive conclusion through the TEDS reasons", () => {
    const { outcomes } = retentionCurve({ episodes: logs }, { asOf });
    expect(outcomes).toMatchObject({
      discharged: 4,
      completed: 0,
      positiveConclusion: 1, // C: transferred to further treatment
      completionRate: 0,
      positiveConclusionRate: 0.25,
    });
    expect(outcomes.byReason.map((b) => b.count)).toEqual([0, 2, 1, 1, 0, 0, 0]);
  });

  it("endpoint not-completed: a transfer is censored on its discharge day", () => {
    const r = retentionCurve({ episodes: logs }, { asOf, endpoint: "not-completed" });
    expect(r.curve.map((s) => [s.day, s.atRisk, s.events, s.censored])).toEqual([
      [10, 6, 1, 0],
      [20, 5, 1, 1],
      [35, 2, 1, 0],
    ]);
    expect(r.curve[1]?.survival).toBeCloseTo(2 / 3, 15);
  });

  it("a discharge after asOf is not known yet: censored at asOf; a start after asOf is left out", () => {
    const r = retentionCurve({ episodes: logs }, { asOf: addDays(start, 19) });
    // Only A's day-10 discharge has happened by day 19; F (started day 10) is followed 9 days.
    expect(r.events).toBe(1);
    expect(r.censored).toBe(5);
    const late = retentionCurve({ episodes: logs }, { asOf: addDays(start, 5) });
    expect(late.excluded).toEqual({ "started-after-as-of": 1 });
  });

  it("plain and log intervals; bounds stay in [0, 1]", () => {
    const plain = retentionCurve({ episodes: logs }, { asOf, transform: "plain", level: 0.9 });
    const z = normalQuantile(0.95);
    const s20 = plain.curve[1];
    expect(s20?.lower).toBeCloseTo(0.5 - z * 0.5 * Math.sqrt(1 / 6), 12);
    expect(s20?.upper).toBeCloseTo(0.5 + z * 0.5 * Math.sqrt(1 / 6), 12);
    const log = retentionCurve({ episodes: logs }, { asOf, transform: "log" });
    expect(log.curve[0]?.upper).toBe(Math.min(1, (5 / 6) * Math.exp(z95 * Math.sqrt(1 / 30))));
  });

  it("refuses a level outside (0, 1) and a negative day", () => {
    try {
      retentionCurve({}, { asOf, level: 1, days: [-1] });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["too-small", ["days", 0]],
        ["invalid-level", ["level"]],
      ]);
    }
  });
});

describe("kaplanMeier and normalQuantile", () => {
  it("everyone has the event at once: Ŝ = 0, no interval on the log scales", () => {
    const fit = kaplanMeier([[3, 4]], [], { level: 0.95, transform: "log-log", at: [3] });
    expect(fit.steps[0]).toMatchObject({
      survival: 0,
      standardError: null,
      lower: null,
      upper: null,
    });
    expect(fit.median).toBe(3);
  });

  it.each([
    [0.5, 0],
    [0.975, 1.959963984540054],
    [0.025, -1.959963984540054],
    [0.999, 3.090232306167813],
    [1e-10, -6.361340902404056],
  ])("Φ⁻¹(%d) = %d (AS 241)", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 13);
  });
});

describe("normalQuantile across AS 241's three regions, and the intervals on each scale", () => {
  // Reference values: Python's statistics.NormalDist().inv_cdf (the same algorithm, AS 241).
  it.each([
    [0.9, 1.2815515655446008],
    [0.3, -0.5244005127080407],
    [0.075, -1.4395314709384557],
    [0.925, 1.439531470938456],
    [1e-5, -4.2648907939228256],
    [0.999999, 4.753424308817089],
    [1e-12, -7.034483825301132],
    [1e-15, -7.941345326170995],
  ])("Φ⁻¹(%d) = %d", (p, z) => {
    expect(normalQuantile(p)).toBeCloseTo(z, 12);
  });

  // 10 followed, 5 events on day 2: Ŝ = 0.5, Greenwood's sum 5 / (10 × 5) = 0.1, 95 %
  // intervals on each scale (Kalbfleisch and Prentice 2002), computed independently.
  it.each([
    ["plain", 0.19010248384771927, 0.8098975161522808],
    ["log", 0.2690273550635448, 0.9292735303476833],
    ["log-log", 0.18360559061901463, 0.7531740769982299],
  ] as const)("the %s interval", (transform, lower, upper) => {
    const fit = kaplanMeier([[2, 5]], [[9, 5]], { level: 0.95, transform, at: [1, 2, 5] });
    const step = fit.steps[0];
    expect(step?.survival).toBe(0.5);
    expect(step?.standardError).toBeCloseTo(0.15811388300841897, 12);
    expect(step?.lower).toBeCloseTo(lower, 12);
    expect(step?.upper).toBeCloseTo(upper, 12);
    // Read before the first event: 1 with no width; from it on: the step's.
    expect(fit.at.map((a) => [a.day, a.atRisk, a.survival, a.lower, a.upper])).toEqual([
      [1, 10, 1, 1, 1],
      [2, 10, 0.5, step?.lower, step?.upper],
      [5, 5, 0.5, step?.lower, step?.upper],
    ]);
  });

  it("everyone has the event at once: the plain interval is [0, 0]", () => {
    const fit = kaplanMeier([[3, 4]], [], { level: 0.95, transform: "plain", at: [] });
    expect(fit.steps[0]).toMatchObject({ survival: 0, lower: 0, upper: 0 });
  });
});

describe("retentionCurve, edges", () => {
  it("counts episodes started from startedFrom to startedTo, both days included", () => {
    const r = retentionCurve({ episodes: logs }, { asOf, startedFrom: start, startedTo: start });
    expect(r.episodes).toBe(5);
    expect(r.excluded).toEqual({ "outside-window": 1 });
    const later = retentionCurve(
      { episodes: logs },
      { asOf, startedFrom: addDays(start, 1), startedTo: addDays(start, 10) },
    );
    expect(later.episodes).toBe(1);
  });

  it("counts an episode that starts on asOf (followed 0 days), a discharge on asOf as an event", () => {
    const today = episode({ participantId: "T", referred: "2026-02-20", start: asOf });
    const out = leave("U", 40, "not-completed", "lost-to-contact");
    const r = retentionCurve({ episodes: [today, out] }, { asOf, days: [0, 40] });
    expect([r.episodes, r.events, r.censored]).toEqual([2, 1, 1]);
    expect(r.curve.map((s) => [s.day, s.events, s.censored])).toEqual([[40, 1, 0]]);
  });

  it("reads the curve at 30, 60 and 90 days unless told otherwise, each day once and in order", () => {
    expect(retentionCurve({ episodes: logs }, { asOf }).at.map((a) => a.day)).toEqual([30, 60, 90]);
    expect(
      retentionCurve({ episodes: logs }, { asOf, days: [20, 7, 20] }).at.map((a) => a.day),
    ).toEqual([7, 20]);
  });

  it("has no completion rate without a discharge, states its definition for each endpoint and cites its sources", () => {
    const open = retentionCurve({ episodes: logs.slice(4) }, { asOf });
    expect(open.outcomes).toMatchObject({
      discharged: 0,
      completed: 0,
      completionRate: null,
      positiveConclusionRate: null,
    });
    expect(open.confidence).toEqual({ level: 0.95, transform: "log-log" });
    expect(open.definition).toBe(
      "Kaplan–Meier: time from the first day of treatment to discharge; still enrolled at the as-of date censored",
    );
    expect(retentionCurve({ episodes: [] }, { asOf, endpoint: "not-completed" }).definition).toBe(
      "Kaplan–Meier: time from the first day of treatment to a not-completed discharge; completions and transfers censored at discharge, the still enrolled at the as-of date",
    );
    expect(open.sources.length).toBe(6);
  });

  it("refuses a level of 0 or 1, a window that ends before it starts, and a partial with a negative day", () => {
    for (const level of [0, 1]) {
      try {
        retentionCurve({}, { asOf, level });
        expect.unreachable();
      } catch (e) {
        expect((e as IopError).message).toMatch(/^retentionCurve/);
        expect((e as IopError).issues.map((i) => [i.code, i.path, i.message])).toEqual([
          [
            "invalid-level",
            ["level"],
            "the confidence level is a share strictly between 0 and 1, e.g. 0.95",
          ],
        ]);
      }
    }
    try {
      retentionCurve({}, { asOf, startedFrom: "2026-03-10", startedTo: "2026-03-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["startedTo"]],
      ]);
    }
    const p = retentionCurve.partial({ episodes: logs }, { asOf });
    const issues = (state: object) => partialIssues(retentionCurve.parsePartial, p, state);
    expect(issues({ events: [[0, 1]] })).toEqual([]);
    expect(issues({ censored: [[-1, 1]] })).toEqual([
      [
        "invalid-histogram",
        ["state", "censored"],
        "not a histogram: [day ≥ 0, count ≥ 1] pairs by ascending day",
      ],
    ]);
  });
});
