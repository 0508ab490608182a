/**
 * Every public entry point that accepts data from outside a program registers here, with the
 * inputs to throw at it. The fuzz property asserts each returns a valid result or throws
 * `IopError` — never another exception — and never mutates its input or pollutes a prototype.
 */
import fc from "fast-check";
import * as core from "iopkit/core";
import {
  assessEligibility,
  parseParticipant,
  programTemplates,
  safeDefineProgram,
  safeParseParticipant,
  defineProgram,
} from "iopkit";
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

const template = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const validParticipant = {
  id: "p-1",
  dateOfBirth: "1990-05-17",
  name: "Alex Rivera",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: {
    withdrawal: 1,
    biomedical: 0,
    emotionalBehavioral: 1,
    readiness: 2,
    relapsePotential: 2,
    recoveryEnvironment: 2,
  },
  detox: "completed",
  history: { outpatientEpisodes: 1, relapsesAfterOutpatient: 2, residentialCompleted: false },
  living: "unsupportive-home",
  responsibilities: ["work"],
  unavailable: [{ weekday: 1, from: "08:00", to: "17:00" }],
  familyInvolved: true,
  medications: [{ name: "naltrexone", purpose: "addiction" }],
  consents: [
    {
      id: "c-1",
      recipients: [{ kind: "class", description: "treating providers" }],
      purposes: ["treatment"],
      signedOn: "2026-03-01",
    },
  ],
};

export const programEntries: FuzzEntry[] = [
  { name: "defineProgram", inputs: mutated(template), call: (x) => defineProgram(x) },
  { name: "safeDefineProgram", inputs: mutated(template), call: (x) => safeDefineProgram(x) },
  {
    name: "programTemplates.substanceUseAdult",
    inputs: fc.record({
      timeZone: fc.oneof(hostileJson, fc.constant("Asia/Kolkata")),
      tracks: fc.oneof(hostileJson, fc.constant(["evening"])),
    }),
    call: (x) => programTemplates.substanceUseAdult(x as never),
  },
  { name: "programTemplates.adolescent", call: (x) => programTemplates.adolescent(x as never) },
];

export const participantEntries: FuzzEntry[] = [
  { name: "parseParticipant", inputs: mutated(validParticipant), call: (x) => parseParticipant(x) },
  {
    name: "safeParseParticipant",
    inputs: mutated(validParticipant),
    call: (x) => safeParseParticipant(x),
  },
];

const parsedParticipant = parseParticipant(validParticipant);
export const eligibilityEntries: FuzzEntry[] = [
  {
    name: "assessEligibility (override)",
    inputs: mutated({
      outcome: "admit",
      reason: "clinical judgement",
      clinician: "Dr. O",
      date: "2026-03-09",
    }),
    call: (x) => assessEligibility(parsedParticipant, template, { override: x }),
  },
];

/** All registered entries; each capability appends its own list. */
export const fuzzEntries: FuzzEntry[] = [
  ...coreEntries,
  ...programEntries,
  ...participantEntries,
  ...eligibilityEntries,
];
