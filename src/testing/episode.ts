/**
 * An arbitrary for valid episode logs: each event is chosen among those the episode's state allows
 * (by a small transition table of its own, not by the library's state machine), so
 * `replayEpisode` accepts every generated log.
 */
import fc from "fast-check";
import { pure } from "../core/pure";
import { addDays, type IsoDate, type ParticipantId, type PhaseId } from "../core/index";
import { stamp, type Unstamped } from "../core/record-format";
import type { EligibilityDecision } from "../eligibility/index";
import type { EpisodeEvent } from "../episode/index";
import { episodeEventFormat } from "../episode/episode-event";
import type { Program } from "../program/index";
import { eligibilityOutcomes } from "../eligibility/decision";
import { checkArbitraryOptions } from "./options";
import { referenceDate } from "./participant";

/** Options of {@link episodeEvents}. */
export interface EpisodeEventsOptions {
  /** The referral date. @defaultValue {@link referenceDate} */
  readonly from?: IsoDate;
  /** The participant. @defaultValue "p-1" */
  readonly participantId?: string;
  /** Most events. @defaultValue 30 */
  readonly maxEvents?: number;
  /** Most days between two events. @defaultValue 10 */
  readonly maxGapDays?: number;
}

/** A minimal eligibility decision with the given outcome, at the program's level. */
export function eligibilityDecisionFor(
  program: Program,
  outcome: EligibilityDecision["outcome"],
): EligibilityDecision {
  checkArbitraryOptions(
    "eligibilityDecisionFor",
    { outcome },
    {
      outcome: { kind: "enum", values: eligibilityOutcomes },
    },
  );
  return {
    formatVersion: 2,
    outcome,
    recommendedLevel: program.levelOfCare,
    programLevel: program.levelOfCare,
    reasons: [],
    conditions: [],
    computed: { outcome, recommendedLevel: program.levelOfCare },
    asamEdition: program.asamEdition,
    rulesApplied: [],
  };
}

/** An event before its `formatVersion` is set. @internal */
export type EventDraft = Unstamped<EpisodeEvent>;

/** An event of the current format. @internal */
export const stampEvent = (draft: EventDraft): EpisodeEvent =>
  stamp<EpisodeEvent>(episodeEventFormat.version, draft);

interface Walk {
  status: "referred" | "assessed" | "admitted" | "in-phase" | "discharged" | "aftercare";
  admits: boolean;
  admittedPhase: number;
  phase: number;
  approved: boolean;
}

const move = /* @__PURE__ */ pure(() =>
  fc.noBias(fc.record({ pick: fc.nat(), gap: fc.nat(), arg: fc.nat() })),
);

/**
 * A valid episode log for a program: referral, then events the state allows — assessments,
 * admission into any phase, phase start, step-downs, step-ups after a review decided so, relapses,
 * positive tests, reviews, plan reviews, recertifications, authorisations, a discharge whose type
 * and reason agree (completed only from the last phase), aftercare. Dates never go back.
 * @example
 * ```ts
 * fc.assert(fc.property(program().chain((p) => episodeEvents(p).map((log) => ({ p, log }))),
 *   ({ p, log }) => replayEpisode(log, p).ok));
 * ```
 */
