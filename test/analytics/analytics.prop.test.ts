// Laws of the analytics part over generated clinics (iopkit/testing's analyticsData):
// every aggregate's merge over a random partition, in random order and through JSON, equals the
// single pass; Kaplan–Meier without censoring is the empirical curve; the daily census is starts
// minus discharges; the TEDS and plain lengths of stay differ exactly by their definitions; TEDS
// records list exactly their missing fields.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng, daysBetween, replayEpisode } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  kaplanMeier,
  lengthOfStay,
  measurementBasedCare,
  retentionCurve,
  TEDS_MISSING,
  tedsDischarge,
  type Aggregate,
  type HistogramJson,
} from "iopkit/analytics";
import { analyticsData, type AnalyticsData } from "iopkit/testing";

const data = analyticsData({ maxEpisodes: 14 });

/** Each row to one of `parts` partitions, by a seeded draw. */
function partition<T>(rows: readonly T[], parts: number, seed: number): T[][] {
  const rng = createRng(seed);
  const out: T[][] = Array.from({ length: parts }, () => []);
  for (const row of rows) out[rng.int(0, parts - 1)]?.push(row);
  return out;
}

type AnySources = Record<string, readonly unknown[] | undefined>;

/**
 * merge(partial(part₁), …, partial(partₖ)) in a shuffled order, every partial sent through JSON
 * and `parsePartial`, equals the one call over all rows.
 */
function mergeEqualsWhole<S extends object, O, P, R>(
  aggregate: Aggregate<S, O, P, R>,
  sources: AnySources,
  options: O,
  parts: number,
  seed: number,
): void {
  const whole = aggregate(sources as S, options);
  const split = Object.entries(sources).map(
    ([key, rows]) => [key, partition(rows ?? [], parts, seed + key.length)] as const,
  );
  const partials = Array.from({ length: parts }, (_, i) =>
    aggregate.partial(
      Object.fromEntries(split.map(([key, byPart]) => [key, byPart[i] ?? []])) as S,
      options,
    ),
  );
  const order = createRng(seed).shuffle(partials.map((_, i) => i));
  const shipped = order.map((i) =>
    aggregate.parsePartial(JSON.parse(JSON.stringify(partials[i])) as unknown),
  );
  const [first, ...rest] = shipped;
  if (first === undefined) throw new Error("no partial");
  const merged = aggregate.finish(aggregate.merge(first, ...rest));
  expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
  // And grouping does not matter: ((a·b)·c) = (a·(b·c)).
  if (shipped.length >= 3) {
    const [a, b, ...c] = shipped as [P, P, ...P[]];
    const right = aggregate.merge(a, aggregate.merge(b, ...c));
    expect(JSON.stringify(aggregate.finish(right))).toBe(JSON.stringify(whole));
  }
}

const split = fc.record({ parts: fc.integer({ min: 1, max: 4 }), seed: fc.integer() });

describe("merge(partition(x)) = whole(x) for every aggregate", () => {
  const from = "2026-01-05";
  const cases: [string, (d: AnalyticsData, parts: number, seed: number) => void][] = [
    [
      "censusByPhase (weeks and days)",
      (d, parts, seed) => {
        for (const interval of ["week", "day"] as const)
          mergeEqualsWhole(
            censusByPhase,
            { episodes: d.episodes },
            { program: d.program, from, to: d.asOf, interval },
            parts,
            seed,
          );
      },
    ],
    [
      "lengthOfStay (plain and TEDS)",
      (d, parts, seed) => {
        mergeEqualsWhole(lengthOfStay, { episodes: d.episodes }, { method: "plain" }, parts, seed);
        mergeEqualsWhole(
          lengthOfStay,
          { episodes: d.episodes, attendance: d.attendance },
          { method: "teds", timeZone: d.program.timeZone },
          parts,
          seed,
        );
      },
    ],
    [
      "retentionCurve",
      (d, parts, seed) =>
        mergeEqualsWhole(retentionCurve, { episodes: d.episodes }, { asOf: d.asOf }, parts, seed),
    ],
    [
      "attendanceRates",
      (d, parts, seed) =>
        mergeEqualsWhole(
          attendanceRates,
          { attendance: d.attendance },
          { timeZone: d.program.timeZone },
          parts,
          seed,
        ),
    ],
    [
      "measurementBasedCare",
      (d, parts, seed) =>
        mergeEqualsWhole(
          measurementBasedCare,
          { measures: d.measures, episodes: d.episodes },
          { asOf: d.asOf, schedule: [{ instrument: "phq-9", everyDays: 14, graceDays: 3 }] },
          parts,
          seed,
        ),
    ],
    [
      "tedsDischarge",
      (d, parts, seed) =>
        mergeEqualsWhole(
          tedsDischarge,
          { episodes: d.episodes, attendance: d.attendance, profiles: d.profiles },
          { program: d.program },
          parts,
          seed,
        ),
    ],
    [
      "followUpMeasure",
      (d, parts, seed) =>
        mergeEqualsWhole(
          followUpMeasure,
          { encounters: d.encounters, episodes: d.episodes, attendance: d.attendance },
          { asOf: d.asOf, timeZone: d.program.timeZone },
          parts,
          seed,
        ),
    ],
  ];
  it.each(cases)("%s", (_name, law) => {
    fc.assert(
      fc.property(data, split, (d, { parts, seed }) => law(d, parts, seed)),
      {
        numRuns: 40,
      },
    );
  });
});

