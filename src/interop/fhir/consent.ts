/** Part 2 consent → Consent (scope patient-privacy, a disclosure permit under 42 CFR Part 2). @internal */
import type { Coding, Consent as FhirConsent, ConsentProvisionActor } from "@medplum/fhirtypes";
import { match } from "ts-pattern";
import type { IsoDate, ParticipantId } from "../../core/index";
import type { Consent, DisclosurePurpose } from "../../participant/index";
import { tpoPurposes, tpoStatements } from "../../privacy/index";
import { opt, optList, parts, type Draft, type FhirContext } from "./context";
import { fhirCodeSystems, fhirExtensions, hl7 } from "./fhir-urls";

/** A disclosure purpose as a v3-ActReason code, or iopkit's code where HL7 has none. */
function purposeCoding(purpose: DisclosurePurpose): Coding {
  const v3 = (code: string, display: string): Coding => ({ system: hl7.actReason, code, display });
  return match(purpose)
    .returnType<Coding>()
    .with("treatment", () => v3("TREAT", "treatment"))
    .with("payment", () => v3("HPAYMT", "healthcare payment"))
    .with("health-care-operations", () => v3("HOPERAT", "healthcare operations"))
    .with("research", () => v3("HRESCH", "healthcare research"))
    .with("legal-proceedings", () => v3("HLEGAL", "legal"))
    .with("audit", "patient-request", "other", (p) => ({
      system: fhirCodeSystems.disclosurePurpose,
      code: p,
    }))
    .exhaustive();
}

/**
 * The Part 2 elements a consent lacks (mirrors the `missing-…` reasons of `canDisclose`): an
 * incomplete consent is exported as `draft`.
 */
export function incomplete(c: Consent, today: IsoDate): boolean {
  const tpo = c.coversAllTpo;
  return (
    c.patientName === undefined ||
    (c.discloser === undefined && c.discloserClass === undefined) ||
    (c.recipients.length === 0 && !tpo) ||
    (c.purposes.length === 0 && !tpo) ||
    c.information.length === 0 ||
    (tpo && tpoStatements.some((s) => !c.statements.includes(s))) ||
    c.signedBy === undefined ||
    (c.signedBy !== "patient" && c.signerBasis === undefined) ||
    c.signedOn === undefined ||
    c.signedOn > today ||
    !c.statesRightToRevoke ||
    c.expiry === undefined ||
    (c.expiry.kind === "none" && !tpo)
  );
}

/**
 * Consent status on `today` (the program-zone date of `now`): `inactive` once revoked (on or
 * before today), past its expiry date, or after its expiry event occurred (on or before today);
 * else `draft` while an element Part 2 requires is missing or it is signed after today; else
 * `active`.
 */
export function consentStatus(c: Consent, today: IsoDate): FhirConsent["status"] {
  const e = c.expiry;
  const ended =
    (c.revokedOn !== undefined && c.revokedOn <= today) ||
    (e?.kind === "date" && e.date < today) ||
    (e?.kind === "event" && e.occurredOn !== undefined && e.occurredOn <= today);
  if (ended) return "inactive";
  return incomplete(c, today) ? "draft" : "active";
}

const SIGNERS = {
  guardian: "Guardian",
  "authorised-representative": "Authorised representative",
} as const;

/** A participant's Part 2 consent. */
export function consentDraft(ctx: FhirContext, participantId: ParticipantId, c: Consent): Draft {
  const value = `${participantId}/${c.id}`;
  const e = c.expiry;
  const end = e?.kind === "date" ? e.date : e?.kind === "event" ? e.occurredOn : undefined;
  const start = c.signedOn;
  const purposes = [...new Set([...c.purposes, ...(c.coversAllTpo ? tpoPurposes : [])])];
  const role = (code: "IRCP", display: string) => ({
    coding: [{ system: hl7.participationType, code, display }],
  });
  const actors: ConsentProvisionActor[] = c.recipients.map((r) =>
    r.kind === "named"
      ? { role: role("IRCP", "information recipient"), reference: { display: r.name } }
      : {
          extension: [{ url: fhirExtensions.recipientClass, valueBoolean: true }],
          role: role("IRCP", "information recipient"),
          reference: { display: r.description },
        },
  );
  const resource: FhirConsent = {
    resourceType: "Consent",
    extension: [
      parts(fhirExtensions.part2Consent, {
        statesRightToRevoke: { valueBoolean: c.statesRightToRevoke },
        coversAllTpo: { valueBoolean: c.coversAllTpo },
        amount:
          c.amount === undefined || c.amount.trim() === "" ? undefined : { valueString: c.amount },
        expiryEvent: e?.kind === "event" ? { valueString: e.event } : undefined,
        noExpiry: e?.kind === "none" ? { valueBoolean: true } : undefined,
        revokedOn: c.revokedOn === undefined ? undefined : { valueDate: c.revokedOn },
      }),
    ],
    identifier: [ctx.identifier("consent", value)],
    status: consentStatus(c, ctx.today),
    scope: {
      coding: [{ system: hl7.consentScope, code: "patient-privacy", display: "Privacy Consent" }],
    },
    category: [
      { coding: [{ system: hl7.loinc, code: "59284-0", display: "Patient Consent" }] },
      { coding: [{ system: hl7.actCode, code: "IDSCL", display: "information disclosure" }] },
    ],
    patient: ctx.patient(participantId),
    ...opt("dateTime", c.signedOn),
    ...(c.signedBy === undefined
      ? {}
      : {
          performer: [
            c.signedBy === "patient"
              ? ctx.patient(participantId)
              : { type: "RelatedPerson" as const, display: SIGNERS[c.signedBy] },
          ],
        }),
    ...(c.discloser === undefined && c.discloserClass === undefined
      ? {}
      : { organization: [{ display: c.discloser ?? c.discloserClass ?? "" }] }),
    policy: [{ authority: "https://www.ecfr.gov", uri: hl7.part2 }],
    policyRule: { coding: [{ system: hl7.actCode, code: "42CFRPart2", display: "42 CFR Part2" }] },
    provision: {
      type: "permit",
      ...opt(
        "period",
        start !== undefined && (end === undefined || end >= start)
          ? { start, ...opt("end", end) }
          : end === undefined
            ? undefined
            : { end },
      ),
      ...optList("actor", actors),
      action: [{ coding: [{ system: hl7.consentAction, code: "disclose", display: "Disclose" }] }],
      ...optList("purpose", purposes.map(purposeCoding)),
      ...optList(
        "class",
        c.information.map((k) => ({ system: fhirCodeSystems.informationKind, code: k })),
      ),
    },
  };
  return {
    resource,
    kind: "consent",
    value,
    sud: true,
    sortKey: `${participantId}|${c.signedOn ?? ""}|${value}`,
  };
}
