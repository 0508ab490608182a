// Type tests: the DAST-10 licence and AUDIT-C sex cannot be left out; results narrow on
// `instrument`; answers have the instrument's type.
import { expectTypeOf, test } from "vitest";
import {
  scoreAuditC,
  scoreBam,
  scoreDast10,
  scoreMeasure,
  scorePhq9,
  type BamScore,
  type InstrumentId,
  type MeasureScore,
  type TotalScore,
} from "iopkit/measures";

const dast = [true, false, false, false, false, false, false, false, false, false];

test("DAST-10 scoring requires the non-commercial licence acknowledgement", () => {
  expectTypeOf(scoreDast10(dast, { licence: "non-commercial" })).toEqualTypeOf<TotalScore>();
  // @ts-expect-error - the licence option cannot be omitted (free for non-commercial use only)
  scoreDast10(dast);
  // @ts-expect-error - an options object without the licence does not do either
  scoreDast10(dast, { administeredOn: "2026-03-09" });
  // @ts-expect-error - only "non-commercial" is a licence iopkit can acknowledge
  scoreDast10(dast, { licence: "commercial" });
  // @ts-expect-error - scoreMeasure requires it for "dast-10" too
  scoreMeasure("dast-10", dast);
  // @ts-expect-error - ... and in an options object
  scoreMeasure("dast-10", dast, {});
  expectTypeOf(
    scoreMeasure("dast-10", dast, { licence: "non-commercial" }),
  ).toEqualTypeOf<TotalScore>();
});

test("AUDIT-C scoring requires sex", () => {
  // @ts-expect-error - the cut-off depends on sex
  scoreAuditC([1, 1, 1]);
  // @ts-expect-error - sex is "female" or "male"
  scoreAuditC([1, 1, 1], { sex: "x" });
  // @ts-expect-error - scoreMeasure requires it for "audit-c" too
  scoreMeasure("audit-c", [1, 1, 1]);
  scoreAuditC([1, 1, 1], { sex: "female" });
});

test("answers have the instrument's type", () => {
  // @ts-expect-error - DAST-10 answers are yes/no booleans
  scoreDast10([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], { licence: "non-commercial" });
  // @ts-expect-error - PHQ-9 answers are numbers
  scorePhq9([true]);
  scoreBam([0, 0, 0, 0, null, 0, { marijuana: 1 }, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0]);
  // @ts-expect-error - an unknown instrument
  scoreMeasure("k10", [1]);
});

test("results narrow on instrument", () => {
  expectTypeOf(scoreMeasure("phq-9", [0])).toEqualTypeOf<TotalScore>();
  expectTypeOf(scoreMeasure("bam", [0])).toEqualTypeOf<BamScore>();
  const id = "gad-7" as InstrumentId;
  expectTypeOf(scoreMeasure(id, [] as never)).toEqualTypeOf<MeasureScore>();
  const s = {} as MeasureScore;
  if (s.instrument === "bam") expectTypeOf(s.composites.risk.score).toEqualTypeOf<number>();
  else expectTypeOf(s.total).toEqualTypeOf<number>();
});
