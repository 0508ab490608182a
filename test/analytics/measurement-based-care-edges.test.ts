// measurementBasedCare beyond the hand-worked rules: scores read in any order or partition, ties on
// one day, the BAM's use composite, the episode in force after a readmission, the day an episode
// starts or ends against asOf, and the population summary's due counts and empty cases.
import { describe, expect, it } from "vitest";
import { scoreBam, scoreGad7, scorePhq9, type IopError, type IsoDate } from "iopkit";
import { analyticsSources, measurementBasedCare, type MeasureRow } from "iopkit/analytics";
import { episode, partialIssues } from "./fixtures";

/** A PHQ-9 with this total (items 1–8 take the points). */
function phq(participantId: string, on: IsoDate, total: number): MeasureRow {
  const answers = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0, left = total; left > 0; i = (i + 1) % 8, left--)
    answers[i] = (answers[i] ?? 0) + 1;
  return { participantId, score: scorePhq9(answers, { administeredOn: on }) };
}
const asOf = "2026-04-30";
const schedule = [{ instrument: "phq-9" as const, everyDays: 14, graceDays: 3 }];
const stay = (participantId: string, start: IsoDate, discharge?: IsoDate) =>
  episode({
    participantId,
    referred: "2026-01-05",
    start,
    ...(discharge === undefined
      ? {}
      : { discharge: { on: discharge, type: "not-completed" as const, reason: "moved" as const } }),
  });

