// Episode entries: the event and log parsers, replayEpisode over parsed logs, and the derived
// views (evaluatePhaseExit, episodeDueDates) with hostile dates.
import fc from "fast-check";
import {
  episodeDueDates,
  evaluatePhaseExit,
  parseEpisodeEvent,
  parseEpisodeLog,
  programTemplates,
  replayEpisode,
  replayEpisodeOrThrow,
  safeParseEpisodeEvent,
  safeParseEpisodeLog,
  type EpisodeEvent,
} from "iopkit";
import type { FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";
import { admittedLog } from "../../episode/admitted-log";

const program = programTemplates.substanceUseAdult({ timeZone: "America/New_York" });
const log: EpisodeEvent[] = [
  ...admittedLog(program, "p-1"),
  { formatVersion: 2, kind: "relapse-reported", on: "2026-03-20", substances: ["alcohol"] },
  { formatVersion: 2, kind: "clinical-review-held", on: "2026-03-21", outcome: "step-up" },
  {
    formatVersion: 2,
    kind: "level-of-care-authorised",
    on: "2026-03-21",
    level: "intensive-outpatient",
    from: "2026-03-21",
    to: "2026-04-21",
  },
  { formatVersion: 2, kind: "stepped-down", on: "2026-04-06" },
  {
    formatVersion: 2,
    kind: "discharged",
    on: "2026-05-01",
    type: "not-completed",
    reason: "moved",
  },
];
const plain = JSON.parse(JSON.stringify(log)) as unknown;
const inPhase = replayEpisodeOrThrow(log.slice(0, 8), program);
const dates = fc.oneof(hostileJson, fc.constantFrom("2026-04-10", "2026-03-01"));

export const entries: FuzzEntry[] = [
  {
    name: "parseEpisodeEvent",
    inputs: fc.oneof(...log.map((e) => mutated(JSON.parse(JSON.stringify(e))))),
    call: (x) => parseEpisodeEvent(x),
  },
  { name: "safeParseEpisodeEvent", inputs: mutated(log[6]), call: (x) => safeParseEpisodeEvent(x) },
  { name: "parseEpisodeLog", inputs: mutated(plain), call: (x) => parseEpisodeLog(x) },
  {
    name: "parseEpisodeLog → replayEpisode",
    inputs: mutated(plain),
    call: (x) => {
      const r = safeParseEpisodeLog(x);
      return r.success ? replayEpisode(r.data, program) : r;
    },
  },
  {
    name: "evaluatePhaseExit (asOf)",
    inputs: dates,
    call: (x) =>
      inPhase.status === "in-phase"
        ? evaluatePhaseExit(inPhase, {
            program,
            schedule: { sessions: [] },
            attendance: [],
            drugTests: [],
            asOf: x as string,
          })
        : undefined,
  },
  {
    name: "episodeDueDates (asOf)",
    inputs: dates,
    call: (x) => episodeDueDates(inPhase, { program, asOf: x as string }),
  },
];
