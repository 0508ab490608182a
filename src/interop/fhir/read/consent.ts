/**
 * Consent → a 42 CFR Part 2 consent. A Consent that cannot be read as one is reported
 * (`consent-unreadable`) and gives no record: it is treated as **no** consent, never as consent.
 */
import type { ParticipantId } from "../../../core/index";
import {
  informationKinds,
  safeParseConsent,
  type Consent,
  type DisclosurePurpose,
  type InformationKind,
  type Recipient,
} from "../../../participant/index";
import { incomplete } from "../consent";
import { fhirCodeSystems, fhirExtensions, hl7 } from "../fhir-urls";
import type { ReadContext } from "./context";
import { datePart } from "./measures";
import type { Node } from "./node";
import { reportExtensions } from "./patient";
import { identifierIn } from "./read-measures";

/** A Part 2 consent read from FHIR, and whose it is. */
export interface FhirConsent {
  /** Whose consent it is. */
  readonly participantId: ParticipantId;
  /** The consent, validated (`parseConsent`). Check it with `canDisclose` before any disclosure. */
  readonly consent: Consent;
  /** The Consent's FHIR status as sent (`active`, `inactive`, `draft`, `proposed`). */
  readonly status: string;
  /** Where it was read from. */
  readonly source: string;
}

const V3_PURPOSES: Readonly<Record<string, DisclosurePurpose>> = {
  TREAT: "treatment",
  HPAYMT: "payment",
  HOPERAT: "health-care-operations",
  HRESCH: "research",
  HLEGAL: "legal-proceedings",
};
const OWN_PURPOSES: readonly string[] = ["audit", "patient-request", "other"];
const TPO: readonly DisclosurePurpose[] = ["treatment", "payment", "health-care-operations"];
const INFORMATION: readonly string[] = informationKinds;

const SIGNERS: Readonly<Record<string, Consent["signedBy"]>> = {
  Guardian: "guardian",
  "Authorised representative": "authorised-representative",
};

