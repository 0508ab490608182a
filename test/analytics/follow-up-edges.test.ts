// followUpMeasure beyond the built-ins' window edges: the definitions pinned as data (each figure
// with its source), services counted in date order across kinds, index events of several kinds,
// exclusion windows, an index event from the episode log, and what a partial holds.
import { describe, expect, it } from "vitest";
import { addDays, type IopError } from "iopkit";
import { followUpDefinitions, followUpMeasure, type FollowUpDefinition } from "iopkit/analytics";
import { epochDayOf } from "../../src/analytics/local-day";
import { encounterAt, episode, followUpDay0, partialIssues, seat, zone } from "./fixtures";

const day0 = followUpDay0;
const at = encounterAt;
const asOf = "2026-12-31";
const byId = (id: string): FollowUpDefinition => {
  const d = followUpDefinitions.find((x) => x.id === id);
  if (d === undefined) throw new Error(id);
  return d;
};
const measure = (
  sources: Parameters<typeof followUpMeasure>[0],
  definitions: readonly FollowUpDefinition[],
  on = asOf,
) => followUpMeasure(sources, { asOf: on, timeZone: zone, definitions });

describe("the built-in definitions, as data", () => {
  it("IET (CMS137): initiation on days 0–13 of the episode; engagement 2 services on days 1–34 after it, or one long-acting medication", () => {
    const treatment = [
      "outpatient-visit-sud",
      "telehealth-visit-sud",
      "iop-visit",
      "iop-day",
      "iop-admission",
      "php-visit",
      "sud-medication",
    ];
    expect(byId("iet-initiation")).toMatchObject({
      name: "Initiation of SUD treatment within 14 days (IET)",
      index: ["sud-episode-start"],
      qualifying: [...treatment, "sud-medication-long-acting"],
      window: { fromDay: 0, toDay: 13 },
    });
    expect(byId("iet-initiation").unverified).toMatch(/^which encounters start a new SUD episode/);
    expect(byId("iet-engagement")).toMatchObject({
      name: "Engagement in SUD treatment within 34 days of initiation (IET)",
      index: [],
      anchor: "iet-initiation",
      qualifying: treatment,
      window: { fromDay: 1, toDay: 34 },
      minCount: 2,
      sufficient: ["sud-medication-long-acting"],
    });
    expect(byId("iet-engagement").unverified).toMatch(/^an attended IOP day counts as one/);
  });

  it("FUA and FUM (NCQA): the ED day and the 7 or 30 after it; repeat visits within 30 days and admissions within 30 days", () => {
    const exclusions = [
      {
        kinds: ["inpatient-admission", "residential-admission"],
        window: { fromDay: 0, toDay: 30 },
      },
    ];
    for (const days of [7, 30]) {
      expect(byId(`fua-${days}`)).toMatchObject({
        name: `Follow-up within ${days} days of an ED visit for substance use (FUA)`,
        index: ["ed-visit-sud"],
        window: { fromDay: 0, toDay: days },
        indexDedupeDays: 30,
        exclusions,
      });
      expect(byId(`fua-${days}`).unverified).toMatch(/^only the first ED visit in 31 days counts/);
      expect(byId(`fum-${days}`)).toMatchObject({
        name: `Follow-up within ${days} days of an ED visit for mental illness (FUM)`,
        index: ["ed-visit-mental-illness"],
        qualifying: [
          "outpatient-visit-mental-health",
          "telehealth-visit-mental-health",
          "iop-visit",
          "iop-day",
          "iop-admission",
          "php-visit",
          "observation-stay",
        ],
        window: { fromDay: 0, toDay: days },
        indexDedupeDays: 30,
        exclusions,
      });
      expect(byId(`fum-${days}`).unverified).toMatch(/^qualifying services, the 31-day repeat/);
    }
  });

  it("FUI (NCQA): the 7 or 30 days after a discharge from inpatient, residential or withdrawal-management SUD care", () => {
    for (const days of [7, 30]) {
      expect(byId(`fui-${days}`)).toMatchObject({
        name: `Follow-up within ${days} days after high-intensity SUD care (FUI)`,
        index: ["inpatient-discharge-sud", "residential-discharge-sud", "withdrawal-discharge-sud"],
        window: { fromDay: 1, toDay: days },
      });
      expect(byId(`fui-${days}`).unverified).toMatch(/^the list of qualifying services is a payer/);
    }
  });
});

