/** What `canDisclose` and `canDiscloseUnder` answer: allowed or denied, with every reason. */
import * as z from "zod/mini";
import { array, discriminatedUnion, strictObject } from "../core/zod";
import { ConsentId } from "../core/index";
import { built, lazySchema, variant, type Schema } from "../core/schema";
import type { SourceId } from "../core/sources";

/**
 * The Part 2 element a finding concerns. The consent elements are those of 42 CFR 2.31(a) as
 * amended in 2024 (`cfr-42-part-2`, § 2.31(a)): `patient` (name), `discloser` (who may disclose),
 * `recipient`, `purpose`, `information` (what kind), `statements` (those a single TPO consent
 * must carry), `signature`, `signature-date`, `right-to-revoke`, `expiry`. The others are states
 * and rules around them: `revocation` (the patient revoked), `counselling-notes` (SUD counselling
 * notes need a consent of their own, § 2.31(b)), and `consent` (no consent at all, from
 * `canDiscloseUnder`).
 */
export const part2Elements = [
  "patient",
  "discloser",
  "recipient",
  "purpose",
  "information",
  "statements",
  "signature",
  "signature-date",
  "right-to-revoke",
  "expiry",
  "revocation",
  "counselling-notes",
  "consent",
] as const;
/** A Part 2 element, e.g. `"expiry"`: one of {@link part2Elements}. */
export type Part2Element = (typeof part2Elements)[number];
/** The schema of a {@link Part2Element}. */
export const Part2Element: Schema<Part2Element> = /* @__PURE__ */ lazySchema(() =>
  z.enum(part2Elements),
);

/**
 * The codes of a {@link DisclosureReason}, element by element: how an element was met (e.g.
 * `patient-named`, `recipient-tpo-class`, `expires-later`) or why it was not (e.g.
 * `missing-signature`, `purpose-not-covered`, `revoked`), and the summaries of `canDiscloseUnder`
 * (`no-consent`, `no-consent-allows`).
 */
export const disclosureReasonCodes = [
  "missing-patient-name",
  "patient-mismatch",
  "patient-named",
  "missing-discloser",
  "discloser-not-named",
  "discloser-named",
  "discloser-in-class",
  "missing-recipients",
  "recipient-named",
  "recipient-in-class",
  "recipient-tpo-class",
  "recipient-not-covered",
  "legal-proceedings-need-court-order",
  "missing-purpose",
  "purpose-listed",
  "purpose-tpo",
  "purpose-not-covered",
  "tpo-consent-non-tpo-purpose",
  "missing-information",
  "information-covered",
  "information-not-covered",
  "counselling-notes-own-consent",
  "counselling-notes-combined",
  "counselling-notes-with-other-information",
  "counselling-notes-under-tpo",
  "counselling-notes-not-covered",
  "missing-how-to-revoke",
  "missing-hipaa-redisclosure-statement",
  "missing-redisclosure-risk-statement",
  "missing-consequences-of-refusal-statement",
  "tpo-statements-present",
  "missing-signature",
  "signer-basis-missing",
  "signer-basis-contradicts-signer",
  "minor-must-cosign",
  "signed",
  "signed-by-representative",
  "missing-signature-date",
  "signed-after-request",
  "signed-before",
  "missing-right-to-revoke",
  "states-right-to-revoke",
  "missing-expiry",
  "expiry-none-needs-tpo",
  "tpo-no-expiry",
  "expired",
  "expires-later",
  "expiry-event-occurred",
  "expiry-event-pending",
  "revoked",
  "not-revoked",
  "no-consent",
  "no-consent-allows",
] as const;
/** The code of a {@link DisclosureReason}: one of {@link disclosureReasonCodes}. */
export type DisclosureReasonCode = (typeof disclosureReasonCodes)[number];

/**
 * The public source a finding rests on: an id of the sources registry (iopkit/sources) and the
 * section, e.g. `{ source: "cfr-42-part-2", section: "§ 2.31(a)(4)(iii)" }`; render it with
 * `formatCitation`. A `Citation` whose section is always present.
 */
export interface DisclosureCitation {
  /** The registry id, e.g. `"cfr-42-part-2"`. */
  source: SourceId;
  /** The section, e.g. `"§ 2.33(a)(2)"`. */
  section: string;
}

/**
 * One finding: a stable kebab-case `code`, the Part 2 `element` concerned, the regulation section
 * it rests on (`source`) and a sentence for people. Messages quote dates, kinds and purposes but
 * never names, so decisions can be logged.
 */
