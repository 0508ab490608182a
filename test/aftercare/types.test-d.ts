import { expectTypeOf, test } from "vitest";
import {
  planAftercare,
  reviewAftercare,
  type AftercareComponent,
  type AftercareEpisode,
  type AftercarePlan,
  type AftercareReview,
  type CheckInOutcome,
  type ComponentOf,
  type DischargedEpisode,
  type EpisodeState,
  type InPhaseEpisode,
  type Participant,
  type Program,
  type RecommendationCode,
} from "iopkit";

declare const participant: Participant;
declare const program: Program;

test("planAftercare takes only an episode that has a discharge", () => {
  expectTypeOf(planAftercare)
    .parameter(0)
    .toHaveProperty("episode")
    .toEqualTypeOf<DischargedEpisode | AftercareEpisode>();
  expectTypeOf(planAftercare).returns.toEqualTypeOf<AftercarePlan>();
  const inPhase = {} as InPhaseEpisode;
  // @ts-expect-error - an episode in a phase has no discharge to plan from
  planAftercare({ participant, program, episode: inPhase, from: "2026-06-01" });
  const any = {} as EpisodeState;
  // @ts-expect-error - narrow the state first (status "discharged" or "aftercare")
  planAftercare({ participant, program, episode: any, from: "2026-06-01" });
  if (any.status === "discharged" || any.status === "aftercare")
    expectTypeOf(
      planAftercare({ participant, program, episode: any, from: "2026-06-01" }),
    ).toEqualTypeOf<AftercarePlan>();
});

test("components are a union told apart by kind, each with its own fields and a reason", () => {
  const c = {} as AftercareComponent;
  expectTypeOf(c.reason.code).toBeString();
  // @ts-expect-error - checkIns exist only on the monitoring component
  void c.checkIns;
  if (c.kind === "monitoring") expectTypeOf(c.checkIns[0]?.due).toEqualTypeOf<string | undefined>();
  if (c.kind === "medication-continuity") expectTypeOf(c.firstFollowUp).toBeString();
  expectTypeOf<ComponentOf<"warm-handoff">["to"]>().toEqualTypeOf<
    | "higher-level"
    | "lower-level"
    | "same-level-elsewhere"
    | "medical-care"
    | "correctional-health-care"
  >();
  // @ts-expect-error - "spa-weekend" is not a component kind
  const _k: AftercareComponent["kind"] = "spa-weekend";
});

test("a missed check-in is a status, and recommendations never discharge", () => {
  expectTypeOf<CheckInOutcome["status"]>().toEqualTypeOf<"completed" | "missed">();
  expectTypeOf<RecommendationCode>().toEqualTypeOf<
    | "outreach"
    | "earlier-check-in"
    | "review-relapse-prevention-plan"
    | "reassess-for-iop"
    | "encourage-mutual-support"
  >();
  // @ts-expect-error - aftercare never recommends discharge (seed 000: relapse is not failure)
  const _r: RecommendationCode = "discharge";
  expectTypeOf(reviewAftercare).returns.toEqualTypeOf<AftercareReview>();
});
