// The shape every analytics function shares: partial → merge → finish, accumulators, partials as
// JSON read back by parsePartial, and the errors of misuse (each naming its path).
import { describe, expect, it } from "vitest";
import { isIopError, type IopError } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  followUpDefinitions,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  type LengthOfStayPartial,
} from "iopkit/analytics";
import { canonicalJson, setKey } from "../../src/analytics/aggregate";
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

/** The one IopError `f` throws (its message and issues), failing when it throws anything else. */
const thrown = (f: () => unknown): IopError => {
  try {
    f();
  } catch (e) {
    if (isIopError(e)) return e;
    throw e;
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

describe("the shared machinery, stated exactly", () => {
  it("canonicalJson: keys sorted at every depth, undefined members left out, arrays kept in order", () => {
    expect(canonicalJson({ b: [2, { d: undefined, c: "x" }], a: null, e: undefined })).toBe(
      '{"a":null,"b":[2,{"c":"x"}]}',
    );
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson("s")).toBe('"s"');
    expect(canonicalJson(undefined)).toBe("none");
  });

  it("setKey: a __proto__ key is plain data that can be changed and removed like any other", () => {
    const record: Record<string, number> = {};
    setKey(record, "__proto__", 1);
    expect(Object.keys(record)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    setKey(record, "k", 1);
    record["k"] = 2;
    expect(record["k"]).toBe(2);
    delete record["k"];
    expect(Object.keys(record)).toEqual(["__proto__"]);
  });

  it("excluded counts are listed with their codes in sorted order", () => {
    const rows = [
      seat("p", "2026-05-04", "present"),
      { ...seat("p", "2026-03-02", "present"), start: "not an instant" },
    ];
    const p = attendanceRates.partial(
      { attendance: rows },
      { timeZone: zone, from: "2026-03-01", to: "2026-03-31" },
    );
    expect(Object.keys(p.excluded)).toEqual(["invalid-instant", "outside-window"]);
  });

  it("an unknown source is refused by name, even one an object inherits (toString)", () => {
    const acc = attendanceRates.accumulator({ timeZone: zone });
    for (const source of ["toString", "measures"]) {
      const e = thrown(() => acc.add(source as never, {}));
      expect(e.message.startsWith("attendanceRates.accumulator: 1 problem")).toBe(true);
      expect(e.issues).toEqual([
        {
          code: "unknown-source",
          path: ["source"],
          message: `attendanceRates reads attendance, not ${JSON.stringify(source)}`,
        },
      ]);
    }
  });

  it("the refusal lists every source the aggregate reads", () => {
    const acc = lengthOfStay.accumulator({});
    expect(thrown(() => acc.add("measures" as never, {})).issues[0]?.message).toBe(
      'lengthOfStay reads episodes, attendance, not "measures"',
    );
  });

  it("a differing option is quoted to its first 80 characters on each side", () => {
    const options = { asOf: "2026-03-02", timeZone: zone };
    const [first, second] = followUpDefinitions.filter((d) => d.anchor === undefined);
    if (first === undefined || second === undefined) throw new Error("two unanchored definitions");
    const a = followUpMeasure.partial({}, { ...options, definitions: [first] });
    const b = followUpMeasure.partial({}, { ...options, definitions: [second] });
    const message = thrown(() => followUpMeasure.merge(a, b)).issues[0]?.message ?? "";
    const quoted = /different definitions \((.*) and (.*)\): compute/.exec(message);
    expect(quoted?.[1]).toBe(canonicalJson([first]).slice(0, 80));
    expect(quoted?.[2]).toBe(canonicalJson([second]).slice(0, 80));
    expect(canonicalJson([first]).length).toBeGreaterThan(80);
  });

  it("merge refuses partials of another aggregate, and names differing options with both values", () => {
    const los = lengthOfStay.partial({}, { method: "plain" });
    const other = retentionCurve.partial({}, { asOf: "2026-03-02" });
    const e = thrown(() => lengthOfStay.merge(los, other as never));
    expect(e.message.startsWith("lengthOfStay.merge:")).toBe(true);
    expect(e.issues[0]).toEqual({
      code: "incompatible-partials",
      path: ["aggregate"],
      message: "cannot merge a lengthOfStay partial with a retentionCurve partial",
    });
    const teds = lengthOfStay.partial({}, { method: "teds", timeZone: zone });
    expect(thrown(() => lengthOfStay.merge(los, teds)).issues[0]?.message).toBe(
      'the partials were computed with different method ("plain" and "teds"): compute every partition with the same options',
    );
    // An option one partial leaves out is named too (it once threw a TypeError instead).
    expect(e.issues.find((i) => i.path[1] === "asOf")?.message).toBe(
      'the partials were computed with different asOf (none and "2026-03-02"): compute every partition with the same options',
    );
  });

  it("parsePartial names itself in its errors, reads a partial of an aggregate without state checks, and refuses null", () => {
    const mbc = measurementBasedCare.partial({}, { asOf: "2026-03-02" });
    expect(measurementBasedCare.parsePartial(JSON.parse(JSON.stringify(mbc)))).toEqual(mbc);
    const census = censusByPhase.partial({}, { program, from: "2026-03-02", to: "2026-03-15" });
    const bad = thrown(() =>
      censusByPhase.parsePartial({ ...census, state: { ...census.state, started: [1] } }),
    );
    expect(bad.message.startsWith("censusByPhase.parsePartial:")).toBe(true);
    const unsafe = thrown(() =>
      attendanceRates.parsePartial(JSON.parse('{"a":[{"__proto__":1}]}')),
    );
    expect(unsafe.message.startsWith("attendanceRates.parsePartial:")).toBe(true);
    expect(unsafe.issues).toEqual([
      {
        code: "unsafe-key",
        path: ["a", 0, "__proto__"],
        message: 'a "__proto__" key cannot be read back from JSON safely: rename that id',
      },
    ]);
    expect(issues(() => retentionCurve.parsePartial(null))).toEqual([["invalid-type", []]]);
  });
});
