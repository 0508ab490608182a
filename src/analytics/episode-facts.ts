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
  let firstDay: number | undefined;
  const phases: PhaseEntry[] = [];
  let discharge: DischargeFacts | undefined;
  for (const e of log) {
    if (e.kind === "phase-started") {
      if (firstDay === undefined) {
        firstDay = epochDayOf(e.on);
        phases.push({ phaseId: e.phaseId, from: firstDay, how: "admission" });
      }
    } else if (e.kind === "stepped-down" || e.kind === "stepped-up") {
      // A step that does not name its phase moves one along the program's order from the
      // current phase; from an unknown phase (or without the order) it is unknown too.
      const current = phases[phases.length - 1]?.phaseId;
      const at = current === undefined ? -1 : (phaseIds?.indexOf(current) ?? -1);
      const down = e.kind === "stepped-down";
      phases.push({
        phaseId: e.toPhaseId ?? (at < 0 ? undefined : phaseIds?.[down ? at + 1 : at - 1]),
        from: epochDayOf(e.on),
        how: down ? "step-down" : "step-up",
      });
    } else if (e.kind === "discharged") {
      discharge = {
        on: epochDayOf(e.on),
        type: e.type,
        reason: e.reason,
        referredTo: e.referredTo,
      };
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
