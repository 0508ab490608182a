// measurementBasedCare against hand-worked scores. PHQ-9 rules (CMS159: index PHQ-9 above 9,
// remission below 5; Psychiatric Services 2020: baseline ≥ 10, response ≥ 50 % reduction) at
// their boundaries; due dates against a schedule at grace − 1, grace, grace + 1.
import { describe, expect, it } from "vitest";
import { scoreGad7, scorePhq9, type IsoDate } from "iopkit";
import { measurementBasedCare, type MeasureRow } from "iopkit/analytics";
import { episode } from "./fixtures";

/** A PHQ-9 with this total (items 1–8 take the points; item 9 is 0 unless `item9`). */
function phq(participantId: string, on: IsoDate, total: number, item9 = 0): MeasureRow {
  const answers = [0, 0, 0, 0, 0, 0, 0, 0, item9];
  let left = total - item9;
  for (let i = 0; left > 0; i = (i + 1) % 8) {
    answers[i] = (answers[i] ?? 0) + 1;
    left--;
  }
  return { participantId, score: scorePhq9(answers, { administeredOn: on }) };
}

const asOf = "2026-04-30";

describe("measurementBasedCare: change, response and remission", () => {
  it.each([
    // baseline, latest, response applicable & met, remission met
    [9, 2, false, false, false],
    [10, 5, true, true, false],
    [10, 6, true, false, false],
    [11, 5, true, true, false],
    [10, 4, true, true, true],
    [20, 10, true, true, false],
    [20, 11, true, false, false],
  ])(
    "PHQ-9 %i → %i: applicable %s, response %s, remission %s",
    (b, l, applicable, response, remission) => {
      const r = measurementBasedCare(
        { measures: [phq("p", "2026-03-02", b), phq("p", "2026-03-30", l)] },
        { asOf },
      );
      const p = r.participants[0]?.instruments[0];
      expect(p?.response).toMatchObject({ applicable, met: response });
      expect(p?.remission).toMatchObject({ applicable, met: remission });
      expect(p?.change?.[0]).toMatchObject({ baseline: b, followUp: l, absoluteChange: l - b });
    },
  );

  it("baseline is the earliest, latest the last; a worsening is against the one before", () => {
    const rows = [
      phq("p", "2026-03-16", 8),
      phq("p", "2026-03-02", 14),
      phq("p", "2026-03-30", 11, 1),
      phq("p", "2026-05-04", 2), // after asOf: not counted
    ];
    const r = measurementBasedCare({ measures: rows }, { asOf });
    const p = r.participants[0]?.instruments[0];
    expect(p).toMatchObject({
      administrations: 3,
      baseline: { on: "2026-03-02", value: 14 },
      latest: { on: "2026-03-30", value: 11, band: { id: "moderate" } },
      worsenedSincePrevious: true, // 8 → 11
      flags: ["suicidal-ideation"],
      due: null, // no schedule
    });
    expect(r.excluded).toEqual({ "outside-window": 1 });
  });

  it("instruments without a rule report change only; one administration reports no change", () => {
    const gad = (on: IsoDate, a: number[]): MeasureRow => ({
      participantId: "p",
      score: scoreGad7(a, { administeredOn: on }),
    });
    const r = measurementBasedCare(
      {
        measures: [
          gad("2026-03-02", [3, 3, 2, 2, 2, 2, 1]),
          gad("2026-03-30", [1, 1, 1, 1, 0, 0, 0]),
          phq("q", "2026-03-02", 12),
        ],
      },
      { asOf },
    );
    const gadRow = r.participants[0]?.instruments[0];
    expect(gadRow).toMatchObject({ instrument: "gad-7", response: null, remission: null });
    expect(gadRow?.change?.[0]?.direction).toBe("improved");
    expect(r.participants[1]?.instruments[0]).toMatchObject({ change: null, response: null });
    expect(
      r.summary.map((s) => [s.instrument, s.participants, s.measuredTwice, s.response]),
    ).toEqual([
      ["phq-9", 1, 0, { applicable: 0, met: 0 }],
      ["gad-7", 1, 1, null],
    ]);
  });

  it("counts undated scores instead of placing them", () => {
    const undated = { participantId: "p", score: scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 0]) };
    expect(measurementBasedCare({ measures: [undated] }, { asOf }).excluded).toEqual({
      undated: 1,
    });
  });
});

