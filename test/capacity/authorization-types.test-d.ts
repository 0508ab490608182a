import { expectTypeOf, test } from "vitest";
import {
  parseAuthorization,
  type planSchedule,
  type Authorization,
  type AuthorizationInput,
  type CheckContext,
  type ParticipantId,
  type Shortfall,
} from "iopkit";
import {
  authorizationLedger,
  billableDays,
  billingRuleSets,
  medicareCertification,
  type AuthorizationWarningCode,
  type BillableDay,
  type NotBillableReason,
  type PayerBillingRules,
} from "iopkit/capacity";

test("an authorisation is a typed record; its input takes a plain participant id", () => {
  expectTypeOf(parseAuthorization).returns.toEqualTypeOf<Authorization>();
  expectTypeOf<Authorization["participantId"]>().toEqualTypeOf<ParticipantId>();
  expectTypeOf<AuthorizationInput["participantId"]>().toEqualTypeOf<string>();
  expectTypeOf<Authorization["formatVersion"]>().toEqualTypeOf<2>();
  // @ts-expect-error - "weeks" is not a unit payers count
  const _u: NonNullable<Authorization["units"]>["of"] = "weeks";
});

test("planSchedule and checkSchedule take authorisations, optionally", () => {
  expectTypeOf<Parameters<typeof planSchedule>[0]["authorizations"]>().toEqualTypeOf<
    readonly Authorization[] | undefined
  >();
  expectTypeOf<CheckContext["authorizations"]>().toEqualTypeOf<
    readonly Authorization[] | undefined
  >();
  const _s17: Shortfall["invariant"] = "S17";
  const _code: Shortfall["code"] = "units-exhausted";
  // @ts-expect-error - shortfall codes are a closed set
  const _bad: Shortfall["code"] = "no-authorization";
});

test("capacity's codes are closed unions; billing rules are data an app can write", () => {
  expectTypeOf<AuthorizationWarningCode>().toEqualTypeOf<
    | "plan-beyond-authorization"
    | "units-run-out"
    | "level-change-unauthorized"
    | "served-without-authorization"
  >();
  expectTypeOf<NotBillableReason>().toEqualTypeOf<
    "no-service-attended" | "below-minimum-hours" | "below-minimum-services" | "no-per-diem-class"
  >();
  expectTypeOf(billingRuleSets.sudIop).toEqualTypeOf<PayerBillingRules>();
  expectTypeOf(billableDays).returns.toEqualTypeOf<BillableDay[]>();
  const mine: PayerBillingRules = {
    id: "acme",
    label: "Acme IOP",
    perDiem: [
      {
        code: "H0015",
        label: "IOP day",
        minHours: 2,
        sources: [{ unverified: "Acme's contract" }],
      },
    ],
    separate: [],
    notCounted: [],
    sources: [{ source: "cms-hcpcs", section: "H0015" }],
  };
  expectTypeOf(mine).toMatchTypeOf<PayerBillingRules>();
  // @ts-expect-error - asOf is required: the ledger reads no clock
  authorizationLedger({
    program: {} as never,
    authorizations: [],
    schedule: { sessions: [] },
    attendance: [],
  });
  // @ts-expect-error - asOf is required: no clock is read
  medicareCertification({} as never, { program: {} as never });
});
