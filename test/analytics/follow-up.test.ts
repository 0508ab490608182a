// followUpMeasure at the edges of each built-in window. IET: CMS137 (initiation in [episode day,
// episode day + 14 days); engagement 34 days or less after initiation, 2 treatments or a
// long-acting medication). FUA/FUM: NCQA (7 days = 8 total days, the ED day counting). FUI: NCQA
// ("within the 7 days after" the discharge: the discharge day does not count).
import { describe, expect, it } from "vitest";
import { addDays, type IopError } from "iopkit";
import { isSourceId } from "iopkit/sources";
import {
  analyticsSources,
  followUpDefinitions,
  followUpMeasure,
  parseEncounter,
  type Encounter,
  type FollowUpDefinition,
} from "iopkit/analytics";
import { encounterAt, episode, followUpDay0, seat, zone } from "./fixtures";

const day0 = followUpDay0;
const at = encounterAt;
const asOf = "2026-12-31";
const only = (id: string): FollowUpDefinition[] =>
  followUpDefinitions.filter(
    (d) => d.id === id || (id === "iet-engagement" && d.id === "iet-initiation"),
  );
const run = (
  encounters: Encounter[],
  id: string,
  extra: Parameters<typeof followUpMeasure>[0] = {},
  on = asOf,
) =>
  followUpMeasure(
    { encounters, ...extra },
    { asOf: on, timeZone: zone, definitions: only(id) },
  ).measures.find((m) => m.definition.id === id);

describe("FUA: follow-up within 7 or 30 days of an ED visit, the ED day counting", () => {
  it.each([
    [0, "met"],
    [7, "met"],
    [8, "missed"],
  ])("an outpatient visit on day %i: %s", (d, status) => {
    const m = run([at(0, "ed-visit-sud"), at(d, "outpatient-visit-sud")], "fua-7");
    expect(m?.events.map((e) => e.status)).toEqual([status]);
  });

  it("an attended IOP session on day 30 meets FUA-30, not FUA-7", () => {
    const attendance = [seat("p", addDays(day0, 30), "present")];
    expect(run([at(0, "ed-visit-sud")], "fua-30", { attendance })?.met).toBe(1);
    expect(run([at(0, "ed-visit-sud")], "fua-7", { attendance })?.missed).toBe(1);
    // An absence is not a service.
    const absent = [seat("p", addDays(day0, 3), "absent-unexcused")];
    expect(run([at(0, "ed-visit-sud")], "fua-7", { attendance: absent })?.missed).toBe(1);
  });

  it.each([
    [30, 1],
    [31, 2],
  ])("a second ED visit %i days later is a new index event: %i in all", (gap, events) => {
    expect(run([at(0, "ed-visit-sud"), at(gap, "ed-visit-sud")], "fua-30")?.events).toHaveLength(
      events,
    );
  });

  it("an ED visit followed by an inpatient admission within 30 days is excluded", () => {
    const m = run(
      [at(0, "ed-visit-sud"), at(30, "inpatient-admission"), at(2, "iop-visit")],
      "fua-7",
    );
    expect(m).toMatchObject({ excluded: 1, denominator: 0, rate: null });
    expect(
      run([at(0, "ed-visit-sud"), at(31, "inpatient-admission"), at(2, "iop-visit")], "fua-7")?.met,
    ).toBe(1);
  });

  it("a window that ends on asOf is closed; one that ends after it is open", () => {
    expect(run([at(0, "ed-visit-sud")], "fua-7", {}, addDays(day0, 7))?.events[0]?.status).toBe(
      "missed",
    );
    const open = run([at(0, "ed-visit-sud")], "fua-7", {}, addDays(day0, 6));
    expect(open).toMatchObject({ open: 1, denominator: 0 });
    expect(open?.events[0]?.windowEnds).toBe(addDays(day0, 7));
  });
});

describe("FUI: follow-up after high-intensity care, not on the discharge day", () => {
  const firstDay = (d: number) => [
    episode({ participantId: "p", referred: "2026-02-20", start: addDays(day0, d) }),
  ];
  it.each([
    [0, "missed"],
    [1, "met"],
    [7, "met"],
    [8, "missed"],
  ])("admitted to the IOP on day %i after a residential discharge: FUI-7 %s", (d, status) => {
    const m = run([at(0, "residential-discharge-sud")], "fui-7", { episodes: firstDay(d) });
    expect(m?.events[0]?.status).toBe(status);
    if (status === "met") expect(m?.events[0]?.metOn).toBe(addDays(day0, d));
  });
});