describe("measurementBasedCare, edges", () => {
  it("places scores by date whatever order or partition they come in", () => {
    const rows = [
      phq("p", "2026-04-01", 8),
      phq("p", "2026-03-01", 15),
      phq("p", "2026-03-15", 12),
    ];
    const r = measurementBasedCare({ measures: rows }, { asOf });
    const p = r.participants[0]?.instruments[0];
    expect([
      p?.administrations,
      p?.baseline.value,
      p?.latest.value,
      p?.worsenedSincePrevious,
    ]).toEqual([3, 15, 8, false]);
    expect(p?.baseline.on).toBe("2026-03-01");
    expect(p?.latest.on).toBe("2026-04-01");
    // Latest 8 after 12: not worse. Latest 13 after 12 (given first): worse than the one before.
    const worse = measurementBasedCare(
      {
        measures: [
          phq("p", "2026-04-01", 13),
          phq("p", "2026-03-01", 15),
          phq("p", "2026-03-15", 12),
        ],
      },
      { asOf },
    );
    expect(worse.participants[0]?.instruments[0]?.worsenedSincePrevious).toBe(true);
    const parts = rows.map((row) => measurementBasedCare.partial({ measures: [row] }, { asOf }));
    for (const order of [
      [0, 1, 2],
      [2, 1, 0],
      [1, 2, 0],
    ]) {
      const [a, b, c] = order.map((i) => parts[i]);
      if (a === undefined || b === undefined || c === undefined) throw new Error("parts");
      expect(measurementBasedCare.finish(measurementBasedCare.merge(a, b, c))).toEqual(r);
    }
  });

  it("orders two scores of one day the same way in every partition", () => {
    const x = phq("p", "2026-03-02", 14);
    const y = phq("p", "2026-03-02", 9);
    const one = measurementBasedCare({ measures: [x, y] }, { asOf });
    const other = measurementBasedCare({ measures: [y, x] }, { asOf });
    expect(other).toEqual(one);
    const px = measurementBasedCare.partial({ measures: [x] }, { asOf });
    const py = measurementBasedCare.partial({ measures: [y] }, { asOf });
    expect(measurementBasedCare.finish(measurementBasedCare.merge(py, px))).toEqual(one);
    const p = one.participants[0]?.instruments[0];
    expect(p?.administrations).toBe(2);
    expect(new Set([p?.baseline.value, p?.latest.value])).toEqual(new Set([14, 9]));
  });

  it("tracks the BAM by its use composite, with change but no response rule", () => {
    const before = scoreBam([3, 4, 2, 2, 1, 0, null, 3, 1, 0, 2, 0, 1, 0, 2, 1, 1], {
      administeredOn: "2026-03-02",
    });
    const after = scoreBam([1, 1, 1, 0, null, 0, null, 1, 3, 3, 0, 2, 3, 4, 1, 4, 3], {
      administeredOn: "2026-03-30",
    });
    const r = measurementBasedCare(
      {
        measures: [
          { participantId: "p", score: after },
          { participantId: "p", score: before },
        ],
      },
      { asOf },
    );
    const p = r.participants[0]?.instruments[0];
    expect(p?.instrument).toBe("bam");
    expect([p?.baseline, p?.latest].map((x) => [x?.on, x?.value, x?.band])).toEqual([
      ["2026-03-02", 3, before.composites.use.band],
      ["2026-03-30", 0, after.composites.use.band],
    ]);
    expect([p?.response, p?.remission]).toEqual([null, null]);
    expect(r.summary).toMatchObject([{ instrument: "bam", response: null, remission: null }]);
  });

  it("keeps the episode that started last, whatever order the logs come in", () => {
    const first = stay("p", "2026-01-12", "2026-02-09");
    const again = stay("p", "2026-03-02");
    for (const episodes of [
      [first, again],
      [again, first],
    ]) {
      const r = measurementBasedCare({ episodes }, { asOf, schedule });
      expect(r.participants).toEqual([
        {
          participantId: "p",
          inTreatment: true,
          instruments: [],
          notYetGiven: [
            { instrument: "phq-9", due: { on: "2026-03-16", overdue: true, daysPastDue: 45 } },
          ],
        },
      ]);
    }
    const a = measurementBasedCare.partial({ episodes: [again] }, { asOf, schedule });
    const b = measurementBasedCare.partial({ episodes: [first] }, { asOf, schedule });
    expect(measurementBasedCare.merge(b, a)).toEqual(measurementBasedCare.merge(a, b));
  });

  it("counts an episode that starts on asOf, not one the day after; one discharged after asOf is in treatment", () => {
    const r = measurementBasedCare(
      {
        episodes: [
          stay("on", asOf),
          stay("after", "2026-05-01"),
          stay("leaving", "2026-04-01", "2026-05-01"),
        ],
      },
      { asOf, schedule },
    );
    expect(
      r.participants.map((p) => [p.participantId, p.inTreatment, p.notYetGiven[0]?.due]),
    ).toEqual([
      ["leaving", true, { on: "2026-04-15", overdue: true, daysPastDue: 15 }],
      ["on", true, { on: "2026-05-14", overdue: false, daysPastDue: -14 }],
    ]);
    expect(r.excluded).toEqual({ "started-after-as-of": 1 });
  });

  it("counts as due those whose date has come (due today included), as overdue those past the grace days", () => {
    // Last PHQ-9s 14, 15, 17, 18 days before asOf, every 14 days with 3 grace days: due 0, 1, 3
    // and 4 days ago; only the last is overdue. One given 13 days ago is not due yet.
    const given = [14, 15, 17, 18, 13].map((daysAgo, i) => {
      const on = new Date(Date.parse(`${asOf}T00:00:00Z`) - daysAgo * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return phq(`p${i}`, on, 12);
    });
    const r = measurementBasedCare(
      { measures: given, episodes: given.map((g) => stay(g.participantId, "2026-03-02")) },
      { asOf, schedule },
    );
    expect(r.participants.map((p) => p.instruments[0]?.due?.daysPastDue)).toEqual([0, 1, 3, 4, -1]);
    expect(r.summary[0]).toMatchObject({
      instrument: "phq-9",
      participants: 5,
      due: 4,
      overdue: 1,
    });
    // Without an episode no one is in treatment, so nothing is due.
    const unknown = measurementBasedCare({ measures: given }, { asOf, schedule });
    expect(
      unknown.participants.every((p) => p.inTreatment === null && p.instruments[0]?.due === null),
    ).toBe(true);
    expect(unknown.summary[0]).toMatchObject({ due: 0, overdue: 0 });
  });

  it("summarises a scheduled instrument no one took, leaves out one neither scheduled nor taken, and has no share without two scores", () => {
    const r = measurementBasedCare(
      {
        measures: [
          phq("a", "2026-03-02", 12),
          {
            participantId: "b",
            score: scoreGad7([1, 1, 1, 1, 1, 1, 1], { administeredOn: "2026-03-02" }),
          },
        ],
      },
      { asOf, schedule: [{ instrument: "bam", everyDays: 30 }] },
    );
    expect(r.summary.map((s) => s.instrument)).toEqual(["phq-9", "gad-7", "bam"]);
    expect(r.summary[0]).toMatchObject({
      participants: 1,
      measuredTwice: 0,
      shareImproved: null,
      meanChange: null,
      response: { applicable: 0, met: 0 },
    });
    // GAD-7 has no change rule: no response or remission tallies.
    expect(r.summary[1]).toMatchObject({ participants: 1, response: null, remission: null });
    expect(r.summary[2]).toMatchObject({ participants: 0, due: 0, overdue: 0, response: null });
  });

  it("applies the first rule given for an instrument, and cites every rule's sources", () => {
    const strict = {
      instrument: "phq-9" as const,
      minBaseline: 15,
      responseDropPercent: 50,
      remissionBelow: 5,
      sources: [],
    };
    const loose = {
      instrument: "phq-9" as const,
      minBaseline: 5,
      responseDropPercent: 10,
      remissionBelow: 10,
      sources: [],
    };
    const rows = [phq("p", "2026-03-02", 12), phq("p", "2026-03-30", 9)];
    const first = measurementBasedCare({ measures: rows }, { asOf, criteria: [strict, loose] });
    expect(first.participants[0]?.instruments[0]?.response).toMatchObject({
      applicable: false,
      met: false,
    });
    const other = measurementBasedCare({ measures: rows }, { asOf, criteria: [loose, strict] });
    expect(other.participants[0]?.instruments[0]?.response).toMatchObject({
      applicable: true,
      met: true,
    });
    expect(other.participants[0]?.instruments[0]?.remission).toMatchObject({
      applicable: true,
      met: true,
    });
    const cited = measurementBasedCare({ measures: [] }, { asOf }).sources;
    expect(cited).toEqual([
      analyticsSources.jointCommissionCts,
      analyticsSources.cms159,
      analyticsSources.phq9Response,
    ]);
  });

  it("refuses a window that ends before it starts at asOf, and a partial out of order", () => {
    try {
      measurementBasedCare({ measures: [] }, { asOf, from: "2026-05-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["asOf"]],
      ]);
    }
    const p = measurementBasedCare.partial(
      {
        measures: [phq("a", "2026-03-02", 12), phq("b", "2026-03-02", 12)],
        episodes: [stay("a", "2026-03-02"), stay("b", "2026-03-02")],
      },
      { asOf },
    );
    const bad = (state: object) =>
      partialIssues(measurementBasedCare.parsePartial, p, state).map(([code, path]) => [
        code,
        path,
      ]);
    expect(bad({})).toEqual([]);
    expect(
      bad({ tracks: [...p.state.tracks].reverse(), episodes: [...p.state.episodes].reverse() }),
    ).toEqual([
      ["unsorted-keys", ["state", "tracks"]],
      ["unsorted-keys", ["state", "episodes"]],
    ]);
  });
});
