// Laws of scoring, for every instrument, over answers generated from the instrument data:
// totals stay in range and equal the item points (with reverse scoring); bands partition the range
// and are monotone in the total; bad answers give one IopError naming each bad item and nothing
// else; inputs are never mutated; results survive JSON and their schema.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IopError } from "iopkit";
import {
  MeasureChange,
  MeasureScore,
  instruments,
  measureChange,
  scoreMeasure,
  type Answer,
  type BandDefinition,
  type InstrumentId,
  type ItemDefinition,
  type MeasureScore as Score,
} from "iopkit/measures";

const ids = Object.keys(instruments) as InstrumentId[];
const options = { sex: "female", licence: "non-commercial" } as const;
const score = (id: InstrumentId, answers: readonly unknown[], opts: object = options): Score =>
  (scoreMeasure as (i: InstrumentId, a: unknown, o: unknown) => Score)(id, answers, opts);

const values = (item: ItemDefinition): number[] =>
  item.response.kind === "yes-no" ? [] : item.response.options.map((o) => o.value);

/** A valid answer for one item (skips handled by `validAnswers`). */
function answerArb(item: ItemDefinition): fc.Arbitrary<Answer> {
  const r = item.response;
  switch (r.kind) {
    case "yes-no":
      return fc.boolean();
    case "options":
      return fc.constantFrom(...values(item));
    case "substance-days":
      return fc.record(
        {
          marijuana: fc.constantFrom(...values(item)),
          sedatives: fc.constantFrom(...values(item)),
          cocaine: fc.constantFrom(...values(item)),
          stimulants: fc.constantFrom(...values(item)),
          opioids: fc.constantFrom(...values(item)),
          inhalants: fc.constantFrom(...values(item)),
          other: fc.constantFrom(...values(item)),
        },
        { requiredKeys: [] },
      );
  }
}

/** Valid answers for an instrument, with skippable items sometimes `null` when allowed. */
function validAnswers(id: InstrumentId): fc.Arbitrary<Answer[]> {
  const def = instruments[id];
  return fc
    .tuple(
      fc.tuple(...def.items.map(answerArb)),
      fc.array(fc.boolean(), { minLength: def.itemCount, maxLength: def.itemCount }),
    )
    .map(([answers, skip]) =>
      answers.map((a, i) => {
        const rule = def.items[i]?.skipWhen;
        return rule !== undefined && answers[rule.item - 1] === rule.equals && skip[i] === true
          ? null
          : a;
      }),
    );
}

const anyValid = fc
  .constantFrom(...ids)
  .chain((id) => validAnswers(id).map((answers) => ({ id, answers })));

/** Item points computed here, independently of the library: reverse scoring from the data. */
function expectedPoints(item: ItemDefinition, answer: Answer): number | null {
  if (item.response.kind === "substance-days") return null;
  if (answer === null) return 0;
  if (typeof answer === "boolean") return (item.reverse ? !answer : answer) ? 1 : 0;
  if (typeof answer !== "number") return Number.NaN;
  const v = values(item);
  return item.reverse ? Math.max(...v) + Math.min(...v) - answer : answer;
}

/** Every band set of every instrument, with the range it must partition. */
function bandSets(): {
  name: string;
  min: number;
  max: number;
  bands: readonly BandDefinition[];
  higherIsBetter: boolean;
}[] {
  return ids.flatMap((id) => {
    const s = instruments[id].scoring;
    switch (s.kind) {
      case "sum":
        return [{ name: id, min: s.min, max: s.max, bands: s.bands, higherIsBetter: false }];
      case "sum-by-sex":
        return (["female", "male"] as const).map((sex) => ({
          name: `${id} ${sex}`,
          min: s.min,
          max: s.max,
          bands: s.bands[sex],
          higherIsBetter: false,
        }));
      case "composites":
        return s.composites.map((c) => ({
          name: `${id} ${c.id}`,
          min: c.min,
          max: c.max,
          bands: c.bands,
          higherIsBetter: c.higherIsBetter,
        }));
    }
  });
}