export function episodeEvents(
  program: Program,
  options: EpisodeEventsOptions = {},
): fc.Arbitrary<EpisodeEvent[]> {
  checkArbitraryOptions("episodeEvents", options, {
    from: { kind: "date", optional: true },
    participantId: { kind: "string", optional: true },
    maxEvents: { kind: "integer", min: 1, max: 1000, optional: true },
    maxGapDays: { kind: "integer", min: 0, max: 3650, optional: true },
  });
  const from = options.from ?? referenceDate;
  const maxGap = options.maxGapDays ?? 10;
  const last = program.phases.length - 1;
  const phaseId = (i: number): PhaseId =>
    program.phases[i]?.id ?? (program.phases[0]?.id as PhaseId);
  return fc
    .array(move, { maxLength: Math.max(0, (options.maxEvents ?? 30) - 1), size: "max" })
    .map((moves) => {
      let on = from;
      const events: EventDraft[] = [
        {
          kind: "referred",
          on,
          participantId: (options.participantId ?? "p-1") as ParticipantId,
          programId: program.id,
        },
      ];
      const w: Walk = {
        status: "referred",
        admits: false,
        admittedPhase: 0,
        phase: 0,
        approved: false,
      };
      for (const m of moves) {
        if (w.status === "aftercare") break;
        on = addDays(on, m.gap % (maxGap + 1));
        const a = m.arg;
        const authorise = (): EventDraft => ({
          kind: "level-of-care-authorised",
          on,
          level: program.levelOfCare,
          from: on,
          to: addDays(on, 7 + (a % 60)),
        });
        const dropOut = (): EventDraft => {
          const options = [
            ["not-completed", "client-decision"],
            ["not-completed", "lost-to-contact"],
            ["not-completed", "attendance"],
            ["transferred-higher", "clinical-need"],
            ["transferred-lower", "clinical-need"],
          ] as const;
          const [type, reason] = options[a % options.length] ?? options[0];
          return { kind: "discharged", on, type, reason };
        };
        const clinical = (): EventDraft[] => [
          { kind: "relapse-reported", on },
          { kind: "positive-test-recorded", on, substances: ["opioids"], confirmed: a % 2 === 0 },
          {
            kind: "clinical-review-held",
            on,
            outcome:
              (["continue", "step-up", "refer-higher", "step-down"] as const)[a % 4] ?? "continue",
          },
          { kind: "plan-reviewed", on },
          { kind: "recertified", on },
        ];
        // Weighted choices: progress is likelier than dropping out.
        const choices: [number, () => EventDraft[]][] = [];
        switch (w.status) {
          case "referred":
          case "assessed":
            choices.push([
              w.status === "referred" ? 12 : 2,
              () => [
                {
                  kind: "assessed",
                  on,
                  decision: eligibilityDecisionFor(program, a % 4 === 0 ? "refer-higher" : "admit"),
                },
              ],
            ]);
            if (w.status === "assessed" && w.admits)
              choices.push(
                [12, () => [{ kind: "admitted", on, programId: program.id, phaseId: phaseId(0) }]],
                [
                  2,
                  () => [
                    {
                      kind: "admitted",
                      on,
                      programId: program.id,
                      phaseId: phaseId(a % (last + 1)),
                    },
                  ],
                ],
              );
            choices.push([2, () => [authorise()]], [1, () => [dropOut()]]);
            break;
          case "admitted":
            choices.push(
              [16, () => [{ kind: "phase-started", on, phaseId: phaseId(w.admittedPhase) }]],
              [4, clinical],
              [2, () => [authorise()]],
              [1, () => [dropOut()]],
            );
            break;
          case "in-phase":
            if (w.phase < last) choices.push([6, () => [{ kind: "stepped-down", on }]]);
            if (w.phase > 0 && w.approved) choices.push([6, () => [{ kind: "stepped-up", on }]]);
            choices.push([12, clinical], [2, () => [authorise()]], [1, () => [dropOut()]]);
            if (w.phase === last)
              choices.push([
                1,
                () => [
                  { kind: "discharged", on, type: "completed", reason: "treatment-completed" },
                ],
              ]);
            break;
          default:
            choices.push([1, () => [{ kind: "aftercare-started", on }]]);
        }
        const total = choices.reduce((t, [weight]) => t + weight, 0);
        let ticket = m.pick % total;
        let options: EventDraft[] = [];
        for (const [weight, build] of choices) {
          if (ticket < weight) {
            options = build();
            break;
          }
          ticket -= weight;
        }
        const event = options[Math.floor(m.pick / total) % Math.max(1, options.length)];
        if (event === undefined) continue;
        events.push(event);
        advance(w, event, last, program);
      }
      return events.map(stampEvent);
    });
}

function advance(w: Walk, e: EventDraft, last: number, program: Program): void {
  const index = (id: string) => program.phases.findIndex((p) => p.id === id);
  switch (e.kind) {
    case "assessed":
      w.status = "assessed";
      w.admits = e.decision.outcome === "admit";
      break;
    case "admitted":
      w.status = "admitted";
      w.admittedPhase = index(e.phaseId);
      break;
    case "phase-started":
      w.status = "in-phase";
      w.phase = w.admittedPhase;
      break;
    case "stepped-down":
      w.phase = Math.min(last, w.phase + 1);
      break;
    case "stepped-up":
      w.phase = Math.max(0, w.phase - 1);
      w.approved = false;
      break;
    case "clinical-review-held":
      w.approved = e.outcome === "step-up";
      break;
    case "discharged":
      w.status = "discharged";
      break;
    case "aftercare-started":
      w.status = "aftercare";
      break;
    default:
      break;
  }
}
