// lengthOfStay against hand-computed stays. Definitions: SAMHSA TEDS-D 2019 codebook (LOS codes
// and bins); TEDS discharges report (outpatient: admission and last day both count, up to the
// earlier of last contact and discharge); Hyndman & Fan 1996 definition 7 (quartiles).
import { describe, expect, it } from "vitest";
import { type IopError } from "iopkit";
import { lengthOfStay, tedsLosBins, tedsLosCode } from "iopkit/analytics";
import { episode, seat, zone } from "./fixtures";

const completed = { type: "completed", reason: "treatment-completed" } as const;
const lost = { type: "not-completed", reason: "lost-to-contact" } as const;

// p-1: first day 2026-03-02, completed 2026-05-25 (84 days). p-2: 2026-03-02 → lost to contact
// 2026-03-30 (28 days), last came 2026-03-12. p-3: 2026-03-04 → 2026-03-04, the same day (0).
const logs = [
  episode({
    participantId: "p-1",
    referred: "2026-02-23",
    start: "2026-03-02",
    stepDowns: ["2026-03-30", "2026-04-27"],
    discharge: { on: "2026-05-25", ...completed },
  }),
  episode({
    participantId: "p-2",
    referred: "2026-02-23",
    start: "2026-03-02",
    discharge: { on: "2026-03-30", ...lost },
  }),
  episode({
    participantId: "p-3",
    referred: "2026-02-25",
    start: "2026-03-04",
    discharge: { on: "2026-03-04", type: "not-completed", reason: "client-decision" },
  }),
];
const attendance = [
  seat("p-1", "2026-05-21", "present"),
  seat("p-1", "2026-05-26", "present"), // after discharge: not a contact of this stay
  seat("p-2", "2026-03-12", "late"),
  seat("p-2", "2026-03-16", "absent-unexcused"), // an absence is not a contact
  seat("p-2", "2026-03-18", null),
];

describe("lengthOfStay", () => {
  it("plain: discharge − first day, summarised by definition 7", () => {
    const r = lengthOfStay({ episodes: logs }, { method: "plain" });
    expect(r.episodes.map((e) => [e.episodeKey, e.days, e.lastContactOn])).toEqual([
      ["p-1@2026-02-23", 84, null],
      ["p-2@2026-02-23", 28, null],
      ["p-3@2026-02-25", 0, null],
    ]);
    // Values 0, 28, 84: median 28; q1 = 0 + 0.5·(28 − 0) = 14; q3 = 28 + 0.5·56 = 56.
    expect(r.summary).toEqual({
      count: 3,
      mean: 112 / 3,
      min: 0,
      q1: 14,
      median: 28,
      q3: 56,
      max: 84,
    });
    expect(r.byDischargeType.completed.median).toBe(84);
    expect(r.byDischargeType["not-completed"]).toMatchObject({ count: 2, median: 14 });
    expect(r.byDischargeType["transferred-higher"].count).toBe(0);
    // A same-day stay counts as one day in TEDS's bins.
    expect(r.bins).toEqual([
      { code: 1, label: "1", count: 1 },
      { code: 28, label: "28", count: 1 },
      { code: 33, label: "61 to 90 days", count: 1 },
    ]);
  });

  it("TEDS: (earlier of last contact and discharge) − first day + 1", () => {
    const r = lengthOfStay({ episodes: logs, attendance }, { method: "teds", timeZone: zone });
    expect(r.episodes.map((e) => [e.episodeKey, e.lastContactOn, e.days, e.tedsLosCode])).toEqual([
      // p-1: last contact 05-21 (the 05-26 session is after discharge): 80 days + 1.
      ["p-1@2026-02-23", "2026-05-21", 81, 33],
      // p-2: last came 03-12 (late counts; the absence and the unrecorded seat do not): 10 + 1.
      ["p-2@2026-02-23", "2026-03-12", 11, 11],
      // p-3: no contact recorded: the discharge day counts; a same-day stay is one day.
      ["p-3@2026-02-25", null, 1, 1],
    ]);
    expect(r.lastContactUnknown).toBe(1);
  });

  it("counts only discharges in the window, both ends included, and says what it left out", () => {
    const open = episode({ participantId: "p-4", referred: "2026-03-01", start: "2026-03-09" });
    const never = episode({ participantId: "p-5", referred: "2026-03-01" });
    const keys = (from: string, to: string) =>
      lengthOfStay(
        { episodes: [...logs, open, never] },
        { dischargedFrom: from, dischargedTo: to },
      );
    // p-2 is discharged on 03-30: in [03-30, 05-24], out of [03-31, …] and [… , 03-29].
    expect(keys("2026-03-30", "2026-05-24").episodes.map((e) => e.participantId)).toEqual(["p-2"]);
    expect(keys("2026-03-31", "2026-05-25").episodes.map((e) => e.participantId)).toEqual(["p-1"]);
    expect(keys("2026-03-05", "2026-03-29").excluded).toEqual({
      "not-discharged": 1,
      "not-started": 1,
      "outside-window": 3,
    });
  });

  it("keeps one of two episodes with the same key and counts the other", () => {
    const [first] = logs;
    if (first === undefined) throw new Error("fixture");
    const r = lengthOfStay({ episodes: [first, first] }, { method: "plain" });
    expect(r.episodes).toHaveLength(1);
    expect(r.excluded).toEqual({ "duplicate-episode": 1 });
    // The same when the copies are in different partitions.
    const p = lengthOfStay.partial({ episodes: [first] }, {});
    expect(lengthOfStay.finish(lengthOfStay.merge(p, p)).excluded).toEqual({
      "duplicate-episode": 1,
    });
  });

  it("refuses bad options with every problem at its path", () => {
    const call = () =>
      lengthOfStay({}, {
        method: "teds",
        dischargedFrom: "2026-05-01",
        dischargedTo: "2026-04-30",
      } as never);
    expect(call).toThrow(expect.objectContaining({ name: "IopError" }) as Error);
    try {
      call();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["dischargedTo"]],
        ["time-zone-required", ["timeZone"]],
      ]);
    }
  });
});