describe("Kaplan–Meier", () => {
  const times = fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 60 });
  const histogram = (xs: readonly number[]): HistogramJson => {
    const h = new Map<number, number>();
    for (const x of xs) h.set(x, (h.get(x) ?? 0) + 1);
    return [...h].sort((a, b) => a[0] - b[0]);
  };

  it("without censoring equals the empirical survival: Ŝ(t) = #{T > t} / n", () => {
    fc.assert(
      fc.property(times, (ts) => {
        const fit = kaplanMeier(histogram(ts), [], {
          level: 0.95,
          transform: "log-log",
          at: [0, 30, 60, 90],
        });
        for (const step of fit.steps)
          expect(step.survival).toBeCloseTo(ts.filter((t) => t > step.day).length / ts.length, 12);
        for (const a of fit.at)
          expect(a.survival).toBeCloseTo(ts.filter((t) => t > a.day).length / ts.length, 12);
      }),
    );
  });

  it("is non-increasing, in [0, 1], with bounds around it and numbers at risk that only fall", () => {
    fc.assert(
      fc.property(times, times, (events, censored) => {
        const fit = kaplanMeier(histogram(events), histogram(censored), {
          level: 0.9,
          transform: "log-log",
          at: [],
        });
        let previous = 1;
        let risk = Number.POSITIVE_INFINITY;
        for (const s of fit.steps) {
          expect(s.survival).toBeLessThanOrEqual(previous);
          expect(s.atRisk).toBeLessThanOrEqual(risk);
          if (s.lower !== null) expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
          if (s.upper !== null) expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
          previous = s.survival;
          risk = s.atRisk;
        }
        expect(fit.subjects).toBe(events.length + censored.length);
      }),
    );
  });

  it("retentionCurve of discharged episodes is the empirical curve of their stays", () => {
    fc.assert(
      fc.property(data, (d) => {
        const closed = d.episodes.filter((log) => log.some((e) => e.kind === "discharged"));
        const report = retentionCurve({ episodes: closed }, { asOf: "2099-12-31" });
        expect(report.censored).toBe(0);
        const stays = closed.flatMap((log) => {
          const start = log.find((e) => e.kind === "phase-started")?.on;
          const end = log.find((e) => e.kind === "discharged")?.on;
          return start === undefined || end === undefined ? [] : [daysBetween(start, end)];
        });
        for (const step of report.curve)
          expect(step.survival).toBeCloseTo(
            stays.filter((t) => t > step.day).length / stays.length,
            12,
          );
      }),
      { numRuns: 40 },
    );
  });
});

