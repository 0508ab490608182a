// analyticsJob: several aggregates over one pass. Its partials must be exactly the aggregates'
// own (whatever the members, the order of the rows and the sources interleaved), so they merge
// with partials made either way; bad options are reported together, each under its aggregate.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, IopError } from "iopkit";
import {
  analyticsJob,
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  tedsDischarge,
  type AnalyticsJobOptions,
  type JobSource,
} from "iopkit/analytics";
import { analyticsData, type AnalyticsData } from "iopkit/testing";
import { episode, program, seat, zone } from "./fixtures";

const aggregates = {
  censusByPhase,
  lengthOfStay,
  retentionCurve,
  attendanceRates,
  measurementBasedCare,
  tedsDischarge,
  followUpMeasure,
} as const;

/** Options for every aggregate over a generated dataset (the TEDS method, so LOS reads attendance). */
function allOptions(d: AnalyticsData): Required<AnalyticsJobOptions> {
  return {
    censusByPhase: { program: d.program, from: "2026-01-05", to: d.asOf },
    lengthOfStay: { method: "teds", timeZone: d.program.timeZone },
    retentionCurve: { asOf: d.asOf },
    attendanceRates: { timeZone: d.program.timeZone },
    measurementBasedCare: {
      asOf: d.asOf,
      schedule: [{ instrument: "phq-9", everyDays: 14, graceDays: 7 }],
    },
    tedsDischarge: { program: d.program },
    followUpMeasure: { asOf: d.asOf, timeZone: d.program.timeZone },
  };
}

/** Every row of the dataset with its source, shuffled (sources interleaved). */
function rowsOf(d: AnalyticsData, seed: number): [JobSource, unknown][] {
  const rows: [JobSource, unknown][] = [
    ...d.episodes.map((r): [JobSource, unknown] => ["episodes", r]),
    ...d.attendance.map((r): [JobSource, unknown] => ["attendance", r]),
    ...d.measures.map((r): [JobSource, unknown] => ["measures", r]),
    ...d.encounters.map((r): [JobSource, unknown] => ["encounters", r]),
    ...d.profiles.map((r): [JobSource, unknown] => ["profiles", r]),
  ];
  return createRng(seed).shuffle(rows);
}

/** Adds rows to an accumulator-like object, the source's rows typed loosely (tests only). */
function feed(
  target: { add: (source: never, row: never) => void },
  rows: readonly [JobSource, unknown][],
): void {
  for (const [source, row] of rows) (target.add as (s: string, r: unknown) => void)(source, row);
}