describe("followUpMeasure, edges", () => {
  const engagement = [byId("iet-initiation"), byId("iet-engagement")];

  it("engagement counts two services in date order across kinds, an attended IOP day as one", () => {
    // Initiated on day 3; an outpatient visit on day 20 and an attended IOP day on day 8 (two
    // sessions that day): the second service is on day 20, not day 8.
    const attendance = [
      seat("p", addDays(day0, 8), "present"),
      seat("p", addDays(day0, 8), "present", {}, "13:00"),
    ];
    const r = measure(
      {
        encounters: [
          at(0, "sud-episode-start"),
          at(3, "outpatient-visit-sud"),
          at(20, "outpatient-visit-sud"),
        ],
        attendance,
      },
      engagement,
    );
    expect(r.measures[1]?.events).toEqual([
      {
        participantId: "p",
        indexOn: addDays(day0, 3),
        status: "met",
        metOn: addDays(day0, 20),
        windowEnds: addDays(day0, 37),
      },
    ]);
    // The IOP day alone (however many sessions) is one service: not engaged.
    const one = measure(
      { encounters: [at(0, "sud-episode-start"), at(3, "outpatient-visit-sud")], attendance },
      engagement,
    );
    expect(one.measures[1]?.events[0]?.status).toBe("missed");
  });

  it("carries a missed initiation into engagement as it is: its index day and window, never judged again", () => {
    const r = measure(
      {
        encounters: [
          at(0, "sud-episode-start"),
          at(20, "outpatient-visit-sud"),
          at(21, "iop-visit"),
        ],
      },
      engagement,
    );
    expect(r.measures[1]?.events).toEqual([
      {
        participantId: "p",
        indexOn: day0,
        status: "missed",
        metOn: null,
        windowEnds: addDays(day0, 13),
      },
    ]);
    // Open on asOf: the engagement event is open too.
    const open = measure(
      { encounters: [at(0, "sud-episode-start")] },
      engagement,
      addDays(day0, 5),
    );
    expect(open.measures.map((m) => m.events[0]?.status)).toEqual(["open", "open"]);
  });

  it("orders index events of several kinds by day", () => {
    const r = measure(
      { encounters: [at(10, "inpatient-discharge-sud"), at(2, "residential-discharge-sud")] },
      [byId("fui-7")],
    );
    expect(r.measures[0]?.events.map((e) => e.indexOn)).toEqual([
      addDays(day0, 2),
      addDays(day0, 10),
    ]);
  });

  it("rates one met and one missed as a half", () => {
    const r = measure(
      {
        encounters: [
          at(0, "ed-visit-sud", "a"),
          at(2, "outpatient-visit-sud", "a"),
          at(0, "ed-visit-sud", "b"),
        ],
      },
      [byId("fua-7")],
    );
    expect(r.measures[0]).toMatchObject({ met: 1, missed: 1, denominator: 2, rate: 0.5 });
  });

  it("judges an exclusion over its own window, from its first day", () => {
    const later: FollowUpDefinition = {
      ...byId("fua-7"),
      id: "later",
      exclusions: [{ kinds: ["inpatient-admission"], window: { fromDay: 1, toDay: 30 } }],
    };
    const status = (admittedOn: number) =>
      measure(
        { encounters: [at(10, "ed-visit-sud"), at(10 + admittedOn, "inpatient-admission")] },
        [later],
      ).measures[0]?.events[0]?.status;
    expect(status(0)).toBe("missed");
    expect(status(1)).toBe("excluded");
    expect(status(30)).toBe("excluded");
    expect(status(31)).toBe("missed");
  });

  it("takes an IOP discharge from the episode log as an index event", () => {
    const afterIop: FollowUpDefinition = {
      id: "after-iop",
      name: "Follow-up within 7 days after IOP discharge",
      index: ["iop-discharge"],
      qualifying: ["outpatient-visit-sud"],
      window: { fromDay: 1, toDay: 7 },
      sources: [],
      unverified: "an example of an app's own measure",
    };
    const log = episode({
      participantId: "p",
      referred: "2026-02-20",
      start: "2026-03-02",
      discharge: { on: "2026-03-20", type: "not-completed", reason: "client-decision" },
    });
    const r = measure({ episodes: [log], encounters: [at(20, "outpatient-visit-sud")] }, [
      afterIop,
    ]);
    expect(r.measures[0]?.events).toEqual([
      {
        participantId: "p",
        indexOn: "2026-03-20",
        status: "met",
        metOn: "2026-03-22",
        windowEnds: "2026-03-27",
      },
    ]);
    // Admissions and attended days are kept only for definitions that read them.
    const p = followUpMeasure.partial(
      { episodes: [log], attendance: [seat("p", "2026-03-03", "present")] },
      { asOf, timeZone: zone, definitions: [afterIop] },
    );
    expect(p.state).toEqual({
      encounters: [["p", { "iop-discharge": [[epochDayOf("2026-03-20"), 1]] }]],
      attended: [],
    });
    const open = episode({ participantId: "q", referred: "2026-02-20", start: "2026-03-02" });
    expect(
      followUpMeasure.partial(
        { episodes: [open] },
        { asOf, timeZone: zone, definitions: [afterIop] },
      ).state.encounters,
    ).toEqual([]);
  });

  it("refuses a partial with encounters out of order or a histogram that is not one", () => {
    const p = followUpMeasure.partial(
      { encounters: [at(0, "ed-visit-sud", "a"), at(1, "ed-visit-sud", "b")] },
      { asOf, timeZone: zone },
    );
    const bad = (state: object) => partialIssues(followUpMeasure.parsePartial, p, state);
    expect(bad({})).toEqual([]);
    expect(
      bad({ encounters: [...p.state.encounters].reverse() }).map(([c, path]) => [c, path]),
    ).toEqual([["unsorted-keys", ["state", "encounters"]]]);
    expect(
      bad({
        encounters: [
          [
            "a",
            {
              "ed-visit-sud": [
                [5, 1],
                [3, 1],
              ],
            },
          ],
        ],
      }),
    ).toEqual([
      [
        "invalid-histogram",
        ["state", "encounters", 0, 1, "ed-visit-sud"],
        "not [day, count ≥ 1] pairs by ascending day",
      ],
    ]);
  });

  it("refuses an index window that ends before it starts, at indexTo", () => {
    try {
      followUpMeasure({}, { asOf, timeZone: zone, indexFrom: "2026-03-10", indexTo: "2026-03-01" });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["indexTo"]],
      ]);
    }
    try {
      followUpMeasure(
        {},
        {
          asOf,
          timeZone: zone,
          definitions: [{ ...byId("fua-7"), window: { fromDay: 5, toDay: 1 } }],
        },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path, i.message])).toEqual([
        [
          "window-ends-before-start",
          ["definitions", 0, "window", "toDay"],
          "the window ends before it starts",
        ],
      ]);
    }
  });
});
