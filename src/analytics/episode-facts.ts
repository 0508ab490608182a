/**
 * What analytics need from an episode log, in one pass over its events and without replaying the
 * state machine: who, which program, the referral, the first day of treatment, each phase entered
 * and the discharge. Logs are trusted to be ones `replayEpisode` accepts.
 * @internal
 */
import type { DischargeReason, DischargeType, EpisodeEvent } from "../episode/index";
import { epochDayOf } from "./local-day";

/** A phase entered: its id (when the log or the program's order tells it) and first day. @internal */
export interface PhaseEntry {
  readonly phaseId: string | undefined;
  readonly from: number;
  readonly how: "admission" | "step-down" | "step-up";
}

/** An episode's discharge. @internal */
export interface DischargeFacts {
  readonly on: number;
  readonly type: DischargeType;
  readonly reason: DischargeReason;
  readonly referredTo: string | undefined;
}

/** The facts of one episode. Days are epoch days. @internal */
export interface EpisodeFacts {
  /** The referral's `episodeId`, else `participantId@referredOn`. */
  readonly key: string;
  readonly participantId: string;
  readonly programId: string;
  readonly referredOn: number;
  /** The first `phase-started` day (the first day of treatment). */
  readonly firstDay: number | undefined;
  /** Phases entered, in order (the first at `firstDay`). */
  readonly phases: readonly PhaseEntry[];
  readonly discharge: DischargeFacts | undefined;
}

/**
 * The facts of a log, or `undefined` when it does not start with a referral. `phaseIds` (the
 * program's phases in order) resolves steps that do not name their target phase.
 * @internal
 */
export function episodeFacts(
  log: readonly EpisodeEvent[],
  phaseIds?: readonly string[],
): EpisodeFacts | undefined {
  const first = log[0];
  if (first?.kind !== "referred") return undefined;
  const referredOn = epochDayOf(first.on);
  const participantId: string = first.participantId;
  let admissionPhase: string | undefined;
  let firstDay: number | undefined;
  const phases: PhaseEntry[] = [];
  let discharge: DischargeFacts | undefined;
  const indexOf = (id: string | undefined): number =>
    id === undefined || phaseIds === undefined ? -1 : phaseIds.indexOf(id);
  for (let i = 1; i < log.length; i++) {
    const e = log[i];
    if (e === undefined) continue;
    switch (e.kind) {
      case "admitted":
        admissionPhase = e.phaseId;
        break;
      case "phase-started":
        if (firstDay === undefined) {
          firstDay = epochDayOf(e.on);
          phases.push({ phaseId: e.phaseId ?? admissionPhase, from: firstDay, how: "admission" });
        }
        break;
      case "stepped-down":
      case "stepped-up": {
        const current = phases[phases.length - 1]?.phaseId;
        const at = indexOf(current);
        const step = e.kind === "stepped-down" ? 1 : -1;
        const target =
          e.toPhaseId ?? (at < 0 || phaseIds === undefined ? undefined : phaseIds[at + step]);
        phases.push({
          phaseId: target,
          from: epochDayOf(e.on),
          how: e.kind === "stepped-down" ? "step-down" : "step-up",
        });
        break;
      }
      case "discharged":
        discharge = {
          on: epochDayOf(e.on),
          type: e.type,
          reason: e.reason,
          referredTo: e.referredTo,
        };
        break;
      default:
        break;
    }
  }
  return {
    key: first.episodeId ?? `${participantId}@${first.on}`,
    participantId,
    programId: first.programId,
    referredOn,
    firstDay,
    phases,
    discharge,
  };
}

/** The phase in force on `day` (the last entered on or before it), or `undefined`. @internal */
export function phaseOn(facts: EpisodeFacts, day: number): PhaseEntry | undefined {
  let found: PhaseEntry | undefined;
  for (const p of facts.phases) {
    if (p.from > day) break;
    found = p;
  }
  return found;
}

/** Facts of an episode that reached its first day of treatment. @internal */
export type StartedFacts = EpisodeFacts & { readonly firstDay: number };

/**
 * The facts of a log when the episode is one to count: of the program asked about (when
 * `program` is given; others are counted `other-program`) and started (else `not-started`);
 * `undefined` otherwise, a log without its referral counted `no-referral`. `read` gives a log's
 * facts (a job's shared reader, so each log is read once).
 * @internal
 */
export function startedEpisode(
  log: readonly EpisodeEvent[],
  exclude: (code: "no-referral" | "other-program" | "not-started") => void,
  program?: { readonly programId: string; readonly phaseIds: readonly string[] },
  read: typeof episodeFacts = episodeFacts,
): StartedFacts | undefined {
  const f = read(log, program?.phaseIds);
  if (f === undefined) {
    exclude("no-referral");
    return undefined;
  }
  if (program !== undefined && f.programId !== program.programId) {
    exclude("other-program");
    return undefined;
  }
  if (f.firstDay === undefined) {
    exclude("not-started");
    return undefined;
  }
  return f as StartedFacts;
}