describe("analyticsJob gives each aggregate's own partial", () => {
  it("for any subset of the aggregates, any row order, sources interleaved", () => {
    fc.assert(
      fc.property(
        analyticsData({ maxEpisodes: 12 }),
        fc.subarray(Object.keys(aggregates) as (keyof typeof aggregates)[], { minLength: 1 }),
        fc.integer(),
        (d, members, seed) => {
          const all = allOptions(d);
          const options = Object.fromEntries(members.map((m) => [m, all[m]]));
          const job = analyticsJob(options);
          const read = new Set(members.flatMap((m) => sourcesOf(m)));
          const rows = rowsOf(d, seed).filter(([s]) => read.has(s));
          feed(job, rows);
          const partials = job.partials() as Record<string, unknown>;
          const reports = job.reports() as Record<string, unknown>;
          expect(Object.keys(partials).sort()).toEqual([...members].sort());
          for (const m of members) {
            const acc = aggregates[m].accumulator(all[m] as never);
            const mine = new Set(sourcesOf(m));
            feed(
              acc,
              rows.filter(([s]) => mine.has(s)),
            );
            const own = acc.partial();
            expect(partials[m]).toEqual(own);
            expect(reports[m]).toEqual((aggregates[m].finish as (p: unknown) => unknown)(own));
          }
        },
      ),
    );
  });

  it("after more rows, a second partials() counts them (the shared attended days are not stale)", () => {
    const job = analyticsJob({
      lengthOfStay: { method: "teds", timeZone: zone },
      followUpMeasure: { asOf: "2026-06-30", timeZone: zone },
    });
    job.add("attendance", seat("p1", "2026-03-02", "present"));
    const before = job.partials();
    job.add("attendance", seat("p1", "2026-03-04", "late"));
    job.add("attendance", seat("p2", "2026-03-04", "present"));
    const after = job.partials();
    expect(before.lengthOfStay.state.attended).toHaveLength(1);
    expect(after.lengthOfStay.state.attended.map(([id]) => id)).toEqual(["p1", "p2"]);
    expect(after.followUpMeasure.state.attended).toEqual(after.lengthOfStay.state.attended);
    const alone = lengthOfStay.accumulator({ method: "teds", timeZone: zone });
    for (const [d, s] of [
      ["2026-03-02", "present"],
      ["2026-03-04", "late"],
    ] as const)
      alone.add("attendance", seat("p1", d, s));
    alone.add("attendance", seat("p2", "2026-03-04", "present"));
    expect(after.lengthOfStay).toEqual(alone.partial());
  });

  it("reads an episode's steps with each aggregate's own phase list (steps that name no phase)", () => {
    const log = episode({
      participantId: "p1",
      referred: "2026-02-20",
      start: "2026-02-27",
      stepDowns: ["2026-03-20", "2026-04-03"],
      discharge: { on: "2026-04-20", type: "not-completed", reason: "client-decision" },
    });
    expect(log.some((e) => e.kind === "stepped-down" && e.toPhaseId === undefined)).toBe(true);
    const options = {
      lengthOfStay: { method: "plain" },
      censusByPhase: { program, from: "2026-02-23", to: "2026-04-26", interval: "week" },
      tedsDischarge: { program },
    } as const;
    const job = analyticsJob(options);
    job.add("episodes", log);
    const p = job.partials();
    expect(p.censusByPhase).toEqual(
      censusByPhase.partial({ episodes: [log] }, options.censusByPhase),
    );
    expect(p.tedsDischarge).toEqual(
      tedsDischarge.partial({ episodes: [log] }, options.tedsDischarge),
    );
    expect(p.lengthOfStay).toEqual(lengthOfStay.partial({ episodes: [log] }, options.lengthOfStay));
    // Resolved through the program's phases, the steps reach the outpatient transition phase:
    // TEDS-D SERVICES_D 7 (ambulatory, non-intensive outpatient), SERVICES 6 (intensive outpatient).
    const record = tedsDischarge.finish(p.tedsDischarge).records[0];
    expect([record?.fields.SERVICES, record?.fields.SERVICES_D]).toEqual([6, 7]);
    // Length of stay (no phase list) reads the log before TEDS (the program's) does: TEDS still
    // gets the steps resolved through its own list.
    const later = analyticsJob({
      lengthOfStay: options.lengthOfStay,
      tedsDischarge: options.tedsDischarge,
    });
    later.add("episodes", log);
    const teds = tedsDischarge.finish(later.partials().tedsDischarge).records[0];
    expect([teds?.fields.SERVICES, teds?.fields.SERVICES_D]).toEqual([6, 7]);
  });

  it("the same row added twice is read twice (rows are numbered by the job, not by identity)", () => {
    const job = analyticsJob({ attendanceRates: { timeZone: zone }, tedsDischarge: { program } });
    const row = seat("p1", "2026-03-02", "present");
    job.add("attendance", row);
    job.add("attendance", row);
    expect(job.reports().attendanceRates.total.seats).toBe(2);
  });

  it("counts a row whose start is not an instant against every aggregate that reads it", () => {
    const job = analyticsJob({
      attendanceRates: { timeZone: zone },
      lengthOfStay: { method: "teds", timeZone: zone },
      tedsDischarge: { program },
      followUpMeasure: { asOf: "2026-06-30", timeZone: zone },
      retentionCurve: { asOf: "2026-06-30" },
    });
    job.add("attendance", { ...seat("p1", "2026-03-02", "present"), start: "Monday 9am" });
    // Not attended: only attendance rates reads its day (the others read attended days only).
    job.add("attendance", { ...seat("p1", "2026-03-02", "absent-excused"), start: "Monday" });
    job.add(
      "episodes",
      episode({ participantId: "p1", referred: "2026-02-20", start: "2026-02-27" }),
    );
    const p = job.partials();
    expect(p.attendanceRates.excluded).toEqual({ "invalid-instant": 2 });
    expect(p.lengthOfStay.excluded).toEqual({ "invalid-instant": 1, "not-discharged": 1 });
    expect(p.tedsDischarge.excluded).toEqual({ "invalid-instant": 1, "not-discharged": 1 });
    expect(p.followUpMeasure.excluded).toEqual({ "invalid-instant": 1 });
    expect(p.retentionCurve.excluded).toEqual({});
  });

  it("hands each row only to the aggregates that read its source", () => {
    const job = analyticsJob({
      retentionCurve: { asOf: "2026-06-30" },
      attendanceRates: { timeZone: zone },
    });
    job.add(
      "episodes",
      episode({ participantId: "p1", referred: "2026-02-20", start: "2026-02-27" }),
    );
    job.add("attendance", seat("p1", "2026-03-02", "present"));
    const r = job.reports();
    expect(r.retentionCurve.episodes).toBe(1);
    expect(r.attendanceRates.total.seats).toBe(1);
  });
});

