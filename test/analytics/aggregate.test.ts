// The shape every analytics function shares: partial → merge → finish, accumulators, partials as
// JSON read back by parsePartial, and the errors of misuse (each naming its path).
import { describe, expect, it } from "vitest";
import { type IopError } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  retentionCurve,
  type LengthOfStayPartial,
} from "iopkit/analytics";
import { syntheticClinic } from "iopkit/testing";
import { episode, program, seat, zone } from "./fixtures";

const issues = (f: () => unknown): [string, (string | number)[]][] => {
  try {
    f();
  } catch (e) {
    return (e as IopError).issues.map((i) => [i.code, [...i.path]]);
  }
  throw new Error("did not throw");
};

const logs = [
  episode({
    participantId: "p-1",
    referred: "2026-02-20",
    start: "2026-03-02",
    discharge: { on: "2026-03-30", type: "not-completed", reason: "moved" },
  }),
];

describe("partial, merge, finish", () => {
  it("a partial is plain JSON: the same after a round trip, and finishes the same", () => {
    const p = lengthOfStay.partial({ episodes: logs }, { method: "plain" });
    const back = JSON.parse(JSON.stringify(p)) as LengthOfStayPartial;
    expect(back).toEqual(p);
    expect(lengthOfStay.finish(lengthOfStay.parsePartial(back))).toEqual(lengthOfStay.finish(p));
    expect(p).toMatchObject({ aggregate: "lengthOfStay", formatVersion: 1, excluded: {} });
  });

  it("merge leaves its inputs as they were", () => {
    const a = lengthOfStay.partial({ episodes: logs }, {});
    const b = lengthOfStay.partial({}, {});
    const before = JSON.stringify([a, b]);
    lengthOfStay.merge(a, b);
    expect(JSON.stringify([a, b])).toBe(before);
  });

  it("partials of different options do not merge: every differing option is named", () => {
    const a = lengthOfStay.partial({}, { method: "plain" });
    const b = lengthOfStay.partial(
      {},
      { method: "teds", timeZone: zone, dischargedTo: "2026-12-31" },
    );
    expect(issues(() => lengthOfStay.merge(a, b))).toEqual([
      ["incompatible-partials", ["options", "dischargedTo"]],
      ["incompatible-partials", ["options", "method"]],
      ["incompatible-partials", ["options", "timeZone"]],
    ]);
  });

  it("an accumulator reads rows one at a time, from sources the aggregate knows", () => {
    const acc = lengthOfStay.accumulator({ method: "teds", timeZone: zone });
    for (const log of logs) acc.add("episodes", log);
    acc.add("attendance", seat("p-1", "2026-03-20", "present"));
    const once = lengthOfStay.finish(acc.partial());
    expect(once.episodes[0]?.days).toBe(19);
    // Asking again after more rows continues from there.
    acc.add("attendance", seat("p-1", "2026-03-27", "present"));
    expect(lengthOfStay.finish(acc.partial()).episodes[0]?.days).toBe(26);
    expect(issues(() => acc.add("measures" as never, {}))).toEqual([
      ["unknown-source", ["source"]],
    ]);
  });

  it("accepts any iterable: a generator streams without an array", () => {
    const clinic = syntheticClinic({ seed: 3, episodes: 40 });
    const fromGenerator = attendanceRates(
      { attendance: clinic.attendance() },
      { timeZone: clinic.program.timeZone },
    );
    const fromArray = attendanceRates(
      { attendance: [...clinic.attendance()] },
      { timeZone: clinic.program.timeZone },
    );
    expect(fromGenerator).toEqual(fromArray);
    expect(fromGenerator.total.seats).toBeGreaterThan(0);
  });
});

describe("parsePartial", () => {
  it("names every problem of a partial that is not one", () => {
    expect(issues(() => retentionCurve.parsePartial({ aggregate: "census" }))).toEqual([
      ["invalid-value", ["aggregate"]],
      ["invalid-value", ["formatVersion"]],
      ["invalid-type", ["options"]],
      ["invalid-type", ["excluded"]],
      ["invalid-type", ["state"]],
    ]);
  });

  it("checks the state against its options: lengths, histograms, day sets, exclusion codes", () => {
    const census = censusByPhase.partial({}, { program, from: "2026-03-02", to: "2026-03-15" });
    expect(
      issues(() =>
        censusByPhase.parsePartial({ ...census, state: { ...census.state, started: [1] } }),
      ),
    ).toEqual([["wrong-length", ["state", "started"]]]);
    const r = retentionCurve.partial({}, { asOf: "2026-03-02" });
    expect(
      issues(() =>
        retentionCurve.parsePartial({
          ...r,
          state: {
            ...r.state,
            events: [
              [5, 1],
              [3, 1],
            ],
          },
        }),
      ),
    ).toEqual([["invalid-histogram", ["state", "events"]]]);
    const los = lengthOfStay.partial({}, { method: "teds", timeZone: zone });
    expect(
      issues(() =>
        lengthOfStay.parsePartial({ ...los, state: { ...los.state, attended: [["p", [0, 0]]] } }),
      ),
    ).toEqual([["invalid-day-set", ["state", "attended", 0, 1]]]);
    const unsorted = [
      ["q", [0, 1]],
      ["p", [0, 1]],
    ];
    expect(
      issues(() =>
        lengthOfStay.parsePartial({ ...los, state: { ...los.state, attended: unsorted } }),
      ),
    ).toEqual([["unsorted-keys", ["state", "attended"]]]);
    expect(issues(() => lengthOfStay.parsePartial({ ...los, excluded: { lost: 1 } }))).toEqual([
      ["unknown-exclusion", ["excluded"]],
    ]);
  });

  it("an id `__proto__` is data: it survives JSON and parsePartial", () => {
    const rows = [seat("__proto__", "2026-03-02", "present"), seat("p", "2026-03-02", "present")];
    const rates = attendanceRates.partial({ attendance: rows }, { timeZone: zone });
    const back = attendanceRates.parsePartial(JSON.parse(JSON.stringify(rates)));
    expect(back).toEqual(rates);
    expect(attendanceRates.finish(back).byParticipant.map((r) => r.key)).toEqual([
      "__proto__",
      "p",
    ]);
  });

  it("a `__proto__` key in an object of a partial is refused, not dropped", () => {
    const f = followUpMeasure.partial({}, { asOf: "2026-03-02", timeZone: zone });
    const text = JSON.stringify({ ...f, state: { ...f.state, encounters: [["p", { x: [] }]] } });
    expect(
      issues(() => followUpMeasure.parsePartial(JSON.parse(text.replace('"x"', '"__proto__"')))),
    ).toEqual([["unsafe-key", ["state", "encounters", 0, 1, "__proto__"]]]);
  });
});

describe("rows not used are counted", () => {
  it("a log that does not start with its referral is counted, not dropped", () => {
    const [log] = logs;
    const headless = (log ?? []).slice(1);
    expect(lengthOfStay({ episodes: [headless] }, {}).excluded).toEqual({ "no-referral": 1 });
    expect(retentionCurve({ episodes: [headless] }, { asOf: "2026-04-01" }).excluded).toEqual({
      "no-referral": 1,
    });
    expect(
      followUpMeasure({ episodes: [headless] }, { asOf: "2026-04-01", timeZone: zone }).excluded,
    ).toEqual({ "no-referral": 1 });
  });
});