describe("IET: initiation within 14 days, engagement within 34 days of it", () => {
  it.each([
    [13, "met"],
    [14, "missed"],
  ])("treatment on day %i: initiation %s", (d, status) => {
    expect(
      run([at(0, "sud-episode-start"), at(d, "outpatient-visit-sud")], "iet-initiation")?.events[0]
        ?.status,
    ).toBe(status);
  });

  const start = [at(0, "sud-episode-start"), at(3, "outpatient-visit-sud")]; // initiated on day 3
  it.each([
    [
      "two treatments on days 1 and 34 after initiation",
      [at(4, "iop-visit"), at(37, "iop-visit")],
      "met",
      37,
    ],
    ["the second on day 35", [at(4, "iop-visit"), at(38, "iop-visit")], "missed", null],
    [
      "two on the initiation day itself do not count",
      [at(3, "iop-visit"), at(3, "sud-medication")],
      "missed",
      null,
    ],
    ["a long-acting medication alone on day 34", [at(37, "sud-medication-long-acting")], "met", 37],
  ])("%s: %s", (_name, more, status, metDay) => {
    const m = run([...start, ...more], "iet-engagement");
    expect(m?.events).toEqual([
      {
        participantId: "p",
        indexOn: addDays(day0, 3),
        status,
        metOn: metDay === null ? null : addDays(day0, metDay),
        windowEnds: addDays(day0, 3 + 34),
      },
    ]);
  });

  it("no initiation: engagement is missed on the episode day", () => {
    const m = run([at(0, "sud-episode-start")], "iet-engagement");
    expect(m?.events[0]).toMatchObject({ indexOn: day0, status: "missed", metOn: null });
  });
});