export interface DisclosureReason {
  /** What was found. */
  code: DisclosureReasonCode;
  /** The element it concerns. */
  element: Part2Element;
  /** The section of the regulation (or of a guidance on it) the finding rests on. */
  source: DisclosureCitation;
  /** A sentence for people. */
  message: string;
}
/** The schema of a {@link DisclosureReason}. */
export const DisclosureReason: Schema<DisclosureReason> = /* @__PURE__ */ lazySchema(() =>
  strictObject({
    code: z.enum(disclosureReasonCodes),
    element: Part2Element,
    source: strictObject({
      // A registry id (kebab case); the registry itself is not bundled with the privacy module.
      source: z.custom<SourceId>(
        (v) => typeof v === "string" && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v),
        "must be an id of the sources registry",
      ),
      section: z.string(),
    }),
    message: z.string(),
  }),
);

/** The disclosure is allowed: `reasons` say how each element was met. */
export interface DisclosureAllowed {
  /** Always `true`. */
  allowed: true;
  /** The consent that allows it. */
  consentId: ConsentId;
  /** The notice that must accompany the disclosure (42 CFR 2.32(a)). */
  notice: string;
  /**
   * A plain-language statement of the consent's scope, to send with the disclosure where a copy of
   * the consent is not sent (the 2024 rule's § 2.32 asks for a copy of the consent or a clear
   * explanation of its scope — unverified wording). It quotes the consent's discloser and
   * recipients, not the patient's name.
   */
  scope: string;
  /** How each element was met. */
  reasons: DisclosureReason[];
}
/** A disclosure allowed as an app writes it (the consent id as a plain string). */
export interface DisclosureAllowedInput extends Omit<DisclosureAllowed, "consentId"> {
  /** See {@link DisclosureAllowed.consentId}. */
  consentId: string;
}
/** The schema of a {@link DisclosureAllowed}. */
export const DisclosureAllowed: Schema<DisclosureAllowed, DisclosureAllowedInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      allowed: z.literal(true),
      consentId: ConsentId,
      notice: z.string(),
      scope: z.string(),
      reasons: array(built(DisclosureReason)),
    }),
  );

/** The disclosure is denied under this consent: `reasons` lists every problem, never just the first. */
export interface DisclosureDenied {
  /** Always `false`. */
  allowed: false;
  /** The consent that was checked. */
  consentId: ConsentId;
  /** Every problem (at least one). */
  reasons: DisclosureReason[];
}
/** A denial as an app writes it (the consent id as a plain string). */
export interface DisclosureDeniedInput extends Omit<DisclosureDenied, "consentId"> {
  /** See {@link DisclosureDenied.consentId}. */
  consentId: string;
}
/** The schema of a {@link DisclosureDenied}. */
export const DisclosureDenied: Schema<DisclosureDenied, DisclosureDeniedInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      allowed: z.literal(false),
      consentId: ConsentId,
      reasons: array(built(DisclosureReason)).check(z.minLength(1)),
    }),
  );

/** What `canDisclose` answers: allowed (with notice and scope) or denied (with every reason). Narrow on `allowed`. */
export type DisclosureDecision = DisclosureAllowed | DisclosureDenied;
/** The schema of a {@link DisclosureDecision}. */
export const DisclosureDecision: Schema<
  DisclosureDecision,
  DisclosureAllowedInput | DisclosureDeniedInput
> = /* @__PURE__ */ lazySchema(() =>
  discriminatedUnion("allowed", [variant(DisclosureAllowed), variant(DisclosureDenied)]),
);

/**
 * No consent allows the disclosure: one summary reason (element `consent`) and each consent's
 * denial, in the order the consents were given (empty when there was no consent).
 */
export interface DisclosureRefused {
  /** Always `false`. */
  allowed: false;
  /** The summary (at least one reason). */
  reasons: DisclosureReason[];
  /** Each consent's denial. */
  denials: DisclosureDenied[];
}
/** A refusal as an app writes it (consent ids as plain strings). */
export interface DisclosureRefusedInput extends Omit<DisclosureRefused, "denials"> {
  /** See {@link DisclosureRefused.denials}. */
  denials: DisclosureDeniedInput[];
}
/** The schema of a {@link DisclosureRefused}. */
export const DisclosureRefused: Schema<DisclosureRefused, DisclosureRefusedInput> =
  /* @__PURE__ */ lazySchema(() =>
    strictObject({
      allowed: z.literal(false),
      reasons: array(built(DisclosureReason)).check(z.minLength(1)),
      denials: array(built(DisclosureDenied)),
    }),
  );

/** What `canDiscloseUnder` answers: allowed under one of several consents, or refused with every consent's reasons. */
export type ConsentsDecision = DisclosureAllowed | DisclosureRefused;
/** The schema of a {@link ConsentsDecision}. */
export const ConsentsDecision: Schema<
  ConsentsDecision,
  DisclosureAllowedInput | DisclosureRefusedInput
> = /* @__PURE__ */ lazySchema(() =>
  discriminatedUnion("allowed", [variant(DisclosureAllowed), variant(DisclosureRefused)]),
);
