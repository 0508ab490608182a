import { expectTypeOf, test } from "vitest";
import {
  canDisclose,
  canDiscloseUnder,
  redact,
  type ConsentsDecision,
  type DisclosureDecision,
  type DisclosureDenied,
  type DisclosureRequest,
  type Part2Element,
  type RedactionPolicyInput,
} from "iopkit/privacy";
import type { Consent, Participant } from "iopkit/participant";

declare const consent: Consent;
declare const request: DisclosureRequest;
declare const participant: Participant;

test("decisions narrow on allowed", () => {
  const d = canDisclose(consent, request);
  expectTypeOf(d).toEqualTypeOf<DisclosureDecision>();
  if (d.allowed) expectTypeOf(d.notice).toEqualTypeOf<string>();
  else {
    // @ts-expect-error - a denial carries no notice
    void d.notice;
    expectTypeOf(d.reasons[0]?.element).toEqualTypeOf<Part2Element | undefined>();
  }
  const u = canDiscloseUnder([consent], request);
  expectTypeOf(u).toEqualTypeOf<ConsentsDecision>();
  if (!u.allowed) expectTypeOf(u.denials).toEqualTypeOf<DisclosureDenied[]>();
});

test("canDisclose takes validated records", () => {
  // @ts-expect-error - a plain string is not a ConsentId: parse the consent first
  canDisclose({ ...consent, id: "c-1" }, request);
  // @ts-expect-error - unknown input must go through parseDisclosureRequest
  canDisclose(consent, {} as unknown);
});

test("redact keeps the record's type; every policy field is optional", () => {
  expectTypeOf(redact(participant)).toEqualTypeOf<Participant>();
  expectTypeOf(redact([1, 2], {})).toEqualTypeOf<number[]>();
  const p: RedactionPolicyInput = { dates: "shift", shiftDays: 3 };
  expectTypeOf(p).toExtend<RedactionPolicyInput>();
  // @ts-expect-error - not a mode
  redact(participant, { mode: "erase" });
});
