// Analytics entries: the row parsers, every aggregate's parsePartial (a partial received as JSON
// from another worker), and the aggregates' options (bad options throw IopError, nothing else).
import fc from "fast-check";
import { programTemplates, scorePhq9 } from "iopkit";
import {
  attendanceRates,
  censusByPhase,
  followUpMeasure,
  lengthOfStay,
  measurementBasedCare,
  parseAttendanceRow,
  parseEncounter,
  parseTedsProfile,
  retentionCurve,
  tedsDischarge,
} from "iopkit/analytics";
import { type FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const timeZone = program.timeZone;
const row = {
  participantId: "p-1",
  start: "2026-03-09T09:00:00.000-04:00",
  status: "present",
  minutesAttended: 120,
  groupId: "g-1",
  phaseId: "intensive",
};
const log = [
  { kind: "referred", on: "2026-03-01", participantId: "p-1", programId: program.id },
  { kind: "admitted", on: "2026-03-02", programId: program.id, phaseId: "intensive" },
  { kind: "phase-started", on: "2026-03-02", phaseId: "intensive" },
  { kind: "discharged", on: "2026-03-30", type: "not-completed", reason: "moved" },
] as never;
const encounter = { participantId: "p-1", on: "2026-03-01", kind: "ed-visit-sud" };
const profile = { episodeKey: "p-1@2026-03-01", admission: { employment: "unemployed" } };
const measure = {
  participantId: "p-1",
  score: scorePhq9([1, 1, 1, 1, 1, 1, 1, 1, 0], { administeredOn: "2026-03-03" }),
};

/** A partial of each aggregate over the same rows: the valid inputs to mutate. */
const partials = {
  censusByPhase: censusByPhase.partial(
    { episodes: [log] },
    { program, from: "2026-03-02", to: "2026-03-15" },
  ),
  lengthOfStay: lengthOfStay.partial(
    { episodes: [log], attendance: [row as never] },
    { method: "teds", timeZone },
  ),
  retentionCurve: retentionCurve.partial({ episodes: [log] }, { asOf: "2026-04-01" }),
  attendanceRates: attendanceRates.partial({ attendance: [row as never] }, { timeZone }),
  measurementBasedCare: measurementBasedCare.partial(
    { measures: [measure], episodes: [log] },
    { asOf: "2026-04-01" },
  ),
  tedsDischarge: tedsDischarge.partial(
    { episodes: [log], profiles: [profile as never] },
    { program },
  ),
  followUpMeasure: followUpMeasure.partial(
    { encounters: [encounter as never], episodes: [log] },
    { asOf: "2026-04-01", timeZone },
  ),
};
const copy = (x: unknown): unknown => JSON.parse(JSON.stringify(x)) as unknown;

export const entries: FuzzEntry[] = [
  { name: "parseAttendanceRow", inputs: mutated(row), call: (x) => parseAttendanceRow(x) },
  { name: "parseEncounter", inputs: mutated(encounter), call: (x) => parseEncounter(x) },
  { name: "parseTedsProfile", inputs: mutated(profile), call: (x) => parseTedsProfile(x) },
  {
    name: "censusByPhase.parsePartial",
    inputs: mutated(copy(partials.censusByPhase)),
    call: (x) => censusByPhase.finish(censusByPhase.parsePartial(x)),
  },
  {
    name: "lengthOfStay.parsePartial",
    inputs: mutated(copy(partials.lengthOfStay)),
    call: (x) => lengthOfStay.finish(lengthOfStay.parsePartial(x)),
  },
  {
    name: "retentionCurve.parsePartial",
    inputs: mutated(copy(partials.retentionCurve)),
    call: (x) => retentionCurve.finish(retentionCurve.parsePartial(x)),
  },
  {
    name: "attendanceRates.parsePartial",
    inputs: mutated(copy(partials.attendanceRates)),
    call: (x) => attendanceRates.finish(attendanceRates.parsePartial(x)),
  },
  {
    name: "measurementBasedCare.parsePartial",
    inputs: mutated(copy(partials.measurementBasedCare)),
    call: (x) => measurementBasedCare.finish(measurementBasedCare.parsePartial(x)),
  },
  {
    name: "tedsDischarge.parsePartial",
    inputs: mutated(copy(partials.tedsDischarge)),
    call: (x) => tedsDischarge.finish(tedsDischarge.parsePartial(x)),
  },
  {
    name: "followUpMeasure.parsePartial",
    inputs: mutated(copy(partials.followUpMeasure)),
    call: (x) => followUpMeasure.finish(followUpMeasure.parsePartial(x)),
  },
  {
    name: "retentionCurve options",
    inputs: fc.record(
      {
        asOf: fc.oneof(hostileJson, fc.constant("2026-04-01")),
        days: hostileJson,
        level: hostileJson,
        transform: hostileJson,
      },
      { requiredKeys: ["asOf"] },
    ),
    call: (x) => retentionCurve({ episodes: [log] }, x as never),
  },
  {
    name: "followUpMeasure options",
    inputs: fc.record(
      {
        asOf: fc.constant("2026-04-01"),
        timeZone: fc.oneof(hostileJson, fc.constant(timeZone)),
        definitions: hostileJson,
      },
      { requiredKeys: ["asOf", "timeZone"] },
    ),
    call: (x) => followUpMeasure({ encounters: [encounter as never] }, x as never),
  },
];