describe("TEDS-D LOS codes", () => {
  it.each([
    [0, 1],
    [1, 1],
    [30, 30],
    [31, 31],
    [45, 31],
    [46, 32],
    [60, 32],
    [61, 33],
    [90, 33],
    [91, 34],
    [120, 34],
    [121, 35],
    [180, 35],
    [181, 36],
    [365, 36],
    [366, 37],
    [2000, 37],
  ])("%i days is code %i", (days, code) => {
    expect(tedsLosCode(days)).toBe(code);
  });

  it("has the codebook's 37 codes, contiguous from day 1", () => {
    expect(tedsLosBins).toHaveLength(37);
    tedsLosBins.forEach((b, i) => {
      expect(b.code).toBe(i + 1);
      if (i > 0) expect(b.from).toBe((tedsLosBins[i - 1]?.to ?? 0) + 1);
    });
  });
});

describe("lengthOfStay, edges", () => {
  it("measures plain stays unless told otherwise, ignoring a time zone it does not need", () => {
    const r = lengthOfStay({ episodes: logs, attendance }, {});
    expect(r.method).toBe("plain");
    expect(r.definition).toBe("days = discharge date − first day of treatment");
    expect(r.episodes.map((e) => [e.days, e.lastContactOn])).toEqual([
      [84, null],
      [28, null],
      [0, null],
    ]);
    const p = lengthOfStay.partial({ episodes: logs, attendance }, {
      method: "plain",
      timeZone: zone,
    } as never);
    expect(p.options.timeZone).toBeNull();
    expect(p.state.attended).toEqual([]);
  });

  it("states the TEDS definition and summarises each discharge type apart", () => {
    const transfers = [
      episode({
        participantId: "p-4",
        referred: "2026-02-23",
        start: "2026-03-02",
        discharge: { on: "2026-03-12", type: "transferred-higher", reason: "clinical-need" },
      }),
      episode({
        participantId: "p-5",
        referred: "2026-02-23",
        start: "2026-03-02",
        discharge: { on: "2026-03-22", type: "transferred-lower", reason: "clinical-need" },
      }),
    ];
    const r = lengthOfStay(
      { episodes: [...logs, ...transfers], attendance },
      { method: "teds", timeZone: zone },
    );
    expect(r.definition).toBe(
      "days = (earlier of last attended day and discharge) − first day of treatment + 1 (SAMHSA TEDS, outpatient)",
    );
    expect(r.byDischargeType["transferred-higher"].count).toBe(1);
    expect(r.byDischargeType["transferred-lower"].count).toBe(1);
    expect(r.byDischargeType.completed.count).toBe(1);
    expect(r.byDischargeType["not-completed"].count).toBe(2);
    expect(r.sources.length).toBe(3);
  });

  it("names the time zone the TEDS method needs, under its own name", () => {
    try {
      lengthOfStay({}, { method: "teds" } as never);
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).message).toMatch(/^lengthOfStay/);
      expect((e as IopError).issues).toEqual([
        {
          code: "time-zone-required",
          path: ["timeZone"],
          message: "the TEDS method reads attendance: give the program's timeZone",
        },
      ]);
    }
  });
});
