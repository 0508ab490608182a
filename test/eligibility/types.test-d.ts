import { expectTypeOf, test } from "vitest";
import {
  assessEligibility,
  type EligibilityDecision,
  type EligibilityOutcome,
  type Participant,
  type Program,
  type ProgramInput,
} from "iopkit";

test("assessEligibility takes typed records and returns a decision", () => {
  expectTypeOf(assessEligibility).parameter(0).toEqualTypeOf<Participant>();
  expectTypeOf(assessEligibility).parameter(1).toEqualTypeOf<Program>();
  expectTypeOf(assessEligibility).returns.toEqualTypeOf<EligibilityDecision>();
  expectTypeOf<EligibilityOutcome>().toEqualTypeOf<
    | "admit"
    | "admit-with-conditions"
    | "refer-higher"
    | "refer-lower"
    | "refer-other"
    | "needs-assessment"
  >();
  // @ts-expect-error - raw JSON must be validated first (parseParticipant / defineProgram)
  assessEligibility({}, {} as Program);
});

test("a program as written may omit defaulted fields; a validated one has them", () => {
  expectTypeOf<ProgramInput["groupCapacity"]>().toEqualTypeOf<number | undefined>();
  expectTypeOf<Program["groupCapacity"]>().toEqualTypeOf<number>();
  expectTypeOf<Program["phases"][number]["individualMinutes"]>().toEqualTypeOf<number>();
});
