import fc from "fast-check";
import * as measures from "iopkit/measures";
import { args, type FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const bamAnswers = [1, 2, 3, 1, 0, 2, { marijuana: 2 }, 1, 3, 2, 1, 2, 4, 4, 1, 3, 2];
const dastAnswers = [true, false, false, false, true, false, false, false, false, false];
const codes = (n: number, max: number): fc.Arbitrary<unknown> =>
  fc.array(fc.oneof(fc.integer({ min: 0, max }), hostileJson), {
    minLength: n - 1,
    maxLength: n + 1,
  });

export const entries: FuzzEntry[] = [
  {
    name: "scorePhq9",
    inputs: fc.oneof(codes(9, 3), mutated([1, 1, 1, 1, 1, 1, 1, 1, 1])),
    call: (x) => measures.scorePhq9(x as number[]),
  },
  {
    name: "scoreGad7",
    inputs: fc.oneof(codes(7, 3), mutated([1, 1, 1, 1, 1, 1, 1])),
    call: (x) => measures.scoreGad7(x as number[]),
  },
  {
    name: "scoreAuditC",
    inputs: fc.oneof(
      fc.tuple(codes(3, 4), fc.constantFrom({ sex: "female" }, { sex: "male" })),
      mutated([[1, 2, 0], { sex: "male", administeredOn: "2026-03-09" }]),
    ),
    call: (x) => measures.scoreAuditC(...(args(x, 2) as [number[], measures.AuditCOptions])),
  },
  {
    name: "scoreDast10",
    inputs: mutated([dastAnswers, { licence: "non-commercial", administeredOn: "2026-03-09" }]),
    call: (x) => measures.scoreDast10(...(args(x, 2) as [boolean[], measures.Dast10Options])),
  },
  {
    name: "scoreBam",
    inputs: fc.oneof(codes(17, 4), mutated(bamAnswers)),
    call: (x) => measures.scoreBam(x as number[]),
  },
  {
    name: "scoreMeasure",
    inputs: fc.oneof(
      mutated(["bam", bamAnswers]),
      mutated(["dast-10", dastAnswers, { licence: "non-commercial" }]),
      fc.tuple(fc.constantFrom(...measures.instrumentIds), codes(9, 4), hostileJson),
    ),
    call: (x) =>
      measures.scoreMeasure(...(args(x, 3) as Parameters<typeof measures.scoreMeasure<"phq-9">>)),
  },
  {
    name: "parseMeasureAdministration",
    inputs: fc.oneof(
      mutated({ instrument: "bam", administeredOn: "2026-03-09", answers: bamAnswers }),
      mutated({
        instrument: "audit-c",
        administeredOn: "2026-03-09",
        answers: [1, 2, 0],
        sex: "female",
      }),
    ),
    call: (x) => measures.parseMeasureAdministration(x),
  },
  {
    name: "parseMeasureAdministration → scoreAdministration",
    inputs: mutated({ instrument: "dast-10", administeredOn: "2026-03-09", answers: dastAnswers }),
    call: (x) =>
      measures.scoreAdministration(measures.parseMeasureAdministration(x), {
        licence: "non-commercial",
      }),
  },
];
