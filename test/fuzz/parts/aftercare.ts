// Aftercare entries: the record parsers (check-in outcomes, relapse-prevention plans, stored
// plans), planAftercare with a hostile `from` and over episodes replayed from mutated logs, and
// reviewAftercare over parsed outcomes and plans with a hostile `asOf`.
import fc from "fast-check";
import {
  parseAftercarePlan,
  parseCheckInOutcome,
  parseParticipant,
  parseRelapsePreventionPlan,
  planAftercare,
  programTemplates,
  replayEpisode,
  replayEpisodeOrThrow,
  reviewAftercare,
  safeParseAftercarePlan,
  safeParseCheckInOutcome,
  safeParseEpisodeLog,
  safeParseRelapsePreventionPlan,
  type CheckInOutcome,
  type EpisodeEvent,
} from "iopkit";
import { args, type FuzzEntry } from "../entry";
import { hostileJson, mutated } from "../hostile";
import { admittedLog } from "../../episode/admitted-log";

const program = programTemplates.substanceUseAdult({
  timeZone: "America/New_York",
  closures: ["2026-06-15", "2026-07-03"],
});
const participant = parseParticipant({
  id: "p-1",
  dateOfBirth: "1990-01-01",
  conditions: [{ kind: "substance-use", severity: "moderate" }],
  dimensions: {},
  detox: "completed",
  history: { outpatientEpisodes: 0, relapsesAfterOutpatient: 0, residentialCompleted: false },
  living: "unsupportive-home",
  responsibilities: ["work"],
  unavailable: [],
  familyInvolved: true,
  medications: [{ name: "naltrexone", purpose: "addiction" }],
});
const log: EpisodeEvent[] = [
  ...admittedLog(program, "p-1"),
  { formatVersion: 2, kind: "relapse-reported", on: "2026-03-20", substances: ["alcohol"] },
  { formatVersion: 2, kind: "clinical-review-held", on: "2026-03-21", outcome: "continue" },
  {
    formatVersion: 2,
    kind: "discharged",
    on: "2026-04-01",
    type: "not-completed",
    reason: "client-decision",
  },
];
const episode = replayEpisodeOrThrow(log, program);
if (episode.status !== "discharged") throw new Error("fixture must be discharged");
const plan = planAftercare({ participant, episode, program, from: "2026-04-01" });
const plain = (x: unknown): unknown => JSON.parse(JSON.stringify(x));
const outcome = {
  due: "2026-04-08",
  status: "completed",
  on: "2026-04-09",
  lapse: true,
  substances: ["alcohol"],
  mutualSupport: { meetings: 2, verification: "self-reported" },
};
const rpp = plan.components.find((c) => c.kind === "relapse-prevention");
const dates = fc.oneof(hostileJson, fc.constantFrom("2026-04-01", "2026-05-20", "9999-12-30"));

/** The outcomes of a hostile list that pass the parser. */
function outcomes(x: unknown): CheckInOutcome[] {
  return (Array.isArray(x) ? (x as unknown[]) : [x]).flatMap((o) => {
    const r = safeParseCheckInOutcome(o);
    return r.success ? [r.data] : [];
  });
}

export const entries: FuzzEntry[] = [
  { name: "parseCheckInOutcome", inputs: mutated(outcome), call: (x) => parseCheckInOutcome(x) },
  {
    name: "safeParseCheckInOutcome",
    inputs: mutated(outcome),
    call: (x) => safeParseCheckInOutcome(x),
  },
  {
    name: "parseRelapsePreventionPlan",
    inputs: mutated(plain(rpp?.kind === "relapse-prevention" ? rpp.plan : {})),
    call: (x) => parseRelapsePreventionPlan(x),
  },
  {
    name: "safeParseRelapsePreventionPlan",
    inputs: mutated(plain(rpp?.kind === "relapse-prevention" ? rpp.plan : {})),
    call: (x) => safeParseRelapsePreventionPlan(x),
  },
  { name: "parseAftercarePlan", inputs: mutated(plain(plan)), call: (x) => parseAftercarePlan(x) },
  {
    name: "safeParseAftercarePlan",
    inputs: mutated(plain(plan)),
    call: (x) => safeParseAftercarePlan(x),
  },
  {
    name: "planAftercare (from)",
    inputs: dates,
    call: (x) => planAftercare({ participant, episode, program, from: x as string }),
  },
  {
    name: "parseEpisodeLog → replayEpisode → planAftercare",
    inputs: mutated(plain(log)),
    call: (x) => {
      const parsed = safeParseEpisodeLog(x);
      if (!parsed.success) return parsed;
      const r = replayEpisode(parsed.data, program);
      if (!r.ok || (r.state.status !== "discharged" && r.state.status !== "aftercare")) return r;
      return planAftercare({ participant, episode: r.state, program, from: r.state.discharge.on });
    },
  },
  {
    name: "parseCheckInOutcome → reviewAftercare (asOf)",
    inputs: fc.tuple(
      fc.array(fc.oneof(mutated(outcome), fc.constant(outcome)), { maxLength: 4 }),
      dates,
    ),
    call: (x) => {
      const [list, asOf] = args(x, 2);
      return reviewAftercare(plan, { program, outcomes: outcomes(list), asOf: asOf as string });
    },
  },
  {
    name: "parseAftercarePlan → reviewAftercare",
    inputs: mutated(plain(plan)),
    call: (x) => {
      const r = safeParseAftercarePlan(x);
      return r.success
        ? reviewAftercare(r.data, {
            program,
            outcomes: [{ formatVersion: 2, due: "2026-04-08", status: "missed" }],
            asOf: "2026-05-01",
          })
        : r;
    },
  },
];