describe("analyticsJob refuses what it cannot read", () => {
  const caught = (f: () => unknown): IopError => {
    try {
      f();
    } catch (error) {
      if (error instanceof IopError) return error;
      throw error;
    }
    throw new Error("no IopError");
  };

  it("names every bad option at once, each under its aggregate's name", () => {
    const e = caught(() =>
      analyticsJob({
        lengthOfStay: { method: "by-feel" as never },
        attendanceRates: { timeZone: "Mars/Olympus" },
        retentionCurve: { asOf: "2026-06-30" },
      }),
    );
    expect(e.message).toMatch(/^analyticsJob: 2 problems/);
    expect(e.issues.map((i) => i.path)).toEqual([
      ["lengthOfStay", "method"],
      ["attendanceRates", "timeZone"],
    ]);
  });

  it("an aggregate iopkit does not have is an unrecognized key; options that are not an object are refused", () => {
    const e = caught(() => analyticsJob({ medianLengthOfStay: {} } as never));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ["unrecognized-keys", ["medianLengthOfStay"]],
    ]);
    expect(caught(() => analyticsJob(null as never)).message).toMatch(/^analyticsJob: 1 problem/);
  });

  it("a source none of its aggregates reads is an unknown source, naming what they read", () => {
    const job = analyticsJob({ retentionCurve: { asOf: "2026-06-30" } });
    const e = caught(() => job.add("attendance", seat("p1", "2026-03-02", "present")));
    expect(e.message).toMatch(/^analyticsJob\.add: 1 problem/);
    expect(e.issues).toEqual([
      {
        code: "unknown-source",
        path: ["source"],
        message: 'this job\'s aggregates read episodes, not "attendance"',
      },
    ]);
    expect(caught(() => analyticsJob({}).add("episodes", [])).issues[0]?.message).toBe(
      'this job\'s aggregates read nothing, not "episodes"',
    );
  });

  it("does not change the options it was given", () => {
    const options = Object.freeze({
      lengthOfStay: Object.freeze({ method: "teds" as const, timeZone: zone }),
    });
    const job = analyticsJob(options);
    job.add("attendance", seat("p1", "2026-03-02", "present"));
    expect(job.partials().lengthOfStay.options).toEqual({
      method: "teds",
      timeZone: zone,
      dischargedFrom: null,
      dischargedTo: null,
    });
  });
});

/** The sources an aggregate reads. */
function sourcesOf(name: keyof typeof aggregates): JobSource[] {
  const by: Record<keyof typeof aggregates, JobSource[]> = {
    censusByPhase: ["episodes"],
    lengthOfStay: ["episodes", "attendance"],
    retentionCurve: ["episodes"],
    attendanceRates: ["attendance"],
    measurementBasedCare: ["measures", "episodes"],
    tedsDischarge: ["episodes", "attendance", "profiles"],
    followUpMeasure: ["encounters", "episodes", "attendance"],
  };
  return by[name];
}