describe("measures: laws", () => {
  it("for any valid answers, each item's points follow the data (with reverse scoring) and the total is their sum, in range", () => {
    fc.assert(
      fc.property(anyValid, ({ id, answers }) => {
        const def = instruments[id];
        const s = score(id, answers);
        expect(s.itemScores).toEqual(
          def.items.map((item, i) => expectedPoints(item, answers[i] ?? null)),
        );
        const points = (n: number): number => s.itemScores[n - 1] ?? 0;
        if (s.instrument === "bam") {
          if (def.scoring.kind !== "composites") throw new Error("BAM has composites");
          for (const c of def.scoring.composites) {
            const got = s.composites[c.id];
            expect(got.score).toBe(c.items.reduce((sum, n) => sum + points(n), 0));
            expect(got.score).toBeGreaterThanOrEqual(c.min);
            expect(got.score).toBeLessThanOrEqual(c.max);
            expect(got.band.min <= got.score && got.score <= got.band.max).toBe(true);
          }
        } else {
          if (def.scoring.kind === "composites") throw new Error("summed instrument");
          expect(s.total).toBe(
            def.items.reduce((sum, item) => sum + (item.scored ? points(item.number) : 0), 0),
          );
          expect(s.total).toBeGreaterThanOrEqual(def.scoring.min);
          expect(s.total).toBeLessThanOrEqual(def.scoring.max);
          expect(s.band.min <= s.total && s.total <= s.band.max).toBe(true);
        }
      }),
    );
  });

  it("bands partition each range with no gap or overlap, in increasing order", () => {
    for (const set of bandSets()) {
      const bands = set.bands;
      expect(bands[0]?.min, set.name).toBe(set.min);
      expect(bands[bands.length - 1]?.max, set.name).toBe(set.max);
      bands.forEach((b, i) => {
        expect(b.min, set.name).toBeLessThanOrEqual(b.max);
        if (i > 0) expect(b.min, set.name).toBe((bands[i - 1]?.max ?? Number.NaN) + 1);
      });
      expect(new Set(bands.map((b) => b.id)).size).toBe(bands.length);
    }
  });

  it("bands are monotone in the total: a higher total never gets a lower band", () => {
    const summed = ids.filter((id) => instruments[id].scoring.kind !== "composites");
    const pair = fc
      .constantFrom(...summed)
      .chain((id) =>
        fc.tuple(
          fc.constant(id),
          validAnswers(id),
          validAnswers(id),
          fc.constantFrom("female", "male"),
        ),
      );
    fc.assert(
      fc.property(pair, ([id, a, b, sex]) => {
        const x = score(id, a, { ...options, sex });
        const y = score(id, b, { ...options, sex });
        if (x.instrument === "bam" || y.instrument === "bam") throw new Error("summed instrument");
        if (x.total < y.total) expect(x.band.min).toBeLessThanOrEqual(y.band.min);
        if (x.total === y.total) expect(x.band).toEqual(y.band);
      }),
    );
  });

  it("invalid answers give one IopError naming each bad item, and never another exception", () => {
    const badValue = fc.oneof(
      fc.integer({ min: 5, max: 1_000 }),
      fc.integer({ min: -1_000, max: -1 }),
      fc.double({ min: 0.01, max: 0.99, noNaN: true }).map((d) => 1 + d),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, "1", "yes", [], {}, undefined),
    );
    const broken = fc.constantFrom(...ids).chain((id) =>
      fc.tuple(
        fc.constant(id),
        validAnswers(id),
        fc.uniqueArray(fc.integer({ min: 0, max: instruments[id].itemCount - 1 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(badValue, { minLength: 4, maxLength: 4 }),
      ),
    );
    fc.assert(
      fc.property(broken, ([id, answers, at, bad]) => {
        const input: unknown[] = [...answers];
        at.forEach((i, k) => {
          // BAM item 7 takes an object, so {} is valid there: break it with a list instead.
          const value = bad[k];
          input[i] =
            id === "bam" && i === 6 && typeof value === "object" && value !== null ? [] : value;
        });
        let error: unknown;
        try {
          score(id, input);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(IopError);
        const paths = (error as IopError).issues.map((i) => JSON.stringify(i.path.slice(0, 2)));
        for (const i of at) expect(paths).toContain(JSON.stringify(["answers", i]));
        for (const p of paths) expect(p.startsWith('["answers"')).toBe(true);
      }),
    );
  });

  it("wrong-length lists and non-lists give an IopError at the list, never another exception", () => {
    const wrong = fc.constantFrom(...ids).chain((id) =>
      fc.tuple(
        fc.constant(id),
        fc.oneof(
          validAnswers(id).chain((a) =>
            fc.integer({ min: 0, max: a.length - 1 }).map((n) => a.slice(0, n)),
          ),
          validAnswers(id).chain((a) =>
            fc
              .array(fc.constant(0), { minLength: 1, maxLength: 5 })
              .map((extra) => [...a, ...extra]),
          ),
          fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.object()),
        ),
      ),
    );
    fc.assert(
      fc.property(wrong, ([id, answers]) => {
        expect(() => score(id, answers as unknown[])).toThrow(IopError);
      }),
    );
  });

  it("scoring never mutates its input, and results survive JSON and their schema", () => {
    fc.assert(
      fc.property(
        anyValid,
        fc.option(fc.constantFrom("2026-03-09", "2024-02-29"), { nil: undefined }),
        ({ id, answers }, date) => {
          const before = structuredClone(answers);
          const opts = date === undefined ? options : { ...options, administeredOn: date };
          const frozen = Object.freeze(
            answers.map((a) => (typeof a === "object" && a !== null ? Object.freeze(a) : a)),
          );
          const s = score(id, frozen, opts);
          expect(answers).toEqual(before);
          expect(JSON.parse(JSON.stringify(s))).toEqual(s);
          expect(MeasureScore.parse(s)).toEqual(s);
          expect(s.administeredOn).toBe(date);
        },
      ),
    );
  });

  it("change: absolute change is follow-up − baseline, direction agrees with it, and PHQ-9 response/remission apply from a baseline of 10 (CMS159; CBE 1885)", () => {
    const pair = fc
      .constantFrom(...ids)
      .chain((id) => fc.tuple(fc.constant(id), validAnswers(id), validAnswers(id)));
    fc.assert(
      fc.property(pair, ([id, a, b]) => {
        const c = measureChange(score(id, a), score(id, b));
        expect(MeasureChange.parse(c)).toEqual(c);
        for (const s of c.scales) {
          expect(s.absoluteChange).toBe(s.followUp - s.baseline);
          const better = s.scale === "protective" ? s.absoluteChange > 0 : s.absoluteChange < 0;
          expect(s.direction).toBe(
            s.absoluteChange === 0 ? "unchanged" : better ? "improved" : "worsened",
          );
        }
        const t = c.scales[0];
        if (id === "phq-9" && t !== undefined) {
          const applicable = t.baseline >= 10;
          expect(c.response?.applicable).toBe(applicable);
          expect(c.remission?.applicable).toBe(applicable);
          expect(c.response?.met).toBe(applicable && t.followUp <= t.baseline / 2);
          expect(c.remission?.met).toBe(applicable && t.followUp < 5);
        } else {
          expect(c.response).toBeUndefined();
        }
      }),
    );
  });
});
