/**
 * Every public entry point that accepts data from outside a program registers here, with the
 * inputs to throw at it. The fuzz property asserts each returns a valid result or throws
 * `IopError` — never another exception — and never mutates its input or pollutes a prototype.
 */
import fc from "fast-check";
import * as core from "iopkit/core";
import * as measures from "iopkit/measures";
import { hostileJson, mutated } from "./hostile";

/** One fuzzed entry. `call` receives one hostile value; multi-argument entries spread it. */
export interface FuzzEntry {
  readonly name: string;
  /** Inputs beyond plain hostile JSON (e.g. mutations of a valid record). */
  readonly inputs?: fc.Arbitrary<unknown>;
  readonly call: (input: unknown) => unknown;
}

/** Spreads a hostile value over `n` arguments: an array's elements, else the value n times. */
export function args(input: unknown, n: number): unknown[] {
  return Array.isArray(input)
    ? Array.from({ length: n }, (_, i) => (input as unknown[])[i])
    : Array.from({ length: n }, () => input);
}

const s = (x: unknown): string => x as string;
const n = (x: unknown): number => x as number;

export const coreEntries: FuzzEntry[] = [
  { name: "toEpochDay", call: (x) => core.toEpochDay(s(x)) },
  { name: "toMinutes", call: (x) => core.toMinutes(s(x)) },
  { name: "toEpochMs", call: (x) => core.toEpochMs(s(x)) },
  { name: "startOfIsoWeek", call: (x) => core.startOfIsoWeek(s(x)) },
  { name: "isoWeekKey", call: (x) => core.isoWeekKey(s(x)) },
  { name: "addDays", call: (x) => core.addDays(...(args(x, 2) as [string, number])) },
  { name: "createZoneClock", call: (x) => core.createZoneClock(s(x)).format(0) },
  {
    name: "zonedInstant",
    inputs: fc.tuple(
      fc.oneof(hostileJson, fc.constant("2026-03-08")),
      fc.oneof(hostileJson, fc.constant("02:30")),
      fc.oneof(hostileJson, fc.constant("America/New_York")),
    ),
    call: (x) => core.zonedInstant(...(args(x, 3) as [string, string, string])),
  },
  {
    name: "instantToZoned",
    inputs: fc.tuple(
      fc.oneof(hostileJson, fc.constant("2026-03-09T13:00:00Z")),
      fc.oneof(hostileJson, fc.constant("Asia/Kolkata")),
    ),
    call: (x) => core.instantToZoned(...(args(x, 2) as [string, string])),
  },
  { name: "fromEpochDay", call: (x) => core.fromEpochDay(n(x)) },
  { name: "fromMinutes", call: (x) => core.fromMinutes(n(x)) },
  { name: "createRng", call: (x) => core.createRng(n(x)).next() },
  { name: "participantId", call: (x) => core.participantId(s(x)) },
  { name: "staffId", call: (x) => core.staffId(s(x)) },
];

const bamAnswers = [1, 2, 3, 1, 0, 2, { marijuana: 2 }, 1, 3, 2, 1, 2, 4, 4, 1, 3, 2];
const dastAnswers = [true, false, false, false, true, false, false, false, false, false];
const codes = (n: number, max: number): fc.Arbitrary<unknown> =>
  fc.array(fc.oneof(fc.integer({ min: 0, max }), hostileJson), {
    minLength: n - 1,
    maxLength: n + 1,
  });

export const measuresEntries: FuzzEntry[] = [
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
      fc.tuple(fc.constantFrom(...measures.InstrumentId.options), codes(9, 4), hostileJson),
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

/** All registered entries; each capability appends its own list. */
export const fuzzEntries: FuzzEntry[] = [...coreEntries, ...measuresEntries];