describe("definitions as data", () => {
  it("every built-in cites a source and says what is unverified", () => {
    expect(followUpDefinitions.map((d) => d.id)).toEqual([
      "iet-initiation",
      "iet-engagement",
      "fua-7",
      "fua-30",
      "fum-7",
      "fum-30",
      "fui-7",
      "fui-30",
    ]);
    for (const d of followUpDefinitions) expect(d.sources.length).toBeGreaterThan(0);
    // Each cites the registry: an id it holds, with the section of the rule.
    for (const c of followUpDefinitions.flatMap((d) => d.sources)) {
      expect(isSourceId(c.source)).toBe(true);
      expect(c.section?.length ?? 0).toBeGreaterThan(0);
    }
    expect(followUpDefinitions.find((d) => d.id === "fui-7")?.sources).toEqual([
      analyticsSources.ncqaFui,
    ]);
    expect(analyticsSources.ncqaFui.source).toBe("ncqa-hedis-fui");
  });

  it("a definition citing a source the registry lacks is refused at that citation", () => {
    const [fua7] = followUpDefinitions.filter((d) => d.id === "fua-7");
    const cites = (source: string): FollowUpDefinition =>
      ({ ...fua7, sources: [{ source, section: "x" }] }) as FollowUpDefinition;
    expect(() =>
      followUpMeasure({}, { asOf, timeZone: zone, definitions: [cites("ncqa-hedis-fua")] }),
    ).not.toThrow();
    try {
      followUpMeasure({}, { asOf, timeZone: zone, definitions: [cites("my-own-notes")] });
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["invalid-value", ["definitions", 0, "sources", 0, "source"]],
      ]);
    }
  });

  it("an app changes a window; a bad list is refused with every problem", () => {
    const fua10 = followUpDefinitions
      .filter((d) => d.id === "fua-7")
      .map((d) => ({ ...d, id: "fua-10", window: { fromDay: 0, toDay: 10 } }));
    const m = followUpMeasure(
      { encounters: [at(0, "ed-visit-sud"), at(10, "iop-visit")] },
      { asOf, timeZone: zone, definitions: fua10 },
    );
    expect(m.measures[0]?.met).toBe(1);
    try {
      followUpMeasure(
        {},
        {
          asOf,
          timeZone: zone,
          definitions: [
            {
              ...fua10[0],
              id: "a",
              anchor: "b",
              window: { fromDay: 5, toDay: 1 },
            } as FollowUpDefinition,
            { ...fua10[0], id: "a" } as FollowUpDefinition,
          ],
        },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => [i.code, i.path])).toEqual([
        ["window-ends-before-start", ["definitions", 0, "window", "toDay"]],
        ["unknown-anchor", ["definitions", 0, "anchor"]],
        ["duplicate-definition", ["definitions", 1, "id"]],
      ]);
    }
  });

  it("encounters of kinds no measure reads are counted, not used", () => {
    const r = followUpMeasure(
      { encounters: [at(0, "observation-stay")] },
      { asOf, timeZone: zone, definitions: only("fui-7") },
    );
    expect(r.excluded).toEqual({ "unused-kind": 1 });
    expect(() =>
      parseEncounter({ participantId: "p", on: "2026-02-30", kind: "ed-visit" }),
    ).toThrow(/invalid-date[\s\S]*invalid-value/);
  });

  it("a partial holds each participant's encounters as day counts by kind, kinds in list order", () => {
    const encounters = [
      at(9, "outpatient-visit-sud", "q"),
      at(2, "ed-visit-sud"),
      at(0, "ed-visit-sud"),
      at(2, "ed-visit-sud"),
      at(1, "sud-episode-start"),
      at(-700_000, "ed-visit-sud"),
    ];
    const p = followUpMeasure.partial({ encounters }, { asOf, timeZone: zone });
    const day = (d: number) => Date.parse(`${addDays(day0, d)}T00:00:00Z`) / 86_400_000;
    const [[first, mine], [second, theirs]] = p.state.encounters as [
      [string, Record<string, unknown>],
      [string, Record<string, unknown>],
    ];
    expect([first, second]).toEqual(["p", "q"]);
    expect(Object.keys(mine)).toEqual(["sud-episode-start", "ed-visit-sud"]);
    expect(mine).toEqual({
      "sud-episode-start": [[day(1), 1]],
      "ed-visit-sud": [
        [day(-700_000), 1],
        [day(0), 1],
        [day(2), 2],
      ],
    });
    expect(theirs).toEqual({ "outpatient-visit-sud": [[day(9), 1]] });
  });

  it("rates met ÷ (met + missed): open and excluded index events are left out of both", () => {
    const encounters = [
      ...[at(0, "ed-visit-sud", "a"), at(3, "outpatient-visit-sud", "a")], // met
      ...[at(0, "ed-visit-sud", "b"), at(5, "outpatient-visit-sud", "b")], // met
      at(0, "ed-visit-sud", "c"), // missed
      ...[at(0, "ed-visit-sud", "d"), at(10, "inpatient-admission", "d")], // excluded
      at(40, "ed-visit-sud", "e"), // open on asOf = day 44
    ];
    const m = run(encounters, "fua-7", {}, addDays(day0, 44));
    expect(m).toMatchObject({ denominator: 3, met: 2, missed: 1, open: 1, excluded: 1 });
    expect(m?.rate).toBe(2 / 3);
  });

  it("counts index events dated from indexFrom to indexTo, both days included", () => {
    const m = followUpMeasure(
      { encounters: [1, 2, 40, 41].map((d) => at(d, "ed-visit-sud", `p${d}`)) },
      {
        asOf,
        timeZone: zone,
        definitions: only("fua-7"),
        indexFrom: addDays(day0, 2),
        indexTo: addDays(day0, 40),
      },
    ).measures[0];
    expect(m?.events.map((e) => e.indexOn)).toEqual([addDays(day0, 2), addDays(day0, 40)]);
  });

  it("FUM: a mental-health visit within 7 days of an ED visit for mental illness; an admission within 30 excludes it", () => {
    expect(
      run([at(0, "ed-visit-mental-illness"), at(7, "outpatient-visit-mental-health")], "fum-7")
        ?.events[0]?.status,
    ).toBe("met");
    expect(
      run([at(0, "ed-visit-mental-illness"), at(8, "outpatient-visit-mental-health")], "fum-7")
        ?.events[0]?.status,
    ).toBe("missed");
    expect(
      run([at(0, "ed-visit-mental-illness"), at(30, "inpatient-admission")], "fum-30")?.events[0]
        ?.status,
    ).toBe("excluded");
    // An SUD ED visit is not FUM's index event.
    expect(run([at(0, "ed-visit-sud")], "fum-7")?.events).toEqual([]);
  });

  it("engagement counts treatments in date order, whatever their kinds", () => {
    // Initiated on day 3; then an outpatient visit on day 10, a telehealth visit on day 30 and a
    // medication on day 20: the second treatment by date is on day 20.
    const m = run(
      [
        at(0, "sud-episode-start"),
        at(3, "outpatient-visit-sud"),
        at(13, "outpatient-visit-sud"),
        at(33, "telehealth-visit-sud"),
        at(23, "sud-medication"),
      ],
      "iet-engagement",
    );
    expect(m?.events[0]).toMatchObject({ status: "met", metOn: addDays(day0, 23) });
  });

  it("says what is wrong with a definition list, word for word", () => {
    const fua = followUpDefinitions.find((d) => d.id === "fua-7");
    try {
      followUpMeasure(
        {},
        {
          asOf,
          timeZone: zone,
          definitions: [
            {
              ...fua,
              id: "a",
              anchor: "b",
              window: { fromDay: 5, toDay: 1 },
            } as FollowUpDefinition,
            { ...fua, id: "a" } as FollowUpDefinition,
          ],
        },
      );
      expect.unreachable();
    } catch (e) {
      expect((e as IopError).issues.map((i) => i.message)).toEqual([
        "the window ends before it starts",
        "anchor b is not a definition earlier in the list",
        "a second definition with id a",
      ]);
      expect((e as IopError).message.split("\n")[0]).toBe("followUpMeasure: 3 problems");
    }
    // A window of one day (from = to) is a window.
    const oneDay = { ...fua, id: "one", window: { fromDay: 2, toDay: 2 } } as FollowUpDefinition;
    expect(
      followUpMeasure(
        { encounters: [at(0, "ed-visit-sud"), at(2, "iop-visit")] },
        { asOf, timeZone: zone, definitions: [oneDay] },
      ).measures[0]?.met,
    ).toBe(1);
  });
});