/** A Consent → {@link FhirConsent}, or `undefined` (reported `consent-unreadable`). */
export function readConsent(ctx: ReadContext, c: Node): FhirConsent | undefined {
  const unreadable = (why: string): undefined => {
    c.issue("consent-unreadable", `${why}: treated as no consent`);
    return undefined;
  };
  const status = c.get("status").string();
  if (status === "entered-in-error") {
    c.issue("entered-in-error", "marked entered-in-error: skipped (no consent)");
    return undefined;
  }
  if (status === "rejected") return unreadable("a rejected consent (a refusal)");
  if (!["active", "inactive", "draft", "proposed"].includes(status ?? ""))
    return unreadable("no known status");
  const privacy = c
    .get("scope")
    .list("coding")
    .some(
      (x) =>
        x.get("system").value === hl7.consentScope && x.get("code").value === "patient-privacy",
    );
  if (!privacy) return unreadable("not a privacy consent (scope patient-privacy)");
  const provision = c.get("provision");
  if (provision.get("type").value !== "permit")
    return unreadable("its provision is not a permit (a denial, or no provision)");
  if (provision.list("provision").length > 0)
    return unreadable("nested provisions (exceptions) iopkit cannot represent");
  const participantId = ctx.participant(c.get("patient"), c);
  if (participantId === undefined) return unreadable("it names no participant");
  reportExtensions(c, [fhirExtensions.part2Consent]);
  const part2 = c.list("extension").find((e) => e.get("url").value === fhirExtensions.part2Consent);
  const part = (name: string): Node | undefined =>
    part2?.list("extension").find((e) => e.get("url").value === name);
  const own = identifierIn(c, ctx.system("consent"));
  const slash = own?.lastIndexOf("/") ?? -1;
  const id = own !== undefined && slash >= 0 ? own.slice(slash + 1) : (c.get("id").string() ?? own);
  if (id === undefined) return unreadable("no identifier or id to name it by");
  const recipients: Recipient[] = [];
  for (const a of provision.list("actor")) {
    const display = a.get("reference").get("display").string();
    const isClass = a
      .list("extension")
      .some(
        (e) =>
          e.get("url").value === fhirExtensions.recipientClass &&
          e.get("valueBoolean").value === true,
      );
    if (display === undefined) {
      a.get("reference").issue(
        "missing-element",
        "a recipient without a name (display): not kept, so nothing may be disclosed to it",
      );
      continue;
    }
    recipients.push(
      isClass ? { kind: "class", description: display } : { kind: "named", name: display },
    );
  }
  const purposes: DisclosurePurpose[] = [];
  for (const p of provision.list("purpose")) {
    const code = p.get("code").value;
    const system = p.get("system").value;
    const purpose =
      system === hl7.actReason && typeof code === "string"
        ? V3_PURPOSES[code]
        : system === fhirCodeSystems.disclosurePurpose && OWN_PURPOSES.includes(String(code))
          ? (code as DisclosurePurpose)
          : undefined;
    if (purpose === undefined)
      p.issue(
        "unknown-code",
        "a purpose iopkit does not know: not kept, so no disclosure is allowed for it",
      );
    else if (!purposes.includes(purpose)) purposes.push(purpose);
  }
  const information: InformationKind[] = [];
  for (const k of provision.list("class")) {
    const code = k.get("code").value;
    if (
      k.get("system").value === fhirCodeSystems.informationKind &&
      INFORMATION.includes(String(code))
    )
      information.push(code as InformationKind);
    else
      k.issue(
        "unknown-code",
        "a kind of information iopkit does not know: not kept, so it may not be disclosed",
      );
  }
  const coversAllTpo = part("coversAllTpo")?.get("valueBoolean").boolean() === true;
  const statesRightToRevoke = part("statesRightToRevoke")?.get("valueBoolean").boolean() === true;
  const amount = part("amount")?.get("valueString").string();
  const expiryEvent = part("expiryEvent")?.get("valueString").string();
  const noExpiry = part("noExpiry")?.get("valueBoolean").boolean() === true;
  const revokedOn = datePart(part("revokedOn")?.get("valueDate").value);
  const signedOn =
    datePart(c.get("dateTime").value) ?? datePart(provision.get("period").get("start").value);
  const end = datePart(provision.get("period").get("end").value);
  const performer = c.list("performer")[0];
  let signedBy: Consent["signedBy"];
  if (performer !== undefined) {
    const ref = performer.get("reference").value;
    const display = performer.get("display").value;
    if (typeof ref === "string" && ctx.participant(performer, c) === participantId)
      signedBy = "patient";
    else if (typeof display === "string") signedBy = SIGNERS[display];
    if (signedBy === undefined)
      performer.issue(
        "not-mapped",
        "a signer iopkit cannot name (patient, guardian, authorised representative): the consent is read as unsigned",
      );
  }
  const discloser = c.list("organization")[0]?.get("display").string();
  const record = {
    formatVersion: 3,
    id,
    ...(discloser === undefined ? {} : { discloser }),
    recipients,
    // A single TPO consent covers treatment, payment and health-care operations, and only them.
    purposes: coversAllTpo ? [...TPO] : purposes,
    coversAllTpo,
    information,
    ...(amount === undefined ? {} : { amount }),
    ...(signedBy === undefined ? {} : { signedBy }),
    ...(signedOn === undefined ? {} : { signedOn }),
    statesRightToRevoke,
    statements: [],
    ...(noExpiry
      ? { expiry: { kind: "none" } }
      : expiryEvent !== undefined
        ? {
            expiry: {
              kind: "event",
              event: expiryEvent,
              ...(end === undefined ? {} : { occurredOn: end }),
            },
          }
        : end !== undefined
          ? { expiry: { kind: "date", date: end } }
          : {}),
    ...(revokedOn === undefined ? {} : { revokedOn }),
  };
  const parsed = safeParseConsent(record);
  if (!parsed.success) return unreadable("its elements do not form a valid Part 2 consent");
  const consent = parsed.data;
  const ended = revokedOn !== undefined || end !== undefined;
  if (status === "inactive" && !ended)
    return unreadable("inactive, and it says neither when it was revoked nor when it ended");
  // The patient's name on the form is never in a Consent resource: it does not make one a draft.
  if (
    (status === "draft" || status === "proposed") &&
    !incomplete({ ...consent, patientName: "—" }, "9999-12-31")
  )
    return unreadable(`a ${status} consent: not yet in force`);
  return { participantId, consent, status: status ?? "", source: c.path };
}
