/**
 * Coverage → payer and plan. iopkit's participant profile has no payer or plan field, so a
 * Coverage is read into this record of its own (and the report says so, `not-mapped`).
 */
import type { IsoDate, ParticipantId } from "../../../core/index";
import type { ReadContext } from "./context";
import { datePart } from "./measures";
import type { Node } from "./node";

/** A participant's insurance coverage, read from FHIR. */
export interface FhirCoverage {
  /** The beneficiary. */
  readonly participantId: ParticipantId;
  /** `active`, `cancelled`, `draft` (FHIR's status as sent). */
  readonly status: string;
  /** The payer's name (`payor[0].display`), when given. */
  readonly payer?: string;
  /** The plan (`class` of type `plan`): its name, else its value. */
  readonly plan?: string;
  /** The group (`class` of type `group`): its name, else its value. */
  readonly group?: string;
  /** The member id (`subscriberId`, else an identifier of type `MB`). Personal data. */
  readonly memberId?: string;
  /** The coverage's type as text (e.g. `PPO`, `MEDICAID`). */
  readonly type?: string;
  /** First day covered. */
  readonly from?: IsoDate;
  /** Last day covered. */
  readonly to?: IsoDate;
  /** Where it was read from. */
  readonly source: string;
}

/** A Coverage → {@link FhirCoverage}. */
export function readCoverage(ctx: ReadContext, c: Node): FhirCoverage | undefined {
  const status = c.get("status").string();
  if (status === "entered-in-error") {
    c.issue("entered-in-error", "marked entered-in-error: skipped");
    return undefined;
  }
  const participantId = ctx.participant(c.get("beneficiary"), c);
  if (participantId === undefined) return undefined;
  const classOf = (type: string): string | undefined => {
    const k = c.list("class").find((x) =>
      x
        .get("type")
        .list("coding")
        .some((y) => y.get("code").value === type),
    );
    return k?.get("name").string() ?? k?.get("value").string();
  };
  const payerNode = c.list("payor")[0];
  const payer = payerNode?.get("display").string();
  if (payerNode !== undefined && payer === undefined)
    payerNode.issue("missing-element", "a payer without a name (display): not kept");
  const mb = c.list("identifier").find((i) =>
    i
      .get("type")
      .list("coding")
      .some((y) => y.get("code").value === "MB"),
  );
  const memberId = c.get("subscriberId").string() ?? mb?.get("value").string();
  const typeNode = c.get("type");
  const type = typeNode.get("text").string() ?? typeNode.list("coding")[0]?.get("code").string();
  const plan = classOf("plan");
  const group = classOf("group");
  const from = datePart(c.get("period").get("start").value);
  const to = datePart(c.get("period").get("end").value);
  c.issue(
    "not-mapped",
    "the participant profile has no payer or plan field: the coverage is returned as its own record",
  );
  return {
    participantId,
    status: status ?? "unknown",
    ...(payer === undefined ? {} : { payer }),
    ...(plan === undefined ? {} : { plan }),
    ...(group === undefined ? {} : { group }),
    ...(memberId === undefined ? {} : { memberId }),
    ...(type === undefined ? {} : { type }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
    source: c.path,
  };
}