describe("census", () => {
  it("in treatment on each day = started up to it − discharged up to it", () => {
    fc.assert(
      fc.property(data, (d) => {
        const c = censusByPhase(
          { episodes: d.episodes },
          {
            program: d.program,
            from: "2026-02-01",
            to: d.asOf > "2026-02-01" ? d.asOf : "2026-02-28",
            interval: "day",
          },
        );
        let started = c.startedBefore;
        let discharged = c.dischargedBefore;
        for (const p of c.periods) {
          started += p.started;
          discharged += p.discharged;
          expect(p.inTreatment, p.label).toBe(started - discharged);
          expect(Object.values(p.byPhase).reduce((a, b) => a + b, 0)).toBe(p.inTreatment);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe("length of stay", () => {
  it("TEDS days − plain days = 1 − (discharge − last contact), last contact = discharge when unknown", () => {
    fc.assert(
      fc.property(data, (d) => {
        const plain = lengthOfStay({ episodes: d.episodes }, { method: "plain" });
        const teds = lengthOfStay(
          { episodes: d.episodes, attendance: d.attendance },
          { method: "teds", timeZone: d.program.timeZone },
        );
        expect(teds.episodes.map((e) => e.episodeKey)).toEqual(
          plain.episodes.map((e) => e.episodeKey),
        );
        teds.episodes.forEach((t, i) => {
          const p = plain.episodes[i];
          if (p === undefined) throw new Error("missing");
          const gap = t.lastContactOn === null ? 0 : daysBetween(t.lastContactOn, t.dischargedOn);
          expect(t.days - p.days).toBe(1 - gap);
          expect(t.days).toBeGreaterThanOrEqual(1);
        });
        expect(teds.lastContactUnknown).toBe(
          teds.episodes.filter((e) => e.lastContactOn === null).length,
        );
      }),
      { numRuns: 60 },
    );
  });
});

describe("TEDS discharge records", () => {
  // The TEDS-D codebook's fields in the order the report lists them.
  const order = [
    "REASON",
    "LOS",
    "SERVICES",
    "SERVICES_D",
    "DAYWAIT",
    "PSOURCE",
    "FREQ1",
    "FREQ1_D",
    "EMPLOY",
    "EMPLOY_D",
    "LIVARAG",
    "LIVARAG_D",
    "FREQ_ATND_SELF_HELP",
    "FREQ_ATND_SELF_HELP_D",
  ] as const;
  // Profiles naming no episode, with keys before, between and after the episodes' keys.
  const orphanKeys = fc.uniqueArray(
    fc.oneof(fc.constant("!"), fc.constant("~"), fc.string({ minLength: 1, maxLength: 4 })),
    { maxLength: 4 },
  );

  it("list exactly the fields at -9, in the codebook's order; counts and orphan profiles add up", () => {
    fc.assert(
      fc.property(data, orphanKeys, (d, extra) => {
        const keys = new Set(d.profiles.map((p) => p.episodeKey));
        const orphans = extra
          .flatMap((k) => [k, `${d.profiles[0]?.episodeKey ?? ""}${k}`])
          .filter((k) => !keys.has(k));
        const r = tedsDischarge(
          {
            episodes: d.episodes,
            attendance: d.attendance,
            profiles: [
              ...d.profiles,
              ...[...new Set(orphans)].map((episodeKey) => ({ episodeKey })),
            ],
          },
          { program: d.program },
        );
        for (const record of r.records) {
          expect(Object.keys(record.fields)).toEqual(order);
          expect(record.missing).toEqual(order.filter((f) => record.fields[f] === TEDS_MISSING));
        }
        for (const f of order)
          expect(r.missingCounts[f]).toBe(r.records.filter((x) => x.missing.includes(f)).length);
        const recorded = new Set(r.records.map((x) => x.episodeKey));
        const unmatched = [...d.profiles.map((p) => p.episodeKey), ...new Set(orphans)].filter(
          (k) => !recorded.has(k),
        ).length;
        expect(r.excluded["profile-without-episode"]).toBe(unmatched === 0 ? undefined : unmatched);
      }),
      { numRuns: 60 },
    );
  });
});

describe("the generated clinics", () => {
  it("every episode log replays; every row belongs to a participant with an episode", () => {
    fc.assert(
      fc.property(data, (d) => {
        for (const log of d.episodes) {
          const r = replayEpisode(log, d.program);
          expect(r.ok, r.ok ? "" : `${r.index}: ${r.error.message}`).toBe(true);
        }
        const people = new Set(
          d.episodes.map((l) => (l[0]?.kind === "referred" ? l[0].participantId : "")),
        );
        for (const r of d.attendance) expect(people.has(r.participantId as never)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