describe("measurementBasedCare: due and overdue", () => {
  const inTreatment = episode({ participantId: "p", referred: "2026-02-20", start: "2026-03-02" });
  const neverMeasured = episode({
    participantId: "n",
    referred: "2026-02-20",
    start: "2026-04-06",
  });
  const gone = episode({
    participantId: "g",
    referred: "2026-02-20",
    start: "2026-03-02",
    discharge: { on: "2026-03-20", type: "not-completed", reason: "moved" },
  });
  const schedule = [{ instrument: "phq-9" as const, everyDays: 14, graceDays: 3 }];

  it.each([
    // asOf, days past the due date (2026-04-13 = 03-30 + 14), overdue with 3 grace days
    ["2026-04-12", -1, false],
    ["2026-04-16", 3, false],
    ["2026-04-17", 4, true],
  ])("on %s: %i days past due, overdue %s", (on, daysPastDue, overdue) => {
    const r = measurementBasedCare(
      {
        measures: [phq("p", "2026-03-02", 15), phq("p", "2026-03-30", 12)],
        episodes: [inTreatment],
      },
      { asOf: on, schedule },
    );
    expect(r.participants[0]?.instruments[0]?.due).toEqual({
      on: "2026-04-13",
      overdue,
      daysPastDue,
    });
  });

  it("someone in treatment never measured is due from their first day; the discharged are not due", () => {
    const r = measurementBasedCare(
      { measures: [phq("g", "2026-03-02", 15)], episodes: [inTreatment, neverMeasured, gone] },
      { asOf: "2026-04-21", schedule },
    );
    expect(r.participants.map((p) => [p.participantId, p.inTreatment])).toEqual([
      ["g", false],
      ["n", true],
      ["p", true],
    ]);
    expect(r.participants[0]?.instruments[0]?.due).toBeNull();
    expect(r.participants[1]?.notYetGiven).toEqual([
      { instrument: "phq-9", due: { on: "2026-04-20", overdue: false, daysPastDue: 1 } },
    ]);
    expect(r.participants[2]?.notYetGiven[0]?.due).toEqual({
      on: "2026-03-16",
      overdue: true,
      daysPastDue: 36,
    });
    expect(r.summary[0]).toMatchObject({ instrument: "phq-9", due: 2, overdue: 1 });
  });
});

describe("measurementBasedCare: the population summary, worked by hand", () => {
  // PHQ-9 totals: p-1 20 → 8 → 12 (improved; response no: 12 > 10; worse than the one before),
  // p-2 15 → 6 (improved; response yes: 6 ≤ 7.5), p-3 8 → 10 (worsened; baseline under 10: no
  // rule applies; worse than the one before), p-4 12 once, p-5 9 → 9 (unchanged; no rule).
  const rows = [
    phq("p-1", "2026-03-02", 20),
    phq("p-1", "2026-03-23", 8),
    phq("p-1", "2026-04-13", 12),
    phq("p-2", "2026-03-02", 15),
    phq("p-2", "2026-04-01", 6),
    phq("p-3", "2026-03-02", 8),
    phq("p-3", "2026-03-30", 10),
    phq("p-4", "2026-03-09", 12),
    phq("p-5", "2026-03-02", 9),
    phq("p-5", "2026-03-30", 9),
  ];

  it("counts who improved, worsened or stayed, the mean change, and response and remission where a rule applies", () => {
    const r = measurementBasedCare({ measures: rows }, { asOf });
    expect(r.summary).toEqual([
      {
        instrument: "phq-9",
        participants: 5,
        measuredTwice: 4,
        improved: 2,
        worsened: 1,
        unchanged: 1,
        shareImproved: 0.5,
        meanChange: (-8 - 9 + 2 + 0) / 4,
        response: { applicable: 2, met: 1 },
        remission: { applicable: 2, met: 0 },
        due: 0,
        overdue: 0,
      },
    ]);
    expect(r.participants.map((p) => p.instruments[0]?.worsenedSincePrevious)).toEqual([
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(r.participants[0]?.instruments[0]?.response?.rule).toBe(
      "total at least 50% below a baseline of 10 or more",
    );
    expect(r.participants[0]?.instruments[0]?.remission?.rule).toBe(
      "total below 5, from a baseline of 10 or more",
    );
    expect(r.sources.map((s) => s.source)).toEqual([
      "joint-commission-cts-03-01-09",
      "cms159-depression-remission",
      "mbc-depression-metrics-2020",
    ]);
  });

  it("counts scores dated from `from` to `asOf`, both days included", () => {
    const r = measurementBasedCare(
      {
        measures: [
          phq("p", "2026-03-01", 9),
          phq("p", "2026-03-02", 9),
          phq("p", asOf, 9),
          phq("p", "2026-05-01", 9),
        ],
      },
      { asOf, from: "2026-03-02" },
    );
    expect(r.participants[0]?.instruments[0]?.administrations).toBe(2);
    expect(r.excluded).toEqual({ "outside-window": 2 });
  });

  it("someone discharged on asOf is no longer in treatment; one starting after it is not counted", () => {
    const leaving = episode({
      participantId: "l",
      referred: "2026-02-20",
      start: "2026-03-02",
      discharge: { on: asOf, type: "not-completed", reason: "moved" },
    });
    const later = episode({ participantId: "z", referred: "2026-04-20", start: "2026-05-04" });
    const r = measurementBasedCare(
      { episodes: [leaving, later] },
      { asOf, schedule: [{ instrument: "phq-9", everyDays: 14 }] },
    );
    expect(r.participants).toEqual([]);
    expect(r.excluded).toEqual({ "started-after-as-of": 1 });
  });

  it("refuses an instrument scheduled twice, naming the function", () => {
    expect(() =>
      measurementBasedCare(
        { measures: [] },
        {
          asOf,
          schedule: [
            { instrument: "phq-9", everyDays: 14 },
            { instrument: "phq-9", everyDays: 7 },
          ],
        },
      ),
    ).toThrow(
      "measurementBasedCare: 1 problem\n- schedule: an instrument is scheduled twice [duplicate-instrument]",
    );
  });
});
