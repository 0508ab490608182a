import { expectTypeOf, test } from "vitest";
import {
  applyEvent,
  evaluatePhaseExit,
  replayEpisode,
  type EpisodeEvent,
  type EpisodeResult,
  type EpisodeState,
  type InPhaseEpisode,
  type PhaseId,
  type ReplayResult,
} from "iopkit";

test("events are a union told apart by kind; each carries a date", () => {
  expectTypeOf<EpisodeEvent["on"]>().toEqualTypeOf<string>();
  expectTypeOf<Extract<EpisodeEvent, { kind: "discharged" }>["type"]>().toEqualTypeOf<
    "completed" | "transferred-higher" | "transferred-lower" | "not-completed"
  >();
  // @ts-expect-error - "graduated" is not an event kind
  const _e: EpisodeEvent = { kind: "graduated", on: "2026-03-09" };
  // @ts-expect-error - a discharge needs a reason
  const _d: EpisodeEvent = { kind: "discharged", on: "2026-03-09", type: "completed" };
});

test("applyEvent and replayEpisode return results, never bare states", () => {
  expectTypeOf(applyEvent).returns.toEqualTypeOf<EpisodeResult>();
  expectTypeOf(replayEpisode).returns.toEqualTypeOf<ReplayResult>();
});

test("illegal states are unrepresentable: only an in-phase episode has a phase, only a discharged one a discharge", () => {
  expectTypeOf<InPhaseEpisode["phase"]["id"]>().toEqualTypeOf<PhaseId>();
  const s = {} as EpisodeState;
  // @ts-expect-error - `phase` exists only on the in-phase variant
  void s.phase;
  if (s.status === "in-phase") expectTypeOf(s.phase.index).toEqualTypeOf<number>();
  if (s.status === "discharged") expectTypeOf(s.discharge.reason).toBeString();
  // @ts-expect-error - an admitted episode always has its assessment and treatment
  const _a: EpisodeState = { ...({} as InPhaseEpisode), status: "admitted", assessment: undefined };
});

test("evaluatePhaseExit takes only an episode in a phase", () => {
  expectTypeOf(evaluatePhaseExit).parameter(0).toEqualTypeOf<InPhaseEpisode>();
});
